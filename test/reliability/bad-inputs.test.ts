/**
 * Every JSONL stage, fed the bad inputs of the reliability issue from the CLI:
 * each line comes out processed or rejected with its line number and reason,
 * and records in = out + rejected.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { qingxi, records } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-bad-'));
const lines: [string | Buffer, string | null][] = [
  ['\ufeff{"id":"bom","text":"南开大学党委书记杨庆山出席。"}', null],
  ['{"id":"crlf","text":"1月20日，签约仪式举行。"}\r', null],
  ['', null],
  ['   ', null],
  ['{"id":"nul","text":"控制\\u0000字符\\u0007与\\u001b转义"}', null],
  ['{"id":"proto","__proto__":{"x":1},"constructor":"c","text":"来源：中宏网"}', null],
  ['{"id":"num","text":5}', 'missing-text'],
  ['{"id":"notext"}', 'missing-text'],
  ['{"id":"trunc","text":"半', 'invalid-json'],
  ['"just a string"', 'not-an-object'],
  ['null', 'not-an-object'],
  [Buffer.concat([Buffer.from('{"id":"gbk","text":"'), Buffer.from([0xc4, 0xcf, 0xbf, 0xaa]), Buffer.from('"}')]), 'invalid-utf8'],
  ['{"id":"last","text":"最后一行没有换行"}', null],
];
const input = path.join(dir, 'bad.jsonl');
writeFileSync(input, Buffer.concat(lines.map(([l], i) => Buffer.concat([Buffer.from(l), Buffer.from(i < lines.length - 1 ? '\n' : '')]))));
const expectedRejects = lines.flatMap(([, reason], i) => (reason ? [[i + 1, reason]] : []));
const records_in = lines.filter(([l]) => String(l).trim() !== '').length;

describe.each(['strip', 'segment', 'extract', 'check --annotate'])('qingxi %s on bad input', (command) => {
  it('processes the good lines, rejects the bad ones by line and reason, and counts them all', async () => {
    const errors = path.join(dir, `${command.split(' ')[0]}-errors.jsonl`);
    const result = await qingxi([...command.split(' '), input, '--errors', errors]);
    const logged = records(readFileSync(errors, 'utf8'));
    const rejected = logged.map((e) => [e.line, e.reason]);
    // check may also fail records on quality, which is exit 1 as well; rejects are what this test is about.
    expect(result.code).toBe(1);
    expect(rejected).toEqual(expectedRejects);
    const out = records(result.stdout);
    expect(out.map((r) => r.id)).toEqual(['bom', 'crlf', 'nul', 'proto', 'last']);
    expect(result.stderr).toContain(`${records_in} in, ${out.length} out, ${expectedRejects.length} rejected`);
    expect(Object.keys(out[3]!)).toContain('__proto__');
  });
});

describe('decode on unreadable inputs', () => {
  it('rejects a directory given as a path, exit 2, and decodes the rest', async () => {
    const sub = path.join(dir, 'adir');
    mkdirSync(sub, { recursive: true });
    const page = path.join(dir, 'ok.html');
    writeFileSync(page, '<p>南开大学</p>');
    const result = await qingxi(['decode'], { input: `${sub}\n${page}\n` });
    expect(result.code).toBe(2);
    expect(records(result.stdout).map((r) => r.id)).toEqual([page]);
    expect(result.stderr).toMatch(/is a directory/);
  });

  it('decodes an empty page to an empty record', async () => {
    const empty = path.join(dir, 'empty.html');
    writeFileSync(empty, '');
    const result = await qingxi(['decode', empty]);
    expect(result.code).toBe(0);
    expect(records(result.stdout)).toMatchObject([{ id: empty, text: '' }]);
  });
});
