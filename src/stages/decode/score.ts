/**
 * How plausible a decoded string is as web text: its log-likelihood under a
 * unigram model of characters (data/han-frequency.txt, data/punctuation.txt,
 * character classes in data/detection.txt). Bytes decoded with the right
 * encoding give common characters; with the wrong one they give rare Han
 * characters, kana, bopomofo, private-use characters, runs of accented Latin
 * letters, and U+FFFD for sequences that are invalid.
 *
 * ASCII characters score 0: every candidate encoding decodes them alike.
 */
import { readTable } from '../../core/wordlist.js';
import { param } from './params.js';

export interface Score {
  /** Sum of ln(probability) over the non-ASCII characters. */
  logLikelihood: number;
  /** Non-ASCII characters, U+FFFD included. */
  characters: number;
  /** U+FFFD characters: byte sequences the encoding could not decode. */
  invalid: number;
}

const logOf = (perMillion: number) => Math.log(perMillion / 1e6);

const INVALID = 0xfffd;

/** Characters a single-byte Western decoding produces; a run of them is what misread CJK bytes look like. */
function isWestern(cp: number): boolean {
  return (cp >= 0x80 && cp <= 0x24f) || (cp >= 0x2000 && cp <= 0x206f) || cp === 0x20ac || cp === 0x2122 || cp === 0x2c6 || cp === 0x2dc;
}

function isLatinLetter(cp: number): boolean {
  return cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7;
}

function isHan(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function isPrivateUse(cp: number): boolean {
  return (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

function isFullwidthAlnum(cp: number): boolean {
  return (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a);
}

/**
 * Which Han frequencies apply: a GB decoding should read as simplified text,
 * a Big5 decoding as traditional text (Big5 cannot even encode most
 * simplified forms), UTF-8 and others as either.
 */
export type Script = 'simplified' | 'traditional' | 'any';

interface Model {
  /** Log score of every BMP code point outside the Western context rule. */
  bmp: Float64Array;
  /** Listed characters above the BMP (CJK Extension B and later). */
  astral: Map<number, number>;
  /** Code points whose score is fixed by a list (Han, punctuation): exempt from the Western run rule. */
  listed: Uint8Array;
  latinLetter: number;
  latinSymbol: number;
  latinRun: number;
  astralDefault: (cp: number) => number;
}

const models = new Map<Script, Model>();

/** Per-million frequency of a Han character in `script`, from its simplified and traditional columns. */
function hanFrequency(script: Script, simplified: number, traditional: number, crossScript: number): number {
  if (script === 'simplified') return simplified > 0 ? simplified : traditional * crossScript;
  if (script === 'traditional') return traditional > 0 ? traditional : simplified * crossScript;
  return Math.max(simplified, traditional);
}

function buildModel(script: Script): Model {
  const hanUnlisted = logOf(param('han-unlisted'));
  const other = logOf(param('other'));
  const privateUse = logOf(param('private-use'));
  const control = logOf(param('control'));
  const fullwidthAlnum = logOf(param('fullwidth-alnum'));
  const cjkSymbol = logOf(param('cjk-symbol'));
  const generalPunctuation = logOf(param('general-punctuation'));

  const bmp = new Float64Array(0x10000);
  const listed = new Uint8Array(0x10000);
  for (let cp = 0x80; cp < 0x10000; cp++) {
    let value = other;
    if (cp <= 0x9f) value = control;
    else if (isHan(cp)) value = hanUnlisted;
    else if (isPrivateUse(cp)) value = privateUse;
    else if (isFullwidthAlnum(cp)) value = fullwidthAlnum;
    else if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef)) value = cjkSymbol;
    else if (cp >= 0x2000 && cp <= 0x206f) value = generalPunctuation;
    bmp[cp] = value;
  }
  const astral = new Map<number, number>();
  const set = (char: string, perMillion: number) => {
    const cp = char.codePointAt(0)!;
    const value = perMillion > 0 ? logOf(perMillion) : hanUnlisted;
    if (cp < 0x10000) {
      bmp[cp] = value;
      listed[cp] = 1;
    } else astral.set(cp, value);
  };
  const crossScript = param('cross-script');
  for (const [char, simplified, traditional] of readTable('stages/decode/data/han-frequency.txt')) {
    set(char!, hanFrequency(script, Number(simplified), Number(traditional), crossScript));
  }
  for (const [char, perMillion] of readTable('stages/decode/data/punctuation.txt')) set(char!, Number(perMillion));
  bmp[INVALID] = logOf(param('invalid'));
  return {
    bmp,
    astral,
    listed,
    latinLetter: logOf(param('latin-letter')),
    latinSymbol: logOf(param('latin-symbol')),
    latinRun: logOf(param('latin-run')),
    astralDefault: (cp) => (isHan(cp) ? hanUnlisted : isPrivateUse(cp) ? privateUse : other),
  };
}

export function scoreText(text: string, script: Script): Score {
  let m = models.get(script);
  if (!m) {
    m = buildModel(script);
    models.set(script, m);
  }
  let logLikelihood = 0;
  let characters = 0;
  let invalid = 0;
  let previousWestern = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      previousWestern = false;
      continue;
    }
    characters++;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp === INVALID) invalid++;
    if (cp >= 0x10000) {
      logLikelihood += m.astral.get(cp) ?? m.astralDefault(cp);
      previousWestern = false;
      continue;
    }
    if (m.listed[cp] === 0 && isWestern(cp)) {
      if (previousWestern) logLikelihood += m.latinRun;
      else if (isLatinLetter(cp)) logLikelihood += m.latinLetter;
      else if (cp <= 0xbf || cp === 0xd7 || cp === 0xf7) logLikelihood += cp <= 0x9f ? m.bmp[cp]! : m.latinSymbol;
      else logLikelihood += m.bmp[cp]!;
      previousWestern = true;
      continue;
    }
    logLikelihood += m.bmp[cp]!;
    previousWestern = false;
  }
  return { logLikelihood, characters, invalid };
}
