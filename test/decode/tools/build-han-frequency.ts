/**
 * Builds src/stages/decode/data/han-frequency.txt, the character model the
 * encoding detector scores candidate decodings with. Run once by hand:
 *
 *   apt-get install unicode-data python3-jieba   # Unihan 15.0, jieba's dict.txt
 *   npx tsx test/decode/tools/build-han-frequency.ts
 *
 * Two corpora, averaged (a mixture model), because each alone misses much:
 * - jieba's dictionary (dict.txt of jieba 0.42.1, MIT licence): 349,046 words
 *   with their counts in a large modern corpus; a character's count is the sum
 *   over the words it occurs in. Modern vocabulary: transliterations (尔, 德,
 *   莱), place and company names.
 * - 《现代汉语频率词典》 (1986) through Unihan, which counts running text, so
 *   function characters (的, 了) have their true weight, which dictionary
 *   counts understate.
 * The rest, from the Unicode Han Database (Unihan, Unicode 15.0, Unicode
 * licence):
 * - kHanyuPinlu: occurrence counts from 《现代汉语频率词典》 (Xiandai Hanyu
 *   Pinlu Cidian, 1986), a corpus of about 2.2 million characters of modern
 *   simplified Chinese; 3,799 entries, which Unihan repeats under traditional
 *   forms (这 and 這 both 7626), so only the simplified ones are kept.
 * - kFrequency: frequency classes 1 (most common) to 5 from traditional
 *   Chinese Usenet postings; 5,089 characters.
 * - kTGH: 《通用规范汉字表》 (2013) serial numbers: 1–3500 level 1 (常用字),
 *   3501–6500 level 2, 6501–8105 level 3.
 * - kBigFive: the characters of Big5.
 * Traditional text is modelled by converting the simplified counts (opencc-js),
 * because 於/們/後 are as common in traditional text as 于/们/后 are in
 * simplified text, and 于/们 are rare there. The detector scores a GB decoding
 * with the simplified column and a Big5 decoding with the traditional one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const UNIHAN = '/usr/share/unicode';
const JIEBA_DICT = '/usr/lib/python3/dist-packages/jieba/dict.txt';
const OUTPUT = fileURLToPath(new URL('../../../src/stages/decode/data/han-frequency.txt', import.meta.url));

function unihanField(file: string, field: string): Map<string, string> {
  const text = execFileSync('bzcat', [`${UNIHAN}/${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [codePoint, name, value] = line.split('\t');
    if (name !== field || !codePoint || value === undefined) continue;
    values.set(String.fromCodePoint(parseInt(codePoint.slice(2), 16)), value);
  }
  return values;
}

const pinluRaw = unihanField('Unihan_Readings.txt.bz2', 'kHanyuPinlu');
const frequencyClass = unihanField('Unihan_DictionaryLikeData.txt.bz2', 'kFrequency');
const tgh = unihanField('Unihan_OtherMappings.txt.bz2', 'kTGH');
const big5Chars = unihanField('Unihan_OtherMappings.txt.bz2', 'kBigFive');

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// kHanyuPinlu lists each reading with its count: `de(75596) dí(157)`. Unihan repeats
// each count under the traditional form too (这 and 這 both 7626); the corpus is
// simplified, so only the characters that are already simplified count.
const pinlu = new Map<string, number>();
let corpusSize = 0;
for (const [char, value] of pinluRaw) {
  if (toSimplified(char) !== char) continue;
  let count = 0;
  for (const m of value.matchAll(/\((\d+)\)/g)) count += Number(m[1]);
  pinlu.set(char, count);
  corpusSize += count;
}
const perMillion = (count: number) => (count / corpusSize) * 1e6;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });

// jieba's dictionary: `word count tag` per line; characters counted through their words.
// Some entries are traditional words; as with Pinlu, only simplified characters count.
const jieba = new Map<string, number>();
let jiebaSize = 0;
for (const line of readFileSync(JIEBA_DICT, 'utf8').split('\n')) {
  const [word, count] = line.split(' ');
  if (!word || !count) continue;
  for (const char of word) {
    if (!/\p{Script=Han}/u.test(char) || toSimplified(char) !== char) continue;
    jieba.set(char, (jieba.get(char) ?? 0) + Number(count));
    jiebaSize += Number(count);
  }
}

// Simplified text: the mean of the two corpora's per-million frequencies, plus
// 2013-standard characters neither counted.
const simplified = new Map<string, number>();
for (const char of new Set([...pinlu.keys(), ...jieba.keys()])) {
  const fromPinlu = perMillion(pinlu.get(char) ?? 0);
  const fromJieba = ((jieba.get(char) ?? 0) / jiebaSize) * 1e6;
  simplified.set(char, (fromPinlu + fromJieba) / 2);
}

// Traditional text: the same frequencies with every character converted (于 counts for 於, 发 for 發).
const traditional = new Map<string, number>();
for (const [char, frequency] of simplified) {
  const converted = toTraditional(char);
  const target = [...converted].length === 1 ? converted : char;
  traditional.set(target, (traditional.get(target) ?? 0) + frequency);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// Calibrate each kFrequency class by the median converted frequency of its members,
// and let the class lift Big5 characters the conversion undercounts (髮 gets nothing from 发).
const classEstimate = new Map<string, number>();
for (const cls of ['1', '2', '3', '4', '5']) {
  const values: number[] = [];
  for (const [char, c] of frequencyClass) {
    const measured = c === cls ? traditional.get(char) : undefined;
    if (measured !== undefined) values.push(measured);
  }
  classEstimate.set(cls, median(values));
}
for (const [char, cls] of frequencyClass) {
  if (!big5Chars.has(char)) continue;
  const estimate = classEstimate.get(cls) ?? 0;
  if (estimate > (traditional.get(char) ?? 0)) traditional.set(char, estimate);
}

// Characters neither corpus counted get the 5th percentile of the counted
// characters of their kind: 2013-standard characters of the same level, or,
// for traditional text, Big5 characters.
function percentile5(values: number[]): number {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.05)] ?? 0;
}
const levelOf = (value: string) => {
  const serial = Number(value.match(/^\d{4}:(\d+)/)?.[1]);
  return serial <= 3500 ? 1 : serial <= 6500 ? 2 : 3;
};
for (const level of [1, 2, 3]) {
  const members = [...tgh].filter(([, value]) => levelOf(value) === level).map(([char]) => char);
  const estimate = percentile5(members.map((char) => simplified.get(char) ?? 0));
  for (const char of members) if (!simplified.has(char)) simplified.set(char, estimate);
  console.log(`level ${level}: ${members.length} characters, uncounted ones at ${estimate}`);
}
const big5Estimate = percentile5([...big5Chars.keys()].map((char) => traditional.get(char) ?? 0));
for (const char of big5Chars.keys()) if (!traditional.has(char)) traditional.set(char, big5Estimate);

const chars = new Set([...simplified.keys(), ...traditional.keys()]);
const rows: [string, number, number][] = [...chars].map((c) => [c, simplified.get(c) ?? 0, traditional.get(c) ?? 0]);
rows.sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]) || a[0].localeCompare(b[0]));

const header = [
  '# Han character frequencies in simplified and in traditional Chinese text, occurrences per',
  '# million characters. Generated by test/decode/tools/build-han-frequency.ts. Simplified: the',
  '# mean of two corpora: jieba 0.42.1 dict.txt word counts (MIT licence) summed per character',
  `# (${jiebaSize} characters), and kHanyuPinlu counts of the Unicode Han Database (Unihan 15.0,`,
  `# Unicode licence) from 《现代汉语频率词典》 (1986, ${corpusSize} characters); plus`,
  '# 《通用规范汉字表》 (kTGH) characters neither counted, at the 5th percentile of their level.',
  '# Traditional: the same with each',
  '# character converted by opencc-js (cn to t), raised to the kFrequency class (traditional',
  '# Chinese Usenet) where that is higher, each class calibrated to the median converted',
  '# frequency of its members; other Big5 characters (kBigFive) at the 5th percentile of the',
  '# counted ones. 0: not used in that script.',
  `# kFrequency class estimates: ${[...classEstimate].map(([c, v]) => `${c}=${v.toFixed(1)}`).join(' ')}`,
  '# character<TAB>simplified per million<TAB>traditional per million',
];
const format = (f: number) => (f === 0 ? '0' : f >= 10 ? f.toFixed(0) : f.toPrecision(3));
const body = rows.map(([char, simp, trad]) => `${char}\t${format(simp)}\t${format(trad)}`);
writeFileSync(OUTPUT, `${header.join('\n')}\n${body.join('\n')}\n`);
console.log(`${rows.length} characters written to ${OUTPUT}`);
