/**
 * The word lists of the extract stage (data/*.txt, each saying where its
 * entries come from), loaded once per thread into one character trie, so that
 * a single left-to-right pass finds every listed word in a text.
 */
import { readList, readTable } from '../../core/wordlist.js';
import { CharTrie, NO_NODE } from './trie.js';

const DATA = 'stages/extract/data/';

/** What a listed word is; one word may be several things (朝阳: place short form and given name). */
export type Kind =
  | 'place' // full place name, or a province/prefecture short form
  | 'place-short' // county-level short form: a place only with support
  | 'place-suffix'
  | 'place-abbr' // one-character short form (美, 华)
  | 'org' // known institution
  | 'org-abbr' // short name of an institution
  | 'org-suffix'
  | 'title'
  | 'title-prefix'
  | 'cue-after'
  | 'cue-before'
  | 'verb'
  | 'stop'
  | 'surname'
  | 'abbr-cue'
  | 'generic' // 世界一流, 有关: starts descriptions, not names
  | 'place-cue' // 抵, 访问: a place follows
  | 'org-prefix'; // 国家, 中央: opens an institution name

export interface Match {
  kind: Kind;
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** Extra information: the level or kind of a place, the full name of an institution's short name, the strength of a suffix. */
  info: string;
}

/** One bit per kind, so that Doc can tell whether a word of a kind starts or ends at an offset with one mask test. */
export const KIND_BIT: Readonly<Record<Kind, number>> = {
  place: 1 << 0,
  'place-short': 1 << 1,
  'place-suffix': 1 << 2,
  'place-abbr': 1 << 3,
  org: 1 << 4,
  'org-abbr': 1 << 5,
  'org-suffix': 1 << 6,
  title: 1 << 7,
  'title-prefix': 1 << 8,
  'cue-after': 1 << 9,
  'cue-before': 1 << 10,
  verb: 1 << 11,
  stop: 1 << 12,
  surname: 1 << 13,
  'abbr-cue': 1 << 14,
  generic: 1 << 15,
  'place-cue': 1 << 16,
  'org-prefix': 1 << 17,
};

/** The bits of several kinds together, for Doc.startsAny and Doc.endsAny. */
export function kindMask(...kinds: Kind[]): number {
  return kinds.reduce((mask, kind) => mask | KIND_BIT[kind], 0);
}

/** What a listed word is, with the bit of its kind. */
export interface Entry {
  kind: Kind;
  info: string;
  bit: number;
}

/** The listed words found in a text, in text order, with the KIND_BIT of each. */
export interface ListedWords {
  matches: Match[];
  bits: Int32Array;
}

/** The listed words in one trie, so that a single left-to-right pass finds them all in a text. */
class Trie {
  private readonly words = new CharTrie<Entry>();

  add(word: string, kind: Kind, info = ''): void {
    this.words.add(word, { kind, info, bit: KIND_BIT[kind] });
  }

  /**
   * Every listed word that occurs in `text`, by start, then by end, then in
   * the order the words were added; linear in the text times the longest word.
   */
  scan(text: string): ListedWords {
    const words = this.words;
    const n = text.length;
    const matches: Match[] = [];
    let bits: Int32Array = new Int32Array(n + 16);
    for (let i = 0; i < n; i++) {
      let node = words.first(text.charCodeAt(i));
      for (let j = i + 1; node !== NO_NODE; j++) {
        for (let k = words.valueStart(node); k < words.valueStart(node + 1); k++) {
          const entry = words.value(k);
          if (matches.length === bits.length) {
            const bigger = new Int32Array(bits.length * 2);
            bigger.set(bits);
            bits = bigger;
          }
          bits[matches.length] = entry.bit;
          matches.push({ kind: entry.kind, start: i, end: j, info: entry.info });
        }
        if (j >= n) break;
        node = words.next(node, text.charCodeAt(j));
      }
    }
    return { matches, bits };
  }
}

export interface GivenChar {
  /** Person names in jieba's dictionary with this character in the given name. */
  names: number;
  /** Other dictionary words containing it. */
  words: number;
  /** Its frequency as a one-character word. */
  solo: number;
  /** Listed by friso among common given-name characters. */
  common: boolean;
}

