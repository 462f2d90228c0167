/**
 * Long repetitive inputs that make careless scanners or regexes go quadratic.
 * They must decode to the right thing (and, being linear, finish quickly;
 * timing itself is measured in the benchmarks, not here).
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/stages/decode/index.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const gbk = (s: string) => new Uint8Array(iconv.encode(s, 'gbk'));

describe('decode on long repetitive inputs', () => {
  it.each([
    ['200,000 full-width commas, GBK', gbk('，'.repeat(200_000)), 'gb18030'],
    ['200,000 full-width commas, UTF-8', utf8('，'.repeat(200_000)), 'utf-8'],
    ['当前位置： × 20,000, GBK', gbk('当前位置：'.repeat(20_000)), 'gb18030'],
    ['当前位置： × 20,000, UTF-8', utf8('当前位置：'.repeat(20_000)), 'utf-8'],
    ['200,000 of one character, GBK', gbk('的'.repeat(200_000)), 'gb18030'],
    ['200,000 digits', utf8('7'.repeat(200_000)), 'utf-8'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeBytes(bytes).encoding).toBe(encoding);
  });

  it.each([
    ['[', 'text'],
    ['*', 'text'],
    ['#', 'text'],
    ['<', 'text'],
    ['-', 'text'],
    ['![', 'text'],
    ['<!--', 'text'],
    ['<meta ', 'html'],
    ['<a ', 'html'],
    ['charset=', 'text'],
    ['<p>', 'html'],
  ])('200,000 characters of %j', (unit, format) => {
    const decoded = decodeBytes(utf8(unit.repeat(Math.ceil(200_000 / unit.length))));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.format).toBe(format);
  });

  it('a page with 20,000 unterminated attributes in its head', () => {
    const page = `<html><head><meta ${'a="'.repeat(20_000)}<meta charset="gbk"></head><body>当前位置</body></html>`;
    expect(decodeBytes(gbk(page)).text).toContain('当前位置');
  });
});
