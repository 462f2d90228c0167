/**
 * Speed of check per core: the per-record signals and rules (what each
 * worker thread does) and the duplicate index (what the main thread does),
 * in MB of UTF-8 text per CPU second, on distinct records made of real text.
 * Run: npx tsx test/check/bench.ts [MB]; the numbers also come back from benchCheck().
 */
import { fileURLToPath } from 'node:url';
import { assess, defaultRules, DuplicateIndex } from '../../src/stages/check/index.js';
import { syntheticRecords, type SyntheticRecord } from './synthetic.js';

export interface CheckBench {
  megabytes: number;
  records: number;
  /** assess(): signals and rules. */
  assessMBps: number;
  /** DuplicateIndex.insert(). */
  dedupMBps: number;
  /** Both, as one core does them with `--jobs 0`. */
  perCoreMBps: number;
}

function cpuSeconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function benchCheck(megabytes = 20): CheckBench {
  const records: SyntheticRecord[] = [];
  let bytes = 0;
  for (const record of syntheticRecords(Number.MAX_SAFE_INTEGER)) {
    if (bytes >= megabytes * 1e6) break;
    records.push(record);
    bytes += Buffer.byteLength(record.text);
  }
  const rules = defaultRules();
  // One warm-up pass so that the JIT has compiled the hot loops.
  for (const record of records.slice(0, 500)) assess(record, rules);
  const assessSeconds = cpuSeconds(() => {
    for (const record of records) assess(record, rules);
  });
  const dedupSeconds = cpuSeconds(() => {
    const index = new DuplicateIndex();
    for (const { id, text } of records) index.insert(id, text);
  });
  const mb = bytes / 1e6;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    megabytes: round(mb),
    records: records.length,
    assessMBps: round(mb / assessSeconds),
    dedupMBps: round(mb / dedupSeconds),
    perCoreMBps: round(mb / (assessSeconds + dedupSeconds)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(benchCheck(Number(process.argv[2] ?? 20))));
}
