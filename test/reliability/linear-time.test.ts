/**
 * No slow path: pathological inputs of 200,000 characters (runs of
 * punctuation, digits, one repeated character, page furniture repeated
 * 20,000 times) go through every stage in well under a second. The bound is
 * deliberately loose (1 s on a 2-core machine running other tests): a
 * catastrophic backtracking regex takes minutes, not a second.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/stages/decode/index.js';
import { strip } from '../../src/stages/strip/index.js';
import { segmentText } from '../../src/stages/segment/index.js';
import { extract } from '../../src/stages/extract/index.js';
import { assess, defaultRules } from '../../src/stages/check/index.js';
import type { Format } from '../../src/core/record.js';

const N = 200_000;
const inputs: Record<string, string> = {
  'full stops': '。'.repeat(N),
  'mixed punctuation': '，。！？、；：“”（）《》……—'.repeat(N / 16),
  'ASCII punctuation': '.-_/|>:*#!['.repeat(N / 11),
  digits: '1234567890'.repeat(N / 10),
  'one character': '啊'.repeat(N),
  spaces: ' \u3000\u00a0\t'.repeat(N / 4),
  'breadcrumb furniture': '当前位置：'.repeat(20_000),
  'header labels': '来源：发布时间：2023-01-2811:22浏览量：'.repeat(N / 30),
  'date-like run': '2023年1月27日至'.repeat(N / 11),
  'title-like run': '南开大学党委书记、校长、'.repeat(N / 12),
  'unclosed tags': '<div><p><a href="'.repeat(N / 18),
  'markdown junk': '![图](http://x/)'.repeat(N / 15),
};

function elapsed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('linear time on 200,000-character pathological inputs', () => {
  const rules = defaultRules();
  const stages: Record<string, (text: string) => unknown> = {
    decode: (text) => decodeBytes(Buffer.from(text)),
    'strip (text)': (text) => strip({ text, format: 'text' as Format }),
    'strip (html)': (text) => strip({ text: `<html><body>${text}</body></html>`, format: 'html' as Format }),
    'strip (markdown)': (text) => strip({ text, format: 'markdown' as Format }),
    segment: (text) => segmentText(text),
    extract: (text) => extract({ text }),
    check: (text) => assess({ text, metadata: {} }, rules),
  };
  // Load word lists and warm the JIT before timing.
  for (const run of Object.values(stages)) run('南开大学2023年1月27日');

  for (const [stage, run] of Object.entries(stages)) {
    it(`${stage}`, () => {
      const times = Object.entries(inputs).map(([name, text]) => [name, Math.round(elapsed(() => run(text)))] as const);
      const slow = times.filter(([, ms]) => ms > 1000);
      expect(slow, `slow inputs (ms): ${JSON.stringify(times)}`).toEqual([]);
    });
  }
});
