/**
 * Repetition statistics after Gopher (Rae et al. 2021, table A1) and
 * datatrove's GopherRepetitionFilter: duplicate lines and paragraphs, and the
 * share of the text covered by its most frequent n-gram. N-grams are over the
 * units of ./scan.ts (Han characters, Latin words), because Chinese has no
 * spaces between words.
 */
import type { Lines } from './lines.js';
import type { Units } from './scan.js';

/**
 * N-gram counting: open-addressing tables keyed by a 32-bit hash of the gram,
 * key and count side by side, one table per n, sized to each text (so a small
 * text works in a small, cached table even after a big one grew the buffers).
 * Two different grams share a hash with probability ~2^-32 per pair: at most
 * a count of one off now and then, which does not move a share.
 */
interface GramTables {
  bigrams: Int32Array;
  trigrams: Int32Array;
  fourgrams: Int32Array;
  /** Slots of the table in use (a power of two), and its log2. */
  size: number;
  bits: number;
}

const tables: GramTables = { bigrams: new Int32Array(0), trigrams: new Int32Array(0), fourgrams: new Int32Array(0), size: 0, bits: 0 };

/** Empties the tables and sizes them for `expected` grams: at most half full. */
function resetTables(expected: number): void {
  let size = 1024;
  let bits = 10;
  while (size < expected * 2) {
    size *= 2;
    bits++;
  }
  if (tables.bigrams.length < size * 2) {
    tables.bigrams = new Int32Array(size * 2);
    tables.trigrams = new Int32Array(size * 2);
    tables.fourgrams = new Int32Array(size * 2);
  } else {
    // Only the slots of the last text can be in use.
    tables.bigrams.fill(0, 0, tables.size * 2);
    tables.trigrams.fill(0, 0, tables.size * 2);
    tables.fourgrams.fill(0, 0, tables.size * 2);
  }
  tables.size = size;
  tables.bits = bits;
}

/**
 * Counts one occurrence of `key` in `table` and returns the index of its
 * (key, count) pair, which also identifies the gram for the rest of the text.
 * Keys are already mixed hashes, so their top bits pick the slot.
 */