export interface Lexicon {
  trie: Trie;
  surnames: Map<string, number>;
  given: Map<string, GivenChar>;
  /** Transliteration characters, 1 in a table by UTF-16 unit. */
  translit: Uint8Array;
  /** For each transliteration character (by UTF-16 unit), the number of transliterated names in jieba's dictionary that contain it. */
  translitNames: Uint16Array;
  nameBoundaries: Set<string>;
  /** Full names of places, for short forms that need the full form in the document. */
  placeFull: Map<string, string>;
  orgAbbreviations: Map<string, string>;
  /** after: context → the short forms it is limited to (empty: all). */
  abbrContexts: { before: Set<string>; after: Map<string, string>; pair: string[] };
  titlesAfter: Set<string>;
  titles: Set<string>;
  titleUnits: Set<string>;
  titleSuffixes: Set<string>;
  /** 车站, 公园, 河: the kind of a landmark written after a place's name. */
  landmarkWords: Set<string>;
  /** 共和国, 合众国: written after a country's short name to make its official one. */
  stateForms: Set<string>;
  /** 大城市, 周边地区: jieba ns words that name no place. */
  genericPlaces: Set<string>;
  /** 物流, 唱片: trades that make 公司 a description (物流公司). */
  trades: Set<string>;
  /** 座谈会, 表彰大会: events named like institutions. */
  eventWords: Set<string>;
  /** One-character stop words (kept out of the trie), 1 in a table by UTF-16 unit. */
  singleStops: Uint8Array;
  /** Last characters of landmarks and places (馆, 山, 州), 1 in a table by UTF-16 unit. */
  landmarkEndings: Uint8Array;
  unlikelyLast: Set<string>;
  /** Characters after which a transliterated word without person context is not a person (人, 节, 奖), 1 in a table by UTF-16 unit. */
  foreignUnlikelyNext: Uint8Array;
}

let lexicon: Lexicon | undefined;

/**
 * A table answering `set.has(text[i])` by the UTF-16 unit at i: 1 for the
 * entries of the set, which are single characters. Entries of other lengths
 * can never equal one unit, so they are left out.
 */
function unitTable(set: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const entry of set) if (entry.length === 1) table[entry.charCodeAt(0)] = 1;
  return table;
}

/** Like unitTable, with each one-character entry's count (second field, capped at 65535). */
function countTable(rows: string[][]): Uint16Array {
  const counts = new Uint16Array(0x10000);
  for (const [entry = '', count = '0'] of rows) if (entry.length === 1) counts[entry.charCodeAt(0)] = Math.min(65535, Number(count) || 0);
  return counts;
}

function table(name: string): string[][] {
  return readTable(DATA + name);
}

