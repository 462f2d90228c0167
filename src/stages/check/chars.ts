/**
 * Character classes the signals count, as predicates and as one flag table
 * over the Basic Multilingual Plane, so that a scan costs one array read per
 * character. Characters beyond the BMP go through the predicates.
 */

/** JavaScript's whitespace (what String.prototype.trim removes) plus the zero-width space. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Han ideographs: the CJK Unified Ideographs blocks and compatibility ideographs. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af)
  );
}

/** Latin letters and digits, including full-width and accented ones: the characters of a "word" unit. */
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

/** Punctuation (ASCII and CJK) and line breaks: they end an "unpunctuated" stretch; spaces do not. */
function isBreak(c: number): boolean {
  return (
    c === 0x0a || c === 0x0d ||
    c === 0x21 || c === 0x22 || c === 0x28 || c === 0x29 || c === 0x2c || c === 0x2e ||
    c === 0x3a || c === 0x3b || c === 0x3f || c === 0x5b || c === 0x5d ||
    (c >= 0x3001 && c <= 0x3011) ||
    (c >= 0x2010 && c <= 0x2027) ||
    c === 0xff01 || c === 0xff08 || c === 0xff09 || c === 0xff0c || c === 0xff0e ||
    c === 0xff1a || c === 0xff1b || c === 0xff1f || c === 0xff3b || c === 0xff3d
  );
}

/** C0 and C1 control characters other than tab, line feed and carriage return. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

/** Letters of alphabets and syllabaries (Latin, Greek, Cyrillic, kana, hangul): not Han; rough but cheap. */
function isOtherLetter(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)
  );
}

export const SPACE = 1;
export const HAN = 2;
export const WORD = 4;
export const BREAK = 8;
export const OTHER_LETTER = 16;
export const CONTROL = 32;

/** The flags of every BMP code unit. */
export const CLASS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    table[c] =
      (isSpace(c) ? SPACE : 0) |
      (isHan(c) ? HAN : 0) |
      (isWordChar(c) ? WORD : 0) |
      (isBreak(c) ? BREAK : 0) |
      (isOtherLetter(c) ? OTHER_LETTER : 0) |
      (isControl(c) ? CONTROL : 0);
  }
  return table;
})();
