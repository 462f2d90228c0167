/**
 * One text prepared for the recognizers: jieba's dictionary segmentation (as a
 * feature: where words start and end, and which spans are ordinary dictionary
 * words) and every listed word found by the lexicon trie, indexed by offset.
 * All offsets here are UTF-16; index.ts converts to code points at the end.
 */
import { cut, tag } from 'jieba-wasm';
import { KIND_BIT, kindMask, loadLexicon, type Kind, type Lexicon, type Match } from './lexicon.js';

export interface Span {
  start: number;
  end: number;
}

export class Doc {
  readonly lex: Lexicon;
  /** For every offset, the start and end of the dictionary token containing it. */
  private readonly tokStart: Int32Array;
  private readonly tokEnd: Int32Array;
  /** Listed words in text order (by start), and indexes into them by start and by end offset. */
  private readonly matches: Match[];
  /** startIndex[i]: the first match starting at or after offset i. */
  private readonly startIndex: Int32Array;
  /** endOrder[endIndex[i] .. endIndex[i + 1]): the matches ending at offset i. */
  private readonly endIndex: Int32Array;
  private readonly endOrder: Int32Array;
  /** startKinds[i], endKinds[i]: KIND_BIT of every kind of listed word starting / ending at offset i (one-character stop words included). */
  private readonly startKinds: Int32Array;
  private readonly endKinds: Int32Array;
  /** 1 where the character is a one-character stop word. */
  private readonly singleStops: Uint8Array;
  private readonly byKind = new Map<Kind, Match[]>(ENUMERATED_KINDS.map((kind) => [kind, []]));

  constructor(readonly text: string) {
    this.lex = loadLexicon();
    const n = text.length;
    this.tokStart = new Int32Array(n + 1);
    this.tokEnd = new Int32Array(n + 1);
    let pos = 0;
    // Without the HMM, jieba returns dictionary words and single characters only, so a token
    // of two or more characters is an ordinary dictionary word.
    for (const token of cut(text, false)) {
      const end = pos + token.length;
      for (let i = pos; i < end && i < n; i++) {
        this.tokStart[i] = pos;
        this.tokEnd[i] = end;
      }
      pos = end;
    }
    if (pos !== n) {
      // Segmentation did not give back the text (should not happen): treat every character as a token.
      for (let i = 0; i < n; i++) {
        this.tokStart[i] = i;
        this.tokEnd[i] = i + 1;
      }
    }
    this.tokStart[n] = n;
    this.tokEnd[n] = n;
    // Index the matches in flat typed arrays: no per-offset lists to allocate and collect.
    const { matches, bits } = this.lex.trie.scan(text);
    const count = matches.length;
    this.matches = matches;
    this.startIndex = new Int32Array(n + 2);
    let k = 0;
    for (let i = 0; i <= n + 1; i++) {
      while (k < count && matches[k]!.start < i) k++;
      this.startIndex[i] = k;
    }
    this.endIndex = new Int32Array(n + 3);
    for (let j = 0; j < count; j++) this.endIndex[matches[j]!.end + 1]!++;
    for (let i = 1; i < n + 3; i++) this.endIndex[i]! += this.endIndex[i - 1]!;
    this.endOrder = new Int32Array(count);
    const next = this.endIndex.slice();
    for (let j = 0; j < count; j++) this.endOrder[next[matches[j]!.end]!++] = j;
    this.singleStops = new Uint8Array(n);
    this.startKinds = new Int32Array(n + 1);
    this.endKinds = new Int32Array(n + 1);
    const stops = this.lex.singleStops;
    for (let i = 0; i < n; i++) {
      if (!stops[text.charCodeAt(i)]) continue;
      this.singleStops[i] = 1;
      this.startKinds[i]! |= STOP;
      this.endKinds[i + 1]! |= STOP;
    }
    for (let j = 0; j < count; j++) {
      const m = matches[j]!;
      const bit = bits[j]!;
      this.startKinds[m.start]! |= bit;
      this.endKinds[m.end]! |= bit;
      if (bit & ENUMERATED) this.byKind.get(m.kind)!.push(m);
    }
  }

  /** True when a dictionary token starts at `i` (or `i` is the end of the text). */
  boundary(i: number): boolean {
    return i <= 0 || i >= this.text.length || this.tokStart[i] === i;
  }

  /** True when a dictionary word of two or more characters crosses the edge of the span. */
  straddles(start: number, end: number): boolean {
    return !this.boundary(start) || !this.boundary(end);
  }

  /** True when the span is exactly one dictionary word of two or more characters. */
  isWord(start: number, end: number): boolean {
    return end - start >= 2 && this.tokStart[start] === start && this.tokEnd[start] === end;
  }

