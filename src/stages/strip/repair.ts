/**
 * Repairs lines broken mid-sentence (crawlers wrap text, Markdown converters
 * break at inline markup): a paragraph line that does not end a sentence is
 * continued by the next one when it is clearly cut — an unclosed bracket or
 * quote, or a long line that reads like prose — and never across headings,
 * list items, header lines or numbered points. A line of bare punctuation left
 * by stray emphasis (`**。**`) goes back onto the line before it.
 */
import { absorb, joinLines, type Block } from './blocks.js';
import { endsSentence, hasWordChar } from './chars.js';
import type { Thresholds } from './data.js';
import { headerOf } from './labels.js';
import { matchPhrase } from './phrases.js';

/** Per UTF-16 code unit: 1 for an opening bracket or quote, -1 for a closing one (every block's text is scanned). */
const BRACKET = new Int8Array(0x10000);
for (const ch of '（(“‘「『《【[') BRACKET[ch.charCodeAt(0)] = 1;
for (const ch of '）)”’」』》】]') BRACKET[ch.charCodeAt(0)] = -1;

/** Brackets and quotes the text leaves open, continuing from `depth` already open before it. */
function openAfter(text: string, depth = 0): number {
  for (let i = 0; i < text.length; i++) {
    const bracket = BRACKET[text.charCodeAt(i)]!;
    if (bracket > 0) depth++;
    else if (bracket < 0 && depth > 0) depth--;
  }
  return depth;
}

/** A numbered point or list marker at the start of a line (`1.`, `一、`, `（三）`, `第二，`). */
const NEW_POINT = /^(?:\d{1,3}[.、)）]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]{1,3}[，,、是])/;

/** A line that opens with a comma or closing mark continues the line before it. */
const CONTINUATION_START = /^[，、；：,;:）)”’」』》]/;

const URL_END = /(?:https?:\/\/|www\.)[^\s]{1,300}$/;

function isPunctuationOnly(block: Block): boolean {
  return block.chars > 0 && block.chars <= 3 && !hasWordChar(block.text);
}

/**
 * Whether `next` continues `prev`. `prevLast` is the last line joined into
 * `prev` so far (its end is prev's end) and `prevOpen` the brackets and quotes
 * prev leaves open; both are kept by the caller, so a long joined paragraph is
 * never rescanned.
 */
function continues(prev: Block, prevLast: string, joined: boolean, prevOpen: number, next: Block, t: Thresholds): boolean {
  if (!next.joinable || prev.kind !== 'paragraph' || next.kind !== 'paragraph') return false;
  if (endsSentence(prevLast)) return false;
  if (isPunctuationOnly(next) || CONTINUATION_START.test(next.text)) return true;
  const unclosed = prevOpen > 0;
  if (!unclosed && !(prev.chars >= t.joinMinChars && prev.punct >= 2)) return false;
  if (NEW_POINT.test(next.text)) return false;
  // Lines ending in a link are list entries (`极速下载站:https://www.yaorank.com/`), not broken prose.
  if (URL_END.test(prevLast)) return false;
  // A block that already absorbed a line is prose, not a header line or furniture.
  if ((!joined && headerOf(prev, t.headerLineChars)) || headerOf(next, t.headerLineChars)) return false;
  // Page furniture is never half a sentence.
  return unclosed || !((!joined && matchPhrase(prev, t)) || matchPhrase(next, t));
}

export function joinBrokenLines(blocks: Block[], t: Thresholds): Block[] {
  const out: Block[] = [];
  // Per output block, the lines joined into it; the text is built once at the end.
  const lines: string[][] = [];
  let open = 0;
  for (const block of blocks) {
    const prev = out[out.length - 1];
    const prevLines = lines[lines.length - 1];
    if (prev && prevLines && continues(prev, prevLines[prevLines.length - 1]!, prevLines.length > 1, open, block, t)) {
      absorb(prev, block);
      prevLines.push(block.text);
      open = openAfter(block.text, open);
    } else {
      out.push(block);
      lines.push([block.text]);
      open = openAfter(block.text);
    }
  }
  out.forEach((b, i) => {
    if (lines[i]!.length > 1) b.text = joinLines(lines[i]!);
  });
  return out;
}
