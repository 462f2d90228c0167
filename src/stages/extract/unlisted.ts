/**
 * Foreign names that no recognizer found because nothing around them says
 * "person" (卡林顿 in a list of guests, a name after a comma): words of 2–4
 * characters that jieba's HMM finds in a run of characters its dictionary
 * leaves single (卡林顿, 贝利: not in its dictionary at all), when every
 * character is a common transliteration character (in at least MIN_NAMES
 * transliterated names of jieba's dictionary, data/translit-chars.txt), and
 * only where no other entity or blocked span lies. That leaves out Chinese
 * words of ordinary characters (因城, 三大). A word next to a name joiner
 * (·, —) is a part of a longer name the recognizers did not take whole, so it
 * is left alone too.
 *
 * Measured on People's Daily sentences and left out:
 * - jieba's ns and nt words taken the same way (两国, 外国, 重大意义; 经济合作组织);
 * - its nr words of two characters or starting with a surname (祝贺, 和睦, 光辉);
 * - its nr/nrt dictionary words of 3–4 transliteration characters (希拉克): one
 *   more right name in 63 on held-out news (person F1 0.696 → 0.707), but on
 *   the web pages of the golden corpus 59 of its 77 finds were brands, sites
 *   and prizes (诺贝尔 in 诺贝尔贡献奖, 杰里科, 沃尔沃, 迪斯尼).
 */
import { cut } from 'jieba-wasm';
import { isHan, NUMERALS, type Doc, type Span } from './doc.js';
import { kindMask } from './lexicon.js';

/** Fewest transliterated names a character must appear in (15–30 give the same results on the dev set). */
const MIN_NAMES = 20;
/** Frequency as a one-character word (data/given-chars.txt, from jieba's dictionary) from which a character is mostly a word of its own. */
const MAX_SOLO = 20_000;
const PLACE = kindMask('place');
const PLACE_SUFFIX = kindMask('place-suffix');
const SPACE = /\s/;
/** Joiners between the parts of a transliterated name (班汉·西巴阿差, 海尔—波普). */
const JOINERS = new Set(['·', '•', '・', '—', '－', '-']);

export function findUnlistedNames(doc: Doc, taken: Uint8Array): Span[] {
  const text = doc.text;
  const n = text.length;
  const names = doc.lex.translitNames;
  const common = (k: number): boolean => names[text.charCodeAt(k)]! >= MIN_NAMES;
  const lex = doc.lex;
  /** Common transliteration characters, none taken. */
  const shape = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (taken[k] || !common(k)) return false;
    return true;
  };
  /** A whole word: no joiner or transliteration character next to it. */
  const whole = (start: number, end: number): boolean => {
    // A part of a longer name (班汉·西巴阿差, 托|克维尔, 温|斯罗普, 赫鲁 晓夫), also across one space.
    if (JOINERS.has(text[start - 1] ?? '') || JOINERS.has(text[end] ?? '')) return false;
    const before = SPACE.test(text[start - 1] ?? '') ? start - 2 : start - 1;
    const after = SPACE.test(text[end] ?? '') ? end + 1 : end;
    return !(before >= 0 && lex.translit[text.charCodeAt(before)]) && !(after < n && lex.translit[text.charCodeAt(after)]);
  };
  /** 法国|多尔多涅, 亚利桑那州的纳瓦霍|人, 拉斯科|窟, 伊费|地区: a place or a thing. */
  const thing = (start: number, end: number): boolean =>
    doc.endsAny(start, PLACE) ||
    doc.startsAny(end, PLACE_SUFFIX) ||
    (end < n && (lex.landmarkEndings[text.charCodeAt(end)] === 1 || lex.foreignUnlikelyNext[text.charCodeAt(end)] === 1));
  /** A character that is mostly a word of its own (多, 人, 得, 里): no part of an unknown name. */
  const isWordChar = (k: number): boolean => (lex.given.get(text[k]!)?.solo ?? 0) >= MAX_SOLO;
  const out: Span[] = [];
  // One sense per page: a word that is a place or a thing somewhere on the page (伊费地区) is no person elsewhere.
  const things = new Set<string>();
  const take = (start: number, end: number): void => {
    if (thing(start, end)) things.add(text.slice(start, end));
    else if (whole(start, end)) out.push({ start, end });
  };
  for (let i = 0; i < n; ) {
    const end = doc.tokenEndAt(i);
    const len = end - i;
    if (len === 1 && isHan(text[i]) && !NUMERALS.has(text[i]!)) {
      // A run of single-character tokens: let the HMM group it, if two common transliteration
      // characters stand together in it (otherwise no word it finds could qualify).
      let j = i;
      let pair = false;
      while (j < n && doc.tokenEndAt(j) === j + 1 && isHan(text[j])) {
        if (j > i && common(j) && common(j - 1)) pair = true;
        j++;
      }
      if (pair) {
        let pos = i;
        for (const word of cut(text.slice(i, j), true)) {
          const start = pos;
          pos += word.length;
          if (word.length < 2 || word.length > 4 || NUMERALS.has(word[0]!) || !shape(start, pos)) continue;
          let solo = false;
          for (let k = start; k < pos; k++) if (isWordChar(k)) solo = true;
          if (solo) continue;
          // A dictionary word the DAG did not choose here is not an unknown name.
          const pos0 = doc.posOf(word);
          if (pos0 === '' || pos0 === 'x') take(start, pos);
        }
      }
      i = Math.max(j, i + 1);
      continue;
    }
    i = end > i ? end : i + 1;
  }
  return things.size ? out.filter((s) => !things.has(text.slice(s.start, s.end))) : out;
}
