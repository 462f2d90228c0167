/**
 * check gives exactly the recorded signals, failed rules and duplicates on
 * the golden inputs (see golden.ts): optimisations may not move a verdict,
 * nor any signal by a single bit.
 */
import { describe, expect, it } from 'vitest';
import { goldenInputs, goldenOutputs, readExpected } from './golden.js';

describe('golden check', () => {
  const expected = readExpected();
  const actual = goldenOutputs(goldenInputs());

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
});
