/**
 * Character-level helpers shared by the HTML and text paths. Everything here
 * is a single pass over the string (no backtracking regexes).
 */

/** Sentence punctuation counted for text density (GNE's symbol set, plus 、…). */
const PUNCT = new Set(Array.from('！，。？、；：“”‘’《》%（）,.?:;\'"!()…'));

/** PUNCT as a lookup table over UTF-16 code units (all of it is in the BMP). */
const PUNCT_TABLE = new Uint8Array(0x10000);
for (const ch of PUNCT) PUNCT_TABLE[ch.charCodeAt(0)] = 1;

/** Characters that end a sentence (a line ending in one is complete). */
const SENTENCE_END = new Set(Array.from('。！？!?…；;.'));

/** Closing marks that may follow the sentence end (`。”`, `！）`). */
const CLOSERS = new Set(Array.from('”’」』）)】》"\'*_'));

/** Whitespace of all kinds, including no-break and ideographic spaces. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x200b ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x1680 ||
    code === 0x85
  );
}

/** Number of non-whitespace UTF-16 units. */
export function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return n;
}

const COLON = 0x3a;
const DOT = 0x2e;
const COMMA = 0x2c;

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Sentence punctuation marks; `:` `.` `,` between digits are part of a number
 * (`16:06`, `1.5`, `1,000`), not of a sentence.
 */
export function punctuationCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (PUNCT_TABLE[code] === 0) continue;
    if ((code === COLON || code === DOT || code === COMMA) && isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1))) continue;
    n++;
  }
  return n;
}

/** True when the text's last meaningful character ends a sentence. */
export function endsSentence(s: string): boolean {
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i]!;
    if (isSpace(ch.charCodeAt(0)) || CLOSERS.has(ch)) continue;
    return SENTENCE_END.has(ch);
  }
  return false;
}

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** True when the text has at least one letter or digit (any script). */
export function hasWordChar(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s);
}

/** Number of Han characters. */
export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

/** Any whitespace, including no-break, ideographic and zero-width spaces (one class: linear). */
const SPACE_RUN = /[\s\u200b\u0085]+/g;

/**
 * Collapses every run of whitespace (ASCII, no-break, ideographic, zero-width)
 * to one ASCII space and trims. A space between two Chinese names
 * (`王敏 吴军辉`) carries meaning, so runs become a space rather than nothing.
 */
export function normalizeSpaces(s: string): string {
  const out = s.replace(SPACE_RUN, ' ');
  const from = out.startsWith(' ') ? 1 : 0;
  const to = out.length > from && out.endsWith(' ') ? out.length - 1 : out.length;
  return from === 0 && to === out.length ? out : out.slice(from, to);
}

/** Strips leading and trailing whitespace, bullets and decorative marks. */
export function trimDecoration(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isDecoration(s.charCodeAt(start))) start++;
  while (end > start && isDecoration(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** Bullets and decorative marks as a lookup table over UTF-16 code units (all of them are in the BMP). */
const DECORATION_TABLE = new Uint8Array(0x10000);
for (const ch of '·•●○◆◇■□▪▫►▶▸»«>›‹<|｜/\\-—_=~*#【】[]〔〕〖〗()（）「」:：,，.。、;；!！?？…' + "'\"“”‘’") DECORATION_TABLE[ch.charCodeAt(0)] = 1;

function isDecoration(code: number): boolean {
  return isSpace(code) || DECORATION_TABLE[code] === 1;
}

/** Most frequent character 4-gram's share of the text (keyword-stuffing signal). */
export function topNgramShare(s: string, n = 4): number {
  const chars = Array.from(s.replace(/\s+/g, ''));
  if (chars.length < n * 4) return 0;
  const counts = new Map<string, number>();
  let best = 0;
  for (let i = 0; i + n <= chars.length; i++) {
    const g = chars.slice(i, i + n).join('');
    const c = (counts.get(g) ?? 0) + 1;
    counts.set(g, c);
    if (c > best) best = c;
  }
  return (best * n) / chars.length;
}
