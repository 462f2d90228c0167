/**
 * Text and Markdown → blocks, one a line. Markdown front matter is read into
 * metadata and removed; comments (`<!--more-->`), images and empty links are
 * dropped; links keep their text; emphasis markers go. A page flattened into
 * one long line is cut at its ideographic-space paragraph marks, after list
 * teasers ending in an ellipsis, and at the seams where page furniture is
 * glued onto content: header and credit labels with a colon (`来源：`,
 * `发稿时间：`, `编辑：`) and the furniture words of data/seams.txt
 * (`首页`, `新闻热线`, `Copyright`, `版权声明`, `当前位置`).
 */
import type { Removal } from '../../core/record.js';
import { makeBlock, type Block, type BlockKind } from './blocks.js';
import { isSpace, normalizeSpaces, visibleLength } from './chars.js';
import { stripData } from './data.js';
import { findLabelHits } from './labels.js';
import type { Reason } from './reasons.js';

export interface FrontMatter {
  [key: string]: string | string[];
}

export interface TextDocument {
  blocks: Block[];
  frontMatter?: FrontMatter;
  /** URLs of links whose text names the original article (`[转入文章首发地址](url)`). */
  sourceUrls: string[];
  removed: Removal[];
}

/** Reads `---`-delimited YAML-like front matter (scalars and `- item` lists). */
function parseFrontMatter(lines: string[]): { data: FrontMatter; end: number } | undefined {
  if (lines[0]?.trim() !== '---') return undefined;
  const data: FrontMatter = {};
  let key: string | undefined;
  for (let i = 1; i < Math.min(lines.length, 200); i++) {
    const line = lines[i]!;
    if (line.trim() === '---' || line.trim() === '...') return { data, end: i + 1 };
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && key !== undefined) {
      const prev = data[key];
      const value = unquote(item[1]!.trim());
      data[key] = Array.isArray(prev) ? [...prev, value] : prev ? [prev, value] : [value];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]{0,40})\s*:\s?(.*)$/.exec(line);
    if (!pair) continue;
    key = pair[1]!.toLowerCase();
    const value = pair[2]!.trim();
    data[key] = value.startsWith('[') && value.endsWith(']')
      ? value.slice(1, -1).split(',').map((v) => unquote(v.trim())).filter((v) => v !== '')
      : unquote(value);
  }
  return undefined;
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** Removes `<!-- … -->` comments with indexOf (no regex backtracking on unclosed ones). */
function stripComments(text: string, removed: Removal[]): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open);
    const body = text.slice(open + 4, close).trim();
    removed.push({ text: `<!--${body}-->`, reason: body === 'more' ? 'front-matter' : 'comment' });
    from = close + 3;
  }
  return out + text.slice(from);
}

/** Link texts that name the original article: the `source_url` labels of data/header-labels.txt. */
function namesOriginal(label: string): boolean {
  for (const [word, field] of stripData().headerLabels) if (field === 'source_url' && label.includes(word)) return true;
  return false;
}

interface LineParts {
  text: string;
  kind: BlockKind;
  junk?: Reason;
}

/**
 * Markdown inline syntax → plain text. Images and empty links are junk;
 * links keep their text; a link naming the original article records its URL.
 */
