import { describe, expect, it } from 'vitest';
import { bigramF1, mean } from '../eval/score.js';

describe('bigramF1', () => {
  it('is 1 for the same text, whatever the whitespace', () => {
    expect(bigramF1('南开大学 与\n武清区', '南开大学与武清区').f1).toBe(1);
  });
  it('counts repeated bigrams as a multiset', () => {
    // candidate repeats the gold: precision halves, recall stays 1
    const s = bigramF1('签约签约', '签约');
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(1 / 3);
  });
  it('is 0 when nothing overlaps or one side is empty', () => {
    expect(bigramF1('首页导航', '签署协议').f1).toBe(0);
    expect(bigramF1('', '签署协议').f1).toBe(0);
    expect(bigramF1('', '').f1).toBe(1);
  });
  it('works on code points (characters outside the BMP are one character)', () => {
    expect(bigramF1('𠮷野家', '𠮷野').recall).toBe(1);
  });
  it('means', () => {
    expect(mean([1, 0.5])).toBe(0.75);
    expect(mean([])).toBe(0);
  });
});
