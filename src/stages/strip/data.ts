/**
 * The strip stage's rules and word lists, loaded once from ./data/*.txt
 * (each file says where its entries come from).
 */
import { readList, readTable } from '../../core/wordlist.js';
import { isReason, type Reason } from './reasons.js';

const DIR = 'stages/strip/data/';

export type PhraseWhere = 'start' | 'whole' | 'any' | 'end';

export interface Phrase {
  phrase: string;
  reason: Reason;
  where: PhraseWhere;
}

export type HeaderField =
  | 'published'
  | 'source'
  | 'source_url'
  | 'views'
  | 'title'
  | 'site'
  | 'section'
  | 'tags';

export type CreditRole = 'authors' | 'editors' | 'photographers' | 'reviewers' | 'designers';

/** Names of the numbers in data/thresholds.txt (kebab-case there). */
const THRESHOLD_NAMES = [
  'maxLinkDensity',
  'shortBlockChars',
  'proseMinChars',
  'phraseBlockChars',
  'listHeaderChars',
  'contactLineChars',
  'footerBlockChars',
  'headerLineChars',
  'headerLeadChars',
  'dateLineChars',
  'bylineChars',
  'bylinePrefixChars',
  'creditValueChars',
  'sourceChars',
  'placeholderChars',
  'entryTitleChars',
  'minPunctPer100',
  'seoMinChars',
  'seoRepeatShare',
  'seoMaxPunctPer100',
  'flattenedLineChars',
  'tailMarkerPosition',
  'tailHeaderChars',
  'teaserMaxChars',
  'joinMinChars',
  'trailingTableChars',
  'linkPenalty',
  'labelPenalty',
  'contentHintBonus',
  'headerWindowBlocks',
  'nearArticleBlocks',
  'weakTitleChars',
] as const;

export type Thresholds = Record<(typeof THRESHOLD_NAMES)[number], number>;

/** The boilerplate phrases indexed for matching a block in one pass. */
export interface PhraseIndex {
  whole: Map<string, Phrase>;
  /** `start` phrases by their first character. */
  start: Map<string, Phrase[]>;
  /** `end` phrases (short headers ending in them). */
  end: Phrase[];
  /** One alternation of all `any` phrases; the matched text maps back to its phrase. */
  any: RegExp;
  /** One alternation of the non-`whole` phrases of the site-footer family. */
  footer: RegExp;
  byText: Map<string, Phrase>;
}

export interface StripData {
  phrases: Phrase[];
  phraseIndex: PhraseIndex;
  placeholders: Set<string>;
  headerLabels: Map<string, HeaderField>;
  /** Header labels in priority order for `published`. */
  publishedLabels: string[];
  creditLabels: Map<string, CreditRole>;
  /** Credit labels that may open a byline without a colon (`本报记者 张三`). */
  bylineLabels: Set<string>;
  titleSeparators: string[];
  /** Extra furniture starts for flattened pages (besides labels and start phrases). */
  seams: string[];
  orgSuffixes: string[];
  surnames: Set<string>;
  /** Field → meta tag names declaring it, in priority order. */
  metaTags: Map<string, string[]>;
  contentHints: Set<string>;
  /** class/id word → the reason its element's blocks are furniture. */
  boilerplateHints: Map<string, Reason>;
  thresholds: Thresholds;
}

let loaded: StripData | undefined;

