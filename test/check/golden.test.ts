/**
 * check gives exactly the recorded signals, failed rules and duplicates on
 * the golden inputs (see golden.ts): optimisations may not move a verdict,
 * nor any signal by a single bit. In process, and through the built CLI
 * (`npm run build` first) with worker threads, both when it writes every
 * record (--annotate) and when it only reports (the workers then send back
 * quality and duplicate fingerprints instead of records).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Quality } from '../../src/core/record.js';
import type { ReportJSON } from '../../src/stages/check/index.js';
import { qingxi, records } from '../helpers.js';
import { goldenInputs, goldenOutputs, readExpected } from './golden.js';

describe('golden check', () => {
  const expected = readExpected();
  const inputs = goldenInputs();
  const actual = goldenOutputs(inputs);

  it('has the same inputs as when it was recorded', () => {
    expect(actual.map((o) => o.name)).toEqual(expected.map((o) => o.name));
    expect(actual.length).toBeGreaterThan(1900);
  });

  it('gives every input the recorded signals, failed rules and duplicate', () => {
    const differing = actual.flatMap((output, i) => {
      const recorded = expected[i];
      return recorded && JSON.stringify(output.quality) !== JSON.stringify(recorded.quality)
        ? [{ name: output.name, actual: output.quality, expected: recorded.quality }]
        : [];
    });
    expect(differing.slice(0, 3)).toEqual([]);
    expect(differing.length).toBe(0);
  });

  it('covers every rule, exact and near duplicates, and records that pass', () => {
    const failedRules = new Set(expected.flatMap((o) => o.quality.failed));
    for (const rule of ['too-short', 'mojibake-gbk', 'mojibake-latin1', 'boilerplate', 'link-farm', 'keyword-stuffing', 'dup-lines', 'trad-simp-mix', 'near-duplicate', 'duplicate']) {
      expect(failedRules).toContain(rule);
    }
    expect(expected.filter((o) => o.quality.signals.exact_duplicate === 1).length).toBeGreaterThan(50);
    expect(expected.filter((o) => (o.quality.signals.near_duplicate ?? 0) > 0.8).length).toBeGreaterThan(50);
    expect(expected.filter((o) => o.quality.failed.length === 0).length).toBeGreaterThan(100);
  });

  describe('through the CLI with 2 worker threads', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-golden-'));
    const file = path.join(dir, 'golden.jsonl');
    writeFileSync(file, inputs.map(({ record }) => JSON.stringify(record)).join('\n') + '\n');

    it('--annotate writes every record with the recorded quality', async () => {
      const out = path.join(dir, 'annotated.jsonl');
      const result = await qingxi(['check', file, '--annotate', '-o', out, '--jobs', '2', '-q']);
      expect(result.code).toBe(1);
      const qualities = records(readFileSync(out, 'utf8')).map((r) => JSON.stringify(r.quality));
      const differing = qualities.flatMap((quality, i) => (quality === JSON.stringify(expected[i]?.quality) ? [] : [expected[i]?.name]));
      expect(qualities).toHaveLength(expected.length);
      expect(differing).toEqual([]);
    });

    it('the report alone counts the recorded failures and duplicates', async () => {
      const result = await qingxi(['check', file, '--json', '--jobs', '2', '-q']);
      const summary = JSON.parse(result.stdout) as ReportJSON;
      const qualities: Quality[] = expected.map((o) => o.quality);
      const failures = (rule: string) => qualities.filter((q) => q.failed.includes(rule)).length;
      expect(summary.failed).toBe(qualities.filter((q) => q.failed.length > 0).length);
      expect(summary.duplicates).toEqual({
        exact: qualities.filter((q) => q.duplicate_of !== null && q.signals.exact_duplicate === 1).length,
        near: qualities.filter((q) => q.duplicate_of !== null && q.signals.exact_duplicate !== 1).length,
      });
      for (const [name, rule] of Object.entries(summary.rules)) expect(rule.failed, name).toBe(failures(name));
      // Signal ranges, summed in input order and rounded as the report does: the duplicate signals come from the workers' fingerprints.
      const round = (x: number) => Math.round(x * 10000) / 10000;
      for (const [name, range] of Object.entries(summary.signals)) {
        const values = qualities.flatMap((q) => (q.signals[name] === undefined ? [] : [q.signals[name] as number]));
        const sum = values.reduce((a, b) => a + b, 0);
        expect(range, name).toEqual({ records: values.length, mean: round(sum / values.length), min: round(Math.min(...values)), max: round(Math.max(...values)) });
      }
      expect(summary.failures.slice(0, 20).map((f) => f.duplicate_of)).toEqual(
        qualities.filter((q) => q.failed.length > 0).slice(0, 20).map((q) => q.duplicate_of),
      );
    });
  });
});
