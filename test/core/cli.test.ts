/**
 * The contract's promises about records, errors and exit codes, checked end to
 * end through the built CLI with the segment stage.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BIN, FIXTURES, qingxi, records } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-cli-'));
const seedText = readFileSync(path.join(FIXTURES, 'seeds', '002_4102c1fcea78347f.txt'), 'utf8');
const paragraphs = seedText.split('\n').filter((l) => l.trim());

function write(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('records pass through', () => {
  it('keeps unknown fields, their order, __proto__ and constructor keys as plain data', async () => {
    const line = '{"id":"x","__proto__":{"polluted":true},"constructor":{"prototype":1},"n":1.5,"nested":{"a":[1,{"b":null}]},"text":"南开大学"}';
    const result = await qingxi(['segment', '--jobs', '0'], { input: line + '\n' });
    expect(result.code).toBe(0);
    const out = result.stdout.trim();
    expect(out).toBe(line.slice(0, -1) + ',"tokens":["南开大学"]}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps input order with several workers, and tokens rebuild the text', async () => {
    const input = paragraphs.map((text, i) => JSON.stringify({ id: `p${i}`, text })).join('\n');
    const many = Array.from({ length: 30 }, () => input).join('\n');
    const result = await qingxi(['segment', '--jobs', '2'], { input: many });
    expect(result.code).toBe(0);
    const out = records(result.stdout);
    expect(out).toHaveLength(paragraphs.length * 30);
    out.forEach((r, i) => {
      expect(r.id).toBe(`p${i % paragraphs.length}`);
      expect((r.tokens as string[]).join('')).toBe(r.text);
    });
    expect(result.stderr).toMatch(new RegExp(`${out.length} in, ${out.length} out, 0 rejected`));
  });
});

describe('rejects and exit codes', () => {
  const mixed = ['{"id":"a","text":"好"}', 'not json', '[1,2]', '{"id":"b"}', '{"id":"c","text":"再见"}'].join('\n');

  it('rejects bad lines with file:line and reason, writes them to --errors, and exits 1', async () => {
    const input = write('mixed.jsonl', mixed);
    const errors = path.join(dir, 'errors.jsonl');
    const result = await qingxi(['segment', input, '--errors', errors]);
    expect(result.code).toBe(1);
    expect(records(result.stdout).map((r) => r.id)).toEqual(['a', 'c']);
    expect(result.stderr).toContain(`${input}:2: invalid JSON`);
    expect(result.stderr).toContain(`${input}:3: a record must be a JSON object, got an array`);
    expect(result.stderr).toContain(`${input}:4 (id "b"): record has no string "text"`);
    expect(result.stderr).toMatch(/5 in, 2 out, 3 rejected \(/);
    const logged = records(readFileSync(errors, 'utf8'));
    expect(logged.map((e) => [e.line, e.reason, e.raw])).toEqual([
      [2, 'invalid-json', 'not json'],
      [3, 'not-an-object', '[1,2]'],
      [4, 'missing-text', '{"id":"b"}'],
    ]);
    expect(logged.every((e) => e.source === input && typeof e.error === 'string')).toBe(true);
  });

  it('--strict stops at the first reject, and the counts still add up', async () => {
    const result = await qingxi(['segment', '--strict', '--jobs', '0'], { input: mixed });
    expect(result.code).toBe(1);
    expect(records(result.stdout).map((r) => r.id)).toEqual(['a']);
    expect(result.stderr).toMatch(/2 in, 1 out, 1 rejected .*--strict/);
  });

  it('keeps invalid UTF-8 lines in the rejects as base64', async () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc4, 0xcf]), Buffer.from('"}\n{"text":"ok"}\n')]);
    const errors = path.join(dir, 'utf8-errors.jsonl');
    const result = await qingxi(['segment', write('gbk.jsonl', bytes), '--errors', errors]);
    expect(result.code).toBe(1);
    const [entry] = records(readFileSync(errors, 'utf8'));
    expect(entry!.reason).toBe('invalid-utf8');
    expect(Buffer.from(entry!.raw_base64 as string, 'base64').equals(bytes.subarray(0, 13))).toBe(true);
  });

  it('exits 2 for an input that cannot be opened, after processing the others', async () => {
    const good = write('good.jsonl', '{"text":"好"}\n');
    const result = await qingxi(['segment', good, path.join(dir, 'missing.jsonl')]);
    expect(result.code).toBe(2);
    expect(records(result.stdout)).toHaveLength(1);
    expect(result.stderr).toContain('missing.jsonl: no such file or directory');
  });

  it('exits 2 on usage errors without a stack trace', async () => {
    for (const args of [['segment', '--jobs', 'many'], ['segment', '--mode', 'fast'], ['segment', '--bogus'], ['nonsense']]) {
      const result = await qingxi(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a bad user dictionary with its file and line', async () => {
    const dict = write('dict.txt', '杨庆山 10 nr\n刘惠\n许颖悟 lots of words\n');
    const result = await qingxi(['segment', '--dict', dict], { input: '{"text":"x"}' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dict}:3`);
  });
});

describe('files and streams', () => {
  it('reads .gz inputs and writes .gz output', async () => {
    const input = write('in.jsonl.gz', gzipSync('{"text":"南开大学"}\n'));
    const output = path.join(dir, 'out.jsonl.gz');
    const result = await qingxi(['segment', input, '-o', output]);
    expect(result.code).toBe(0);
    expect(JSON.parse(gunzipSync(readFileSync(output)).toString()).tokens).toEqual(['南开大学']);
  });

  it('exits quietly when the reader of stdout goes away (| head)', async () => {
    const input = write('long.jsonl', Array.from({ length: 20000 }, (_, i) => JSON.stringify({ i, text: paragraphs[i % paragraphs.length] })).join('\n'));
    const child = spawn('bash', ['-c', `set -o pipefail; node ${BIN} segment ${input} | head -n 2`]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`on ${signal} ends on a whole record and still prints the summary`, async () => {
      const input = write(`sig-${signal}.jsonl`, Array.from({ length: 200000 }, (_, i) => JSON.stringify({ i, text: paragraphs[i % paragraphs.length] })).join('\n'));
      const child = spawn(process.execPath, [BIN, 'segment', input, '--jobs', '1']);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.length > 200000 && !child.killed) child.kill(signal);
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exit = await new Promise((resolve) => child.on('close', resolve));
      expect(exit).toBe(code);
      expect(stdout.endsWith('\n')).toBe(true);
      const out = records(stdout);
      const summary = new RegExp(`(\\d+) in, (\\d+) out, (\\d+) rejected.*interrupted by ${signal}`).exec(stderr);
      expect(summary, stderr).not.toBeNull();
      expect(Number(summary![2])).toBe(out.length);
      expect(Number(summary![1])).toBe(Number(summary![2]) + Number(summary![3]));
      expect(out.length).toBeLessThan(200000);
    });
  }
});