const FOOTER_FAMILY = new Set<Reason>(['copyright', 'icp', 'contact', 'footer']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest first, so an alternation prefers `版权声明` over `版权`. */
function alternation(phrases: Phrase[], flags: string): RegExp {
  const texts = [...new Set(phrases.map((p) => p.phrase))].sort((a, b) => b.length - a.length);
  return new RegExp(texts.length > 0 ? texts.map(escapeRegExp).join('|') : '(?!)', flags);
}

function indexPhrases(phrases: Phrase[]): PhraseIndex {
  const whole = new Map<string, Phrase>();
  const start = new Map<string, Phrase[]>();
  const byText = new Map<string, Phrase>();
  for (const p of phrases) {
    if (!byText.has(p.phrase)) byText.set(p.phrase, p);
    if (p.where === 'whole') {
      if (!whole.has(p.phrase)) whole.set(p.phrase, p);
    } else if (p.where === 'start') {
      const first = p.phrase[0]!;
      start.set(first, [...(start.get(first) ?? []), p]);
    }
  }
  const anyPhrases = phrases.filter((p) => p.where === 'any');
  for (const p of anyPhrases) byText.set(p.phrase, p);
  return {
    whole,
    start,
    end: phrases.filter((p) => p.where === 'end'),
    any: alternation(anyPhrases, ''),
    footer: alternation(phrases.filter((p) => p.where !== 'whole' && FOOTER_FAMILY.has(p.reason)), 'g'),
    byText,
  };
}

function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function loadThresholds(): Thresholds {
  const values = new Map<string, number>();
  for (const [name, value] of readTable(DIR + 'thresholds.txt')) {
    if (name && value !== undefined) values.set(camel(name), Number(value));
  }
  const out = {} as Thresholds;
  for (const key of THRESHOLD_NAMES) {
    const v = values.get(key);
    if (v === undefined || Number.isNaN(v)) throw new Error(`strip data: threshold ${key} missing`);
    out[key] = v;
  }
  return out;
}

function loadMetaTags(): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [name, field] of readTable(DIR + 'meta-tags.txt')) {
    if (name && field) tags.set(field, [...(tags.get(field) ?? []), name.toLowerCase()]);
  }
  return tags;
}

export function stripData(): StripData {
  if (loaded) return loaded;
  const phrases: Phrase[] = [];
  for (const [phrase, reason, where] of readTable(DIR + 'boilerplate.txt')) {
    if (!phrase || !reason || !isReason(reason)) throw new Error(`strip data: bad boilerplate row ${phrase}`);
    const w = (where ?? 'any') as PhraseWhere;
    phrases.push({ phrase, reason, where: w });
  }
  const headerLabels = new Map<string, HeaderField>();
  const publishedLabels: string[] = [];
  for (const [label, field] of readTable(DIR + 'header-labels.txt')) {
    if (!label || !field) continue;
    headerLabels.set(label, field as HeaderField);
    if (field === 'published') publishedLabels.push(label);
  }
  const creditLabels = new Map<string, CreditRole>();
  const bylineLabels = new Set<string>();
  for (const [label, role, byline] of readTable(DIR + 'credit-labels.txt')) {
    if (!label || !role) continue;
    creditLabels.set(label, role as CreditRole);
    if (byline === 'byline') bylineLabels.add(label);
  }
  const contentHints = new Set<string>();
  const boilerplateHints = new Map<string, Reason>();
  for (const [word, hint] of readTable(DIR + 'dom-hints.txt')) {
    if (!word || !hint) continue;
    if (hint === 'content') contentHints.add(word.toLowerCase());
    else if (isReason(hint)) boilerplateHints.set(word.toLowerCase(), hint);
    else throw new Error(`strip data: bad dom hint ${word}`);
  }
  const titleSeparators = readList(DIR + 'title-separators.txt').sort((a, b) => b.length - a.length);
  loaded = {
    phrases,
    phraseIndex: indexPhrases(phrases),
    placeholders: new Set(readList(DIR + 'placeholders.txt')),
    headerLabels,
    publishedLabels,
    creditLabels,
    bylineLabels,
    titleSeparators,
    seams: readList(DIR + 'seams.txt'),
    orgSuffixes: readList(DIR + 'org-suffixes.txt'),
    surnames: new Set(readList(DIR + 'surnames.txt')),
    metaTags: loadMetaTags(),
    contentHints,
    boilerplateHints,
    thresholds: loadThresholds(),
  };
  return loaded;
}
