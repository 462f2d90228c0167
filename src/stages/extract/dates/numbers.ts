/**
 * Numbers as written in Chinese dates: Arabic digits (ASCII or full-width)
 * and Chinese numerals, both as quantities (二十三, 两千零四, 廿一) and read
 * digit by digit (二〇二三, 九零).
 */

const CHINESE_DIGITS = new Map<string, number>([
  ['〇', 0], ['零', 0], ['○', 0], ['Ｏ', 0],
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
  ['两', 2], ['兩', 2], ['俩', 2], ['倆', 2],
]);

/** Multipliers inside a section (below 万). */
const SMALL_UNITS = new Map<string, number>([['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000]]);

/** Tens written as one character: 廿 = 20, 卅 = 30, 卌 = 40. */
const TENS = new Map<string, number>([['廿', 20], ['卅', 30], ['卌', 40]]);

const MYRIAD = new Set(['万', '萬']);

/** The UTF-16 units that make up a Chinese numeral (all of them one unit long), 1 in a table by unit. */
const NUMERAL_UNITS = new Uint8Array(0x10000);
for (const ch of [...CHINESE_DIGITS.keys(), ...SMALL_UNITS.keys(), ...TENS.keys(), ...MYRIAD]) NUMERAL_UNITS[ch.charCodeAt(0)] = 1;

/** Whether the UTF-16 unit `c` is a character of a Chinese numeral. */
export function isChineseNumeralUnit(c: number): boolean {
  return NUMERAL_UNITS[c] === 1;
}

/** Colloquial twos (两, 俩) count things; they never name a month, a day or an hour by number. */
export function isCountingTwo(text: string): boolean {
  return text === '两' || text === '兩' || text === '俩' || text === '倆';
}

/** ASCII form of a run of ASCII or full-width digits. */
export function asciiDigits(text: string): string {
  let out = '';
  for (const ch of text) out += ch >= '０' && ch <= '９' ? String.fromCharCode(ch.charCodeAt(0) - 0xfee0) : ch;
  return out;
}

/**
 * The digits of a numeral written digit by digit (二〇二三 -> "2023",
 * 零七 -> "07"), or null when it uses 十/百/千 or a counting two.
 */
export function chineseDigitString(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const d = CHINESE_DIGITS.get(ch);
    if (d === undefined || ch === '两' || ch === '兩' || ch === '俩' || ch === '倆') return null;
    out += String(d);
  }
  return out;
}

/**
 * The quantity a Chinese numeral denotes (二十三 -> 23, 两千零四 -> 2004,
 * 廿一 -> 21, 十 -> 10), or null when it is not a well-formed numeral. A run
 * of plain digits (二〇二三) is read digit by digit.
 */
export function chineseNumberValue(text: string): number | null {
  const digits = chineseDigitString(text);
  if (digits !== null) return digits.length <= 15 ? Number(digits) : null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    const d = CHINESE_DIGITS.get(ch);
    if (d !== undefined) {
      // Two digits in a row are only allowed across 零 (两千零四).
      if (digit !== null && digit !== 0) return null;
      digit = d;
      continue;
    }
    const tens = TENS.get(ch);
    if (tens !== undefined) {
      if (digit !== null || lastUnit <= 10) return null;
      section += tens;
      lastUnit = 10;
      continue;
    }
    const unit = SMALL_UNITS.get(ch);
    if (unit !== undefined) {
      if (unit >= lastUnit) return null;
      section += (digit ?? (unit === 10 ? 1 : NaN)) * unit;
      if (Number.isNaN(section)) return null;
      digit = null;
      lastUnit = unit;
      continue;
    }
    if (MYRIAD.has(ch)) {
      total = (total + section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
      lastUnit = Infinity;
      continue;
    }
    return null;
  }
  return total + section + (digit ?? 0);
}
