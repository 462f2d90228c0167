/**
 * The texts the extract golden check and the extract speed script run on: the
 * seeds' gold bodies, the hand-made bodies of the 69 dev pages, the strip
 * output of the dev pages and of the seeds, the sentences of the date suites,
 * and the first 4,000 characters of each pathological input of the
 * linear-time test. Frozen in test/fixtures/extract-golden/golden.jsonl.gz
 * (texts with the entities extract gave when it was written), so that the
 * check does not move when strip changes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Entity, QRecord } from '../../src/core/record.js';

export const GOLDEN_PATH = fileURLToPath(new URL('../fixtures/extract-golden/golden.jsonl.gz', import.meta.url));

/** The reference for texts without a published date, fixed so that relative dates do not move with today. */
export const FIXED_REF = '2024-06-15';

export interface GoldenCase {
  id: string;
  record: QRecord;
  ref: string;
  entities: Entity[];
}

export function loadGolden(): GoldenCase[] {
  return gunzipSync(readFileSync(GOLDEN_PATH))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as GoldenCase);
}

/** File names of a fixture folder, sorted. */
export function listDir(path: string, ending: string): string[] {
  return readdirSync(path)
    .filter((f) => f.endsWith(ending))
    .sort();
}
