/**
 * boilerplatePhraseCount matches phrases in place, folding case unit by unit,
 * and falls back to lower-casing whole strings for the units where that is
 * not the same thing (İ, Σ, surrogates). Here it is held against the plain
 * definition — slice, toLowerCase, compare — on real text with page
 * furniture and on random text full of such units.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/core/wordlist.js';
import { scanLines } from '../../src/stages/check/lines.js';
import { boilerplateFrom, boilerplatePhraseCount, SHORT_LINE, type BoilerplatePhrases } from '../../src/stages/check/residue.js';
import { furniture, goldBodies } from './corpus.js';

interface PhraseList {
  rows: string[][];
  compiled: BoilerplatePhrases;
  anywhere: string[];
  inShortLine: string[];
}

function phraseList(rows: string[][]): PhraseList {
  const scoped = (scope: string) => rows.filter((row) => row[1] === scope).map(([phrase]) => (phrase as string).toLowerCase());
  return { rows, compiled: boilerplateFrom(rows, 'test'), anywhere: scoped('anywhere'), inShortLine: scoped('line') };
}

/** The real list, and phrases whose matching needs whole strings lower-cased (k from the Kelvin sign, Greek, i̇ from İ). */
const real = phraseList(readTable('stages/check/data/boilerplate.txt'));
const awkward = phraseList([
  ['Kelvin', 'anywhere'], ['ΣΟΦΙΑ', 'anywhere'], ['istanbul', 'anywhere'], ['İstanbul', 'anywhere'], ['版权所有', 'anywhere'],
  ['k线图', 'line'], ['ΟΔΟΣ', 'line'], ['İzmir', 'line'], ['联系我们', 'line'], ['版权所有', 'line'],
]);

/**
 * The definition: an anywhere-phrase is found where the text, from a unit
 * that equals the phrase's first unit (ASCII letters in either case), equals
 * the phrase or lower-cases to it; a line phrase is found in a short line
 * that lower-cases to contain it. Distinct phrases are counted.
 */
function definition(text: string, { anywhere, inShortLine }: PhraseList = real): number {
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    let unit = text.charCodeAt(i);
    if (unit >= 0x41 && unit <= 0x5a) unit |= 0x20;
    for (const phrase of anywhere) {
      if (phrase.charCodeAt(0) !== unit) continue;
      const here = text.slice(i, i + phrase.length);
      if (here === phrase || here.toLowerCase() === phrase) found.add(phrase);
    }
  }
  const lines = scanLines(text);
  for (let i = 0; i < lines.count; i++) {
    const line = text.slice(lines.starts[i], lines.ends[i]);
    if (line.length > SHORT_LINE) continue;
    for (const phrase of inShortLine) if (line.toLowerCase().includes(phrase)) found.add(phrase);
  }
  return found.size;
}

const count = (text: string, list: PhraseList = real): number => boilerplatePhraseCount(text, scanLines(text), list.compiled);

describe('boilerplatePhraseCount', () => {
  it('agrees with the definition on every gold body with each real footer appended', () => {
    const footers = [furniture.nankaiFooter, furniture.wechatFooter, furniture.cmsFooter, furniture.linkFarm];
    const texts = goldBodies().flatMap(({ text }) => footers.map((footer) => `${text}\n${footer}`));
    const differing = texts.filter((text) => count(text) !== definition(text));
    expect(differing).toEqual([]);
    expect(texts.filter((text) => count(text) >= 2).length).toBeGreaterThan(200);
  });

  it('folds ASCII capitals in place: COPYRIGHT, All Rights Reserved, icp备', () => {
    expect(count('正文。\nCOPYRIGHT 2023 ALL RIGHTS RESERVED\n')).toBe(2);
    expect(count('正文。ICP备12003308号 copyright')).toBe(2);
  });

  it('lower-cases whole strings where units do not fold alone (Kelvin sign, İ, Σ, surrogates)', () => {
    // U+212A KELVIN SIGN lower-cases to k; İ to i and a combining dot; Σ to σ or ς by its neighbours.
    const texts = ['\u212Aelvin', 'KELVIN', 'σοφια ΣΟΦΙΑ', 'İSTANBUL', 'istanbul', 'i\u0307stanbul', '\u212A线图\n', 'ΟΔΟΣ\n', 'οδος\n', 'İZMİR\n', 'İzmir\n', '𠀀版权所有', 'İ联系我们'];
    const counts = texts.map((text) => count(text, awkward));
    expect(counts).toEqual(texts.map((text) => definition(text, awkward)));
    expect(counts).toEqual([0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1]);
  });

  it('agrees with the definition on random text made of phrase pieces and awkward units', () => {
    for (const list of [real, awkward]) {
      const pieces = fc.constantFrom(
        ...list.rows.map(([phrase]) => phrase as string), ...list.anywhere, ...list.inShortLine, 'COPYRIGHT', 'ISTANBUL', 'ΟΔΟΣ', '版权', '联系',
        '\n', '\n', ' ', '\u3000', '\u200b', 'İ', 'ı', 'I', 'Σ', 'σ', 'ς', '\u212A', 'K', '\u0307', 'ẞ', 'ǅ', '𐐀', '𠀀', '\ud800', '\udc00', '。', '正文内容',
      );
      fc.assert(
        fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          expect(count(text, list)).toBe(definition(text, list));
        }),
        { numRuns: 2000 },
      );
    }
  });
});
