/**
 * Splits text into the tokens the date grammar works on: runs of Arabic
 * digits, runs of Chinese numerals, time words (longest match against the
 * lexicon), whitespace, and single other characters. One pass, and each
 * position looks ahead at most the longest lexicon word, so it is linear.
 */
import { getLexicon, type Role } from './lexicon.js';
import { asciiDigits, chineseNumberValue, chineseDigitString, isChineseNumeralChar, isDigitChar } from './numbers.js';

export type TokenKind = 'num' | 'cnum' | 'word' | 'space' | 'other';

export interface Token {
  kind: TokenKind;
  /** The token's text as written. */
  text: string;
  /** UTF-16 offsets into the input, end exclusive. */
  start: number;
  end: number;
  /**
   * For 'num': the ASCII digits (null for runs too long to be a date); for
   * 'cnum': the digits when written digit by digit (二〇二三), else null.
   */
  digits: string | null;
  /** For 'num' and 'cnum': the quantity, or null when malformed or too long to matter. */
  value: number | null;
  /** For 'word': the word's roles. */
  roles: Role[];
}

const NO_ROLES: Role[] = [];

/** Longest digit run worth a numeric value; longer ones are never dates. */
const MAX_NUMBER_DIGITS = 8;

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\n' || ch === '\r';
}

function isAsciiLetter(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

export function tokenize(text: string): Token[] {
  const { roles, maxLength } = getLexicon();
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, digits: string | null = null, value: number | null = null, roles: Role[] = NO_ROLES): void => {
    tokens.push({ kind, text: text.slice(start, end), start, end, digits, value, roles });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (isDigitChar(ch)) {
      let j = i + 1;
      while (j < text.length && isDigitChar(text[j]!)) j++;
      const digits = j - i <= MAX_NUMBER_DIGITS ? asciiDigits(text.slice(i, j)) : null;
      push('num', i, j, digits, digits === null ? null : Number(digits));
      i = j;
      continue;
    }
    if (isSpace(ch)) {
      let j = i + 1;
      while (j < text.length && isSpace(text[j]!)) j++;
      push('space', i, j);
      i = j;
      continue;
    }
    if (isAsciiLetter(ch)) {
      let j = i + 1;
      while (j < text.length && isAsciiLetter(text[j]!)) j++;
      const word = text.slice(i, j).toLowerCase();
      const wordRoles = roles.get(word);
      push(wordRoles ? 'word' : 'other', i, j, null, null, wordRoles ?? NO_ROLES);
      i = j;
      continue;
    }
    // Longest lexicon word here, against the run of Chinese numerals here:
    // the numeral wins ties (十一月 is 十一 + 月), a longer word wins (三八妇女节).
    let wordEnd = 0;
    const longest = maxLength.get(ch) ?? 0;
    for (let len = Math.min(longest, text.length - i); len > 0; len--) {
      if (roles.has(text.slice(i, i + len))) {
        wordEnd = i + len;
        break;
      }
    }
    let numeralEnd = i;
    while (numeralEnd < text.length && isChineseNumeralChar(text[numeralEnd]!)) numeralEnd++;
    if (numeralEnd > i && numeralEnd >= wordEnd) {
      const numeral = text.slice(i, numeralEnd);
      const long = numeralEnd - i > MAX_NUMBER_DIGITS;
      push('cnum', i, numeralEnd, long ? null : chineseDigitString(numeral), long ? null : chineseNumberValue(numeral));
      i = numeralEnd;
      continue;
    }
    if (wordEnd > i) {
      push('word', i, wordEnd, null, null, roles.get(text.slice(i, wordEnd))!);
      i = wordEnd;
      continue;
    }
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    push('other', i, i + width);
    i += width;
  }
  return tokens;
}
