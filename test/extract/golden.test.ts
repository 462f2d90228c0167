/**
 * extract gives exactly the entities it gave when the golden file was written
 * (test/fixtures/extract-golden, built by its build.ts): 1,007 texts — seed
 * bodies, the dev pages' hand-made bodies and strip output, the date suites,
 * shortened pathological inputs. Speed work must keep every entity and every
 * attribute; a deliberate change of behaviour rebuilds the file.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/stages/extract/index.js';
import { loadGolden } from './golden-corpus.js';

describe('extract golden', () => {
  const golden = loadGolden();

  it('covers the corpus it was built from', () => {
    expect(golden.length).toBeGreaterThan(1000);
    expect(golden.filter((c) => c.id.startsWith('stripped/')).length).toBe(69);
    expect(golden.reduce((n, c) => n + c.entities.length, 0)).toBeGreaterThan(10_000);
  });

  it('gives byte-identical entities on every text', () => {
    const changed: string[] = [];
    for (const c of golden) {
      const got = JSON.stringify(extract(c.record, { ref: c.ref }).entities);
      if (got !== JSON.stringify(c.entities)) changed.push(c.id);
    }
    expect(changed).toEqual([]);
  }, 60_000);

  it('gives the same entities in a second pass (no state carried between records)', () => {
    for (const c of golden.filter((g) => g.id.startsWith('gold/'))) {
      expect(extract(c.record, { ref: c.ref }).entities).toEqual(c.entities);
    }
  });
});
