/** decodeStage.process: where the file comes from, the record it returns, the errors it throws. */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { RecordError } from '../../src/core/errors.js';
import { decodeStage } from '../../src/stages/decode/index.js';
import { ENCODINGS_DIR, SEED_DIR } from './helpers.js';

const seed = `${SEED_DIR}000_cfdd23cfb2e4ea40.txt`;

function rejection(run: () => unknown): RecordError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return error;
    throw error;
  }
  throw new Error('expected a RecordError');
}

describe('decodeStage.process', () => {
  it('reads context.file and sets id to it', () => {
    const record = decodeStage.process({}, {}, { source: seed, line: 0, file: seed });
    expect(record.id).toBe(seed);
    expect(Object.keys(record)).toEqual(['id', 'text', 'format', 'encoding', 'encoding_source']);
  });

  it('reads record.path, keeps existing keys in place and values, adds new ones after', () => {
    const input = { path: seed, id: 'seed-0', site: 'nankai', text: 'old' };
    const record = decodeStage.process(input, {}, { source: 'list.jsonl', line: 3 });
    expect(record.id).toBe('seed-0');
    expect(record.site).toBe('nankai');
    expect(record.text).not.toBe('old');
    expect(Object.keys(record)).toEqual(['path', 'id', 'site', 'text', 'format', 'encoding', 'encoding_source']);
  });

  it('reports the declaration the bytes overruled', () => {
    const file = `${ENCODINGS_DIR}utf8-declares-gb2312.html`;
    const record = decodeStage.process({}, {}, { source: file, line: 0, file });
    expect(record).toMatchObject({ encoding: 'utf-8', encoding_source: 'detected', declared: 'gb2312' });
  });

  it('reports a declaration a byte order mark overrules', () => {
    const file = `${ENCODINGS_DIR}big5-meta-charset.html`;
    const bytes = readFileSync(file);
    const withBom = `${mkdtempSync(`${tmpdir()}/qingxi-decode-`)}/bom.html`;
    writeFileSync(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(iconv.decode(bytes, 'big5'), 'utf8')]));
    const record = decodeStage.process({}, {}, { source: withBom, line: 0, file: withBom });
    expect(record).toMatchObject({ encoding: 'utf-8', encoding_source: 'bom', declared: 'big5' });
  });

  it('rejects a record without a path', () => {
    const error = rejection(() => decodeStage.process({ id: 'x' }, {}, { source: 'list.jsonl', line: 1 }));
    expect(error.reason).toBe('missing-path');
  });

  it('says "no such file" for a missing file', () => {
    const error = rejection(() => decodeStage.process({ path: `${SEED_DIR}missing.html` }, {}, { source: 'list.jsonl', line: 1 }));
    expect(error.reason).toBe('unreadable-file');
    expect(error.message).toContain('no such file');
  });

  it('says "is a directory" for a directory', () => {
    const dir = mkdtempSync(`${tmpdir()}/qingxi-decode-`);
    mkdirSync(`${dir}/page.html`);
    const error = rejection(() => decodeStage.process({ path: `${dir}/page.html` }, {}, { source: 'list.jsonl', line: 1 }));
    expect(error.message).toContain('is a directory');
  });

  it('gunzips .gz files', () => {
    const file = `${ENCODINGS_DIR}gbk-page.html.gz`;
    const record = decodeStage.process({}, {}, { source: file, line: 0, file });
    expect(record).toMatchObject({ encoding: 'gbk', encoding_source: 'declared', format: 'html' });
  });
});
