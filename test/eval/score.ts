/**
 * Body-text scorer for the evals: character-bigram F1 between a candidate and
 * the gold text. All whitespace is removed first (line wrapping and
 * indentation differ between extractors and hand-made gold), bigrams are taken
 * over code points, and overlap counts a bigram as often as it occurs in both
 * (multiset intersection), so repeated boilerplate is not free.
 */

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

function bigramCounts(text: string): { counts: Map<string, number>; total: number } {
  const chars = Array.from(text.replace(/\s+/gu, ''));
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = chars[i]! + chars[i + 1]!;
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  return { counts, total: Math.max(0, chars.length - 1) };
}

export function bigramF1(candidate: string, gold: string): Score {
  const c = bigramCounts(candidate);
  const g = bigramCounts(gold);
  if (c.total === 0 && g.total === 0) return { precision: 1, recall: 1, f1: 1 };
  if (c.total === 0 || g.total === 0) return { precision: 0, recall: 0, f1: 0 };
  let overlap = 0;
  for (const [bigram, n] of c.counts) overlap += Math.min(n, g.counts.get(bigram) ?? 0);
  const precision = overlap / c.total;
  const recall = overlap / g.total;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
