/**
 * GB against Big5 without declarations, on real page text: every dev page,
 * its title alone and short lines of it, converted to traditional characters
 * (opencc-js) and encoded in Big5, or encoded in GBK, with declarations removed.
 * Both decodings of such bytes "succeed"; only the character statistics can
 * tell them apart.
 */
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/stages/decode/index.js';
import { DEV_DIR, devPages, readBytes } from './helpers.js';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const DECLARATION = /<meta[^>]{0,300}charset[^>]{0,100}>|<\?xml[^>]{0,200}>/gi;
/** Shorter texts are a coin toss: one or two characters read plausibly either way. */
const MIN_HAN = 4;
const hanCount = (s: string) => s.match(/\p{Script=Han}/gu)?.length ?? 0;
/** Texts with characters the encoding lacks (Khmer, emoji) turn into `?` and test nothing. */
const encodable = (s: string, codec: 'gbk' | 'big5') => iconv.decode(iconv.encode(s, codec), codec === 'gbk' ? 'gb18030' : 'big5hkscs') === s;
const testable = (s: string) => hanCount(s) >= MIN_HAN && encodable(s, 'gbk') && encodable(toTraditional(s), 'big5');
const counts = { pages: 0, titles: 0, lines: 0 };

function expectDetected(text: string, codec: 'gbk' | 'big5') {
  const bytes = iconv.encode(text, codec);
  const decoded = decodeBytes(new Uint8Array(bytes));
  expect({ text: text.slice(0, 40), encoding: decoded.encoding }).toEqual({
    text: text.slice(0, 40),
    encoding: codec === 'gbk' ? 'gb18030' : 'big5',
  });
  expect(decoded.encoding_source).toBe('detected');
  expect(decoded.text).toBe(iconv.decode(bytes, codec === 'gbk' ? 'gb18030' : 'big5hkscs').replaceAll('\ufffd', ''));
}

describe('GB and Big5 told apart without declarations', () => {
  it.each(devPages)('%s: page, title and short lines in GBK and in Big5', (page) => {
    const html = decodeBytes(readBytes(DEV_DIR + page)).text.replace(DECLARATION, '');
    expectDetected(html, 'gbk');
    expectDetected(toTraditional(html), 'big5');
    counts.pages++;

    const title = /<title[^>]{0,200}>([^<]{1,300})<\/title>/i.exec(html)?.[1]?.trim();
    if (title && testable(title)) {
      const titlePage = `<html><head><title>${title}</title></head><body></body></html>`;
      expectDetected(titlePage, 'gbk');
      expectDetected(toTraditional(titlePage), 'big5');
      counts.titles++;
    }

    const lines = html
      .replace(/<[^>]{0,2000}>/g, '\n')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length <= 30 && testable(line));
    for (const line of lines.filter((_, i) => i % 5 === 0)) {
      expectDetected(line, 'gbk');
      expectDetected(toTraditional(line), 'big5');
      counts.lines++;
    }
  });

  afterAll(() => {
    console.log(`GB/Big5 without declarations: ${counts.pages} pages, ${counts.titles} titles, ${counts.lines} short lines, each in GBK and Big5`);
  });
});
