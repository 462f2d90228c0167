/**
 * Writes fixtures/encodings/: real Chinese text encoded in GBK, GB18030, Big5,
 * UTF-8 and UTF-16, with and without declarations, with lying declarations,
 * cut mid-character, plus binary files and format cases; and manifest.json,
 * what decode must say about each. The bytes are committed, so tests do not
 * depend on this script; it documents how each file was made.
 *
 *   npx tsx test/decode/tools/make-encoding-fixtures.ts
 *
 * Text sources:
 * - simplified: the body and title of fixtures/gold/002_4102c1fcea78347f.json
 *   (a real news page of the seed set);
 * - traditional: the same text converted to Taiwan standard characters with
 *   opencc-js (cn to tw), since we have no real Big5 page to ship;
 * - GB18030 four-byte characters: 𠮷 (U+20BB7, 𠮷野家) and 䶮 (U+4DAE, the Southern
 *   Han emperor 刘䶮), real names outside GBK;
 * - Latin and Japanese: short sentences written for these fixtures.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, crc32 } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const OUT = `${ROOT}fixtures/encodings/`;

interface Expectation {
  /** How the bytes were made. */
  made: string;
  /** Expected decode result; `reject` for files that must be rejected. */
  encoding?: string;
  encoding_source?: string;
  declared?: string;
  format?: string;
  /** Codec that decodes the file correctly, to compare decode's text with. */
  reference?: string;
  /** A phrase the decoded text must contain. */
  contains?: string;
  invalid_sequences?: number;
  reject?: string;
}

const gold = JSON.parse(readFileSync(`${ROOT}fixtures/gold/002_4102c1fcea78347f.json`, 'utf8')) as { title: string; body: string[] };
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const title = gold.title;
const paragraphs = gold.body.slice(0, 3);
const traditionalTitle = toTraditional(title);
const traditionalParagraphs = paragraphs.map((p) => toTraditional(p));
const fourByte = '𠮷野家的招牌与南汉皇帝刘䶮的名字，都要用GB18030的四字节编码。';

