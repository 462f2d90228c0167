/**
 * Residue of the page around the article: boilerplate phrases (data file
 * data/boilerplate.txt) and link-farm lines.
 */
import { readTable } from '../../core/wordlist.js';
import { lineText, type Lines } from './lines.js';

export interface BoilerplatePhrases {
  /** The distinct phrases, lower-cased; a phrase in both scopes is one phrase. */
  phrases: string[];
  /** Indexes into `phrases` of those that count anywhere / only inside a short line, by their first UTF-16 unit. */
  anywhere: Map<number, number[]>;
  inShortLine: Map<number, number[]>;
  /** Flags of every UTF-16 unit: CASELESS, STARTS_ANYWHERE, STARTS_IN_LINE (one table read per unit). */
  units: Uint8Array;
}

/** toLowerCase leaves the unit as it is, alone and in any context: not a capital, not a surrogate. */
const CASELESS = 1;
/** The unit starts some phrase that counts anywhere / only inside a short line. */
const STARTS_ANYWHERE = 2;
const STARTS_IN_LINE = 4;

/** Lines up to this many characters are "short" for line-scoped phrases. */
export const SHORT_LINE = 25;

const BOILERPLATE_FILE = 'stages/check/data/boilerplate.txt';

export function loadBoilerplate(): BoilerplatePhrases {
  return boilerplateFrom(readTable(BOILERPLATE_FILE), BOILERPLATE_FILE);
}

/** The phrases of rows `[phrase, scope]`; `source` names them in errors. */
export function boilerplateFrom(rows: readonly (readonly string[])[], source: string): BoilerplatePhrases {
  const units = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const unit = String.fromCharCode(c);
    if ((c < 0xd800 || c > 0xdfff) && unit.toLowerCase() === unit) units[c] = CASELESS;
  }
  const phrases: BoilerplatePhrases = { phrases: [], anywhere: new Map(), inShortLine: new Map(), units };
  const indexes = new Map<string, number>();
  for (const [phrase, scope] of rows) {
    if (!phrase) continue;
    if (scope !== 'anywhere' && scope !== 'line') {
      throw new Error(`${source}: unknown scope ${JSON.stringify(scope)} for ${phrase}`);
    }
    const lower = phrase.toLowerCase();
    let index = indexes.get(lower);
    if (index === undefined) {
      index = phrases.phrases.push(lower) - 1;
      indexes.set(lower, index);
    }
    const byFirstUnit = scope === 'anywhere' ? phrases.anywhere : phrases.inShortLine;
    const first = lower.charCodeAt(0);
    units[first] = (units[first] as number) | (scope === 'anywhere' ? STARTS_ANYWHERE : STARTS_IN_LINE);
    const list = byFirstUnit.get(first) ?? [];
    if (!list.includes(index)) list.push(index);
    byFirstUnit.set(first, list);
  }
  return phrases;
}

/**
 * The unit at `i` lower-cased when that can be done unit by unit (ASCII
 * capitals, caseless units), else -1: its lower case needs the whole string.
 */
function foldedUnit(text: string, i: number, units: Uint8Array): number {
  const c = text.charCodeAt(i);
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  return ((units[c] as number) & CASELESS) !== 0 ? c : -1;
}

/**
 * Whether the stretch of `text` from `i` to `end`, lower-cased, starts with
 * `phrase`; undefined when that takes lower-casing the stretch as a string.
 */
function phraseAt(text: string, i: number, end: number, phrase: string, units: Uint8Array): boolean | undefined {
  for (let k = 0; k < phrase.length; k++) {
    // Units so far keep their length when lower-cased: a shorter stretch cannot match.
    if (i + k >= end) return false;
    const c = foldedUnit(text, i + k, units);
    if (c < 0) return undefined;
    if (c !== phrase.charCodeAt(k)) return false;
  }
  return true;
}

/** Number of distinct boilerplate phrases found in `text`. */
export function boilerplatePhraseCount(text: string, lines: Lines, phrases: BoilerplatePhrases): number {
  const { units } = phrases;
  const found = new Uint8Array(phrases.phrases.length);
  let count = 0;
  // One pass over the text, trying only the phrases that start with the character at hand.
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit |= 0x20;
    if (((units[unit] as number) & STARTS_ANYWHERE) === 0) continue;
    for (const index of phrases.anywhere.get(unit) as number[]) {
      if (found[index] === 1) continue;
      const phrase = phrases.phrases[index] as string;
      let match = phraseAt(text, i, text.length, phrase, units);
      if (match === undefined) {
        // A unit whose lower case depends on the string (İ, Σ, surrogates): compare as strings.
        const here = text.slice(i, i + phrase.length);
        match = here === phrase || here.toLowerCase() === phrase;
      }
      if (match) {
        found[index] = 1;
        count++;
      }
    }
  }
  for (let i = 0; i < lines.count; i++) {
    const start = lines.starts[i] as number;
    const end = lines.ends[i] as number;
    if (end - start > SHORT_LINE) continue;
    for (let j = start; j < end; j++) {
      const unit = foldedUnit(text, j, units);
      if (unit < 0) {
        // A unit whose lower case depends on the string: lower-case the line as a whole.
        const lower = lineText(text, lines, i).toLowerCase();
        for (const list of phrases.inShortLine.values()) {
          for (const index of list) {
            if (found[index] === 0 && lower.includes(phrases.phrases[index] as string)) {
              found[index] = 1;
              count++;
            }
          }
        }
        break;
      }
      if (((units[unit] as number) & STARTS_IN_LINE) === 0) continue;
      for (const index of phrases.inShortLine.get(unit) as number[]) {
        if (found[index] === 0 && phraseAt(text, j, end, phrases.phrases[index] as string, units)) {
          found[index] = 1;
          count++;
        }
      }
    }
  }
  return count;
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
