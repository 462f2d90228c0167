/**
 * segment: words with jieba-wasm (jieba-rs compiled to WebAssembly, with its
 * bundled dictionary; nothing is downloaded).
 *
 * `tokens` always concatenate back to `text` exactly, whitespace included.
 * `search` mode keeps that promise: jieba's search mode lists overlapping
 * sub-words (中华, 华人, 人民, … 中华人民共和国), so each long word is
 * replaced by the fewest dictionary sub-words of two or more characters that
 * tile it (中华/人民/共和国), and kept whole when none do (杨庆山).
 */
import { readFileSync } from 'node:fs';
import * as jieba from 'jieba-wasm';
import { RecordError, UsageError } from '../../core/errors.js';
import type { QRecord } from '../../core/record.js';
import type { Stage } from '../../core/stage.js';

export type SegmentMode = 'default' | 'search';

export interface SegmentOptions {
  mode?: SegmentMode;
  /** Add `pos`, one part-of-speech tag per token (jieba's tag set). */
  pos?: boolean;
  /** Use jieba's HMM to join characters of words missing from the dictionary (default true). */
  hmm?: boolean;
  /** A user dictionary in jieba's format: `word [frequency] [tag]` per line. */
  dict?: string;
}

export interface DictionaryEntry {
  word: string;
  freq?: number;
  tag?: string;
}

/**
 * Parses a jieba user dictionary. The frequency column is optional, as in
 * Python jieba (jieba-wasm's own `with_dict` requires it, so entries are
 * added one by one with `add_word`, which then suggests a frequency).
 */
export function parseUserDictionary(text: string, file: string): DictionaryEntry[] {
  const entries: DictionaryEntry[] = [];
  text.replace(/^\ufeff/, '').split('\n').forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const [word, second, third, ...rest] = line.split(/\s+/);
    const where = `${file}:${index + 1}`;
    if (rest.length > 0) throw new UsageError(`${where}: expected 'word [frequency] [tag]', got ${JSON.stringify(line)}`);
    const entry: DictionaryEntry = { word: word! };
    if (second !== undefined) {
      if (/^\d+$/.test(second)) {
        entry.freq = Number(second);
        if (third !== undefined) entry.tag = third;
      } else if (third === undefined) {
        entry.tag = second;
      } else {
        throw new UsageError(`${where}: the frequency must be a whole number, got ${JSON.stringify(second)}`);
      }
    }
    entries.push(entry);
  });
  return entries;
}

export function readUserDictionary(file: string): DictionaryEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read dictionary ${file}: ${(error as Error).message}`);
  }
  return parseUserDictionary(text, file);
}

/** Adds user words to jieba's dictionary (process-wide, as in jieba itself). */
export function loadUserDictionary(entries: readonly DictionaryEntry[]): void {
  for (const { word, freq, tag } of entries) jieba.add_word(word, freq ?? null, tag ?? null);
}

/** Splits a long word into the fewest search-mode sub-words that tile it, or keeps it. */
function tileWithSubwords(word: string): string[] {
  const chars = Array.from(word);
  if (chars.length <= 2) return [word];
  // Single characters are not search terms: a word is only split into sub-words of two or more.
  const subwords = jieba.tokenize(word, 'search', false).filter((t) => t.end - t.start >= 2 && t.end - t.start < chars.length);
  // fewest[i]: fewest pieces covering chars[0..i); via[i]: start of the last piece.
  const fewest = new Array<number>(chars.length + 1).fill(Infinity);
  const via = new Array<number>(chars.length + 1).fill(-1);
  fewest[0] = 0;
  const byStart = [...subwords].sort((a, b) => a.start - b.start);
  for (const t of byStart) {
    if (fewest[t.start]! + 1 < fewest[t.end]!) {
      fewest[t.end] = fewest[t.start]! + 1;
      via[t.end] = t.start;
    }
  }
  if (!Number.isFinite(fewest[chars.length]!)) return [word];
  const pieces: string[] = [];
  for (let end = chars.length; end > 0; end = via[end]!) pieces.unshift(chars.slice(via[end]!, end).join(''));
  return pieces;
}

export interface Segmentation {
  tokens: string[];
  pos?: string[];
}

export function segmentText(text: string, options: SegmentOptions = {}): Segmentation {
  const hmm = options.hmm !== false;
  const search = options.mode === 'search';
  if (options.pos) {
    const tagged = jieba.tag(text, hmm);
    const tokens: string[] = [];
    const pos: string[] = [];
    for (const { word, tag } of tagged) {
      const pieces = search ? tileWithSubwords(word) : [word];
      // Sub-words inherit the tag of the word they were cut from.
      for (const piece of pieces) {
        tokens.push(piece);
        pos.push(tag);
      }
    }
    return { tokens, pos };
  }
  const words = jieba.cut(text, hmm);
  return { tokens: search ? words.flatMap(tileWithSubwords) : words };
}

export function segment(record: QRecord, options: SegmentOptions = {}): QRecord {
  if (typeof record.text !== 'string') {
    throw new RecordError('missing-text', 'record has no string "text" field (segment needs the text to cut; run strip first, or add "text")');
  }
  const { tokens, pos } = segmentText(record.text, options);
  const out: QRecord = { ...record, tokens };
  if (pos) out.pos = pos;
  else delete out.pos;
  return out;
}

/** Cut once at start-up, with the run's options, so every code path those options take is loaded. */
const WARM_UP = '南开大学党委书记杨庆山说，中华人民共和国 2023年';

export const segmentStage: Stage<SegmentOptions> = {
  name: 'segment',
  // segment only adds these: the output line is the input line with them spliced in (see Stage).
  appends: ['tokens', 'pos'],
  init(options) {
    if (options.dict) loadUserDictionary(readUserDictionary(options.dict));
    // jieba builds its dictionary on the first call (about half a second): do it here, once per
    // thread, so it is start-up rather than a first record that takes 200 times as long as the rest.
    segmentText(WARM_UP, options);
  },
  process: (record, options) => segment(record, options),
};