function addGram(table: Int32Array, bits: number, key: number): number {
  const mask = (1 << bits) - 1;
  for (let slot = key >>> (32 - bits); ; slot = (slot + 1) & mask) {
    const at = slot << 1;
    const count = table[at + 1] as number;
    if (count === 0) {
      table[at] = key;
      table[at + 1] = 1;
      return at;
    }
    if (table[at] === key) {
      table[at + 1] = count + 1;
      return at;
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

/** The 4-grams of the last text (pair index in the table, characters), kept for the windows of keyword density. */
let fourgramAt = new Int32Array(0);
let fourgramChars = new Int32Array(0);
/** Positions of the 4-grams that occur more than once in the last text, in order. */
let repeatedAt = new Int32Array(0);
/** Per 4-gram pair index: its count in the current window, and the number of the window that count belongs to. */
let windowCounts = new Int32Array(0);
let windowOf = new Int32Array(0);
let windowNumber = 0;

/** The hash of a gram extended by one more unit's hash (murmur-style multiply and shift). */
function extendGram(key: number, unitHash: number): number {
  const mixed = Math.imul(key ^ unitHash, 0x5bd1e995);
  return mixed ^ (mixed >>> 15);
}

/**
 * Gopher's top n-gram character fractions for n = 2, 3, 4 (every occurrence
 * of the most frequent gram counts; a gram seen once is no repetition and
 * counts 0), and keyword density over windows of `window` 4-grams advancing
 * by half a window: a spam block that repeats 网络公司 a hundred times scores
 * high even when appended to a long, clean article whose overall shares stay low.
 */
export function ngramShares(units: Units, window: number): NgramShares {
  const { hashes, lengths, count } = units;
  if (fourgramAt.length < count) {
    fourgramAt = new Int32Array(count);
    fourgramChars = new Int32Array(count);
    repeatedAt = new Int32Array(count);
  }
  resetTables(count);
  const { bigrams, trigrams, fourgrams, bits } = tables;
  // Largest count × length of any gram seen at least twice, counted as the grams come.
  let top2 = 0;
  let top3 = 0;
  let top4 = 0;
  // Each gram's hash extends the hash of the gram one shorter starting at the same unit.
  for (let i = 0; i + 1 < count; i++) {
    let key = extendGram(extendGram(0x2545f491, hashes[i] as number), hashes[i + 1] as number);
    let chars = (lengths[i] as number) + (lengths[i + 1] as number);
    let at = addGram(bigrams, bits, key);
    let seen = bigrams[at + 1] as number;
    if (seen > 1 && seen * chars > top2) top2 = seen * chars;
    if (i + 2 >= count) continue;
    key = extendGram(key, hashes[i + 2] as number);
    chars += lengths[i + 2] as number;
    at = addGram(trigrams, bits, key);
    seen = trigrams[at + 1] as number;
    if (seen > 1 && seen * chars > top3) top3 = seen * chars;
    if (i + 3 >= count) continue;
    key = extendGram(key, hashes[i + 3] as number);
    chars += lengths[i + 3] as number;
    at = addGram(fourgrams, bits, key);
    seen = fourgrams[at + 1] as number;
    if (seen > 1 && seen * chars > top4) top4 = seen * chars;
    fourgramAt[i] = at;
    fourgramChars[i] = chars;
  }
  const total = units.chars;
  const share = (top: number): number => (total === 0 ? 0 : Math.min(1, top / total));
  const top4Share = share(top4);
  return { top2: share(top2), top3: share(top3), top4: top4Share, keywordDensity: densestWindow(units, window, top4Share) };
}

/** Keyword density from the 4-grams of ngramShares; a text within one window is that window. */
function densestWindow(units: Units, window: number, top4: number): number {
  const grams = Math.max(0, units.count - 3);
  if (grams <= window) return top4;
  if (windowCounts.length < tables.size * 2) {
    windowCounts = new Int32Array(tables.size * 2);
    windowOf = new Int32Array(tables.size * 2);
  }
  // Only 4-grams that occur more than once in the text can repeat within a window.
  const fourgrams = tables.fourgrams;
  let repeats = 0;
  for (let i = 0; i < grams; i++) {
    // Without a branch: the position is written, and kept when its count is above 1.
    repeatedAt[repeats] = i;
    repeats += (1 - (fourgrams[(fourgramAt[i] as number) + 1] as number)) >>> 31;
  }
  const step = Math.max(1, window >> 1);
  let best = 0;
  let first = 0;
  for (let start = 0; start < grams; start += step) {
    // Numbers go on across texts, so no count needs clearing between windows.
    if (++windowNumber === 0x7fffffff) {
      windowOf.fill(0);
      windowNumber = 1;
    }
    const number = windowNumber;
    const end = Math.min(grams, start + window);
    // The window's text: the units its grams cover.
    let chars = 0;
    for (let i = start; i < end + 3; i++) chars += units.lengths[i] as number;
    // Largest count × length of a repeated 4-gram in the window, counted as the grams come.
    while (first < repeats && (repeatedAt[first] as number) < start) first++;
    let top = 0;
    for (let k = first; k < repeats && (repeatedAt[k] as number) < end; k++) {
      const i = repeatedAt[k] as number;
      const at = fourgramAt[i] as number;
      let seen = 1;
      if (windowOf[at] === number) seen = (windowCounts[at] as number) + 1;
      else windowOf[at] = number;
      windowCounts[at] = seen;
      if (seen > 1 && seen * (fourgramChars[i] as number) > top) top = seen * (fourgramChars[i] as number);
    }
    if (top > best * chars) best = top / chars;
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
