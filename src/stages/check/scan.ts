/**
 * One pass over the characters of a text: the counts behind the character
 * signals (length, Han share, replacement and control characters, the
 * longest unpunctuated stretch, simplified and traditional characters) and
 * the units that the n-gram statistics count.
 *
 * Units: each Han ideograph is one unit (a Chinese "word" boundary is
 * unknown without segmenting), each run of Latin letters or digits is one
 * unit; whitespace and punctuation separate units and are not counted.
 * Units are kept as 32-bit hashes plus their length in characters, so n-gram
 * counting needs no substrings.
 */
import { BREAK, CLASS, CONTROL, HAN, isHan, OTHER_LETTER, SPACE, WORD } from './chars.js';
import { scriptKinds, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-mix.js';

export interface Units {
  /** Hash of each unit (the code point itself for an ideograph). */
  hashes: Int32Array;
  /** Length of each unit in UTF-16 code units. */
  lengths: Int32Array;
  count: number;
  /** Sum of `lengths`. */
  chars: number;
}

export interface CharacterCounts {
  /** Code points that are not whitespace. */
  length: number;
  han: number;
  /** Runs of letters of other scripts (Latin, Greek, kana …): the "words" that weigh against Han characters. */
  otherWords: number;
  replacement: number;
  control: number;
  /** Longest stretch of code points without punctuation or a line break. */
  longestRun: number;
  simplified: number;
  traditional: number;
  units: Units;
}

let buffers = { hashes: new Int32Array(0), lengths: new Int32Array(0) };

/** The bits of CLASS, and above them the script kind of Han characters (SIMPLIFIED_ONLY 1 or TRADITIONAL_ONLY 2). */
const CLASS_BITS = 0x3f;
const SCRIPT_SHIFT = 6;

let scanClasses: Uint8Array | undefined;

/** CLASS with each BMP character's script kind on top: one table read per character. */
function classesWithScript(): Uint8Array {
  if (scanClasses) return scanClasses;
  const kinds = scriptKinds();
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = (CLASS[c] as number) | ((kinds[c] as number) << SCRIPT_SHIFT);
  scanClasses = table;
  return table;
}

/** The character counts and units of `text`. The unit arrays are reused: valid until the next call. */
export function scanText(text: string): CharacterCounts {
  const n = text.length;
  if (buffers.hashes.length < n) buffers = { hashes: new Int32Array(n), lengths: new Int32Array(n) };
  const { hashes, lengths } = buffers;
  const classes = classesWithScript();
  const kinds = scriptKinds();
  let units = 0;
  let unitChars = 0;
  /** Start of the Latin word unit being read, or -1; and its FNV-1a hash over lower-cased units so far. */
  let wordStart = -1;
  let wordHash = 0;
  let length = 0;
  let han = 0;
  let otherWords = 0;
  let inOtherWord = false;
  let replacement = 0;
  let control = 0;
  let run = 0;
  let longestRun = 0;
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    let width = 1;
    let flags: number;
    const low = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      width = 2;
      flags = isHan(c) ? HAN | ((kinds[c] ?? 0) << SCRIPT_SHIFT) : 0;
    } else {
      flags = classes[c] as number;
    }
    // A word unit ends at any character that is not a letter or digit (those are all in the BMP).
    if (wordStart >= 0 && (flags & WORD) === 0) {
      // The high bit keeps words apart from code points.
      hashes[units] = wordHash | 0x40000000;
      lengths[units] = i - wordStart;
      units++;
      unitChars += i - wordStart;
      wordStart = -1;
    }
    i += width - 1;
    if ((flags & CLASS_BITS) === HAN) {
      // Most characters: a Han character is a unit, and nothing but Han.
      run++;
      inOtherWord = false;
      length++;
      han++;
      // Without branches: about a third of the characters of a simplified text are simplified-only.
      const kind = flags >> SCRIPT_SHIFT;
      simplified += kind & SIMPLIFIED_ONLY;
      traditional += (kind & TRADITIONAL_ONLY) >> 1;
      hashes[units] = c;
      lengths[units] = width;
      units++;
      unitChars += width;
      continue;
    }
    if (flags & WORD) {
      if (wordStart < 0) {
        wordStart = i;
        wordHash = 0x811c9dc5;
      }
      wordHash = Math.imul(wordHash ^ (c | 0x20), 0x01000193);
    }
    if (flags & BREAK) {
      if (run > longestRun) longestRun = run;
      run = 0;
    } else {
      run++;
    }
    if ((flags & OTHER_LETTER) === 0) inOtherWord = false;
    else if (!inOtherWord) {
      inOtherWord = true;
      otherWords++;
    }
    if (flags & SPACE) continue;
    length++;
    if (c === 0xfffd) replacement++;
    else if (flags & CONTROL) control++;
  }
  if (wordStart >= 0) {
    hashes[units] = wordHash | 0x40000000;
    lengths[units] = n - wordStart;
    units++;
    unitChars += n - wordStart;
  }
  if (run > longestRun) longestRun = run;
  return {
    length,
    han,
    otherWords,
    replacement,
    control,
    longestRun,
    simplified,
    traditional,
    units: { hashes, lengths, count: units, chars: unitChars },
  };
}
