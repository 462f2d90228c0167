/**
 * Repairs lines broken mid-sentence (crawlers wrap text, Markdown converters
 * break at inline markup): a paragraph line that does not end a sentence is
 * continued by the next one when it is clearly cut — an unclosed bracket or
 * quote, or a long line that reads like prose — and never across headings,
 * list items, header lines or numbered points. A line of bare punctuation left
 * by stray emphasis (`**。**`) goes back onto the line before it.
 */
import { appendBlock, type Block } from './blocks.js';
import { endsSentence, hasWordChar } from './chars.js';
import type { Thresholds } from './data.js';
import { headerOf } from './labels.js';
import { matchPhrase } from './phrases.js';

const OPENERS = new Set(Array.from('（(“‘「『《【[').map((c) => c.charCodeAt(0)));
const CLOSERS = new Set(Array.from('）)”’」』》】]').map((c) => c.charCodeAt(0)));

/** True when the text opens more brackets or quotes than it closes. */
function hasUnclosed(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (OPENERS.has(code)) depth++;
    else if (depth > 0 && CLOSERS.has(code)) depth--;
  }
  return depth > 0;
}

/** A numbered point or list marker at the start of a line (`1.`, `一、`, `（三）`, `第二，`). */
const NEW_POINT = /^(?:\d{1,3}[.、)）]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[，,、是])/;

/** A line that opens with a comma or closing mark continues the line before it. */
const CONTINUATION_START = /^[，、；：,;:）)”’」』》]/;

const URL_END = /(?:https?:\/\/|www\.)[^\s]{1,300}$/;

function isPunctuationOnly(block: Block): boolean {
  return block.chars > 0 && block.chars <= 3 && !hasWordChar(block.text);
}

function continues(prev: Block, next: Block, t: Thresholds): boolean {
  if (!next.joinable || prev.kind !== 'paragraph' || next.kind !== 'paragraph') return false;
  if (endsSentence(prev.text)) return false;
  if (isPunctuationOnly(next) || CONTINUATION_START.test(next.text)) return true;
  const unclosed = hasUnclosed(prev.text);
  if (!unclosed && !(prev.chars >= t.joinMinChars && prev.punct >= 2)) return false;
  if (NEW_POINT.test(next.text)) return false;
  // Lines ending in a link are list entries (`极速下载站:https://www.yaorank.com/`), not broken prose.
  if (URL_END.test(prev.text)) return false;
  if (headerOf(prev, t.headerLineChars) || headerOf(next, t.headerLineChars)) return false;
  // Page furniture is never half a sentence.
  return unclosed || !(matchPhrase(prev, t) || matchPhrase(next, t));
}

export function joinBrokenLines(blocks: Block[], t: Thresholds): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, block, t)) appendBlock(prev, block);
    else out.push(block);
  }
  return out;
}
