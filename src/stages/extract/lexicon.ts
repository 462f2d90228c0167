/**
 * The word lists of the extract stage (data/*.txt, each saying where its
 * entries come from), loaded once per thread into one character trie, so that
 * a single left-to-right pass finds every listed word in a text.
 */
import { readList, readTable } from '../../core/wordlist.js';

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

interface TrieNode {
  next: Map<number, TrieNode>;
  entries?: { kind: Kind; info: string }[];
}

class Trie {
  private readonly root: TrieNode = { next: new Map() };

  add(word: string, kind: Kind, info = ''): void {
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    (node.entries ??= []).push({ kind, info });
  }

  /** Every listed word that occurs in `text`; linear in the text times the longest word. */
  scan(text: string): Match[] {
    const matches: Match[] = [];
    const root = this.root;
    for (let i = 0; i < text.length; i++) {
      let node = root.next.get(text.charCodeAt(i));
      let j = i + 1;
      while (node) {
        if (node.entries) {
          for (const e of node.entries) matches.push({ kind: e.kind, start: i, end: j, info: e.info });
        }
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
        j++;
      }
    }
    return matches;
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
  translit: Map<string, number>;
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
  /** One-character stop words (kept out of the trie). */
  singleStops: Set<string>;
  landmarkEndings: Set<string>;
  unlikelyLast: Set<string>;
}

let lexicon: Lexicon | undefined;

function table(name: string): string[][] {
  return readTable(DATA + name);
}

/** Loads every list once; later calls return the same lexicon. */
export function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
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
  const translit = new Map<string, number>();
  for (const [ch = '', count = '0'] of table('translit-chars.txt')) translit.set(ch, Number(count));

  lexicon = {
    trie,
    surnames,
    given,
    translit,
    nameBoundaries: new Set(readList(DATA + 'name-boundaries.txt')),
    placeFull,
    orgAbbreviations,
    abbrContexts,
    titlesAfter,
    titles,
    titleUnits: new Set(readList(DATA + 'title-units.txt')),
    titleSuffixes: new Set(readList(DATA + 'title-suffixes.txt')),
    singleStops,
    unlikelyLast: new Set(readList(DATA + 'name-unlikely-last.txt')),
    landmarkEndings: new Set([...readList(DATA + 'landmark-suffixes.txt'), ...readList(DATA + 'place-suffixes.txt').filter((w) => w.length === 1)]),
  };
  return lexicon;
}
