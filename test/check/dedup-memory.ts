/**
 * Memory of the duplicate index per record: adds 100,000 distinct records
 * made of real text and reads process.memoryUsage() before and after.
 * Run: npx tsx test/check/dedup-memory.ts [records]   (re-runs itself with --expose-gc)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DuplicateIndex } from '../../src/stages/check/index.js';
import { syntheticRecords } from './synthetic.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const count = Number(process.argv[2] ?? 100_000);
const texts = Array.from(syntheticRecords(count), (r) => r.text);
const used = (): number => {
  gc!();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const before = used();
const index = new DuplicateIndex();
let duplicates = 0;
// Ids are made here, as a run parses them from each line: the index alone keeps them.
texts.forEach((text, n) => {
  if (index.add(`pages/news/2023/${String(n).padStart(7, '0')}.html`, text) !== null) duplicates++;
});
const after = used();
const perRecord = (after - before) / index.size;
console.log(
  JSON.stringify({
    records: count,
    indexed: index.size,
    duplicates,
    bytes_per_record: Math.round(perRecord),
    typed_array_bytes_per_record: Math.round(index.tableBytes / index.size),
    records_per_gb: Math.round(2 ** 30 / perRecord),
  }),
);
// Keep the texts alive until after the measurement, so that only the index is counted.
if (index.size < 0) console.log(texts.length);
