/**
 * Residue of the page around the article: boilerplate phrases (data file
 * data/boilerplate.txt) and link-farm lines.
 */
import { readTable } from '../../core/wordlist.js';
import { lineText, type Lines } from './lines.js';

export interface BoilerplatePhrases {
  /** Phrases that count wherever they occur, lower-cased. */
  anywhere: string[];
  /** Phrases that count only inside a short line, lower-cased. */
  inShortLine: string[];
  /** Indexes into `anywhere` of the phrases starting with each UTF-16 unit. */
  byFirstUnit: Map<number, number[]>;
  /** 1 for the UTF-16 units that start some `anywhere` phrase: a cheap filter before the map. */
  firstUnits: Uint8Array;
}

/** Lines up to this many characters are "short" for line-scoped phrases. */
export const SHORT_LINE = 25;

export function loadBoilerplate(): BoilerplatePhrases {
  const phrases: BoilerplatePhrases = { anywhere: [], inShortLine: [], byFirstUnit: new Map(), firstUnits: new Uint8Array(0x10000) };
  for (const [phrase, scope] of readTable('stages/check/data/boilerplate.txt')) {
    if (!phrase) continue;
    if (scope === 'anywhere') phrases.anywhere.push(phrase.toLowerCase());
    else if (scope === 'line') phrases.inShortLine.push(phrase.toLowerCase());
    else throw new Error(`stages/check/data/boilerplate.txt: unknown scope ${JSON.stringify(scope)} for ${phrase}`);
  }
  phrases.anywhere.forEach((phrase, i) => {
    const first = phrase.charCodeAt(0);
    phrases.firstUnits[first] = 1;
    const list = phrases.byFirstUnit.get(first);
    if (list) list.push(i);
    else phrases.byFirstUnit.set(first, [i]);
  });
  return phrases;
}

/** Number of distinct boilerplate phrases found in `text`. */
export function boilerplatePhraseCount(text: string, lines: Lines, phrases: BoilerplatePhrases): number {
  const found = new Set<string>();
  // One pass over the text, trying only the phrases that start with the character at hand.
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit |= 0x20;
    if (phrases.firstUnits[unit] === 0) continue;
    const candidates = phrases.byFirstUnit.get(unit);
    if (!candidates) continue;
    for (const index of candidates) {
      const phrase = phrases.anywhere[index] as string;
      if (found.has(phrase)) continue;
      const here = text.slice(i, i + phrase.length);
      if (here === phrase || here.toLowerCase() === phrase) found.add(phrase);
    }
  }
  for (let i = 0; i < lines.count; i++) {
    if ((lines.ends[i] as number) - (lines.starts[i] as number) > SHORT_LINE) continue;
    const lower = lineText(text, lines, i).toLowerCase();
    for (const phrase of phrases.inShortLine) if (lower.includes(phrase)) found.add(phrase);
  }
  return found.size;
}

const URL_STARTS = ['http://', 'https://', 'www.'];

/** Characters that can continue a URL: printable ASCII except whitespace, quotes and brackets. */
function isUrlChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x27 && c !== 0x3c && c !== 0x3e && c !== 0x28 && c !== 0x29;
}

/** Characters of `line` inside URLs. */
function urlChars(line: string): number {
  const lower = line.toLowerCase();
  // Next occurrence of each prefix, searched again only once passed: a prefix
  // missing from the rest of the line is not rescanned for every URL.
  const next = URL_STARTS.map((prefix) => lower.indexOf(prefix));
  let covered = 0;
  let from = 0;
  for (;;) {
    let start = -1;
    for (let i = 0; i < next.length; i++) {
      if (next[i]! >= 0 && next[i]! < from) next[i] = lower.indexOf(URL_STARTS[i]!, from);
      const at = next[i]!;
      if (at >= 0 && (start < 0 || at < start)) start = at;
    }
    if (start < 0) return covered;
    let end = start;
    while (end < line.length && isUrlChar(line.charCodeAt(end))) end++;
    covered += end - start;
    from = Math.max(end, start + 1);
  }
}

/** A link line holds a URL and little else: at most this many other characters. */
export const LINK_LINE_TEXT = 30;

/**
 * Lines that are a URL with a short caption (安全、绿色软件下载就上极速下载站:https://…,
 * ![图](http://…)): the shape of link farms and of image or link lists left by
 * a Markdown conversion. A URL inside a sentence of a real paragraph is not one.
 */
export function linkLineCount(text: string, lines: Lines): number {
  if (!/https?:\/\/|www\./i.test(text)) return 0;
  let count = 0;
  for (let i = 0; i < lines.count; i++) {
    const line = lineText(text, lines, i);
    if (line.length < 4) continue;
    const inUrls = urlChars(line);
    if (inUrls > 0 && line.length - inUrls <= LINK_LINE_TEXT) count++;
  }
  return count;
}
