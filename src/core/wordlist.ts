/**
 * Rules and word lists live in plain text data files beside the stage that
 * uses them (`src/stages/<stage>/data/*.txt`), each with comment lines saying
 * where its entries come from. This module finds and parses them, both when
 * running from `src/` (tests) and from the compiled `dist/`.
 *
 * Format: one entry per line; `#` starts a comment line; blank lines are
 * ignored; fields within an entry are separated by tabs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root: this file is `<root>/src/core/` or `<root>/dist/core/`. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute path of a data file given relative to `src/`, e.g. `stages/strip/data/boilerplate.txt`. */
export function dataPath(relativeToSrc: string): string {
  return path.join(PACKAGE_ROOT, 'src', relativeToSrc);
}

const cache = new Map<string, string[][]>();

/** Rows of a data file, each split into its tab-separated fields. */
export function readTable(relativeToSrc: string): string[][] {
  const hit = cache.get(relativeToSrc);
  if (hit) return hit;
  const rows: string[][] = [];
  for (const rawLine of readFileSync(dataPath(relativeToSrc), 'utf8').split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    rows.push(line.split('\t').map((f) => f.trim()));
  }
  cache.set(relativeToSrc, rows);
  return rows;
}

/** The first field of every row of a data file. */
export function readList(relativeToSrc: string): string[] {
  return readTable(relativeToSrc).map((row) => row[0] ?? '');
}
