/**
 * Residue of the page around the article: boilerplate phrases (data file
 * data/boilerplate.txt) and link-farm lines.
 */
import { readTable } from '../../core/wordlist.js';

export interface BoilerplatePhrases {
  /** Phrases that count wherever they occur, lower-cased. */
  anywhere: string[];
  /** Phrases that count only inside a short line, lower-cased. */
  inShortLine: string[];
}

/** Lines up to this many characters are "short" for line-scoped phrases. */
export const SHORT_LINE = 25;

export function loadBoilerplate(): BoilerplatePhrases {
  const phrases: BoilerplatePhrases = { anywhere: [], inShortLine: [] };
  for (const [phrase, scope] of readTable('stages/check/data/boilerplate.txt')) {
    if (!phrase) continue;
    if (scope === 'anywhere') phrases.anywhere.push(phrase.toLowerCase());
    else if (scope === 'line') phrases.inShortLine.push(phrase.toLowerCase());
    else throw new Error(`stages/check/data/boilerplate.txt: unknown scope ${JSON.stringify(scope)} for ${phrase}`);
  }
  return phrases;
}

/** Number of distinct boilerplate phrases found in `text` (lines given separately, trimmed). */
export function boilerplatePhraseCount(text: string, lines: readonly string[], phrases: BoilerplatePhrases): number {
  const lower = /[A-Z]/.test(text) ? text.toLowerCase() : text;
  let found = 0;
  for (const phrase of phrases.anywhere) if (lower.includes(phrase)) found++;
  const short = lines.filter((line) => line.length > 0 && line.length <= SHORT_LINE).map((line) => line.toLowerCase());
  if (short.length === 0) return found;
  for (const phrase of phrases.inShortLine) {
    if (short.some((line) => line.includes(phrase))) found++;
  }
  return found;
}

const URL_STARTS = ['http://', 'https://', 'www.'];

/** Characters that can continue a URL: printable ASCII except whitespace, quotes and brackets. */
function isUrlChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x27 && c !== 0x3c && c !== 0x3e && c !== 0x28 && c !== 0x29;
}

/** Characters of `line` inside URLs. */
function urlChars(line: string): number {
  const lower = line.toLowerCase();
  let covered = 0;
  let from = 0;
  for (;;) {
    let start = -1;
    for (const prefix of URL_STARTS) {
      const at = lower.indexOf(prefix, from);
      if (at >= 0 && (start < 0 || at < start)) start = at;
    }
    if (start < 0) return covered;
    let end = start;
    while (end < line.length && isUrlChar(line.charCodeAt(end))) end++;
    covered += end - start;
    from = end;
  }
}

/** A link line holds a URL and little else: at most this many other characters. */
export const LINK_LINE_TEXT = 30;

/**
 * Lines that are a URL with a short caption (安全、绿色软件下载就上极速下载站:https://…,
 * ![图](http://…)): the shape of link farms and of image or link lists left by
 * a Markdown conversion. A URL inside a sentence of a real paragraph is not one.
 */
export function linkLineCount(lines: readonly string[]): number {
  let count = 0;
  for (const line of lines) {
    if (line.length < 4) continue;
    const inUrls = urlChars(line);
    if (inUrls > 0 && line.length - inUrls <= LINK_LINE_TEXT) count++;
  }
  return count;
}
