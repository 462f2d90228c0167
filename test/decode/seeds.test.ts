/** The 5 seed pages: UTF-8 text and Markdown as a crawler flattened them. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeStage } from '../../src/stages/decode/index.js';
import { SEED_DIR } from './helpers.js';

const seeds = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort();

describe('decode on the seeds', () => {
  it('gives one record per seed', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds)('%s decodes to its exact UTF-8 text', (seed) => {
    const file = SEED_DIR + seed;
    const record = decodeStage.process({}, {}, { source: file, line: 0, file });
    expect(record.id).toBe(file);
    expect(record.text).toBe(readFileSync(file, 'utf8'));
    expect(record.encoding).toBe('utf-8');
    expect(record.encoding_source).toBe('detected');
    // 004 is Markdown with YAML front matter; the others are flattened plain text.
    expect(record.format).toBe(seed.startsWith('004_') ? 'markdown' : 'text');
  });
});