/** Loads every list once; later calls return the same lexicon. */
export function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  // Every listed transliteration character has a count, so the count table also says which are listed.
  const translitNames = countTable(table('translit-chars.txt'));
  const trie = new Trie();
  const placeFull = new Map<string, string>();
  for (const [full = '', short = '', level = ''] of table('places-cn.txt')) {
    trie.add(full, 'place', level);
    if (short) {
      // Province and prefecture short forms (苏州, 辽宁) stand alone; county ones (朝阳, 武清)
      // are also common words and given names, so they need the full form or a suffix nearby.
      trie.add(short, level === 'county' ? 'place-short' : 'place', level);
      placeFull.set(short, full);
    }
  }
  for (const [name = '', kind = ''] of table('places-world.txt')) trie.add(name, 'place', kind);
  for (const [name = '', kind = ''] of table('places-news.txt')) trie.add(name, 'place', kind);
  for (const [name = '', kind = ''] of table('places-former.txt')) trie.add(name, 'place', kind);
  for (const [suffix = ''] of table('place-suffixes.txt')) trie.add(suffix, 'place-suffix');
  for (const cue of readList(DATA + 'place-cues.txt')) trie.add(cue, 'place-cue');
  for (const [abbr = '', full = ''] of table('place-abbreviations.txt')) trie.add(abbr, 'place-abbr', full);
  const abbrContexts = { before: new Set<string>(), after: new Map<string, string>(), pair: [] as string[] };
  for (const [word = '', where = '', only = ''] of table('place-abbreviation-contexts.txt')) {
    if (where === 'before') abbrContexts.before.add(word);
    else if (where === 'after') abbrContexts.after.set(word, only);
    else abbrContexts.pair.push(word);
  }

  for (const [name = ''] of table('orgs-known.txt')) trie.add(name, 'org');
  for (const [name = ''] of table('orgs-news.txt')) trie.add(name, 'org');
  const levelOrgans = table('org-level-organs.txt');
  for (const [level = '', role = ''] of levelOrgans) {
    if (role !== 'level') continue;
    for (const [organ = '', kind = ''] of levelOrgans) if (kind === 'organ') trie.add(level + organ, 'org', 'level');
  }
  const orgAbbreviations = new Map<string, string>();
  for (const [abbr = '', full = ''] of table('org-abbreviations.txt')) {
    orgAbbreviations.set(abbr, full);
    trie.add(abbr, 'org-abbr', full);
  }
  for (const [suffix = '', strength = ''] of table('org-suffixes.txt')) trie.add(suffix, 'org-suffix', strength);
  for (const cue of readList(DATA + 'org-abbreviation-cues.txt')) trie.add(cue, 'abbr-cue');
  for (const prefix of readList(DATA + 'org-prefixes.txt')) trie.add(prefix, 'org-prefix');

  const titles = new Set<string>();
  const titlesAfter = new Set<string>();
  for (const [title = '', after = ''] of table('titles.txt')) {
    titles.add(title);
    if (after === 'after') titlesAfter.add(title);
    trie.add(title, 'title');
  }
  for (const prefix of readList(DATA + 'title-prefixes.txt')) trie.add(prefix, 'title-prefix');
  for (const [cue = '', where = ''] of table('person-cues.txt')) {
    trie.add(cue, where === 'after' ? 'cue-after' : 'cue-before', where);
  }
  for (const verb of readList(DATA + 'verbs.txt')) trie.add(verb, 'verb');
  // One-character stop words match nearly everywhere; Doc answers for them from a set instead.
  const singleStops = new Set<string>();
  for (const word of readList(DATA + 'stop-words.txt')) {
    if (word.length === 1) singleStops.add(word);
    else trie.add(word, 'stop');
  }
  for (const word of readList(DATA + 'function-words.txt')) trie.add(word, 'stop');
  for (const word of readList(DATA + 'org-generic-modifiers.txt')) trie.add(word, 'generic');

  const surnames = new Map<string, number>();
  for (const [surname = '', count = '0'] of table('surnames.txt')) {
    surnames.set(surname, Number(count));
    trie.add(surname, 'surname', count);
  }
  const given = new Map<string, GivenChar>();
  for (const [ch = '', names = '0', words = '0', solo = '0', common = '0'] of table('given-chars.txt')) {
    given.set(ch, { names: Number(names), words: Number(words), solo: Number(solo), common: common === '1' });
  }

  lexicon = {
    trie,
    surnames,
    given,
    translit: Uint8Array.from(translitNames, (names) => (names > 0 ? 1 : 0)),
    translitNames,
    nameBoundaries: new Set(readList(DATA + 'name-boundaries.txt')),
    placeFull,
    orgAbbreviations,
    abbrContexts,
    titlesAfter,
    titles,
    titleUnits: new Set(readList(DATA + 'title-units.txt')),
    titleSuffixes: new Set(readList(DATA + 'title-suffixes.txt')),
    eventWords: new Set(readList(DATA + 'org-event-words.txt')),
    trades: new Set(readList(DATA + 'org-trades.txt')),
    genericPlaces: new Set(readList(DATA + 'place-generic-words.txt')),
    landmarkWords: new Set(readList(DATA + 'landmark-words.txt')),
    stateForms: new Set(readList(DATA + 'place-state-forms.txt')),
    singleStops: unitTable(singleStops),
    unlikelyLast: new Set(readList(DATA + 'name-unlikely-last.txt')),
    foreignUnlikelyNext: unitTable(readList(DATA + 'foreign-name-unlikely-next.txt')),
    landmarkEndings: unitTable([...readList(DATA + 'landmark-suffixes.txt'), ...readList(DATA + 'place-suffixes.txt').filter((w) => w.length === 1)]),
  };
  return lexicon;
}
