import { describe, expect, it } from 'vitest';
import { DuplicateIndex, fingerprint } from '../../src/stages/check/index.js';
import { changeCharacters, goldBodies } from './corpus.js';

const golds = goldBodies();
/** "Normal-length" articles: at least 300 characters once normalized. */
const articles = golds.filter((g) => fingerprint(g.text).length >= 300);

function indexOfGolds(): DuplicateIndex {
  const index = new DuplicateIndex();
  for (const { name, text } of golds) expect(index.add(name, text)).toBeNull();
  return index;
}

describe('DuplicateIndex', () => {
  it('finds no duplicates among 74 different real articles', () => {
    expect(indexOfGolds().size).toBe(74);
  });

  it('points an exact copy at the first, also through whitespace and full-width differences', () => {
    const index = indexOfGolds();
    for (const { name, text } of golds) {
      const copy = `  ${text.replace(/\n/g, '\n\n').normalize('NFKD')} `;
      expect(index.insert(`copy of ${name}`, copy)).toEqual({ of: name, similarity: 1, exact: true, duplicate: true });
    }
    const fullWidth = golds.find((g) => /[0-9]/.test(g.text))!;
    const widened = fullWidth.text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(index.add('widened', widened)).toBe(fullWidth.name);
  });

  it('finds a copy with four characters changed in every normal-length article', () => {
    const index = indexOfGolds();
    const missed = articles.flatMap(({ name, text }) => {
      const match = index.insert(`changed ${name}`, changeCharacters(text, 4));
      return match?.duplicate && !match.exact && match.of === name ? [] : [`${name}: ${JSON.stringify(match)}`];
    });
    expect(articles.length).toBeGreaterThan(65);
    expect(missed).toEqual([]);
  });

  it('gives a later copy the first record, not an intermediate one', () => {
    const index = new DuplicateIndex();
    const text = articles[3]!.text;
    expect(index.add('a', text)).toBeNull();
    expect(index.add('b', changeCharacters(text, 4))).toBe('a');
    expect(index.add('c', changeCharacters(text, 6))).toBe('a');
    expect(index.add('d', text)).toBe('a');
  });

  it('does not call two halves of one article duplicates', () => {
    const index = new DuplicateIndex();
    const text = articles[5]!.text;
    const middle = Math.floor(text.length / 2);
    expect(index.add('first half', text.slice(0, middle))).toBeNull();
    expect(index.add('second half', text.slice(middle))).toBeNull();
    const match = index.insert('whole', text);
    expect(match === null || !match.duplicate).toBe(true);
  });

  it('honours its threshold', () => {
    // About 1,000 characters: 12 changes alter some 60 of its 5-shingles, a similarity near 0.9.
    const text = articles.find((g) => Math.abs(fingerprint(g.text).length - 1000) < 200)!.text;
    const strict = new DuplicateIndex({ threshold: 0.99 });
    strict.add('a', text);
    expect(strict.add('b', changeCharacters(text, 12))).toBeNull();
    const loose = new DuplicateIndex({ threshold: 0.5 });
    loose.add('a', text);
    expect(loose.add('b', changeCharacters(text, 12))).toBe('a');
  });

  it('neither indexes nor matches empty text', () => {
    const index = new DuplicateIndex();
    expect(index.add('a', '')).toBeNull();
    expect(index.add('b', ' \n\u3000')).toBeNull();
    expect(index.size).toBe(0);
  });

  it('computes the same signature in every run (fixed seeds)', () => {
    const text = golds[0]!.text;
    expect(Array.from(fingerprint(text).signature)).toEqual(Array.from(fingerprint(text).signature));
    expect(Array.from(fingerprint(text).signature).slice(0, 4)).toMatchInlineSnapshot(`
      [
        3410850,
        6040989,
        417286,
        575635,
      ]
    `);
  });

  it('fingerprints text as NFKC without whitespace', () => {
    const text = golds[0]!.text;
    const respaced = fingerprint(`\u3000${text.replace(/\n/g, ' \n\t').replace(/，/g, ',')}  `);
    expect(respaced.key).toBe(fingerprint(text).key);
    expect(Array.from(respaced.signature)).toEqual(Array.from(fingerprint(text).signature));
    expect(fingerprint(' \n\u3000').length).toBe(0);
  });
});
