/**
 * Property-based checks (fast-check): arbitrary text and bytes never crash a
 * stage, offsets stay valid, tokens rebuild the text, and the reader accounts
 * for every line.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readLines } from '../../src/core/inputs.js';
import { isRecordError } from '../../src/core/errors.js';
import { parseRecord } from '../../src/core/task.js';
import { codePointSlice } from '../../src/core/text.js';
import { decodeBytes } from '../../src/stages/decode/index.js';
import { strip } from '../../src/stages/strip/index.js';
import { segmentText } from '../../src/stages/segment/index.js';
import { extract } from '../../src/stages/extract/index.js';
import { assess, defaultRules } from '../../src/stages/check/index.js';
import type { QRecord } from '../../src/core/record.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-prop-'));
const RUNS = 150;

/** Text that looks like scraped Chinese pages: CJK, ASCII, punctuation, markup, whitespace, astral characters. */
const pageText = fc
  .array(
    fc.oneof(
      fc.constantFrom('南开大学', '党委书记', '杨庆山', '2023年1月27日', '来源：', '当前位置：首页>', '版权所有', '　　', '\n', '\r\n', '。', '，', '……', '<p>', '</p>', '<div class="x">', '<!--', '-->', '<script>', '---\n', '![图](x)', '**', '𠀀', '😀', '\u0000', '\ufffd', '&nbsp;', '11月7日至8日', '昨天', '1月31日'),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

function rejectsCleanly(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    // A RecordError is a designed reject; anything else is a crash.
    if (!isRecordError(error)) throw error;
  }
}

describe('every stage survives arbitrary input', () => {
  it('decode: arbitrary bytes decode or are rejected as binary, never crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        rejectsCleanly(() => {
          const out = decodeBytes(bytes);
          expect(typeof out.text).toBe('string');
        });
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('strip: any text in any format gives text, metadata and explained removals', () => {
    fc.assert(
      fc.property(pageText, fc.constantFrom('html', 'text', 'markdown', undefined), (text, format) => {
        const record: QRecord = format ? { text, format } : { text };
        rejectsCleanly(() => {
          const out = strip(record, { explain: true });
          expect(typeof out.text).toBe('string');
          expect(out.format).toBe('text');
          expect(typeof out.metadata).toBe('object');
          for (const r of out.removed ?? []) expect(typeof r.reason).toBe('string');
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('segment: tokens rebuild the text exactly', () => {
    fc.assert(
      fc.property(pageText, fc.boolean(), fc.constantFrom('default', 'search') as fc.Arbitrary<'default' | 'search'>, (text, pos, mode) => {
        const out = segmentText(text, { pos, mode });
        expect(out.tokens.join('')).toBe(text);
        if (pos) expect(out.pos).toHaveLength(out.tokens.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('extract: every entity slice equals its text, offsets in code points', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const out = extract({ text });
        for (const e of out.entities ?? []) {
          expect(e.start).toBeGreaterThanOrEqual(0);
          expect(e.end).toBeGreaterThan(e.start);
          expect(codePointSlice(text, e.start, e.end)).toBe(e.text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('check: signals are finite numbers and failed names are strings', () => {
    const rules = defaultRules();
    fc.assert(
      fc.property(pageText, (text) => {
        const { signals, failed } = assess({ text, metadata: {} }, rules);
        for (const v of Object.values(signals)) expect(Number.isFinite(v)).toBe(true);
        for (const f of failed) expect(typeof f).toBe('string');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the JSONL reader accounts for every line', () => {
  it('each non-blank line comes out once, as text or as invalid bytes, numbered as in the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 30 }), { maxLength: 20 }), fc.boolean(), async (lineBytes, crlf) => {
        const cleaned = lineBytes.map((b) => Buffer.from(b.filter((x) => x !== 0x0a && x !== 0x0d)));
        const file = path.join(dir, `p-${Math.random().toString(36).slice(2)}.jsonl`);
        writeFileSync(file, Buffer.concat(cleaned.flatMap((b) => [b, Buffer.from(crlf ? '\r\n' : '\n')])));
        const expected = cleaned.flatMap((b, i) => (b.every((x) => x === 0x20 || x === 0x09) ? [] : [i + 1]));
        const seen: number[] = [];
        for await (const event of readLines(file)) {
          expect('failure' in event).toBe(false);
          seen.push(event.line);
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('parseRecord accepts exactly the JSON objects', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const raw = JSON.stringify(value);
        const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
        if (isObject) expect(parseRecord(raw)).toEqual(JSON.parse(raw));
        else expect(() => parseRecord(raw)).toThrow(/must be a JSON object/);
      }),
      { numRuns: RUNS },
    );
  });
});
