/**
 * The quality signals: every number `qingxi check` measures on a record, each
 * with its one-line definition (the README lists them from here). Shares are
 * between 0 and 1. Share signals are left out for an empty text, where they
 * mean nothing; `missing_*` signals exist only for records that carry a
 * `metadata` object (records that went through strip).
 */
import type { QRecord } from '../../core/record.js';
import { readList } from '../../core/wordlist.js';
import { garbageWordCount, gbkMojibakeShare, latin1MojibakeShare } from './mojibake.js';
import { scanLines, type Lines } from './lines.js';
import { duplicateLineShares, duplicateParagraphShares, ngramShares } from './repetition.js';
import { boilerplatePhraseCount, LINK_LINE_TEXT, linkLineCount, loadBoilerplate, SHORT_LINE, type BoilerplatePhrases } from './residue.js';
import { scanText } from './scan.js';

/** Windows of this many 4-grams for `keyword_density`; about two paragraphs of news. */
const KEYWORD_WINDOW = 300;
/** Below this many script-specific characters `trad_simp_mix` is 0: too few to tell. */
const MIN_SCRIPT_CHARS = 20;

export const SIGNALS = {
  length: 'characters of `text`, whitespace excluded (code points)',
  cjk_share: 'Han characters / (Han characters + words in other scripts): a word of Latin (or Greek, kana …) letters weighs like one character, so bilingual text is not drowned by its English',
  replacement_chars: 'number of U+FFFD replacement characters (bytes that could not be decoded)',
  garbage_words: 'occurrences of byte-garbage words that decode to real characters: 锟斤拷, 烫烫烫, 屯屯屯 (data/garbage-words.txt)',
  mojibake_gbk: 'share of non-ASCII bytes that form UTF-8 Chinese characters once the text is re-encoded as GBK (UTF-8 read as GBK: 鍗楀紑); 0 below 10 non-ASCII characters',
  mojibake_latin1: 'share of non-ASCII characters that form UTF-8 sequences once mapped back to Latin-1/windows-1252 bytes (UTF-8 read as Latin-1: å¤§å­¦); 0 below 10 non-ASCII characters',
  control_chars: 'number of C0/C1 control characters other than tab, line feed and carriage return',
  boilerplate_phrases: `number of distinct page-furniture phrases (ICP备, 版权所有, 当前位置, 相关文章, 点赞, 新闻热线 …; data/boilerplate.txt), some counted only in lines of at most ${SHORT_LINE} characters`,
  link_lines: `number of lines that are a URL with at most ${LINK_LINE_TEXT} other characters (link farms, link lists)`,
  keyword_density: `largest share of a window of ${KEYWORD_WINDOW} 4-grams (advancing by half a window) covered by one repeated 4-gram (keyword stuffing); units are Han characters and Latin words`,
  longest_unpunctuated: 'longest stretch of characters without punctuation or a line break (keyword lists and tag clouds run on for hundreds)',
  short_line_share: `share of non-empty lines of at most ${SHORT_LINE} characters (list-like pages; FineWeb's short_line_ratio)`,
  dup_line_share: 'share of non-empty lines that repeat an earlier line (Gopher: duplicate line fraction)',
  dup_line_char_share: 'share of characters in lines that repeat an earlier line (Gopher: duplicate line character fraction)',
  dup_paragraph_share: 'share of paragraphs (runs of non-empty lines between blank lines) that repeat an earlier one (Gopher: duplicate paragraph fraction)',
  dup_paragraph_char_share: 'share of characters in repeated paragraphs (Gopher: duplicate paragraph character fraction)',
  top_2gram_share: 'share of unit characters covered by the most frequent repeated 2-gram (Gopher: top 2-gram character fraction)',
  top_3gram_share: 'share of unit characters covered by the most frequent repeated 3-gram (Gopher)',
  top_4gram_share: 'share of unit characters covered by the most frequent repeated 4-gram (Gopher)',
  trad_simp_mix: `share of the minority script among characters specific to simplified or to traditional Chinese (OpenCC tables); 0 below ${MIN_SCRIPT_CHARS} such characters`,
  missing_title: '1 when the record has `metadata` but no non-empty `metadata.title`, else 0',
  missing_published: '1 when the record has `metadata` but no `metadata.published`, else 0',
  exact_duplicate: '1 when the normalized text (NFKC, whitespace removed) equals an earlier record’s, else 0 (set in input order)',
  near_duplicate: 'estimated Jaccard similarity of character 5-shingles (MinHash) with the most similar earlier record found, when not an exact duplicate; else 0',
} as const;

export type SignalName = keyof typeof SIGNALS;
export type Signals = Partial<Record<SignalName, number>>;

/** Word lists the signals need, loaded once per thread. */
export interface Lexicon {
  boilerplate: BoilerplatePhrases;
  garbageWords: string[];
}

let lexicon: Lexicon | undefined;

export function loadLexicon(): Lexicon {
  lexicon ??= { boilerplate: loadBoilerplate(), garbageWords: readList('stages/check/data/garbage-words.txt') };
  return lexicon;
}

function shortLineShare(lines: Lines): number {
  let short = 0;
  for (let i = 0; i < lines.count; i++) if ((lines.ends[i] as number) - (lines.starts[i] as number) <= SHORT_LINE) short++;
  return lines.count === 0 ? 0 : short / lines.count;
}

/** Measures every per-record signal (all but the duplicate ones, which need the records before). */
export function computeSignals(record: QRecord, words: Lexicon = loadLexicon()): Signals {
  const text = typeof record.text === 'string' ? record.text : '';
  const chars = scanText(text);
  let signals: Signals = { length: chars.length };
  if (chars.length > 0) {
    const lines = scanLines(text);
    const grams = ngramShares(chars.units, KEYWORD_WINDOW);
    const byLine = duplicateLineShares(lines, chars.length);
    const byParagraph = duplicateParagraphShares(lines, chars.length);
    const scriptChars = chars.simplified + chars.traditional;
    signals = {
      length: chars.length,
      cjk_share: chars.han + chars.otherWords === 0 ? 0 : chars.han / (chars.han + chars.otherWords),
      replacement_chars: chars.replacement,
      garbage_words: garbageWordCount(text, words.garbageWords),
      mojibake_gbk: gbkMojibakeShare(text),
      mojibake_latin1: latin1MojibakeShare(text),
      control_chars: chars.control,
      boilerplate_phrases: boilerplatePhraseCount(text, lines, words.boilerplate),
      link_lines: linkLineCount(text, lines),
      keyword_density: grams.keywordDensity,
      longest_unpunctuated: chars.longestRun,
      short_line_share: shortLineShare(lines),
      dup_line_share: byLine.elements,
      dup_line_char_share: byLine.chars,
      dup_paragraph_share: byParagraph.elements,
      dup_paragraph_char_share: byParagraph.chars,
      top_2gram_share: grams.top2,
      top_3gram_share: grams.top3,
      top_4gram_share: grams.top4,
      trad_simp_mix: scriptChars < MIN_SCRIPT_CHARS ? 0 : Math.min(chars.simplified, chars.traditional) / scriptChars,
    };
  }
  if (record.metadata && typeof record.metadata === 'object') {
    const { title, published } = record.metadata;
    signals.missing_title = typeof title === 'string' && title.trim() !== '' ? 0 : 1;
    signals.missing_published = typeof published === 'string' && published.trim() !== '' ? 0 : 1;
  }
  return signals;
}
