/** fixtures/encodings: each file against what manifest.json says decode must report. */
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { RecordError } from '../../src/core/errors.js';
import { decodeBytes, decodeStage } from '../../src/stages/decode/index.js';
import { ENCODINGS_DIR, readBytes, stripCharsetDeclarations } from './helpers.js';

interface Expectation {
  made: string;
  encoding?: string;
  encoding_source?: string;
  declared?: string;
  format?: string;
  reference?: string;
  contains?: string;
  invalid_sequences?: number;
  reject?: string;
}

const manifest = JSON.parse(readFileSync(`${ENCODINGS_DIR}manifest.json`, 'utf8')) as Record<string, Expectation>;
const context = (file: string) => ({ source: file, line: 0, file });

describe('decode on fixtures/encodings', () => {
  it.each(Object.entries(manifest).filter(([, e]) => !e.reject))('%s', (name, expected) => {
    const record = decodeStage.process({}, {}, context(ENCODINGS_DIR + name));
    expect(record.encoding).toBe(expected.encoding);
    expect(record.encoding_source).toBe(expected.encoding_source);
    expect(record.declared).toBe(expected.declared);
    expect(record.format).toBe(expected.format);
    expect(record.invalid_sequences).toBe(expected.invalid_sequences);
    expect(record.text).toContain(expected.contains);
    expect(record.text).not.toContain('\ufffd');
    if (expected.reference) {
      // The text is exactly what the right decoder gives, minus the U+FFFD of invalid sequences.
      const reference = iconv.decode(Buffer.from(readBytes(ENCODINGS_DIR + name)), expected.reference).replaceAll('\ufffd', '');
      expect(record.text).toBe(reference);
    }
  });

  it.each(Object.entries(manifest).filter(([, e]) => e.reject))('%s is rejected', (name, expected) => {
    let error: unknown;
    try {
      decodeStage.process({}, {}, context(ENCODINGS_DIR + name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RecordError);
    expect((error as RecordError).reason).toBe(expected.reject);
  });

  it('names the binary format in the message', () => {
    expect(() => decodeBytes(readBytes(`${ENCODINGS_DIR}document.pdf`))).toThrow('binary file (PDF document), not text');
    expect(() => decodeBytes(readBytes(`${ENCODINGS_DIR}pixel.png`))).toThrow('binary file (PNG image), not text');
  });

  it('drops the cut character at the end of a UTF-8 file, keeping everything before it', () => {
    const bytes = readBytes(`${ENCODINGS_DIR}utf8-cut-mid-character.txt`);
    const whole = new TextDecoder().decode(bytes.subarray(0, bytes.length - 2));
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(whole);
    expect(decoded.invalid_sequences).toBe(1);
  });

  it.each(['big5-meta-charset.html', 'gbk-meta-charset.html', 'gbk-http-equiv.html', 'gbk-xml-declaration.xhtml', 'gb18030-four-byte-declared.html'])(
    '%s stripped of its declaration decodes to the same text',
    (name) => {
      const bytes = readBytes(ENCODINGS_DIR + name);
      const declared = decodeBytes(bytes);
      const stripped = decodeBytes(stripCharsetDeclarations(bytes));
      expect(stripped.encoding_source).toBe('detected');
      expect(stripped.encoding).toBe(declared.encoding === 'gbk' ? 'gb18030' : declared.encoding);
      expect(stripped.text).toBe(decodeBytes(stripCharsetDeclarations(bytes), { encoding: declared.encoding }).text);
    },
  );

  it('finds the Chinese of an undeclared page behind 2 MB of ASCII script', () => {
    const page = readBytes(`${ENCODINGS_DIR}gbk-undeclared.html`);
    const script = new TextEncoder().encode(`<script>var data = "${'0123456789abcdef'.repeat(131_072)}";</script>\n`);
    const bytes = new Uint8Array(script.length + page.length);
    bytes.set(script);
    bytes.set(page, script.length);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toContain(manifest['gbk-undeclared.html']!.contains);
  });

  it('rejects 16-bit binary data, whose NUL bytes look like UTF-16 but whose text would be control characters', () => {
    const samples = new Uint8Array(8192);
    for (let i = 0; i < samples.length; i += 2) samples[i] = (i * 7) % 31; // small little-endian integers
    expect(() => decodeBytes(samples)).toThrow('binary file (unknown binary data), not text');
  });

  it('forced encoding wins over declaration and detection', () => {
    const decoded = decodeBytes(readBytes(`${ENCODINGS_DIR}big5-meta-charset.html`), { encoding: 'GB2312' });
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.encoding_source).toBe('forced');
  });

  it('rejects an unknown forced encoding label as a usage error', () => {
    expect(() => decodeBytes(readBytes(`${ENCODINGS_DIR}ascii-only.txt`), { encoding: 'klingon-8' })).toThrow(/unknown encoding "klingon-8"/);
    expect(() => decodeStage.init?.({ encoding: 'klingon-8' })).toThrow(/unknown encoding/);
  });
});