function page(head: string, pageTitle: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    ...(head ? [head] : []),
    `<title>${pageTitle}</title>`,
    '</head>',
    '<body>',
    ...body.map((p) => `<p>${p}</p>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function encode(text: string, codec: string): Buffer {
  const bytes = iconv.encode(text, codec);
  const back = iconv.decode(bytes, codec === 'big5' ? 'big5hkscs' : codec);
  if (back !== text) throw new Error(`text does not survive ${codec}`);
  return bytes;
}

const manifest: Record<string, Expectation> = {};
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
function write(name: string, bytes: Uint8Array, expectation: Expectation): void {
  writeFileSync(OUT + name, bytes);
  manifest[name] = expectation;
}

const simplifiedPage = (head: string) => page(head, title, paragraphs);
const traditionalPage = (head: string) => page(head, traditionalTitle, traditionalParagraphs);
const phrase = '北京工业大学和朝阳区人民政府';
const traditionalPhrase = toTraditional(phrase);

// GB family.
write('gbk-meta-charset.html', encode(simplifiedPage('<meta charset="gb2312">'), 'gbk'), {
  made: 'gold 002 page, GBK, <meta charset="gb2312">',
  encoding: 'gbk', encoding_source: 'declared', format: 'html', reference: 'gb18030', contains: phrase,
});
write('gbk-http-equiv.html', encode(simplifiedPage('<meta http-equiv="Content-Type" content="text/html; charset=GBK">'), 'gbk'), {
  made: 'gold 002 page, GBK, http-equiv Content-Type charset=GBK',
  encoding: 'gbk', encoding_source: 'declared', format: 'html', reference: 'gb18030', contains: phrase,
});
write('gbk-undeclared.html', encode(simplifiedPage(''), 'gbk'), {
  made: 'gold 002 page, GBK, no declaration',
  encoding: 'gb18030', encoding_source: 'detected', format: 'html', reference: 'gb18030', contains: phrase,
});
write('gbk-xml-declaration.xhtml', encode(`<?xml version="1.0" encoding="GB2312"?>\n${simplifiedPage('')}`, 'gbk'), {
  made: 'gold 002 page, GBK, only an XML declaration encoding="GB2312"',
  encoding: 'gbk', encoding_source: 'declared', format: 'html', reference: 'gb18030', contains: phrase,
});
write('gbk-title-only.html', encode(`<html><head><title>${title}</title></head><body></body></html>\n`, 'gbk'), {
  made: 'gold 002 title alone, GBK, no declaration',
  encoding: 'gb18030', encoding_source: 'detected', format: 'html', reference: 'gb18030', contains: '北工大与朝阳区',
});
write('gbk-cut-mid-character.txt', encode(`${title}\n${paragraphs[0]}`, 'gbk').subarray(0, -1), {
  made: 'gold 002 title and first paragraph, GBK, last byte removed (a lead byte is left alone)',
  encoding: 'gb18030', encoding_source: 'detected', format: 'text', reference: 'gb18030', contains: phrase, invalid_sequences: 1,
});
write('gb18030-four-byte-declared.html', encode(page('<meta charset="gb18030">', title, [fourByte, ...paragraphs]), 'gb18030'), {
  made: 'gold 002 page with a sentence needing four-byte sequences, GB18030, <meta charset="gb18030">',
  encoding: 'gb18030', encoding_source: 'declared', format: 'html', reference: 'gb18030', contains: '𠮷野家的招牌与南汉皇帝刘䶮',
});
write('gb18030-four-byte-undeclared.txt', encode(`${fourByte}\n${paragraphs.join('\n')}\n`, 'gb18030'), {
  made: 'the same text as plain text, GB18030, no declaration',
  encoding: 'gb18030', encoding_source: 'detected', format: 'text', reference: 'gb18030', contains: '𠮷野家的招牌与南汉皇帝刘䶮',
});

// Big5.
write('big5-meta-charset.html', encode(traditionalPage('<meta charset="big5">'), 'big5'), {
  made: 'gold 002 page converted to traditional (opencc-js cn to tw), Big5, <meta charset="big5">',
  encoding: 'big5', encoding_source: 'declared', format: 'html', reference: 'big5hkscs', contains: traditionalPhrase,
});
write('big5-undeclared.html', encode(traditionalPage(''), 'big5'), {
  made: 'the traditional page, Big5, no declaration',
  encoding: 'big5', encoding_source: 'detected', format: 'html', reference: 'big5hkscs', contains: traditionalPhrase,
});
write('big5-title-only.html', encode(`<html><head><title>${traditionalTitle}</title></head><body></body></html>\n`, 'big5'), {
  made: 'the traditional title alone, Big5, no declaration',
  encoding: 'big5', encoding_source: 'detected', format: 'html', reference: 'big5hkscs', contains: toTraditional('北工大与朝阳区'),
});
write('big5-plain.txt', encode(`${traditionalTitle}\n${traditionalParagraphs.join('\n')}\n`, 'big5'), {
  made: 'the traditional title and paragraphs as plain text, Big5',
  encoding: 'big5', encoding_source: 'detected', format: 'text', reference: 'big5hkscs', contains: traditionalPhrase,
});

// Declarations that lie.
write('utf8-declares-gb2312.html', encode(simplifiedPage('<meta charset="gb2312">'), 'utf-8'), {
  made: 'gold 002 page, UTF-8, <meta charset="gb2312">',
  encoding: 'utf-8', encoding_source: 'detected', declared: 'gb2312', format: 'html', reference: 'utf-8', contains: phrase,
});
write('gbk-declares-utf8.html', encode(simplifiedPage('<meta charset="utf-8">'), 'gbk'), {
  made: 'gold 002 page, GBK, <meta charset="utf-8">',
  encoding: 'gb18030', encoding_source: 'detected', declared: 'utf-8', format: 'html', reference: 'gb18030', contains: phrase,
});
write('gbk-declares-big5.html', encode(simplifiedPage('<meta charset="big5">'), 'gbk'), {
  made: 'gold 002 page, GBK, <meta charset="big5">',
  encoding: 'gb18030', encoding_source: 'detected', declared: 'big5', format: 'html', reference: 'gb18030', contains: phrase,
});
write('big5-declares-gb2312.html', encode(traditionalPage('<meta charset="gb2312">'), 'big5'), {
  made: 'the traditional page, Big5, <meta charset="gb2312">',
  encoding: 'big5', encoding_source: 'detected', declared: 'gb2312', format: 'html', reference: 'big5hkscs', contains: traditionalPhrase,
});
write('gbk-declares-latin1.html', encode(simplifiedPage('<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">'), 'gbk'), {
  made: 'gold 002 page, GBK, http-equiv charset=iso-8859-1 (a server default)',
  encoding: 'gb18030', encoding_source: 'detected', declared: 'iso-8859-1', format: 'html', reference: 'gb18030', contains: phrase,
});

// Unicode.
const simplifiedText = `${title}\n\n${paragraphs.join('\n\n')}\n`;
write('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(simplifiedText, 'utf-8')]), {
  made: 'gold 002 text, UTF-8 with a byte order mark',
  encoding: 'utf-8', encoding_source: 'bom', format: 'text', contains: phrase,
});
write('utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), encode(simplifiedText, 'utf-16le')]), {
  made: 'gold 002 text, UTF-16LE with a byte order mark',
  encoding: 'utf-16le', encoding_source: 'bom', format: 'text', contains: phrase,
});
write('utf16be-bom.html', Buffer.concat([Buffer.from([0xfe, 0xff]), encode(simplifiedPage('<meta charset="utf-16">'), 'utf-16be')]), {
  made: 'gold 002 page, UTF-16BE with a byte order mark',
  encoding: 'utf-16be', encoding_source: 'bom', format: 'html', contains: phrase,
});
write('utf16le-no-bom.html', encode(simplifiedPage(''), 'utf-16le'), {
  made: 'gold 002 page, UTF-16LE without a byte order mark',
  encoding: 'utf-16le', encoding_source: 'detected', format: 'html', reference: 'utf-16le', contains: phrase,
});
write('utf8-cut-mid-character.txt', encode(simplifiedText.trimEnd(), 'utf-8').subarray(0, -1), {
  made: 'gold 002 text, UTF-8, last byte removed (its last character is cut)',
  encoding: 'utf-8', encoding_source: 'detected', format: 'text', reference: 'utf-8', contains: phrase, invalid_sequences: 1,
});
write('ascii-only.txt', encode('Plain ASCII text: no byte above 0x7F, so every ASCII-compatible encoding agrees.\n', 'utf-8'), {
  made: 'ASCII only',
  encoding: 'utf-8', encoding_source: 'detected', format: 'text', reference: 'utf-8', contains: 'Plain ASCII',
});

// Other scripts.
write('windows-1252.txt', encode('Le café de la Gare, à Zürich: crème brûlée, façade, naïve Müller.\n', 'windows-1252'), {
  made: 'a French and German sentence, windows-1252, no declaration',
  encoding: 'windows-1252', encoding_source: 'detected', format: 'text', reference: 'windows-1252', contains: 'crème brûlée',
});
write('shift_jis-declared.html', encode(page('<meta charset="Shift_JIS">', '日本語のページ', ['東京は今日も晴れています。']), 'shift_jis'), {
  made: 'a Japanese sentence, Shift_JIS, <meta charset="Shift_JIS">',
  encoding: 'shift_jis', encoding_source: 'declared', format: 'html', reference: 'shift_jis', contains: '東京は今日も晴れています',
});

// Formats.
write('html-saved-as.txt', encode(simplifiedPage('<meta charset="utf-8">'), 'utf-8'), {
  made: 'gold 002 page, UTF-8, saved with a .txt name',
  encoding: 'utf-8', encoding_source: 'declared', format: 'html', reference: 'utf-8', contains: phrase,
});
const markdown = [`# ${title}`, '', `![照片](https://news.bjut.edu.cn/images/1.jpg)`, '', paragraphs[0], '', `**来源：** [北京工业大学新闻网](https://news.bjut.edu.cn/)`, ''].join('\n');
write('markdown-saved-as.txt', encode(markdown, 'utf-8'), {
  made: 'gold 002 title and paragraph as Markdown (heading, image, bold, link), UTF-8, .txt name',
  encoding: 'utf-8', encoding_source: 'detected', format: 'markdown', reference: 'utf-8', contains: phrase,
});
write('front-matter.md', encode(`---\ntitle: ${title}\ndate: 2022-07-26\n---\n${paragraphs[0]}\n`, 'utf-8'), {
  made: 'gold 002 paragraph under YAML front matter, UTF-8',
  encoding: 'utf-8', encoding_source: 'detected', format: 'markdown', reference: 'utf-8', contains: phrase,
});

// Compressed and binary.
write('gbk-page.html.gz', gzipSync(encode(simplifiedPage('<meta charset="gb2312">'), 'gbk')), {
  made: 'gbk-meta-charset.html, gzipped',
  encoding: 'gbk', encoding_source: 'declared', format: 'html', contains: phrase,
});
write('truncated.html.gz', gzipSync(encode(simplifiedPage(''), 'utf-8')).subarray(0, 200), {
  made: 'a gzipped page cut after 200 bytes', reject: 'truncated-gzip',
});
write('not-gzip.html.gz', encode(simplifiedPage(''), 'utf-8'), {
  made: 'a plain page named .gz', reject: 'corrupt-gzip',
});
write('document.pdf', encode('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'utf-8'), {
  made: 'the smallest PDF skeleton', reject: 'binary-file',
});
write(
  'pixel.png',
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f30000000049454e44ae426082', 'hex'),
  { made: 'a 1x1 transparent PNG', reject: 'binary-file' },
);
write('page-named.html', zipOf('index.html', encode(simplifiedPage(''), 'utf-8')), {
  made: 'a ZIP archive holding a page, with an .html name', reject: 'binary-file',
});
write('random.bin', pseudoRandomBytes(4096), { made: '4096 pseudo-random bytes (no signature)', reject: 'binary-file' });

writeFileSync(`${OUT}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${Object.keys(manifest).length} fixtures written to ${OUT}`);

/** A one-entry ZIP archive, stored without compression. */
function zipOf(name: string, data: Uint8Array): Buffer {
  const nameBytes = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** Deterministic bytes (xorshift32), standing in for compressed or encrypted data. */
function pseudoRandomBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}
