import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expandInputs, readLines, type LineEvent } from '../../src/core/inputs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-inputs-'));

async function lines(file: string): Promise<LineEvent[]> {
  const out: LineEvent[] = [];
  for await (const event of readLines(file)) out.push(event);
  return out;
}

function file(name: string, bytes: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

describe('readLines', () => {
  it('accepts CRLF, a BOM, blank lines and a last line without newline, keeping line numbers', async () => {
    const p = file('crlf.jsonl', '\ufeff{"a":1}\r\n\r\n   \n{"b":"南开"}\r\n{"c":3}');
    const events = await lines(p);
    expect(events.map((e) => [e.line, 'text' in e ? e.text : null])).toEqual([
      [1, '{"a":1}'],
      [4, '{"b":"南开"}'],
      [5, '{"c":3}'],
    ]);
  });

  it('reports a line of invalid UTF-8 as bytes instead of decoding it into U+FFFD', async () => {
    const p = file('bad.jsonl', Buffer.concat([Buffer.from('{"a":1}\n{"t":"'), Buffer.from([0xc4, 0xcf, 0xbf, 0xaa]), Buffer.from('"}\n{"z":2}\n')]));
    const events = await lines(p);
    expect(events).toHaveLength(3);
    expect('invalid' in events[1]! && events[1].line).toBe(2);
    expect('text' in events[2]! && events[2].text).toBe('{"z":2}');
  });

  it('reads .gz transparently and reports truncated gzip data after the lines it could read', async () => {
    const body = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, text: '南开大学'.repeat(20) })).join('\n');
    const gz = gzipSync(body);
    expect((await lines(file('ok.jsonl.gz', gz))).length).toBe(2000);
    const events = await lines(file('cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length / 2))));
    const last = events[events.length - 1]!;
    expect('failure' in last && last.failure).toMatch(/truncated gzip/);
    expect(events.length).toBeGreaterThan(10);
  });

  it('yields nothing for an empty file and throws a clear error for a missing one', async () => {
    expect(await lines(file('empty.jsonl', ''))).toEqual([]);
    await expect(lines(path.join(dir, 'nope.jsonl'))).rejects.toThrow(/cannot open: no such file/);
  });

  it('keeps a 100 MB line whole', async () => {
    const big = 'a'.repeat(100 * 1024 * 1024);
    const p = file('big.jsonl', `{"text":"${big}"}\n{"x":1}\n`);
    const events = await lines(p);
    expect(events).toHaveLength(2);
    expect('text' in events[0]! && events[0].text.length).toBe(big.length + 11);
  });
});

describe('expandInputs', () => {
  const tree = path.join(dir, 'tree');
  mkdirSync(path.join(tree, 'sub', 'deeper'), { recursive: true });
  writeFileSync(path.join(tree, 'b.html'), 'x');
  writeFileSync(path.join(tree, 'a.txt.gz'), 'x');
  writeFileSync(path.join(tree, 'skip.pdf'), 'x');
  writeFileSync(path.join(tree, 'sub', 'c.md'), 'x');
  writeFileSync(path.join(tree, 'sub', 'deeper', 'd.shtml'), 'x');
  symlinkSync(path.join(tree, 'missing.html'), path.join(tree, 'dangling.html'));

  async function expand(inputs: string[]) {
    const out: string[] = [];
    for await (const e of expandInputs(inputs, ['html', 'txt', 'md', 'shtml'])) {
      out.push('path' in e ? path.relative(tree, e.path) : `problem:${path.relative(tree, e.problem.source)}:${e.problem.message}`);
    }
    return out;
  }

  it('walks directories in sorted order for the wanted extensions, reporting dangling links', async () => {
    expect(await expand([tree])).toEqual(['a.txt.gz', 'b.html', 'problem:dangling.html:dangling symbolic link', 'sub/c.md', 'sub/deeper/d.shtml']);
  });

  it('expands globs, skipping directories they match, and reports patterns that match nothing', async () => {
    expect(await expand([path.join(tree, '*')])).toEqual(['a.txt.gz', 'b.html', 'problem:dangling.html:dangling symbolic link', 'skip.pdf']);
    expect(await expand([path.join(tree, '*.xml')])).toEqual(['problem:*.xml:no files match this pattern']);
    expect(await expand([path.join(tree, 'none.html')])).toEqual(['problem:none.html:no such file or directory']);
  });
});
