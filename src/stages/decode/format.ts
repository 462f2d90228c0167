/**
 * What a decoded document holds: HTML, Markdown or plain text, judged from its
 * content; the file extension only breaks ties (a `.txt` holding HTML is HTML,
 * a `.md` file with no Markdown syntax is still Markdown). Thresholds are in
 * data/detection.txt, HTML element names in data/html-elements.txt.
 *
 * Every pattern here has bounded repetition, so the scan stays linear on
 * inputs like 200,000 `[` characters.
 */
import type { Format } from '../../core/record.js';
import { readList } from '../../core/wordlist.js';
import { param } from './params.js';

const HTML_ELEMENTS = new Set(readList('stages/decode/data/html-elements.txt'));

const HTML_DOCUMENT = /<!doctype[ \t\r\n]+html|<(?:html|head|body)[ \t\r\n>]/i;
const TAG = /<\/?([a-z][a-z0-9]{0,15})(?=[ \t\r\n/>])/gi;

/** Markdown constructs, each counted as one kind of signal. */
const MARKDOWN_SIGNALS: Record<string, RegExp> = {
  heading: /^#{1,6}[ \t]+\S/gm,
  image: /!\[[^\]\n]{0,200}\]\([^)\s]{1,500}\)/g,
  link: /(?<!!)\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/g,
  emphasis: /\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__/g,
  fence: /^(?:```|~~~)/gm,
};
/** Constructs plain text has too (dash lists, quoted lines): they add a kind, not a count. */
const WEAK_MARKDOWN_SIGNALS: Record<string, RegExp> = {
  list: /^[ \t]{0,3}[-*+][ \t]+\S/gm,
  quote: /^>[ \t]/gm,
};
const MAX_COUNT = 100;

const EXTENSION_HINTS: Record<string, Format> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  xhtml: 'html',
};

function countMatches(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < MAX_COUNT && pattern.exec(text)) count++;
  return count;
}

/** A YAML front matter block: `---` on the first line, closed by `---` or `...` a few lines on. */
function hasFrontMatter(text: string): boolean {
  if (!/^---[ \t]*\r?\n/.test(text)) return false;
  const head = text.slice(0, 4096);
  const close = head.search(/\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  return close > 0 && /^[A-Za-z_][\w-]{0,40}:/m.test(head.slice(0, close));
}

/** The file extension without `.gz`, lowercased. */
function extensionOf(fileName: string | undefined): string | undefined {
  const base = fileName?.replace(/\.gz$/i, '');
  const dot = base?.lastIndexOf('.') ?? -1;
  return dot >= 0 ? base!.slice(dot + 1).toLowerCase() : undefined;
}

export function sniffFormat(text: string, fileName?: string): Format {
  const window = text.slice(0, param('format-window')).trimStart();
  const hint = EXTENSION_HINTS[extensionOf(fileName) ?? ''];
  if (HTML_DOCUMENT.test(window)) return 'html';

  let htmlTags = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(window); m && htmlTags < MAX_COUNT; m = TAG.exec(window)) {
    if (HTML_ELEMENTS.has(m[1]!.toLowerCase())) htmlTags++;
  }

  if (hasFrontMatter(window)) return 'markdown';
  let signals = 0;
  let kinds = 0;
  for (const pattern of Object.values(MARKDOWN_SIGNALS)) {
    const n = countMatches(window, pattern);
    signals += n;
    if (n > 0) kinds++;
  }
  for (const pattern of Object.values(WEAK_MARKDOWN_SIGNALS)) if (countMatches(window, pattern) > 0) kinds++;
  const markdown = signals > 0 && (kinds >= param('markdown-min-kinds') || signals >= param('markdown-min-signals'));
  const html = htmlTags >= param('html-min-tags');

  if (html && (!markdown || htmlTags > signals)) return 'html';
  if (markdown) return 'markdown';
  if (hint === 'html' && htmlTags > 0) return 'html';
  if (hint === 'markdown') return 'markdown';
  return 'text';
}
