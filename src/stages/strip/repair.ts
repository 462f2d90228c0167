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

const OPENERS = '（(“‘「『《【[';
const CLOSERS = '）)”’」』》】]';

/** True when the text opens more brackets or quotes than it closes. */
function hasUnclosed(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
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
  if (NEW_POINT.test(next.text)) return false;
  // Lines ending in a link are list entries (`极速下载站:https://www.yaorank.com/`), not broken prose.
  if (URL_END.test(prev.text)) return false;
  if (headerOf(prev, t.headerLineChars) || headerOf(next, t.headerLineChars)) return false;
  if (hasUnclosed(prev.text)) return true;
  // Page furniture is never half a sentence.
  if (matchPhrase(prev, t) || matchPhrase(next, t)) return false;
  return prev.chars >= t.joinMinChars && prev.punct >= 2;
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
