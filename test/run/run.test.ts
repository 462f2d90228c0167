/**
 * run chains decode, strip, segment and extract in one process: its records
 * must equal those of the four commands piped together.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, qingxi, records } from '../helpers.js';

const seeds = readdirSync(path.join(FIXTURES, 'seeds')).map((f) => path.join('fixtures', 'seeds', f));
const dev = readdirSync(path.join(FIXTURES, 'web-extraction', 'original'))
  .slice(0, 6)
  .map((f) => path.join('fixtures', 'web-extraction', 'original', f));
const pages = [...seeds, ...dev];

describe('qingxi run', () => {
  it('gives the same records as decode | strip | segment | extract', async () => {
    const decoded = await qingxi(['decode', ...pages]);
    const stripped = await qingxi(['strip', '--explain'], { input: decoded.stdout });
    const segmented = await qingxi(['segment', '--pos'], { input: stripped.stdout });
    const extracted = await qingxi(['extract', '--ref', '2024-01-01'], { input: segmented.stdout });
    const run = await qingxi(['run', '--explain', '--pos', '--ref', '2024-01-01', ...pages]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`${pages.length} in, ${pages.length} out, 0 rejected`));
    expect(records(run.stdout)).toEqual(records(extracted.stdout));
  });

  it('fills every field the contract names', async () => {
    const run = await qingxi(['run', seeds[0]!]);
    const [record] = records(run.stdout);
    expect(Object.keys(record!)).toEqual(expect.arrayContaining(['id', 'text', 'format', 'encoding', 'metadata', 'tokens', 'entities']));
    expect(record!.format).toBe('text');
    expect((record!.tokens as string[]).join('')).toBe(record!.text);
    expect((record!.metadata as Record<string, unknown>).title).toBe('中宏网：助力京津冀协同发展南开大学与天津武清区签署框架合作协议');
  });

  it('--skip leaves stages out, and rejects unknown stage names as a usage error', async () => {
    const run = await qingxi(['run', '--skip', 'segment,extract', seeds[1]!]);
    const [record] = records(run.stdout);
    expect(record!.tokens).toBeUndefined();
    expect(record!.entities).toBeUndefined();
    expect(record!.metadata).toBeDefined();
    const bad = await qingxi(['run', '--skip', 'decode', seeds[1]!]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--skip takes some of strip, segment, extract; unknown: decode/);
  });
});
