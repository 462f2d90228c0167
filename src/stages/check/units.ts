/**
 * The units that n-gram statistics count: each Han ideograph is one unit (a
 * Chinese "word" boundary is unknown without segmenting), each run of Latin
 * letters or digits is one unit; whitespace and punctuation separate units
 * and are not counted. Units are kept as 32-bit hashes plus their length in
 * characters, so n-gram counting needs no substrings.
 */

export interface Units {
  /** Hash of each unit (the code point itself for an ideograph). */
  hashes: Int32Array;
  /** Length of each unit in UTF-16 code units. */
  lengths: Int32Array;
  count: number;
  /** Sum of `lengths`. */
  chars: number;
}

export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** Latin letters and digits, including full-width and accented ones. */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
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
    if (isHan(cp)) {
      hashes[count] = cp;
      lengths[count] = width;
      count++;
      chars += width;
      i += width;
      continue;
    }
    if (isWordChar(cp)) {
      const start = i;
      // FNV-1a over the lower-cased word; the high bit keeps words apart from code points.
      let h = 0x811c9dc5;
      while (i < n && isWordChar(text.charCodeAt(i))) {
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
