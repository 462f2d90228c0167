/**
 * The 69 pages of fixtures/web-extraction/original: GB2312, GBK and UTF-8,
 * declared, undeclared, with BOMs; two carry stray invalid bytes in the source.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/stages/decode/index.js';
import { DEV_DIR, devPages, goldFor, goldLinesFound, isWellFormedUtf8, readBytes, stripCharsetDeclarations } from './helpers.js';

const GB_FAMILY = ['gbk', 'gb18030'];
const summary = { declared: 0, detected: 0, bom: 0, overruled: [] as string[], linesFound: 0, lines: 0, invalid: [] as string[] };

describe('decode on the 69 web-extraction pages', () => {
  it('has all 69 pages', () => {
    expect(devPages).toHaveLength(69);
  });

  it.each(devPages)('%s: right encoding, no U+FFFD, gold text found', (page) => {
    const bytes = readBytes(DEV_DIR + page);
    const decoded = decodeBytes(bytes, { fileName: page });

    // Oracle: Node's strict UTF-8 decoder; every other page of this set is GB.
    const utf8 = isWellFormedUtf8(bytes.subarray(bytes[0] === 0xef ? 3 : 0));
    if (utf8) expect(decoded.encoding).toBe('utf-8');
    else expect(GB_FAMILY).toContain(decoded.encoding);
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.format).toBe('html');

    const { found, total } = goldLinesFound(decoded.text, goldFor(page));
    expect(total).toBeGreaterThan(0);
    // Gold lines are hand-copied; a few differ from the page (ads cut into a
    // paragraph, widgets). A wrong encoding finds none.
    expect(found / total).toBeGreaterThanOrEqual(0.75);

    summary[decoded.encoding_source as 'declared' | 'detected' | 'bom']++;
    if (decoded.declared) summary.overruled.push(`${page} declared ${decoded.declared}, is ${decoded.encoding}`);
    if (decoded.invalid_sequences) summary.invalid.push(`${page}: ${decoded.invalid_sequences} invalid sequences dropped`);
    summary.linesFound += found;
    summary.lines += total;
  });

  it.each(devPages)('%s: GB pages stripped of their declaration decode to the same text', (page) => {
    const bytes = readBytes(DEV_DIR + page);
    const declared = decodeBytes(bytes);
    if (!GB_FAMILY.includes(declared.encoding)) return;
    const stripped = stripCharsetDeclarations(bytes);
    const detected = decodeBytes(stripped);
    expect(detected.encoding).toBe('gb18030');
    expect(detected.encoding_source).toBe('detected');
    expect(detected.text).toBe(decodeBytes(stripped, { encoding: 'gbk' }).text);
  });

  afterAll(() => {
    console.log(
      [
        `decode, 69 dev pages: ${summary.declared} by declaration, ${summary.detected} by detection, ${summary.bom} by BOM`,
        `declarations overruled: ${summary.overruled.length ? summary.overruled.join('; ') : 'none'}`,
        `gold lines found: ${summary.linesFound}/${summary.lines} (${((summary.linesFound / summary.lines) * 100).toFixed(1)}%)`,
        ...summary.invalid,
      ].join('\n'),
    );
  });
});
