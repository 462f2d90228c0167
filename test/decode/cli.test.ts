/**
 * decode end to end from the CLI: the "done when" commands, binary
 * and broken files as rejects, paths on stdin, and directories.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES, qingxi, records } from '../helpers.js';

const DEV = path.join(FIXTURES, 'web-extraction', 'original');
const ENCODINGS = path.join(FIXTURES, 'encodings');
const manifest = JSON.parse(readFileSync(path.join(ENCODINGS, 'manifest.json'), 'utf8')) as Record<string, { encoding?: string; contains?: string; reject?: string }>;

describe('qingxi decode', () => {
  it('gives one record per seed', async () => {
    const seeds = readdirSync(path.join(FIXTURES, 'seeds')).map((f) => path.join('fixtures', 'seeds', f));
    const result = await qingxi(['decode', ...seeds]);
    expect(result.code).toBe(0);
    const out = records(result.stdout);
    expect(out.map((r) => r.id)).toEqual(seeds);
    expect(out.map((r) => r.format)).toEqual(['text', 'text', 'text', 'text', 'markdown']);
    expect(out.every((r) => r.encoding === 'utf-8' && !(r.text as string).includes('\ufffd'))).toBe(true);
  });

  it('decodes the 69 dev pages in a directory, each free of U+FFFD and holding its gold text', async () => {
    const result = await qingxi(['decode', DEV]);
    expect(result.code).toBe(0);
    const out = records(result.stdout);
    expect(out).toHaveLength(69);
    for (const r of out) {
      const text = r.text as string;
      expect(text.includes('\ufffd'), String(r.id)).toBe(false);
      const gold = readFileSync(path.join(FIXTURES, 'web-extraction', 'cleaned', path.basename(r.id as string, '.html') + '.txt'), 'utf8');
      // Most of the ten longest gold lines, whitespace removed, start somewhere in the page once tags are gone
      // (the thorough line-by-line check is in dev-pages.test.ts; footnote marks like [1] break a few).
      const longest = gold.split('\n').map((l) => l.replace(/\s+/g, '')).sort((a, b) => b.length - a.length).slice(0, 10);
      const flat = text.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s+/g, '');
      const found = longest.filter((line) => flat.includes(line.slice(0, 12))).length;
      expect(found / longest.length, String(r.id)).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('reports the encoding of every generated fixture, and rejects binaries and broken gzip with a reason', async () => {
    const errors = path.join(mkdtempSync(path.join(tmpdir(), 'qingxi-decode-')), 'errors.jsonl');
    const result = await qingxi(['decode', ENCODINGS, '--errors', errors]);
    expect(result.code).toBe(1);
    const byFile = new Map(records(result.stdout).map((r) => [path.basename(r.id as string), r]));
    const rejected = new Map(records(readFileSync(errors, 'utf8')).map((e) => [path.basename(e.source as string), e.reason]));
    const pageFiles = Object.entries(manifest).filter(([file]) => /\.(html|htm|xhtml|shtml|txt|md)(\.gz)?$/.test(file));
    for (const [file, expected] of pageFiles) {
      if (expected.reject) {
        expect(rejected.get(file), file).toBe(expected.reject);
        continue;
      }
      const record = byFile.get(file);
      expect(record?.encoding, file).toBe(expected.encoding);
      if (expected.contains) expect(record?.text as string, file).toContain(expected.contains);
    }
    expect(byFile.size + rejected.size).toBe(pageFiles.length);
  });

  it('rejects binary files named on the command line', async () => {
    const result = await qingxi(['decode', path.join(ENCODINGS, 'document.pdf'), path.join(ENCODINGS, 'pixel.png')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/document\.pdf: binary file \(PDF/);
    expect(result.stderr).toMatch(/2 in, 0 out, 2 rejected \(binary-file 2\)/);
  });

  it('takes paths on stdin, as JSONL records with "path" or one per line, keeping other fields', async () => {
    const page = path.join(DEV, readdirSync(DEV)[0]!);
    const input = `${JSON.stringify({ path: page, crawl: 7 })}\n${page}\n`;
    const result = await qingxi(['decode'], { input });
    expect(result.code).toBe(0);
    const [fromJson, fromLine] = records(result.stdout);
    expect(fromJson).toMatchObject({ path: page, crawl: 7, id: page });
    expect(fromLine!.id).toBe(page);
    expect(fromLine!.text).toBe(fromJson!.text);
  });

  it('rejects a missing file and a dangling link with exit 2, and still decodes the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-decode-'));
    writeFileSync(path.join(dir, 'ok.txt'), '南开大学');
    symlinkSync(path.join(dir, 'gone.html'), path.join(dir, 'link.html'));
    const result = await qingxi(['decode', dir, path.join(dir, 'absent.html')]);
    expect(result.code).toBe(2);
    expect(records(result.stdout).map((r) => r.text)).toEqual(['南开大学']);
    expect(result.stderr).toMatch(/link\.html: dangling symbolic link/);
    expect(result.stderr).toMatch(/absent\.html: no such file or directory/);
    expect(result.stderr).toMatch(/3 in, 1 out, 2 rejected/);
  });
});
