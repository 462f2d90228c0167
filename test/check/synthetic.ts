/**
 * Many distinct records made of real text, for benchmarks and memory
 * measurements: each joins 3 to 14 paragraphs drawn (with a fixed seed) from
 * the gold bodies, so no two are alike but all read like the real thing.
 */
import { goldBodies } from './corpus.js';

export interface SyntheticRecord {
  id: string;
  text: string;
}

export function* syntheticRecords(count: number, seed = 42): Generator<SyntheticRecord> {
  const paragraphs = goldBodies().flatMap((g) => g.text.split('\n').filter((p) => p.trim().length > 0));
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  for (let n = 0; n < count; n++) {
    const k = 3 + Math.floor(random() * 12);
    const text = Array.from({ length: k }, () => paragraphs[Math.floor(random() * paragraphs.length)]).join('\n');
    yield { id: `pages/news/2023/${String(n).padStart(7, '0')}.html`, text };
  }
}
