/**
 * qingxi is a filter over JSONL, so GNU parallel can spread it over cores or
 * hosts: with --pipe -k the output must equal the single-process run, byte
 * for byte. (.ci/run installs the Debian package `parallel` when missing.)
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, FIXTURES } from '../helpers.js';

const hasParallel = spawnSync('parallel', ['--version']).status === 0;

describe('GNU parallel', () => {
  it('is installed (by .ci/run) so the scale-out recipe in the README is tested', () => {
    expect(hasParallel, 'GNU parallel is missing: apt-get install parallel').toBe(true);
  });

  it.runIf(hasParallel)('--pipe -k gives the same output as one process, for segment over JSONL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-parallel-'));
    const seed = readFileSync(path.join(FIXTURES, 'seeds', '000_cfdd23cfb2e4ea40.txt'), 'utf8');
    const sentences = seed.split(/(?<=。)/);
    const input = path.join(dir, 'in.jsonl');
    writeFileSync(input, sentences.map((text, i) => JSON.stringify({ id: `s${i}`, text })).join('\n') + '\n');
    const single = execFileSync(process.execPath, [BIN, 'segment', '-q', '--jobs', '1', input]);
    const split = execFileSync('bash', ['-c', `parallel --will-cite --pipe -k -j 2 --block 2k ${process.execPath} ${BIN} segment -q --jobs 1 < ${input}`], {
      maxBuffer: 1 << 28,
    });
    expect(sentences.length).toBeGreaterThan(20);
    expect(split.toString()).toBe(single.toString());
  });

  it.runIf(hasParallel)('--pipe -k -N gives the same output as one process, for run over page paths on stdin', () => {
    const pages = readdirSync(path.join(FIXTURES, 'web-extraction', 'original'))
      .slice(0, 12)
      .map((f) => path.join(FIXTURES, 'web-extraction', 'original', f));
    const paths = pages.join('\n') + '\n';
    const single = execFileSync(process.execPath, [BIN, 'run', '-q', '--jobs', '1', '--ref', '2024-01-01'], { input: paths, maxBuffer: 1 << 28 });
    const split = execFileSync('bash', ['-c', `parallel --will-cite --pipe -k -N 4 -j 2 ${process.execPath} ${BIN} run -q --jobs 1 --ref 2024-01-01`], {
      input: paths,
      maxBuffer: 1 << 28,
    });
    expect(single.toString().trim().split('\n')).toHaveLength(12);
    expect(split.toString()).toBe(single.toString());
  });
});
