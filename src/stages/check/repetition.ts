/**
 * Repetition statistics after Gopher (Rae et al. 2021, table A1) and
 * datatrove's GopherRepetitionFilter: duplicate lines and paragraphs, and the
 * share of the text covered by its most frequent n-gram. N-grams are over the
 * units of ./units.ts (Han characters, Latin words), because Chinese has no
 * spaces between words.
 */
import type { Units } from './units.js';

/**
 * Open-addressing counter of n-grams keyed by a 32-bit hash, key and count
 * side by side in one array; reused between calls. Two different grams
 * share a hash with probability ~2^-32 per pair: at most a count of one off
 * now and then, which does not move a share.
 */
class NgramCounter {
  private mask = 0;
  /** 32 - log2(table size), for Fibonacci hashing of keys into slots. */
  private shift = 32;
  private slots = new Int32Array(0);
  private used = new Int32Array(0);
  private usedCount = 0;
  /** Largest count × length of any n-gram seen at least twice since the last reset. */
  top = 0;

  reset(expected: number): void {
    if (expected * 2 > this.mask + 1) {
      let size = 1024;
      let bits = 10;
      while (size < expected * 2) {
        size *= 2;
        bits++;
      }
      this.mask = size - 1;
      this.shift = 32 - bits;
      this.slots = new Int32Array(size * 2);
      this.used = new Int32Array(size);
    } else {
      for (let i = 0; i < this.usedCount; i++) this.slots[(this.used[i] as number) * 2 + 1] = 0;
    }
    this.usedCount = 0;
    this.top = 0;
  }

  add(key: number, chars: number): void {
    const slots = this.slots;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const at = slot * 2;
      const count = slots[at + 1] as number;
      if (count === 0) {
        slots[at] = key;
        slots[at + 1] = 1;
        this.used[this.usedCount++] = slot;
        return;
      }
      if (slots[at] === key) {
        slots[at + 1] = count + 1;
        if ((count + 1) * chars > this.top) this.top = (count + 1) * chars;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The n-grams of a text's units: a 32-bit hash each, and its length in characters. */
export interface Ngrams {
  n: number;
  keys: Int32Array;
  chars: Int32Array;
  count: number;
  /** Characters of all units of the text. */
  unitChars: number;
}

/** Buffers behind the Ngrams of the last call, per n; grown as needed. */
const gramBuffers: { keys: Int32Array; chars: Int32Array }[] = [];

/**
 * Every n-gram of `units` for n = 2 .. `maxN`, at index n - 2. The arrays are
 * reused: they are valid until the next call.
 */
export function ngrams(units: Units, maxN: number): Ngrams[] {
  const { hashes, lengths, count } = units;
  const all: Ngrams[] = [];
  for (let n = 2; n <= maxN; n++) {
    let buffer = gramBuffers[n - 2];
    if (!buffer || buffer.keys.length < count) {
      buffer = { keys: new Int32Array(count), chars: new Int32Array(count) };
      gramBuffers[n - 2] = buffer;
    }
    const grams = Math.max(0, count - n + 1);
    all.push({ n, keys: buffer.keys, chars: buffer.chars, count: grams, unitChars: units.chars });
  }
  for (let i = 0; i < count; i++) {
    let key = 0x2545f491;
    let chars = 0;
    for (let n = 1; n <= maxN && i + n <= count; n++) {
      const h = hashes[i + n - 1] as number;
      key = Math.imul(key ^ h, 0x5bd1e995);
      key ^= key >>> 15;
      chars += lengths[i + n - 1] as number;
      if (n < 2) continue;
      const grams = all[n - 2] as Ngrams;
      grams.keys[i] = key;
      grams.chars[i] = chars;
    }
  }
  return all;
}

const counter = new NgramCounter();

/** Largest count × length of a repeated gram among grams[start, end). */
function topRepeated(grams: Ngrams, start: number, end: number): number {
  counter.reset(end - start);
  for (let i = start; i < end; i++) counter.add(grams.keys[i] as number, grams.chars[i] as number);
  return counter.top;
}

/**
 * Share of all unit characters covered by the most frequent repeated n-gram,
 * counting every occurrence (Gopher's "top n-gram character fraction"; a gram
 * seen once is no repetition and counts 0).
 */
export function topNgramShare(grams: Ngrams): number {
  if (grams.count === 0 || grams.unitChars === 0) return 0;
  return Math.min(1, topRepeated(grams, 0, grams.count) / grams.unitChars);
}

/**
 * Keyword stuffing: the largest share of a window of `window` grams covered
 * by one repeated gram, over windows advancing by half a window. A spam block
 * that repeats 网络公司 a hundred times scores high even when appended to a
 * long, clean article whose overall n-gram shares stay low.
 */
export function keywordDensity(units: Units, grams: Ngrams, window: number): number {
  // A text within one window is that window: its top share is the whole text's.
  if (grams.count <= window) return topNgramShare(grams);
  const step = Math.max(1, window >> 1);
  let best = 0;
  for (let start = 0; start < grams.count; start += step) {
    const end = Math.min(grams.count, start + window);
    // The window's text: the units its grams cover.
    let chars = 0;
    for (let i = start; i < end + grams.n - 1; i++) chars += units.lengths[i] as number;
    const top = topRepeated(grams, start, end);
    if (top > best * chars) best = top / chars;
    if (end === grams.count) break;
  }
  return Math.min(1, best);
}

export interface DuplicateShares {
  /** Share of the elements that repeat an earlier element. */
  elements: number;
  /** Share of all characters that sit in repeated elements. */
  chars: number;
}

/** Gopher's duplicate line / paragraph fractions over the non-empty, trimmed `parts`. */
export function duplicateShares(parts: readonly string[], totalChars: number): DuplicateShares {
  const seen = new Set<string>();
  let elements = 0;
  let duplicates = 0;
  let duplicateChars = 0;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    elements++;
    if (seen.has(part)) {
      duplicates++;
      duplicateChars += part.length;
    } else {
      seen.add(part);
    }
  }
  return {
    elements: elements === 0 ? 0 : duplicates / elements,
    chars: totalChars === 0 ? 0 : Math.min(1, duplicateChars / totalChars),
  };
}