  /**
   * True when a word starts at `start` and jieba holds it with the dictionary word after `end` as
   * one token (东盟国家, 北沟村农民): the span ends a word of its own all the same.
   */
  gluedToWord(start: number, end: number): boolean {
    const tokenEnd = this.tokenEndAt(start);
    return this.boundary(start) && tokenEnd - end >= 2 && this.posOf(this.text.slice(end, tokenEnd)) !== '';
  }

  /** Start of the dictionary token that ends at or contains offset `i - 1`. */
  tokenStartBefore(i: number): number {
    return this.tokStart[i - 1] ?? i - 1;
  }

  /** End of the dictionary token containing offset `i`. */
  tokenEndAt(i: number): number {
    return this.tokEnd[i] ?? i + 1;
  }

  /** jieba's part of speech for a dictionary word (nr: a person's name in its dictionary). */
  posOf(word: string): string {
    let pos = posCache.get(word);
    if (pos === undefined) {
      const tags = tag(word, false);
      pos = tags.length === 1 ? (tags[0]?.tag ?? '') : '';
      if (posCache.size > 100_000) posCache.clear();
      posCache.set(word, pos);
    }
    return pos;
  }

  startingAt(i: number, kind: Kind): readonly Match[] {
    if (!this.hasStart(i, kind)) return NONE;
    const found: Match[] = [];
    for (let j = this.startIndex[i]!; j < this.startIndex[i + 1]!; j++) if (this.matches[j]!.kind === kind) found.push(this.matches[j]!);
    if (kind === 'stop' && this.singleStops[i]) found.push({ kind, start: i, end: i + 1, info: '' });
    return found;
  }

  endingAt(i: number, kind: Kind): readonly Match[] {
    if (!this.hasEnd(i, kind)) return NONE;
    const found: Match[] = [];
    for (let j = this.endIndex[i]!; j < this.endIndex[i + 1]!; j++) {
      const m = this.matches[this.endOrder[j]!]!;
      if (m.kind === kind) found.push(m);
    }
    if (kind === 'stop' && this.singleStops[i - 1]) found.push({ kind, start: i - 1, end: i, info: '' });
    return found;
  }

  /** True when a listed word of `kind` starts at `i`. */
  hasStart(i: number, kind: Kind): boolean {
    return this.startsAny(i, KIND_BIT[kind]);
  }

  /** True when a listed word of `kind` ends at `i`. */
  hasEnd(i: number, kind: Kind): boolean {
    return this.endsAny(i, KIND_BIT[kind]);
  }

  /** True when a listed word of one of the kinds of `mask` (kindMask) starts at `i`; for loops over many offsets. */
  startsAny(i: number, mask: number): boolean {
    return i >= 0 && i <= this.text.length && (this.startKinds[i]! & mask) !== 0;
  }

  /** True when a listed word of one of the kinds of `mask` (kindMask) ends at `i`. */
  endsAny(i: number, mask: number): boolean {
    return i >= 0 && i <= this.text.length && (this.endKinds[i]! & mask) !== 0;
  }

  /** The longest listed word of `kind` starting at `i`. */
  longestAt(i: number, kind: Kind): Match | undefined {
    let best: Match | undefined;
    for (const m of this.startingAt(i, kind)) if (!best || m.end > best.end) best = m;
    return best;
  }

  /** The longest listed word of `kind` ending at `i`. */
  longestEndingAt(i: number, kind: Kind): Match | undefined {
    let best: Match | undefined;
    for (const m of this.endingAt(i, kind)) if (!best || m.start < best.start) best = m;
    return best;
  }

  /** Every listed word of `kind` (one of ENUMERATED_KINDS), in text order. */
  all(kind: Kind): readonly Match[] {
    return this.byKind.get(kind) ?? NONE;
  }
}

const STOP = KIND_BIT.stop;
const posCache = new Map<string, string>();
/** The kinds the recognizers list with all(); others are only looked up by offset. */
const ENUMERATED_KINDS: readonly Kind[] = ['surname', 'title', 'org-suffix', 'org', 'org-abbr', 'place-suffix', 'place-abbr'];
const ENUMERATED = kindMask(...ENUMERATED_KINDS);
/** Shared empty result; callers never modify what startingAt and endingAt return. */
const NONE: readonly Match[] = [];

/** Chinese characters of the basic block and extension A (the ones names are written with). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** An ASCII or full-width digit (乔石从３月, 37号). */
export const DIGIT = /[0-9０-９]/;

/** Chinese numerals and quantifiers, which start counts (两个中心, 余家公司) rather than names. */
export const NUMERALS = new Set('一二三四五六七八九十百千万亿两零〇几第每余某'.split(''));
