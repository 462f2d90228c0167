/**
 * segment declares `appends: ['tokens', 'pos']`, so its output lines are the
 * input lines with the tokens spliced in. These checks hold the splice to the
 * generic path (parse, segment, JSON.stringify the whole record): parsing
 * either line must give the same object, keys in the same order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTask, type TaskResult } from '../../src/core/task.js';
import { segmentStage, type SegmentOptions } from '../../src/stages/segment/index.js';
import type { Stage } from '../../src/core/stage.js';
import { qingxi } from '../helpers.js';

const generic: Stage<SegmentOptions> = { ...segmentStage, appends: undefined };

const run = (stage: Stage<SegmentOptions>, raw: string, options: SegmentOptions): Promise<TaskResult> =>
  runTask(stage, options, { source: '-', line: 1, raw }, false);

/** Parsed and serialized again: same string means same values and same key order. */
const normalized = (line: string) => JSON.stringify(JSON.parse(line));

const key = fc.oneof(
  fc.constantFrom('id', 'text', 'tokens', 'pos', '__proto__', 'constructor', 'toJSON', '0', '12', '-1', '1.5', '', '名字', '😀', 'a"b', 'metadata'),
  fc.string({ maxLength: 6 }),
);
const text = fc.oneof(
  fc.constantFrom('南开大学党委书记杨庆山说', '', '　　中华人民共和国\r\n', 'a"b\\c\u0000\u2028𠀀'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
/** Number spellings JSON.stringify would not write: they must survive, or at least parse the same. */
const numberLiteral = fc.constantFrom('12345678901234567890', '-0', '1.0', '1e400', '0.1e-5', '-12E+3');
const ws = fc.constantFrom('', '', '', ' ', '\t', '  ', '\r', '\n');
type Value = { json: string };
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => ({ json: JSON.stringify(v) })),
  numberLiteral.map((json) => ({ json })),
  text.map((t) => ({ json: JSON.stringify(t) })),
);
/** A raw line: members in any order, duplicates allowed, a text field somewhere (usually), random spacing. */
const line = fc
  .record({
    members: fc.array(fc.tuple(key, value, ws, ws), { maxLength: 8 }),
    text: fc.option(text, { freq: 8 }),
    at: fc.nat(),
    lead: ws,
    trail: fc.constantFrom('', ' ', '\t', ' \r', '\r'),
  })
  .map(({ members, text: t, at, lead, trail }) => {
    const all = members.map(([k, v, a, b]) => `${a}${JSON.stringify(k)}${b}:${a}${v.json}${b}`);
    if (t !== null) all.splice(at % (all.length + 1), 0, `"text":${JSON.stringify(t)}`);
    return `${lead}{${all.join(',')}}${trail}`;
  });

describe('segment: spliced output lines', () => {
  it('parse to what the generic path writes, same keys in the same order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(line, fc.boolean(), fc.constantFrom<SegmentOptions['mode']>('default', 'search'), async (raw, pos, mode) => {
        const options: SegmentOptions = { pos, mode, hmm: true };
        const spliced = await run(segmentStage, raw, options);
        const whole = await run(generic, raw, options);
        if ('line' in whole) {
          expect('line' in spliced).toBe(true);
          const out = (spliced as { line: string }).line;
          expect(out).not.toMatch(/[\r\n]/);
          expect(normalized(out)).toBe(whole.line);
          // The splice really ran: the input's bytes are the output's start.
          const record = JSON.parse(raw) as Record<string, unknown>;
          if (!Object.hasOwn(record, 'tokens') && !Object.hasOwn(record, 'pos') && !/[\r\n]/.test(raw.trim())) {
            expect(out.startsWith(raw.trim().slice(0, -1))).toBe(true);
          }
        } else {
          expect(spliced).toEqual(whole);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('from the CLI: a BOM, CRLF, trailing spaces, duplicate keys, big integers, __proto__, existing tokens or pos', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-splice-'));
    const file = path.join(dir, 'in.jsonl');
    const inputs = [
      '{"id":"a","text":"南开大学党委书记"}',
      '{"n":12345678901234567890,"x":1.0,"text":"杨庆山说"}  \t',
      '{"text":"错","text":"杨庆山说"}',
      '{"__proto__":{"polluted":true},"text":"南开大学"}',
      '{"text":"南开大学","tokens":["旧"],"z":1}',
      '{"pos":["x"],"text":"南开大学"}',
      '{ "text" : "说" }',
    ];
    writeFileSync(file, '\ufeff' + inputs.join('\r\n') + '\r\n');
    for (const pos of [false, true]) {
      const result = await qingxi(['segment', file, '--jobs', '1', ...(pos ? ['--pos'] : [])]);
      expect(result.code).toBe(0);
      const out = result.stdout.trimEnd().split('\n');
      expect(out).toHaveLength(inputs.length);
      for (let i = 0; i < inputs.length; i++) {
        const expected = await run(generic, inputs[i]!, { pos });
        expect(normalized(out[i]!)).toBe((expected as { line: string }).line);
      }
      const tail = pos ? ',"tokens":["南开大学","党委书记"],"pos":["nt","n"]}' : ',"tokens":["南开大学","党委书记"]}';
      expect(out[0]).toBe('{"id":"a","text":"南开大学党委书记"' + tail);
      expect(out[1]!.startsWith('{"n":12345678901234567890,"x":1.0,"text":"杨庆山说","tokens":')).toBe(true);
      expect(JSON.parse(out[2]!)).toMatchObject({ text: '杨庆山说', tokens: ['杨庆山', '说'] });
      expect(out[3]!.startsWith('{"__proto__":{"polluted":true},"text":"南开大学","tokens":')).toBe(true);
      expect(Object.keys(JSON.parse(out[4]!))).toEqual(['text', 'tokens', 'z', ...(pos ? ['pos'] : [])]);
      expect(Object.keys(JSON.parse(out[5]!))).toEqual(pos ? ['pos', 'text', 'tokens'] : ['text', 'tokens']);
      expect(out[6]).toBe(pos ? '{ "text" : "说" ,"tokens":["说"],"pos":["v"]}' : '{ "text" : "说" ,"tokens":["说"]}');
    }
  });
});
