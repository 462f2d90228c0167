/**
 * The `appends` hook of Stage: a stage that only adds fields gets its output
 * line spliced from the input line (task.ts), and falls back to serializing
 * the whole record whenever the splice would not parse to the same object.
 */
import { describe, expect, it } from 'vitest';
import { runTask, spliceAppended, parseRecord } from '../../src/core/task.js';
import type { Stage } from '../../src/core/stage.js';
import type { QRecord } from '../../src/core/record.js';

/** Appends `n`, the number of keys, and `empty` (an array) when asked to. */
const counting: Stage<{ empty?: boolean }> = {
  name: 'counting',
  appends: ['n', 'empty'],
  process(record, options) {
    const out: QRecord = { ...record, n: Object.keys(record).length };
    if (options.empty) out.empty = [];
    return out;
  },
};
const generic: Stage<{ empty?: boolean }> = { ...counting, appends: undefined };

async function lines(stage: Stage<{ empty?: boolean }>, raw: string, options = {}) {
  const result = await runTask(stage, options, { source: '-', line: 1, raw }, false);
  if (!('line' in result)) throw new Error(`not a line: ${JSON.stringify(result)}`);
  return result.line;
}

describe('appends: splicing appended fields into the input line', () => {
  it('keeps the bytes of the other fields: big integers, number spellings, escapes, spacing', async () => {
    const raw = '{"big":12345678901234567890, "f":1.0,"s":"\\u5357\\/","neg":-0}';
    expect(await lines(counting, raw)).toBe('{"big":12345678901234567890, "f":1.0,"s":"\\u5357\\/","neg":-0,"n":4}');
    expect(await lines(generic, raw)).toBe('{"big":12345678901234567000,"f":1,"s":"南/","neg":0,"n":4}');
  });

  it('adds no comma after an empty object, with or without spaces inside', async () => {
    expect(await lines(counting, '{}')).toBe('{"n":0}');
    expect(await lines(counting, '{ \t }', { empty: true })).toBe('{ \t "n":0,"empty":[]}');
    expect(JSON.parse(await lines(counting, '{ \t }', { empty: true }))).toEqual({ n: 0, empty: [] });
  });

  it('drops leading and trailing JSON whitespace, and falls back when a line break is inside', async () => {
    expect(await lines(counting, ' \t{"a":1} \t\r')).toBe('{"a":1,"n":1}');
    expect(await lines(counting, '{"a":\r1}')).toBe('{"a":1,"n":1}');
    expect(await lines(counting, '{"a":\n1}')).toBe('{"a":1,"n":1}');
  });

  it('falls back when the input already has an appended key (it would keep its earlier place)', async () => {
    expect(await lines(counting, '{"n":"old","a":1}')).toBe('{"n":2,"a":1}');
    expect(await lines(counting, '{"a":1,"empty":null}', { empty: true })).toBe('{"a":1,"empty":[],"n":2}');
  });

  it('resolves duplicate keys as JSON.parse does, on both paths', async () => {
    const raw = '{"a":1,"b":2,"a":3}';
    const spliced = await lines(counting, raw);
    expect(spliced).toBe('{"a":1,"b":2,"a":3,"n":2}');
    expect(JSON.stringify(JSON.parse(spliced))).toBe(await lines(generic, raw));
  });

  it('keeps a "__proto__" key as a plain field', async () => {
    const raw = '{"__proto__":{"x":1},"a":2}';
    const spliced = await lines(counting, raw);
    expect(spliced).toBe('{"__proto__":{"x":1},"a":2,"n":2}');
    expect(JSON.stringify(JSON.parse(spliced))).toBe(await lines(generic, raw));
  });

  it('refuses to splice when the stage broke its promise', () => {
    const raw = '{"a":1,"b":{"c":2}}';
    const record = parseRecord(raw);
    expect(spliceAppended(raw, record, { ...record, n: 1 }, ['n'])).toBe('{"a":1,"b":{"c":2},"n":1}');
    // a changed value, a removed key, a reordered key, an undeclared key, a key put first
    expect(spliceAppended(raw, record, { ...record, a: 5, n: 1 }, ['n'])).toBeUndefined();
    expect(spliceAppended(raw, record, { b: record.b, n: 1 }, ['n'])).toBeUndefined();
    expect(spliceAppended(raw, record, { b: record.b, a: 1, n: 1 }, ['n'])).toBeUndefined();
    expect(spliceAppended(raw, record, { ...record, m: 1 }, ['n'])).toBeUndefined();
    expect(spliceAppended(raw, record, { n: 1, ...record }, ['n'])).toBeUndefined();
    // a nested object replaced by an equal copy is a different value: serialized whole
    expect(spliceAppended(raw, record, { ...record, b: { c: 2 }, n: 1 }, ['n'])).toBeUndefined();
  });

  it('writes nothing extra when every appended value serializes to nothing', () => {
    const raw = '{"a":1} ';
    const record = parseRecord(raw);
    expect(spliceAppended(raw, record, { ...record, n: undefined }, ['n'])).toBe('{"a":1}');
  });

  it('leaves records wanted by a main-thread hook alone', async () => {
    const result = await runTask(counting, {}, { source: '-', line: 1, raw: '{"a":1}' }, true);
    expect(result).toEqual({ record: { a: 1, n: 1 } });
  });
});
