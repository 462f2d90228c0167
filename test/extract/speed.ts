/**
 * Steady-state speed of extract() in one thread (not a test): a warm-up pass,
 * then passes over the texts for at least SECONDS; prints MB/s of UTF-8 text
 * by wall clock and by CPU time (process.cpuUsage, user + system), and the
 * rate of the median and of the fastest pass (the machine is shared: the
 * fastest pass is the one least disturbed by other processes).
 *
 *   npx tsx test/extract/speed.ts [stripped|all] [seconds]
 *
 * `stripped` (default): strip's output of the 69 dev pages, the texts
 * `npm run bench` times; `all`: the whole golden corpus.
 * Set QINGXI_DIST=1 to time the compiled dist/ instead of src/ (run `npm run build` first).
 */
import { FIXED_REF, loadGolden } from './golden-corpus.js';
import type { QRecord } from '../../src/core/record.js';

type Extract = (record: QRecord, options?: { ref?: string }) => QRecord;

const which = process.argv[2] ?? 'stripped';
const SECONDS = Number(process.argv[3] ?? 5);
const modulePath = process.env.QINGXI_DIST ? '../../dist/stages/extract/index.js' : '../../src/stages/extract/index.js';
const { extract } = (await import(modulePath)) as { extract: Extract };

const cases = loadGolden().filter((c) => which === 'all' || c.id.startsWith('stripped/'));
const bytes = cases.reduce((n, c) => n + Buffer.byteLength(c.record.text as string), 0);
const pass = (): void => {
  for (const c of cases) extract(c.record, { ref: c.ref ?? FIXED_REF });
};

const loadStarted = performance.now();
pass();
const warmUp = (performance.now() - loadStarted) / 1000;
const passTimes: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
do {
  const t = performance.now();
  pass();
  passTimes.push((performance.now() - t) / 1000);
} while (performance.now() - started < SECONDS * 1000);
const passes = passTimes.length;
passTimes.sort((a, b) => a - b);
const median = passTimes[Math.floor(passes / 2)]!;
const fastest = passTimes[0]!;
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = (bytes * passes) / 1e6;
console.log(
  `${which}: ${cases.length} texts, ${(bytes / 1e6).toFixed(2)} MB; warm-up ${warmUp.toFixed(2)} s; ${passes} passes in ${wall.toFixed(2)} s: ` +
    `${(mb / wall).toFixed(2)} MB/s wall, ${(mb / cpuSeconds).toFixed(2)} MB/s CPU (${cpuSeconds.toFixed(2)} s CPU); ` +
    `pass median ${(bytes / 1e6 / median).toFixed(2)} MB/s, fastest ${(bytes / 1e6 / fastest).toFixed(2)} MB/s`,
);
