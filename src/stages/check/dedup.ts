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
 * A text's fingerprint (signature and exact-copy key) is taken where the text
 * is — in the worker thread when `qingxi check` only reports — and indexed
 * in input order in the main thread (insertFingerprint).
 *
 * Memory per record: the 64-bin signature (256 bytes, pooled typed arrays),
 * one exact-hash slot and up to 16 band slots (8 bytes each, tables at most
 * half full), and the id string. test/check/dedup-memory.ts measures it:
 * about 750–950 bytes with 32-character ids, 1.1–1.4 million records per GB.
 */

import { CLASS, SPACE } from './chars.js';

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

/** murmur3's 32-bit finalizer: spreads the bits of a rolling hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const BASE = 0x01000193;
/** BASE^(SHINGLE - 1): the weight of the oldest unit of a shingle. */
const OLDEST_WEIGHT = (() => {
  let p = 1;
  for (let i = 1; i < SHINGLE; i++) p = Math.imul(p, BASE);
  return p;
})();

/** Puts a shingle's hash into its bin: one-permutation MinHash keeps the least value per bin. */
function addShingle(signature: Uint32Array, shingle: number): void {
  const h = mix(shingle);
  const bin = h >>> 26;
  const value = h & 0x3ffffff;
  if (value < (signature[bin] as number)) signature[bin] = value;
}

/** Bins no shingle reached still hold this (values are below 2^26). */
const EMPTY = 0xffffffff;
/** Which bins a shingle reached, while densifying. */
const filled = new Uint8Array(BINS);

export interface Fingerprint {
  /** One-permutation MinHash of the 5-shingles (the `out` array when given). */
  signature: Uint32Array;
  /** 31-bit hash of the whole normalized text, never 0. */
  key: number;
  /** UTF-16 units of the normalized text; 0 means nothing to compare. */
  length: number;
}

/**
 * MinHash signature and exact-copy key of `text` as duplicates see it: NFKC,
 * whitespace removed (so re-wrapped lines, full-width digits and ideographic
 * spaces do not make a copy new). One pass, no normalized copy beyond NFKC.
 */
export function fingerprint(text: string, out: Uint32Array = new Uint32Array(BINS)): Fingerprint {
  const normalized = text.normalize('NFKC');
  out.fill(EMPTY);
  let exact = 0x811c9dc5;
  let length = 0;
  // The rolling polynomial hash of the last SHINGLE units, u0 the oldest (0 before the text starts).
  let shingle = 0;
  let u0 = 0;
  let u1 = 0;
  let u2 = 0;
  let u3 = 0;
  let u4 = 0;
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized.charCodeAt(i);
    if (((CLASS[c] as number) & SPACE) !== 0) continue;
    exact = Math.imul(exact ^ c, 0x01000193);
    // Drop the oldest unit, add the newest.
    shingle = (Math.imul((shingle - Math.imul(u0, OLDEST_WEIGHT)) | 0, BASE) + c) | 0;
    u0 = u1;
    u1 = u2;
    u2 = u3;
    u3 = u4;
    u4 = c;
    length++;
    if (length >= SHINGLE) addShingle(out, shingle);
  }
  if (length === 0) return { signature: out, key: 0, length };
  // A text shorter than one shingle is its own single shingle.
  if (length < SHINGLE) addShingle(out, shingle);
  // Densify by rotation: an empty bin takes the value of the next filled bin to its right,
  // offset by the distance so that borrowed values stay distinguishable.
  for (let bin = 0; bin < BINS; bin++) filled[bin] = out[bin] === EMPTY ? 0 : 1;
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
  return { signature: out, key: (mix(exact) >>> 1) || 1, length };
}

/** Share of equal bins: the MinHash estimate of the Jaccard similarity. */
function agreement(a: Uint32Array, aAt: number, b: Uint32Array, bAt: number): number {
  let equal = 0;
  for (let i = 0; i < BINS; i++) if (a[aAt + i] === b[bAt + i]) equal++;
  return equal / BINS;
}

/** 31-bit hash of one band of a signature, never 0. */
function bandKey(signature: Uint32Array, band: number): number {
  let h = Math.imul(band + 1, 0x9e3779b1);
  for (let i = band * ROWS; i < (band + 1) * ROWS; i++) h = Math.imul(h ^ (signature[i] as number), 0x5bd1e995) ^ (h >>> 15);
  return (mix(h) >>> 1) || 1;
}

/**
 * Hash key -> first record index, open addressing in two typed arrays (8
 * bytes a slot, at most half full): a fraction of what a Map costs per entry.
 * Keys are hashes, so a hit is only a candidate, checked on the signature.
 */
class FirstIndexTable {
  private keys = new Int32Array(1 << 12);
  private values = new Int32Array(1 << 12);
  private count = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot] as number;
      if (k === key) return this.values[slot] as number;
      if (k === 0) return -1;
    }
  }

  /** Records `value` for `key` unless the key already has one. */
  setIfAbsent(key: number, value: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot] as number;
      if (k === key) return;
      if (k === 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        this.count++;
        return;
      }
    }
  }

  /** Bytes held. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.count = 0;
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] !== 0) this.setIfAbsent(keys[slot] as number, values[slot] as number);
    }
  }
}

export class DuplicateIndex {
  private readonly threshold: number;
  private readonly ids: string[] = [];
  private readonly chunks: Uint32Array[] = [];
  private readonly exact = new FirstIndexTable();
  private readonly bands = new FirstIndexTable();
  private readonly bandKeys = new Int32Array(BANDS);
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
    return this.insertFingerprint(id, fingerprint(text, this.scratch));
  }

  /** `insert` for a text whose fingerprint was taken already (in a worker thread). */
  insertFingerprint(id: string, { signature, key, length }: Fingerprint): DuplicateMatch | null {
    if (length === 0) return null;

    const exactIndex = this.exact.get(key);
    if (exactIndex >= 0 && this.similarityTo(exactIndex, signature) === 1) {
      return { of: this.ids[exactIndex] as string, similarity: 1, exact: true, duplicate: true };
    }

    let best = -1;
    let bestSimilarity = 0;
    for (let band = 0; band < BANDS; band++) {
      const bk = bandKey(signature, band);
      this.bandKeys[band] = bk;
      const candidate = this.bands.get(bk);
      if (candidate < 0 || candidate === best) continue;
      const similarity = this.similarityTo(candidate, signature);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && candidate < best)) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }

    const index = this.ids.length;
    this.ids.push(id);
    this.store(index, signature);
    this.exact.setIfAbsent(key, index);
    for (let band = 0; band < BANDS; band++) this.bands.setIfAbsent(this.bandKeys[band] as number, index);

    if (best < 0) return null;
    return { of: this.ids[best] as string, similarity: bestSimilarity, exact: false, duplicate: bestSimilarity > this.threshold };
  }

  /** Bytes of the typed arrays held (signatures and hash tables); ids come on top. */
  get tableBytes(): number {
    return this.chunks.reduce((n, chunk) => n + chunk.byteLength, 0) + this.exact.bytes + this.bands.bytes;
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
