/**
 * Builds src/stages/decode/data/han-frequency.txt, the character model the
 * encoding detector scores candidate decodings with. Run once by hand:
 *
 *   apt-get install unicode-data        # Unihan 15.0 in /usr/share/unicode
 *   npx tsx test/decode/tools/build-han-frequency.ts
 *
 * Sources, all from the Unicode Han Database (Unihan, Unicode 15.0, Unicode
 * licence), so the table is free to ship:
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
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const UNIHAN = '/usr/share/unicode';
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

// Simplified text: the corpus counts as they are, plus 2013-standard characters it never counted.
const simplified = new Map<string, number>();
for (const [char, count] of pinlu) simplified.set(char, perMillion(count));

// Traditional text: the same corpus with every character converted (于 counts for 於, 发 for 發).
const traditional = new Map<string, number>();
for (const [char, count] of pinlu) {
  const converted = toTraditional(char);
  const target = [...converted].length === 1 ? converted : char;
  traditional.set(target, (traditional.get(target) ?? 0) + perMillion(count));
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

// Characters of the 2013 standard that the 1986 corpus never counted are at
// most as common as its rarest counted characters; lower levels are rarer.
const rarestMeasured = perMillion(Math.min(...pinlu.values()));
for (const [char, value] of tgh) {
  const serial = Number(value.match(/^\d{4}:(\d+)/)?.[1]);
  const estimate = serial <= 3500 ? rarestMeasured : serial <= 6500 ? rarestMeasured / 4 : rarestMeasured / 16;
  if (!simplified.has(char)) simplified.set(char, estimate);
}
// Big5 characters nothing else counted are rarer still in traditional text.
for (const char of big5Chars.keys()) if (!traditional.has(char)) traditional.set(char, rarestMeasured / 16);

const chars = new Set([...simplified.keys(), ...traditional.keys()]);
const rows: [string, number, number][] = [...chars].map((c) => [c, simplified.get(c) ?? 0, traditional.get(c) ?? 0]);
rows.sort((a, b) => Math.max(b[1], b[2]) - Math.max(a[1], a[2]) || a[0].localeCompare(b[0]));

const header = [
  '# Han character frequencies in simplified and in traditional Chinese text, occurrences per',
  '# million characters. Generated by test/decode/tools/build-han-frequency.ts from the Unicode',
  '# Han Database (Unihan 15.0, Unicode licence). Simplified: kHanyuPinlu counts from',
  `# 《现代汉语频率词典》 (1986, ${corpusSize} characters counted), plus 《通用规范汉字表》 (kTGH)`,
  '# levels for characters the corpus never counted. Traditional: the same counts with each',
  '# character converted by opencc-js (cn to t), raised to the kFrequency class (traditional',
  '# Chinese Usenet) where that is higher, each class calibrated to the median converted',
  '# frequency of its members; other Big5 characters (kBigFive) as rare. 0: not used in that script.',
  `# kFrequency class estimates: ${[...classEstimate].map(([c, v]) => `${c}=${v.toFixed(1)}`).join(' ')}`,
  '# character<TAB>simplified per million<TAB>traditional per million',
];
const format = (f: number) => (f === 0 ? '0' : f >= 10 ? f.toFixed(0) : f.toFixed(2));
const body = rows.map(([char, simp, trad]) => `${char}\t${format(simp)}\t${format(trad)}`);
writeFileSync(OUTPUT, `${header.join('\n')}\n${body.join('\n')}\n`);
console.log(`${rows.length} characters written to ${OUTPUT}`);
