/**
 * Mojibake: text whose bytes were decoded with the wrong encoding. The cheap,
 * strong test is to undo the wrong decoding (re-encode with the encoding it
 * was wrongly read as) and see whether the bytes then form valid UTF-8: for
 * real Chinese text they almost never do, for UTF-8 read as GBK or as
 * Latin-1 they almost always do, with or without replacement characters.
 */
import iconv from 'iconv-lite';

/** Below this many non-ASCII characters a share is 0: too few to tell chance from damage. */
const MIN_NON_ASCII = 10;

/** windows-1252 characters in 0x80–0x9F (all within U+0152–U+2122), mapped back to their byte. */
const WINDOWS_1252_BYTES = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** Room for one UTF-8 sequence. */
const sequenceBytes = new Int32Array(4);

/** Length of the UTF-8 sequence a lead byte announces; 0 when it cannot start a multi-byte one. */
function utf8SequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The code point of the well-formed UTF-8 sequence at `bytes[i]` of length `n`, or -1. */
function decodeSequence(bytes: ArrayLike<number>, i: number, n: number): number {
  if (i + n > bytes.length) return -1;
  let cp = (bytes[i] as number) & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (let k = 1; k < n; k++) {
    const b = bytes[i + k] as number;
    if ((b & 0xc0) !== 0x80) return -1;
    cp = (cp << 6) | (b & 0x3f);
  }
  // Overlong forms and surrogates are not well-formed UTF-8.
  if ((n === 3 && cp < 0x800) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) return -1;
  if (cp >= 0xd800 && cp <= 0xdfff) return -1;
  return cp;
}

let gbkTable: Uint16Array | undefined;

/** The GBK bytes (lead << 8 | trail, or one byte) of each BMP character GBK has; 0 for the rest. */
function gbkBytes(): Uint16Array {
  if (gbkTable) return gbkTable;
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail);
  }
  // GBK decodes every two-byte pair to exactly one BMP character (U+FFFD when unassigned).
  const decoded = iconv.decode(Buffer.from(pairs), 'gbk');
  if (decoded.length * 2 !== pairs.length) throw new Error('iconv-lite GBK table has an unexpected shape');
  const table = new Uint16Array(0x10000);
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c !== 0xfffd && table[c] === 0) table[c] = ((pairs[2 * i] as number) << 8) | (pairs[2 * i + 1] as number);
  }
  // iconv-lite (like windows-936) reads the single byte 0x80, a common UTF-8 continuation byte, as €.
  table[0x20ac] = 0x80;
  gbkTable = table;
  return table;
}

/** Han ideographs and the CJK / full-width punctuation that Chinese UTF-8 text is made of. */
function isChineseTextCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3000 && cp <= 0x303f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x2010 && cp <= 0x201f)
  );
}

/**
 * Whether three bytes (oldest in the high byte) are the UTF-8 sequence of a
 * Chinese character: E0–EF, then two continuation bytes 80–BF.
 */
function isChineseSequence(window: number): boolean {
  return (
    (window & 0xf0c0c0) === 0xe08080 &&
    isChineseTextCodePoint(((window >> 4) & 0xf000) | ((window >> 2) & 0xfc0) | (window & 0x3f))
  );
}

/**
 * Share of the non-ASCII bytes of `text` re-encoded as GBK that form UTF-8
 * sequences of Chinese characters: near 1 for UTF-8 read as GBK (鍗楀紑鏂伴椈
 * is 南开新闻 read wrongly), near 0 for real Chinese text, whose GBK lead
 * bytes 0xB0–0xF7 seldom start a valid sequence with a valid continuation.
 */
export function gbkMojibakeShare(text: string): number {
  if (!/[^\x00-\x7f]/.test(text)) return 0;
  const table = gbkBytes();
  let nonAscii = 0;
  let covered = 0;
  // The last three GBK bytes, oldest in the high byte. Matches cannot overlap (a
  // lead byte is never a continuation byte), so each window is tested on its own.
  let window = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII is itself, and cannot end a sequence.
    if (c < 0x80) {
      window = ((window << 8) | c) & 0xffffff;
      continue;
    }
    // A character GBK lacks becomes '?' (as iconv-lite writes it); € is the single byte 0x80.
    const pair = (table[c] as number) || 0x3f;
    if (pair < 0x100) {
      window = ((window << 8) | pair) & 0xffffff;
      if (pair >= 0x80) {
        nonAscii++;
        if (isChineseSequence(window)) covered += 3;
      }
      continue;
    }
    // Two bytes go through the window one after the other; the lead byte of a pair is always >= 0x81.
    window = ((window << 8) | (pair >> 8)) & 0xffffff;
    nonAscii++;
    if (isChineseSequence(window)) covered += 3;
    const trail = pair & 0xff;
    window = ((window << 8) | trail) & 0xffffff;
    if (trail >= 0x80) {
      nonAscii++;
      if (isChineseSequence(window)) covered += 3;
    }
  }
  // Each GBK character is two bytes.
  return nonAscii < 2 * MIN_NON_ASCII ? 0 : covered / nonAscii;
}

/**
 * Share of the non-ASCII characters of `text` that, mapped back to their
 * Latin-1 / windows-1252 byte, form well-formed multi-byte UTF-8 sequences
 * (å¤§ is 大 read as Latin-1). Characters beyond Latin-1 break a sequence,
 * so real Chinese text scores 0 and an occasional é or · does too.
 */
export function latin1MojibakeShare(text: string): number {
  // Every such sequence starts with a lead byte 0xC2–0xF4 read as Â…ô.
  if (!/[\u00c2-\u00f4]/.test(text)) return 0;
  let nonAscii = 0;
  let covered = 0;
  // The bytes of the sequence being read, how many it has, and how many its lead byte announced.
  const pending = sequenceBytes;
  let have = 0;
  let expected = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      expected = 0;
      continue;
    }
    nonAscii++;
    const byte = c <= 0xff ? c : c >= 0x152 && c <= 0x2122 ? (WINDOWS_1252_BYTES.get(c) ?? -1) : -1;
    if (expected > 0 && byte >= 0x80 && byte <= 0xbf) {
      pending[have++] = byte;
      if (have === expected) {
        if (decodeSequence(pending, 0, expected) >= 0x80) covered += expected;
        expected = 0;
      }
      continue;
    }
    expected = byte < 0 ? 0 : utf8SequenceLength(byte);
    pending[0] = byte;
    have = 1;
  }
  return nonAscii < MIN_NON_ASCII ? 0 : covered / nonAscii;
}

/** Non-overlapping occurrences of the byte-garbage words of data/garbage-words.txt in `text`. */
export function garbageWordCount(text: string, words: readonly string[]): number {
  let n = 0;
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  }
  return n;
}
