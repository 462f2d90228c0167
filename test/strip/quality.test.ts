/**
 * Regression guard on real pages: every seed scores at least 0.93 body
 * bigram F1 against its gold, the 69 web-extraction dev pages at least 0.92 on
 * average (Mozilla Readability scores 0.917 there), titles and stated
 * publication dates of the seeds are right.
 */
import { describe, expect, it } from 'vitest';
import { strip } from '../../src/stages/strip/index.js';
import { bigramF1, mean } from '../eval/score.js';
import { loadDevPages, loadSeeds } from './pages.js';

describe('seed pages', () => {
  const seeds = loadSeeds();
  it('has the five seeds', () => {
    expect(seeds).toHaveLength(5);
  });
  for (const seed of seeds) {
    const out = strip({ id: seed.id, text: seed.text });
    it(`${seed.id}: body F1 >= 0.93`, () => {
      expect(bigramF1(out.text ?? '', seed.gold.body.join('\n')).f1).toBeGreaterThanOrEqual(0.93);
    });
    it(`${seed.id}: title`, () => {
      expect(out.metadata?.title).toBe(seed.gold.title);
    });
    it(`${seed.id}: published`, () => {
      expect(out.metadata?.published).toBe(seed.gold.published ?? undefined);
    });
  }
});

describe('web-extraction dev pages', () => {
  it('mean body F1 >= 0.92', () => {
    const pages = loadDevPages();
    expect(pages).toHaveLength(69);
    const scores = pages.map((p) => bigramF1(strip({ id: p.id, text: p.html, format: p.format }).text ?? '', p.gold).f1);
    expect(mean(scores)).toBeGreaterThanOrEqual(0.92);
  }, 30_000);
});
