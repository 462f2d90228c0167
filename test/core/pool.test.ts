/**
 * The worker pool survives records that crash, hang or exhaust memory: that
 * record is rejected with the reason, the worker is replaced, and every other
 * record comes out, in order.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runStage, type CommonOptions } from '../../src/core/runner.js';
import { records } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-pool-'));
const faulty = { module: new URL('../fixtures/stages/faulty.mjs', import.meta.url).href, export: 'faultyStage' };

async function runFaulty(faults: (string | null)[], common: Partial<CommonOptions> = {}) {
  const input = path.join(dir, `in-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(input, faults.map((fault, i) => JSON.stringify(fault ? { i, fault } : { i })).join('\n'));
  const output = `${input}.out`;
  const errors = `${input}.err`;
  const outcome = await runStage({
    command: 'faulty',
    stage: faulty,
    options: {},
    inputs: [input],
    inputKind: 'jsonl',
    common: { jobs: 2, strict: false, quiet: true, progress: false, debug: false, timeoutMs: 2000, output, errors, ...common },
  });
  return { outcome, out: records(readFileSync(output, 'utf8')), errors: records(readFileSync(errors, 'utf8')) };
}

describe('worker pool recovery', () => {
  it('rejects a record that throws and goes on', async () => {
    const { outcome, out, errors } = await runFaulty([null, 'throw', null]);
    expect(out.map((r) => r.i)).toEqual([0, 2]);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([[2, 'internal-error']]);
    expect(outcome.exitCode).toBe(1);
  });

  it('replaces a worker that exits and one that hangs past the timeout', async () => {
    const faults = Array.from({ length: 200 }, () => null as string | null);
    faults[5] = 'exit';
    faults[70] = 'hang';
    faults[150] = 'exit';
    const { outcome, out, errors } = await runFaulty(faults, { timeoutMs: 1500 });
    expect(out.map((r) => r.i)).toEqual(faults.flatMap((f, i) => (f ? [] : [i])));
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [6, 'worker-crashed'],
      [71, 'timeout'],
      [151, 'worker-crashed'],
    ]);
    expect(String(errors[1]!.error)).toMatch(/timed out after 1.5 s/);
    expect(outcome).toMatchObject({ in: 200, out: 197, rejected: 3, exitCode: 1 });
  }, 60000);

  it('rejects a record that exhausts its worker’s memory and goes on', async () => {
    const faults = [null, null, 'oom', null];
    // A long timeout: filling the heap is slow on a loaded machine, and this must fail for memory, not time.
    const { out, errors } = await runFaulty(faults, { workerMemoryMb: 32, timeoutMs: 120000 });
    expect(out.map((r) => r.i)).toEqual([0, 1, 3]);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([[3, 'worker-crashed']]);
    expect(String(errors[0]!.error)).toMatch(/out of memory/);
  }, 120000);

  it('runs a library user’s own stage in the main thread too', async () => {
    const { out } = await runFaulty([null, null], { jobs: 0 });
    expect(out).toEqual([{ i: 0, seen: true }, { i: 1, seen: true }]);
  });
});
