import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/stages/extract/dates.js';
import { loadSuite, runSuite } from '../eval/dates.js';

/**
 * Exact-match accuracy on the third-party suites (test/fixtures/dates), as
 * measured when the suites were built: the floors keep it from slipping.
 * Their failures are listed by `npx tsx test/eval/dates.ts`.
 */
const FLOORS: Record<string, number> = {
  'duckling-zh': 0.55,
  'jionlp-time-parser': 0.93,
};

describe('third-party suites', () => {
  for (const [name, floor] of Object.entries(FLOORS)) {
    it(`${name} stays at or above ${Math.round(floor * 100)}% exact`, () => {
      const results = runSuite(loadSuite(name));
      expect(results.length).toBeGreaterThan(150);
      const accuracy = results.filter((r) => r.pass).length / results.length;
      expect(accuracy).toBeGreaterThanOrEqual(floor);
    });
  }
});

/**
 * Long runs of one character or pattern: parsing is linear (each position
 * looks at a bounded number of tokens), so these end quickly; a quadratic
 * pass would blow the generous timeout by orders of magnitude.
 */
describe('long repetitive inputs', () => {
  const reference = { iso: '2024-02-04T17:51', explicit: true };
  const cases: [string, string, number][] = [
    ['digits', '7'.repeat(200_000), 0],
    ['年', '年'.repeat(200_000), 0],
    ['full-width commas', '，'.repeat(200_000), 0],
    ['breadcrumb label', '当前位置：'.repeat(20_000), 0],
    ['digit-dash chains', '1-'.repeat(100_000), 0],
    ['dots', '.'.repeat(50_000), 0],
    ['one numeral', '一'.repeat(50_000), 0],
    ['digit-colon chains', '1:'.repeat(25_000), 0],
    ['前', '前'.repeat(50_000), 0],
    ['过', '过'.repeat(100_000), 0],
    ['以来', '以来'.repeat(100_000), 0],
    ['几十', '几十'.repeat(100_000), 0],
    ['半', '半'.repeat(200_000), 0],
    ['至今', '至今'.repeat(100_000), 0],
    ['neighbouring digits and 年', '三四年'.repeat(60_000), 0],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name} (${text.length} characters)`, { timeout: 30_000 }, () => {
      expect(findDates(text, reference)).toHaveLength(expected);
    });
  }

  it('finds every date of a long run of dates', { timeout: 30_000 }, () => {
    expect(findDates('2021年，'.repeat(30_000), reference)).toHaveLength(30_000);
    expect(findDates('12月1日至'.repeat(20_000), reference).length).toBeGreaterThanOrEqual(10_000);
    expect(findDates('白天，'.repeat(50_000), reference)).toHaveLength(50_000);
    expect(findDates('1日起'.repeat(50_000), reference)).toHaveLength(50_000);
    expect(findDates('2018\n'.repeat(40_000), reference)).toHaveLength(40_000);
  });
});
