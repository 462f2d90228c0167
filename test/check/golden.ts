/**
 * The golden check: what `qingxi check` says about a fixed set of real
 * inputs — every signal, every failed rule and every duplicate, in input
 * order as the CLI does it — recorded in golden/expected.jsonl.gz so that
 * work on speed can show it changed no verdict (golden.test.ts).
 *
 * Inputs, all rebuilt here from fixtures/ with no randomness beyond a fixed seed:
 * - the 74 gold bodies, and each one damaged as crawls damage text (wrong
 *   decodings, real footers, SEO spam and link farms appended, pasted twice,
 *   a few characters changed, traditional paragraphs, re-wrapped copies,
 *   garbage words, control characters, a stub);
 * - the 69 raw dev pages as HTML decoded both as UTF-8 and as GB18030
 *   (one of the two is mojibake), and as the text between their tags, with
 *   the page title as metadata: page furniture, URLs and lists as check sees
 *   them when a cleaner leaves them in;
 * - texts drawn with a fixed seed from pieces of real text and from the
 *   characters the scans treat specially (surrogates, U+FFFD, controls,
 *   Latin-1, windows-1252, full-width, kana, URLs, boilerplate phrases);
 * - short pathological runs (punctuation, digits, one character).
 *
 * After an intended change of behaviour, and only then, rewrite the file:
 *   npx tsx test/check/golden.ts --write
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import type { QRecord, Quality } from '../../src/core/record.js';
import { applyDuplicate, checkStage, defaultRules, duplicateIndexFor } from '../../src/stages/check/index.js';
import { changeCharacters, furniture, goldBodies, readAsGbk, readAsLatin1, readAsWindows1252 } from './corpus.js';

const PAGES = fileURLToPath(new URL('../../fixtures/web-extraction/original/', import.meta.url));
export const EXPECTED_FILE = fileURLToPath(new URL('./golden/expected.jsonl.gz', import.meta.url));

export interface GoldenInput {
  name: string;
  record: QRecord;
}

export interface GoldenOutput {
  name: string;
  quality: Quality;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The ways a body gets damaged, each a real failure of crawling or cleaning. */
const DAMAGES: Record<string, (text: string) => string> = {
  'read as GBK': readAsGbk,
  'read as Latin-1': readAsLatin1,
  'read as windows-1252': readAsWindows1252,
  'Nankai footer': (text) => `${text}\n${furniture.nankaiFooter}`,
  'WeChat footer': (text) => `${text}\n${furniture.wechatFooter}`,
  'CMS footer': (text) => `${text}\n${furniture.cmsFooter}`,
  'SEO block': (text) => `${text}\n${furniture.seoBlock}`,
  'link farm': (text) => `${text}\n${furniture.linkFarm}`,
  'pasted twice': (text) => `${text}\n${text}`,
  'paragraphs twice': (text) => `${text.replace(/\n/g, '\n\n')}\n\n${text.replace(/\n/g, '\n\n')}`,
  '4 characters changed': (text) => changeCharacters(text, 4),
  '40 characters changed': (text) => changeCharacters(text, 40),
  'every other paragraph traditional': (text) => text.split('\n').map((p, i) => (i % 2 === 0 ? toTraditional(p) : p)).join('\n'),
  're-wrapped, NFKD, CRLF': (text) => `  ${text.replace(/\n/g, '\r\n\r\n').normalize('NFKD')} `,
  '锟斤拷 inside': (text) =>
    iconv.decode(Buffer.concat([iconv.encode(text.slice(0, 50), 'gbk'), Buffer.from('\ufffd\ufffd'), iconv.encode(text.slice(50), 'gbk')]), 'gbk'),
  'control characters': (text) => `${text.slice(0, 30)}\u0000\u0008${text.slice(30, 60)}\u0085${text.slice(60)}`,
  stub: (text) => Array.from(text.trim()).slice(0, 4).join(''),
};

/** The text between the tags of an HTML page (scripts and styles too: cleaners leave them in). */
function textBetweenTags(html: string): string {
  return html.replace(/<[^>]*>/g, '\n').replace(/&nbsp;/g, ' ');
}

function pageInputs(): GoldenInput[] {
  const inputs: GoldenInput[] = [];
  for (const file of readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort()) {
    const bytes = readFileSync(path.join(PAGES, file));
    const asUtf8 = new TextDecoder('utf-8').decode(bytes);
    const asGb18030 = iconv.decode(bytes, 'gb18030');
    inputs.push({ name: `page ${file} as UTF-8`, record: { id: file, text: asUtf8 } });
    inputs.push({ name: `page ${file} as GB18030`, record: { id: file, text: asGb18030 } });
    const html = asUtf8.includes('\ufffd') ? asGb18030 : asUtf8;
    const title = /<title[^>]*>([^<]*)</i.exec(html)?.[1]?.trim();
    inputs.push({ name: `page ${file} text`, record: { id: file, text: textBetweenTags(html), metadata: title ? { title } : {} } });
  }
  return inputs;
}

