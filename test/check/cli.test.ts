/**
 * `qingxi check` end to end through the built CLI (`npm run build` first), on
 * JSONL made of the real gold bodies and their real damage.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportJSON } from '../../src/stages/check/index.js';
import { BIN, qingxi, records } from '../helpers.js';
import { changeCharacters, furniture, goldBodies, readAsGbk, readAsLatin1 } from './corpus.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-check-cli-'));
/** `qingxi check …` in the main thread (quicker to start; workers are tested with --jobs 2 below). */
const check = (args: string[], options?: { input?: string | Buffer }) => qingxi(['check', '--jobs', '0', ...args], options);
const golds = goldBodies();

function jsonl(name: string, lines: (Record<string, unknown> | string)[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

const clean = jsonl('clean.jsonl', golds.map((g) => ({ id: g.name, text: g.text })));

const article = golds[3]!;
/** Line number (1-based) -> what was done to the body, and the rule that must catch it. */
const damaged: { id: string; text: string; rule: string | null }[] = [
  { id: 'original', text: article.text, rule: null },
  { id: 'gbk', text: readAsGbk(golds[1]!.text), rule: 'mojibake-gbk' },
  { id: 'latin1', text: readAsLatin1(golds[2]!.text), rule: 'mojibake-latin1' },
  { id: 'footer', text: `${golds[4]!.text}\n${furniture.nankaiFooter}`, rule: 'boilerplate' },
  { id: 'seo', text: `${golds[5]!.text}\n${furniture.seoBlock}`, rule: 'keyword-stuffing' },
  { id: 'copy', text: article.text, rule: 'duplicate' },
  { id: 'changed', text: changeCharacters(article.text, 4), rule: 'near-duplicate' },
  { id: 'empty', text: '', rule: 'too-short' },
  { id: 'stub', text: Array.from(article.text).slice(0, 4).join(''), rule: 'too-short' },
  { id: 'other', text: golds[6]!.text, rule: null },
];
const mixed = jsonl('mixed.jsonl', damaged.map(({ id, text }) => ({ id, text })));

describe('qingxi check', { timeout: 60_000 }, () => {
  it('passes the 74 clean gold bodies: exit 0, a table on stderr, nothing on stdout', async () => {
    const result = await check([clean]);
    expect(result.stderr).toContain('check: 74 records, 74 passed, all passed; duplicates: 0 exact, 0 near');
    expect(result.stderr).toMatch(/^rule\s+signal\s+fails when\s+failed\s+share$/m);
    expect(result.stderr).toContain('74 in, 74 out, 0 rejected');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('fails the damaged copies, each for its rule, and exits 1 (--json summary on stdout)', async () => {
    const result = await check([mixed, '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as ReportJSON;
    expect(summary).toMatchObject({ records: 10, passed: 2, failed: 8, duplicates: { exact: 1, near: 1 } });
    for (const { id, rule } of damaged) {
      const failure = summary.failures.find((f) => f.id === id);
      if (rule === null) expect(failure, id).toBeUndefined();
      else expect(failure?.failed, id).toContain(rule);
    }
    expect(summary.rules['too-short']?.failed).toBe(2);
    expect(summary.failures.find((f) => f.id === 'changed')).toMatchObject({ duplicate_of: 'original', line: 7, source: mixed });
  });

  it('--annotate writes every record with quality, in input order, also with --jobs 2', async () => {
    for (const jobs of ['0', '2']) {
      const out = path.join(dir, `annotated-${jobs}.jsonl`);
      const result = await qingxi(['check', mixed, '--annotate', '-o', out, '--jobs', jobs]);
      expect(result.code).toBe(1);
      const annotated = records(readFileSync(out, 'utf8'));
      expect(annotated.map((r) => r.id)).toEqual(damaged.map((d) => d.id));
      expect(annotated[0]).toMatchObject({ text: article.text, quality: { failed: [], duplicate_of: null } });
      expect(annotated[5]).toMatchObject({ quality: { failed: ['duplicate'], duplicate_of: 'original' } });
      expect((annotated[6]!.quality as { signals: Record<string, number> }).signals.near_duplicate).toBeGreaterThan(0.8);
    }
  });

  it('--format github prints an annotation with file and line per failing record', async () => {
    const result = await check([mixed, '--format', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(new RegExp(`^::error file=${mixed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=2::gbk: failed .*mojibake-gbk`));
    expect(lines).toContain(`::error file=${mixed},line=6::copy: failed duplicate (duplicate of original)`);
    expect(lines.find((l) => l.includes('line=8::'))).toBe(`::error file=${mixed},line=8::empty: failed too-short`);
  });

  it('--rules FILE picks rules and sets thresholds', async () => {
    const lenient = path.join(dir, 'lenient.json');
    writeFileSync(lenient, JSON.stringify({ 'too-short': { min: 0 }, duplicate: { enabled: false }, 'near-duplicate': { enabled: false } }));
    const result = await check([mixed, '--rules', lenient, '--json']);
    const summary = JSON.parse(result.stdout) as ReportJSON;
    expect(summary.failed).toBe(4);
    expect(summary.rules['duplicate']).toMatchObject({ enabled: false, failed: 0 });
    expect(summary.failures.map((f) => f.id)).toEqual(['gbk', 'latin1', 'footer', 'seo']);
  });

  it('a bad rules file is a usage error naming the file and the key (exit 2)', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'too-short': { minn: 10 } }));
    const result = await check([clean, '--rules', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}: "too-short.minn": unknown key`);
  });

  it('--max-fail-ratio lets a share of failures through', async () => {
    expect((await check([mixed, '--max-fail-ratio', '0.8'])).code).toBe(0);
    expect((await check([mixed, '--max-fail-ratio', '0.5'])).code).toBe(1);
    expect((await check([mixed, '--max-fail-ratio', '2'])).code).toBe(2);
  });

  it('exits 1 when inputs are rejected even if every record passes', async () => {
    const withBadLines = jsonl('bad-lines.jsonl', [{ id: 'a', text: golds[0]!.text }, 'not json', { id: 'b' }, { id: 'c', text: golds[1]!.text }]);
    const result = await check([withBadLines, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ records: 2, passed: 2, failed: 0, input: { in: 4, out: 2, rejected: 2 } });
    expect(result.stderr).toContain(`${withBadLines}:3 (id "b"): record has no string "text"`);
  });

  it('stops writing annotations quietly when the reader goes away (| head), and still exits 1', async () => {
    const stubs = jsonl('stubs.jsonl', Array.from({ length: 20_000 }, (_, i) => ({ id: `stub${i}`, text: Array.from(golds[i % golds.length]!.text).slice(0, 4).join('') })));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', `set -o pipefail; node ${BIN} check ${stubs} --format github --jobs 0 -q | head -n 1`]);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.stdout).toBe(`::error file=${stubs},line=1::stub0: failed too-short\n`);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });

  it('refuses two things on stdout at once', async () => {
    const result = await check([clean, '--json', '--annotate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--json and --annotate would both write to stdout');
  });

  it('reads stdin and shows an example in --help', async () => {
    const result = await check([], { input: readFileSync(clean) });
    expect(result.code).toBe(0);
    const help = await check(['--help']);
    expect(help.stdout).toContain('qingxi check clean.jsonl');
  });
});
