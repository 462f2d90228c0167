/**
 * Splits text into the tokens the date grammar works on: runs of Arabic
 * digits, runs of Chinese numerals, time words (longest match against the
 * lexicon), whitespace, and single other characters. One pass, and each
 * position looks ahead at most the longest lexicon word, so it is linear.
 */
import { getLexicon, type Role } from './lexicon.js';
import { NO_NODE } from '../trie.js';
import { asciiDigits, chineseNumberValue, chineseDigitString, isChineseNumeralUnit } from './numbers.js';

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

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Space, tab, ideographic space, no-break space, newline, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0a || c === 0x0d;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Token kinds by their code in TokenList; the codes from SPACE on are the kinds made into objects lazily. */
const KINDS: readonly TokenKind[] = ['num', 'cnum', 'word', 'space', 'other'];
const NUM = 0;
const CNUM = 1;
const WORD = 2;
const SPACE = 3;
const OTHER = 4;

/**
 * The tokens of a text. Numbers and words are made as objects while
 * tokenizing; spaces and other characters, most of any text, only when the
 * grammar looks at one (around a possible expression).
 */
export class TokenList {
  constructor(
    private readonly text: string,
    readonly length: number,
    private readonly kinds: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** objectOf[i]: 1 + the index of token i in `objects`, 0 while it has no object. */
    private readonly objectOf: Int32Array,
    private readonly objects: Token[],
  ) {}

  /** Token i, or undefined outside the list. */
  at(i: number): Token | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const k = this.objectOf[i]!;
    if (k > 0) return this.objects[k - 1];
    const start = this.starts[i]!;
    const end = this.ends[i]!;
    const token: Token = { kind: KINDS[this.kinds[i]!]!, text: this.text.slice(start, end), start, end, digits: null, value: null, roles: NO_ROLES };
    this.objects.push(token);
    this.objectOf[i] = this.objects.length;
    return token;
  }

  /** Whether token i is a number or a word: spaces and other characters never start an expression. */
  mayStart(i: number): boolean {
    return i >= 0 && i < this.length && this.kinds[i]! < SPACE;
  }

  /** The kind of token i, or undefined outside the list. */
  kindAt(i: number): TokenKind | undefined {
    return i >= 0 && i < this.length ? KINDS[this.kinds[i]!] : undefined;
  }

  /** Whether token i is exactly `s`. */
  textIs(i: number, s: string): boolean {
    return i >= 0 && i < this.length && this.ends[i]! - this.starts[i]! === s.length && this.text.startsWith(s, this.starts[i]!);
  }
}

export function tokenize(text: string): TokenList {
  const { roles, words } = getLexicon();
  const n = text.length;
  // At most one token per UTF-16 unit.
  const kinds = new Uint8Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const objectOf = new Int32Array(n);
  const objects: Token[] = [];
  let count = 0;
  const push = (code: number, start: number, end: number, digits: string | null = null, value: number | null = null, roles: Role[] = NO_ROLES): void => {
    kinds[count] = code;
    starts[count] = start;
    ends[count] = end;
    if (code < SPACE) {
      objects.push({ kind: KINDS[code]!, text: text.slice(start, end), start, end, digits, value, roles });
      objectOf[count] = objects.length;
    }
    count++;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const digits = j - i <= MAX_NUMBER_DIGITS ? asciiDigits(text.slice(i, j)) : null;
      push(NUM, i, j, digits, digits === null ? null : Number(digits));
      i = j;
      continue;
    }
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      push(SPACE, i, j);
      i = j;
      continue;
    }
    if (isAsciiLetter(c)) {
      let j = i + 1;
      while (j < n && isAsciiLetter(text.charCodeAt(j))) j++;
      const wordRoles = roles.get(text.slice(i, j).toLowerCase());
      push(wordRoles ? WORD : OTHER, i, j, null, null, wordRoles ?? NO_ROLES);
      i = j;
      continue;
    }
    // Longest lexicon word here, against the run of Chinese numerals here:
    // the numeral wins ties (十一月 is 十一 + 月), a longer word wins (三八妇女节).
    let wordEnd = 0;
    let wordRoles = NO_ROLES;
    let node = words.first(c);
    for (let j = i + 1; node !== NO_NODE; j++) {
      const k = words.valueStart(node);
      if (k < words.valueStart(node + 1)) {
        wordEnd = j;
        wordRoles = words.value(k);
      }
      if (j >= n) break;
      node = words.next(node, text.charCodeAt(j));
    }
    let numeralEnd = i;
    while (numeralEnd < n && isChineseNumeralUnit(text.charCodeAt(numeralEnd))) numeralEnd++;
    if (numeralEnd > i && numeralEnd >= wordEnd) {
      const numeral = text.slice(i, numeralEnd);
      const long = numeralEnd - i > MAX_NUMBER_DIGITS;
      push(CNUM, i, numeralEnd, long ? null : chineseDigitString(numeral), long ? null : chineseNumberValue(numeral));
      i = numeralEnd;
      continue;
    }
    if (wordEnd > i) {
      push(WORD, i, wordEnd, null, null, wordRoles);
      i = wordEnd;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    push(OTHER, i, i + width);
    i += width;
  }
  return new TokenList(text, count, kinds, starts, ends, objectOf, objects);
}
