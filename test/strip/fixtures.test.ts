/**
 * textlint-style fixtures: each test/fixtures/strip/<case>/ holds an input
 * made from a real page fragment (seed pages, web-extraction dev pages) and
 * output.json with the expected body, metadata and removals. The input's
 * format is sniffed (no `format` field), and output.json says which format
 * that must be.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Metadata, Removal } from '../../src/core/record.js';
import { sniffFormat, strip } from '../../src/stages/strip/index.js';

const ROOT = fileURLToPath(new URL('../fixtures/strip/', import.meta.url));

interface Expected {
  format: 'html' | 'text' | 'markdown';
  text: string;
  metadata: Metadata;
  removed: Removal[];
}

const cases = readdirSync(ROOT).filter((name) => !name.startsWith('.'));

describe('strip fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(ROOT, name);
      const inputFile = readdirSync(dir).find((f) => f.startsWith('input.'))!;
      const input = readFileSync(path.join(dir, inputFile), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(dir, 'output.json'), 'utf8')) as Expected;
      const out = strip({ id: name, text: input }, { explain: true });

      it('sniffs the input format', () => {
        expect(sniffFormat(input)).toBe(expected.format);
      });
      it('keeps the article body', () => {
        expect(out.text).toBe(expected.text);
      });
      it('fills the metadata', () => {
        expect(out.metadata).toEqual(expected.metadata);
      });
      it('removes the furniture with its reasons', () => {
        const actual = new Set((out.removed ?? []).map((r) => `${r.reason}\u0000${r.text}`));
        const missing = expected.removed.filter((r) => !actual.has(`${r.reason}\u0000${r.text}`));
        expect(missing).toEqual([]);
      });
    });
  }
});
