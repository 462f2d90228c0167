/**
 * Repetition statistics after Gopher (Rae et al. 2021, table A1) and
 * datatrove's GopherRepetitionFilter: duplicate lines and paragraphs, and the
 * share of the text covered by its most frequent n-gram. N-grams are over the
 * units of ./units.ts (Han characters, Latin words), because Chinese has no
 * spaces between words.
 */
import type { Lines } from './lines.js';
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

export interface NgramShares {
  /** Share of unit characters covered by the most frequent repeated 2-, 3- and 4-gram. */
  top2: number;
  top3: number;
  top4: number;
  /** Largest share of a window covered by one repeated 4-gram. */
  keywordDensity: number;
}

const bigrams = new NgramCounter();
const trigrams = new NgramCounter();
const fourgrams = new NgramCounter();
/** The 4-grams of the last text (hash, characters), kept for the windows of keyword density. */
let fourgramKeys = new Int32Array(0);
let fourgramChars = new Int32Array(0);

/**
 * Gopher's top n-gram character fractions for n = 2, 3, 4 (every occurrence
 * of the most frequent gram counts; a gram seen once is no repetition and
 * counts 0), and keyword density over windows of `window` 4-grams advancing
 * by half a window: a spam block that repeats 网络公司 a hundred times scores
 * high even when appended to a long, clean article whose overall shares stay low.
 */
export function ngramShares(units: Units, window: number): NgramShares {
  const { hashes, lengths, count } = units;
  if (fourgramKeys.length < count) {
    fourgramKeys = new Int32Array(count);
    fourgramChars = new Int32Array(count);
  }
  bigrams.reset(count);
  trigrams.reset(count);
  fourgrams.reset(count);
  // Each gram's hash extends the hash of the gram one shorter starting at the same unit.
  for (let i = 0; i + 1 < count; i++) {
    let key = Math.imul(0x2545f491 ^ (hashes[i] as number), 0x5bd1e995);
    key ^= key >>> 15;
    let chars = lengths[i] as number;
    for (let n = 2; n <= 4 && i + n <= count; n++) {
      key = Math.imul(key ^ (hashes[i + n - 1] as number), 0x5bd1e995);
      key ^= key >>> 15;
      chars += lengths[i + n - 1] as number;
      if (n === 2) bigrams.add(key, chars);
      else if (n === 3) trigrams.add(key, chars);
      else {
        fourgrams.add(key, chars);
        fourgramKeys[i] = key;
        fourgramChars[i] = chars;
      }
    }
  }
  const total = units.chars;
  const share = (top: number): number => (total === 0 ? 0 : Math.min(1, top / total));
  const top4 = share(fourgrams.top);
  return { top2: share(bigrams.top), top3: share(trigrams.top), top4, keywordDensity: densestWindow(units, window, top4) };
}

/** Keyword density from the 4-grams of ngramShares; a text within one window is that window. */
function densestWindow(units: Units, window: number, top4: number): number {
  const grams = Math.max(0, units.count - 3);
  if (grams <= window) return top4;
  const step = Math.max(1, window >> 1);
  let best = 0;
  for (let start = 0; start < grams; start += step) {
    const end = Math.min(grams, start + window);
    // The window's text: the units its grams cover.
    let chars = 0;
    for (let i = start; i < end + 3; i++) chars += units.lengths[i] as number;
    fourgrams.reset(end - start);
    for (let i = start; i < end; i++) fourgrams.add(fourgramKeys[i] as number, fourgramChars[i] as number);
    if (fourgrams.top > best * chars) best = fourgrams.top / chars;
    if (end === grams) break;
  }
  return Math.min(1, best);
}

export interface DuplicateShares {
  /** Share of the elements that repeat an earlier element. */
  elements: number;
  /** Share of all characters that sit in repeated elements. */
  chars: number;
}

/** Gopher's duplicate line fraction and duplicate line character fraction. */
export function duplicateLineShares(lines: Lines, totalChars: number): DuplicateShares {
  const seen = new Set<number>();
  let duplicates = 0;
  let duplicateChars = 0;
  for (let i = 0; i < lines.count; i++) {
    const hash = lines.hashes[i] as number;
    if (seen.has(hash)) {
      duplicates++;
      duplicateChars += (lines.ends[i] as number) - (lines.starts[i] as number);
    } else {
      seen.add(hash);
    }
  }
  return shares(duplicates, lines.count, duplicateChars, totalChars);
}

/** Gopher's duplicate paragraph fractions; paragraphs are runs of non-empty lines between blank lines. */
export function duplicateParagraphShares(lines: Lines, totalChars: number): DuplicateShares {
  const seen = new Set<number>();
  let paragraphs = 0;
  let duplicates = 0;
  let duplicateChars = 0;
  for (let i = 0; i < lines.count; ) {
    let hash = 0x2545f491;
    let chars = 0;
    let j = i;
    do {
      hash = Math.imul(hash ^ (lines.hashes[j] as number), 0x5bd1e995) ^ (hash >>> 15);
      chars += (lines.ends[j] as number) - (lines.starts[j] as number);
      j++;
    } while (j < lines.count && lines.paragraphStarts[j] === 0);
    paragraphs++;
    if (seen.has(hash)) {
      duplicates++;
      duplicateChars += chars;
    } else {
      seen.add(hash);
    }
    i = j;
  }
  return shares(duplicates, paragraphs, duplicateChars, totalChars);
}

function shares(duplicates: number, elements: number, duplicateChars: number, totalChars: number): DuplicateShares {
  return {
    elements: elements === 0 ? 0 : duplicates / elements,
    chars: totalChars === 0 ? 0 : Math.min(1, duplicateChars / totalChars),
  };
}
