/**
 * Duplicates across records, in input order: a later copy points at the first.
 *
 * - Exact: same text after NFKC normalization with all whitespace removed.
 * - Near: MinHash over character 5-shingles of that normalized text, in its
 *   one-permutation form (each shingle hashed once into one of 64 bins, the
 *   minimum kept per bin, empty bins filled from their right neighbour), with
 *   LSH over 16 bands of 4 bins. A pair with Jaccard similarity 0.8 shares a
 *   band with probability 1 - (1 - 0.8^4)^16 = 0.9998; at 0.5 with 0.64, and
 *   every candidate is then checked on all 64 bins against the threshold.
 *
 * Memory: the 64-bin signature (256 bytes, pooled typed arrays), the id, one
 * exact-hash entry and up to 16 band entries per record; see the report of
 * test/check/dedup-memory.ts for the measured bytes per record.
 */

const BINS = 64;
const BANDS = 16;
const ROWS = BINS / BANDS;
const SHINGLE = 5;
/** Records per pooled signature chunk. */
const CHUNK = 1 << 14;

export interface DuplicateMatch {
  /** Id of the most similar earlier record found (the earliest among equals). */
  of: string;
  /** Estimated Jaccard similarity of the shingle sets (1 for an exact copy). */
  similarity: number;
  exact: boolean;
  /** Whether it counts as a duplicate: exact, or similarity above the threshold. */
  duplicate: boolean;
}

export interface DuplicateIndexOptions {
  /** Near duplicates need an estimated similarity above this; default 0.8. */
  threshold?: number;
}

/** NFKC, whitespace removed: what "the same text" means for duplicates. */
export function normalizeForDuplicates(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** murmur3's 32-bit finalizer: spreads the bits of a rolling hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BASE = 0x01000193;
const BASE_POW = (() => {
  let p = 1;
  for (let i = 1; i < SHINGLE; i++) p = Math.imul(p, BASE);
  return p;
})();

/** One-permutation MinHash signature of the 5-shingles of normalized `text` (at least 1 character). */
export function minhashSignature(text: string, out: Uint32Array = new Uint32Array(BINS)): Uint32Array {
  out.fill(0xffffffff);
  const filled = new Uint8Array(BINS);
  const put = (rolling: number): void => {
    const h = mix(rolling);
    const bin = h >>> 26;
    const value = h & 0x3ffffff;
    if (value < (out[bin] as number)) out[bin] = value;
    filled[bin] = 1;
  };
  let rolling = 0;
  const width = Math.min(SHINGLE, text.length);
  for (let i = 0; i < width; i++) rolling = (Math.imul(rolling, BASE) + text.charCodeAt(i)) | 0;
  put(rolling);
  for (let i = SHINGLE; i < text.length; i++) {
    rolling = (Math.imul((rolling - Math.imul(text.charCodeAt(i - SHINGLE), BASE_POW)) | 0, BASE) + text.charCodeAt(i)) | 0;
    put(rolling);
  }
  // Densify by rotation: an empty bin takes the value of the next filled bin to its right,
  // offset by the distance so that borrowed values stay distinguishable.
  for (let bin = 0; bin < BINS; bin++) {
    if (filled[bin]) continue;
    let from = (bin + 1) % BINS;
    let distance = 1;
    while (!filled[from]) {
      from = (from + 1) % BINS;
      distance++;
    }
    out[bin] = ((out[from] as number) + distance * 0x4000000) >>> 0;
  }
  return out;
}

/** Share of equal bins: the MinHash estimate of the Jaccard similarity. */
function agreement(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number {
  let equal = 0;
  for (let i = 0; i < BINS; i++) if (a[aAt + i] === b[bAt + i]) equal++;
  return equal / BINS;
}

/** 30-bit FNV-1a hash of a string, small enough to be an unboxed Map key. */
function textKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix(h) >>> 2;
}

function bandKey(signature: Uint32Array, band: number): number {
  let h = band;
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) h = Math.imul(h ^ (signature[i] as number), 0x9e3779b1) ^ (h >>> 15);
  return mix(h) >>> 2;
}

export class DuplicateIndex {
  private readonly threshold: number;
  private readonly ids: string[] = [];
  private readonly chunks: Uint32Array[] = [];
  private readonly exact = new Map<number, number>();
  private readonly bands: Map<number, number>[] = Array.from({ length: BANDS }, () => new Map<number, number>());
  private readonly scratch = new Uint32Array(BINS);

  constructor(options: DuplicateIndexOptions = {}) {
    this.threshold = options.threshold ?? 0.8;
  }

  /** Number of records indexed. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a record; returns the id of the earlier record it duplicates, or null. */
  add(id: string, text: string): string | null {
    const match = this.insert(id, text);
    return match?.duplicate ? match.of : null;
  }

  /**
   * Adds a record and returns the most similar earlier record that LSH
   * finds (a duplicate or not), or null. Texts that are empty after
   * normalization are neither indexed nor matched.
   */
  insert(id: string, text: string): DuplicateMatch | null {
    const normalized = normalizeForDuplicates(text);
    if (normalized === '') return null;
    const signature = minhashSignature(normalized, this.scratch);
    const key = textKey(normalized);

    const exactIndex = this.exact.get(key);
    if (exactIndex !== undefined && this.similarityTo(exactIndex, signature) === 1) {
      return { of: this.ids[exactIndex] as string, similarity: 1, exact: true, duplicate: true };
    }

    let best = -1;
    let bestSimilarity = 0;
    const bandKeys: number[] = [];
    for (let band = 0; band < BANDS; band++) {
      const bk = bandKey(signature, band);
      bandKeys.push(bk);
      const candidate = this.bands[band]?.get(bk);
      if (candidate === undefined || candidate === best) continue;
      const similarity = this.similarityTo(candidate, signature);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && candidate < best)) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }

    const index = this.ids.length;
    this.ids.push(id);
    this.store(index, signature);
    if (!this.exact.has(key)) this.exact.set(key, index);
    for (let band = 0; band < BANDS; band++) {
      const map = this.bands[band] as Map<number, number>;
      const bk = bandKeys[band] as number;
      if (!map.has(bk)) map.set(bk, index);
    }

    if (best < 0) return null;
    return { of: this.ids[best] as string, similarity: bestSimilarity, exact: false, duplicate: bestSimilarity > this.threshold };
  }

  private store(index: number, signature: Uint32Array): void {
    const chunk = Math.floor(index / CHUNK);
    if (chunk === this.chunks.length) this.chunks.push(new Uint32Array(CHUNK * BINS));
    (this.chunks[chunk] as Uint32Array).set(signature, (index % CHUNK) * BINS);
  }

  private similarityTo(index: number, signature: Uint32Array): number {
    const chunk = this.chunks[Math.floor(index / CHUNK)] as Uint32Array;
    return agreement(chunk, (index % CHUNK) * BINS, signature, 0);
  }
}