function markdownLine(line: string, sourceUrls: string[]): LineParts {
  let text = line;
  let kind: BlockKind = 'paragraph';
  const heading = /^\s{0,3}#{1,6}\s+/.exec(text);
  if (heading) {
    kind = 'heading';
    text = text.slice(heading[0].length).replace(/\s#+\s*$/, '');
  } else {
    // Bullets go; ordered-list numbers are part of the item's text.
    const bullet = /^\s{0,6}[-*+]\s+/.exec(text);
    const numbered = /^\s{0,6}\d{1,3}[.)]\s+/.exec(text);
    if (bullet) {
      kind = 'item';
      text = text.slice(bullet[0].length);
    } else if (numbered) kind = 'item';
  }
  text = text.replace(/^\s{0,3}>\s?/, '');
  text = text.replace(/!\[[^\]]{0,200}\]\([^)]{0,500}\)/g, '');
  let sourceLink = false;
  text = text.replace(/\[([^\]]{0,200})\]\(([^)\s]{0,500})(?:\s+"[^"]{0,200}")?\)/g, (_m, label: string, url: string) => {
    if (namesOriginal(label)) {
      sourceUrls.push(url);
      sourceLink = true;
      return '';
    }
    return label;
  });
  // Emphasis and code markers; a marker pair around nothing but punctuation is stray.
  text = text.replace(/\*\*|__|~~|`/g, '');
  if (visibleLength(text) === 0) {
    // A line that only linked the original article went to metadata.source_url.
    return { text: '', kind, junk: sourceLink ? 'header-line' : 'image-junk' };
  }
  return { text, kind };
}

function isListMarkerLine(text: string): boolean {
  return /^\s{0,6}[-*+]\s+/.test(text);
}

interface Piece {
  text: string;
  /** Cut at a seam (may be mid-sentence) rather than at a paragraph mark or after a teaser. */
  seam: boolean;
}

/** Seam words for flattened lines, longest first. */
let seamWords: string[] | undefined;
function seams(): string[] {
  seamWords ??= [...stripData().seams].sort((a, b) => b.length - a.length);
  return seamWords;
}

/**
 * Cuts one flattened line into pieces: at runs of two or more ideographic
 * spaces (paragraph marks), after list teasers ending in an ellipsis, before
 * every header/credit label with a colon and before every seam word
 * (data/seams.txt) that does not sit inside another seam word.
 */
export function splitFlattened(line: string): Piece[] {
  const cuts = new Map<number, boolean>();
  let run = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x3000) run++;
    else if (!isSpace(code)) {
      if (run >= 2) cuts.set(i, false);
      run = 0;
    }
  }
  // Teasers: `标题摘要...` followed directly by the next item.
  for (let at = line.indexOf('...'); at >= 0; at = line.indexOf('...', at + 3)) {
    let end = at + 3;
    while (end < line.length && (line[end] === '.' || line[end] === '…')) end++;
    if (end < line.length && !isSpace(line.charCodeAt(end))) cuts.set(end, false);
    at = end - 3;
  }
  const seamCut = (at: number): void => {
    if (at > 0 && !cuts.has(at)) cuts.set(at, true);
  };
  for (const hit of findLabelHits(line)) seamCut(hit.start);
  // Longest seams first; a shorter one inside a longer one (`首页` in `网站首页`) is no cut.
  const covered = new Uint8Array(line.length);
  for (const word of seams()) {
    for (let at = line.indexOf(word); at >= 0; at = line.indexOf(word, at + word.length)) {
      if (covered[at] === 1) continue;
      covered.fill(1, at, at + word.length);
      seamCut(at);
    }
  }
  const pieces: Piece[] = [];
  let from = 0;
  let seam = false;
  for (const cut of [...cuts.keys()].sort((a, b) => a - b)) {
    pieces.push({ text: line.slice(from, cut), seam });
    from = cut;
    seam = cuts.get(cut)!;
  }
  pieces.push({ text: line.slice(from), seam });
  return pieces.filter((p) => visibleLength(p.text) > 0);
}

export function parseText(input: string, markdown: boolean): TextDocument {
  const removed: Removal[] = [];
  const sourceUrls: string[] = [];
  let text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  let lines = text.split('\n');
  let frontMatter: FrontMatter | undefined;
  const fm = parseFrontMatter(lines);
  if (fm) {
    frontMatter = fm.data;
    removed.push({ text: lines.slice(0, fm.end).join('\n'), reason: 'front-matter' });
    lines = lines.slice(fm.end);
    markdown = true;
  }
  text = stripComments(lines.join('\n'), removed);
  lines = text.split('\n');
  const { flattenedLineChars } = stripData().thresholds;
  const blocks: Block[] = [];
  for (const raw of lines) {
    if (visibleLength(raw) === 0) continue;
    const parts: LineParts = markdown ? markdownLine(raw, sourceUrls) : { text: raw, kind: isListMarkerLine(raw) ? 'item' : 'paragraph' };
    if (parts.junk) {
      removed.push({ text: raw.trim(), reason: parts.junk });
      continue;
    }
    if (parts.text === '') continue;
    const pieces = visibleLength(parts.text) >= flattenedLineChars ? splitFlattened(parts.text) : [{ text: parts.text, seam: false }];
    pieces.forEach((piece, i) => {
      const t = normalizeSpaces(piece.text);
      if (t !== '') blocks.push(makeBlock(t, parts.kind, { joinable: i === 0 || piece.seam }));
    });
  }
  return { blocks, frontMatter, sourceUrls, removed };
}