/** Pieces the drawn texts are made of, besides slices of real text. */
const SPECIAL_PIECES = [
  '\n', '\n', '\n\n', '\r\n', ' ', '\t', '\u3000', '\u200b', '\u00a0', '\ufeff',
  '，', '。', '、', '：', '“', '”', '！', '？', '（', '）', '…', '—', '.', ',', '!', '?', ':', ';', '(', ')', '[', ']', '"', '-', '/',
  '\ufffd', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f',
  'Â', 'Ã', 'å¤§', 'å­¦', 'ä¸­', 'Â©', '€', '‘', '’', 'é', 'ñ', 'ô', '\u00c2\u00a0', 'Ð', '×', '÷',
  '鍗楀紑', '鏂伴椈', '锟斤拷', '烫烫烫', '屯屯屯',
  '𠀀', '𪚥', '😀', '\ud800', '\udc00', '\udbff\udfff',
  'ＡＢＣ', '１２３', 'ｈｔｔｐ', 'カタカナ', 'ひらがな', '한국어', 'Ελλάδα', 'Россия',
  'http://', 'https://www.example.com/a/b?c=1', 'www.', 'HTTP://X.CN', '![图](http://x/y.png)',
  'ICP备', 'Copyright', 'ALL RIGHTS RESERVED', '版权所有', '当前位置', '联系我们', '返回顶部', '上一篇', '分享',
  '國', '國家', '們', '為', '说', '說', '发', '發', '后', '後', '干', '乾',
  '2023', '1', '0', 'abc', 'Word', 'x',
];

/** Texts drawn with a fixed seed; repeated pieces make repeated n-grams, lines and paragraphs. */
function drawnInputs(count: number): GoldenInput[] {
  const real = goldBodies().map((g) => g.text);
  let state = 20240601;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const inputs: GoldenInput[] = [];
  for (let n = 0; n < count; n++) {
    const pieces: string[] = [];
    const length = Math.floor(random() ** 2 * 400);
    const reuse: string[] = [];
    for (let k = 0; k < length; k++) {
      const r = random();
      let piece: string;
      if (r < 0.35) piece = pick(SPECIAL_PIECES);
      else if (r < 0.6 && reuse.length > 0) piece = pick(reuse);
      else {
        const source = pick(real);
        const at = Math.floor(random() * source.length);
        piece = source.slice(at, at + 1 + Math.floor(random() * 40));
      }
      reuse.push(piece);
      pieces.push(piece);
    }
    const text = pieces.join('');
    const metadata = n % 3 === 0 ? undefined : n % 3 === 1 ? {} : { title: pick(reuse.concat([''])), published: n % 2 ? '2023-01-28' : ' ' };
    inputs.push({ name: `drawn ${n}`, record: metadata ? { id: `drawn ${n}`, text, metadata } : { id: `drawn ${n}`, text } });
  }
  return inputs;
}

const RUNS: Record<string, string> = {
  empty: '',
  blank: ' \n \u3000\n\t',
  'one character': '中',
  'full stops': '。'.repeat(20_000),
  'ASCII punctuation': '.-_/|>:*#!['.repeat(2_000),
  digits: '1234567890'.repeat(2_000),
  'one Han character': '啊'.repeat(20_000),
  'one astral character': '𠀀'.repeat(10_000),
  'one letter': 'a'.repeat(20_000),
  'breadcrumb furniture': '当前位置：'.repeat(4_000),
  'URL prefixes': 'http://'.repeat(3_000),
  'markdown images': '![图](http://x/)'.repeat(1_500),
  'blank lines': '\n'.repeat(5_000),
  'a line repeated': '南开大学与武清区签署框架合作协议\n'.repeat(1_000),
};

/** Every golden input, in the order the golden run feeds them to one check. */
export function goldenInputs(): GoldenInput[] {
  const inputs: GoldenInput[] = [];
  const golds = goldBodies();
  for (const { name, text } of golds) inputs.push({ name, record: { id: name, text } });
  for (const [damage, apply] of Object.entries(DAMAGES)) {
    for (const { name, text } of golds) inputs.push({ name: `${name}, ${damage}`, record: { id: `${name}, ${damage}`, text: apply(text) } });
  }
  inputs.push(...pageInputs());
  inputs.push(...drawnInputs(400));
  for (const [name, text] of Object.entries(RUNS)) inputs.push({ name: `run: ${name}`, record: { id: `run: ${name}`, text } });
  return inputs;
}

/** What check says about each input: checkStage in order, then the duplicate index in input order, as the CLI does. */
export function goldenOutputs(inputs: readonly GoldenInput[]): GoldenOutput[] {
  const rules = defaultRules();
  const duplicates = duplicateIndexFor(rules);
  return inputs.map(({ name, record }) => {
    const checked = checkStage.process(structuredClone(record), { rules }, { source: 'golden', line: 0 }) as QRecord;
    applyDuplicate(checked, duplicates.insert(record.id as string, record.text as string), rules);
    return { name, quality: checked.quality as Quality };
  });
}

export function readExpected(): GoldenOutput[] {
  return gunzipSync(readFileSync(EXPECTED_FILE)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as GoldenOutput);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--write')) {
    console.error('usage: npx tsx test/check/golden.ts --write   (rewrites the golden outputs: only after an intended change of behaviour)');
    process.exit(2);
  }
  const outputs = goldenOutputs(goldenInputs());
  writeFileSync(EXPECTED_FILE, gzipSync(outputs.map((o) => JSON.stringify(o)).join('\n') + '\n', { level: 9 }));
  console.log(`${outputs.length} golden outputs written to ${EXPECTED_FILE}`);
}
