/**
 * Evaluates encoding detection on real short Chinese strings that are not in
 * the fixtures: the translations in this machine's gettext catalogues
 * (/usr/share/locale/zh_CN and zh_TW, written by people for coreutils, apt,
 * glib, ...). Each translation is encoded in GBK (zh_CN) or Big5 (zh_TW)
 * without any declaration and decoded; the table gives the share detected
 * right by length. Not a test: the catalogues are not ours to ship and vary
 * by machine.
 *
 *   npx tsx test/decode/tools/eval-gettext.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../../src/stages/decode/index.js';

/** The translated strings of a GNU .mo file (plural forms split apart). */
function translations(file: string): string[] {
  const data = readFileSync(file);
  const little = data.readUInt32LE(0) === 0x950412de;
  const read = (offset: number) => (little ? data.readUInt32LE(offset) : data.readUInt32BE(offset));
  const count = read(8);
  const table = read(16);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = read(table + 8 * i);
    const offset = read(table + 8 * i + 4);
    out.push(...data.subarray(offset, offset + length).toString('utf8').split('\0'));
  }
  return out;
}

const BUCKETS = [
  [1, 2],
  [3, 4],
  [5, 8],
  [9, 16],
  [17, Infinity],
] as const;

for (const [language, codec, decoder, expected] of [
  ['zh_CN', 'gbk', 'gb18030', 'gb18030'],
  ['zh_TW', 'big5', 'big5hkscs', 'big5'],
] as const) {
  const dir = `/usr/share/locale/${language}/LC_MESSAGES/`;
  if (!existsSync(dir)) continue;
  const strings = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mo'))) {
    for (const s of translations(dir + file)) if (/\p{Script=Han}/u.test(s)) strings.add(s);
  }
  const right = BUCKETS.map(() => 0);
  const total = BUCKETS.map(() => 0);
  const wrong: string[] = [];
  for (const s of strings) {
    const bytes = iconv.encode(s, codec);
    if (iconv.decode(bytes, decoder) !== s || bytes.includes(0)) continue;
    const nonAscii = [...s].filter((c) => c.charCodeAt(0) >= 0x80).length;
    const bucket = BUCKETS.findIndex(([low, high]) => nonAscii >= low && nonAscii <= high);
    let encoding: string;
    try {
      encoding = decodeBytes(new Uint8Array(bytes)).encoding;
    } catch {
      encoding = 'rejected';
    }
    total[bucket]!++;
    if (encoding === expected) right[bucket]!++;
    else if (nonAscii >= 5) wrong.push(`${s.slice(0, 40)} -> ${encoding}`);
  }
  const cells = BUCKETS.map(([low, high], i) => {
    const name = high === Infinity ? `${low}+` : `${low}-${high}`;
    return `${name}: ${right[i]}/${total[i]} (${((right[i]! / Math.max(1, total[i]!)) * 100).toFixed(1)}%)`;
  });
  console.log(`${language} in ${codec}, by non-ASCII characters: ${cells.join('  ')}`);
  if (wrong.length) console.log(`  wrong with 5 or more: ${wrong.slice(0, 10).join(' | ')}`);
}
