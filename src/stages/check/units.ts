/**
 * The units that n-gram statistics count: each Han ideograph is one unit (a
 * Chinese "word" boundary is unknown without segmenting), each run of Latin
 * letters or digits is one unit; whitespace and punctuation separate units
 * and are not counted. Units are kept as 32-bit hashes plus their length in
 * characters, so n-gram counting needs no substrings.
 */
import { CLASS, classOf, HAN, WORD } from './chars.js';

export interface Units {
  /** Hash of each unit (the code point itself for an ideograph). */
  hashes: Int32Array;
  /** Length of each unit in UTF-16 code units. */
  lengths: Int32Array;
  count: number;
  /** Sum of `lengths`. */
  chars: number;
}

let buffers = { hashes: new Int32Array(0), lengths: new Int32Array(0) };

/** The units of `text`. The arrays are reused: they are valid until the next call. */
export function splitUnits(text: string): Units {
  const n = text.length;
  if (buffers.hashes.length < n) buffers = { hashes: new Int32Array(n), lengths: new Int32Array(n) };
  const { hashes, lengths } = buffers;
  let count = 0;
  let chars = 0;
  for (let i = 0; i < n; ) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const flags = classOf(cp);
    if (flags & HAN) {
      hashes[count] = cp;
      lengths[count] = width;
      count++;
      chars += width;
      i += width;
      continue;
    }
    if (flags & WORD) {
      const start = i;
      // FNV-1a over the lower-cased word; the high bit keeps words apart from code points.
      let h = 0x811c9dc5;
      while (i < n && ((CLASS[text.charCodeAt(i)] as number) & WORD) !== 0) {
        h = Math.imul(h ^ (text.charCodeAt(i) | 0x20), 0x01000193);
        i++;
      }
      hashes[count] = h | 0x40000000;
      lengths[count] = i - start;
      count++;
      chars += i - start;
      continue;
    }
    i += width;
  }
  return { hashes, lengths, count, chars };
}
