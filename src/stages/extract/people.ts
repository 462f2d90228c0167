/**
 * People. jieba tags names missing from its dictionary as `x` or splits them
 * (陈/雨露), so names are found here without its `nr`: a surname from the list,
 * one or two given-name characters judged by how often they occur in names
 * versus ordinary words, and the context that makes a name likely (a title or
 * byline label before it, a speech verb after it, an enumeration with other
 * names). Once a name is accepted, its other occurrences in the document are
 * people too. Foreign names are runs of transliteration characters with the
 * same contexts.
 */
import { DIGIT, Doc, isHan, type Span } from './doc.js';
import { kindMask, type GivenChar, type Kind, type Lexicon, type Match } from './lexicon.js';
import { acrossConjunction } from './orgs.js';
import { isForeignPlace } from './places.js';

export interface PersonSpan extends Span {
  /** How the name was recognised; `strong` names win over places and words. */
  strength: 'strong' | 'weak';
  title?: string;
  org?: string;
  role?: string;
}

/** Thresholds on the given-name score; see givenScore. Chosen on the seed pages. */
const PLAUSIBLE = 0.02;
/**
 * Thresholds for names without context (standsAlone); chosen on the seeds and People's Daily samples
 * (ALONE_THREE lowered from 0.12 to 0.08 on 1,233 sentences: person F1 .871 -> .886 on the 578
 * older ones, .759 -> .763 on the 655 newer; of the 28 names it added on the golden web pages 4 are
 * wrong (全寿命, 过廉洁); 0.05 also took 全国皆, 双方尚, 武昌有).
 */
const ALONE_THREE = 0.08;
const ALONE_TWO = 1.5;
const ALONE_SURNAME = 30;
const WORD_AFTER_TITLE = 0.1;
const RARE = 0.05;
/** Surnames this common (names in jieba's dictionary) stand for a person before a title (江主席). */
const COMMON_SURNAME = 100;
const LIST_SEPARATORS = new Set(['、']);
const COMRADE = '同志';
/** jieba's tags of verbs and adverbs, which follow a title as its predicate (老师关注). */
const PREDICATE_TAGS = new Set(['v', 'vn', 'vd', 'd', 'ad']);
const CONJUNCTIONS = new Set(['和', '与', '及', '同', '跟']);
/** Longest transliterated name tried (雅克·卡蒂埃, 亚历山大·卡尔德). */
const MAX_FOREIGN = 12;
const SPACES = /[\s\u3000]/;
/** Forms of address after a surname alone (邓先生). */
const POLITE = new Set(['先生', '女士']);
const POLITE_WORDS = /先生|女士/g;
/** SPACES by UTF-16 unit, filled in as units are met: 0 not yet known, 1 no, 2 a space. */
const spaceUnits = new Uint8Array(0x10000);

/** Whether the UTF-16 unit `c` is a space (SPACES); false for NaN, what charCodeAt gives out of range. */
function isSpaceUnit(c: number): boolean {
  let known = spaceUnits[c];
  if (known === 0) spaceUnits[c] = known = SPACES.test(String.fromCharCode(c)) ? 2 : 1;
  return known === 2;
}
const TITLE_OR_PREFIX = kindMask('title', 'title-prefix');
/** Listed words that cannot be inside a given name. */
const LISTED_KINDS = ['title', 'title-prefix', 'org-suffix', 'place', 'org', 'verb'] as const;
const LISTED = kindMask(...LISTED_KINDS);
/** Listed words that unmake a name of jieba's dictionary found inside it (a place does not: 孙中山). */
const NOT_IN_KNOWN_NAMES = LISTED_KINDS.filter((k) => k !== 'place');
/** · between the parts of a transliterated name. */
const MIDDLE_DOT = 0xb7;

export function findPeople(doc: Doc): PersonSpan[] {
  const { text } = doc;
  const found: PersonSpan[] = [];
  const taken = new Uint8Array(text.length);
  const accept = (p: PersonSpan): void => {
    found.push(p);
    taken.fill(1, p.start, p.end);
  };

  // 1. Candidates with context, left to right.
  // Foreign names with context first: 岁的贝瑟海姆 is one name, not 贝 + 瑟.
  const foreign = findForeign(doc);
  const foreignCover = new Uint8Array(text.length);
  for (const p of foreign) foreignCover.fill(1, p.start, p.end);
  const candidates = new Map<number, Candidate>();
  // Compound surnames (欧阳) before the single ones they start with.
  for (const m of longerFirst(doc.all('surname'))) {
    if (taken[m.start]) continue;
    const c = bestCandidate(doc, m.start, m.end);
    if (!c) continue;
    if (foreignCover[c.start]) continue;
    candidates.set(c.start, c);
    if (c.strong) accept({ start: c.start, end: c.end, strength: 'strong' });
  }
  for (const p of foreign) if (!taken[p.start] && !taken[p.end - 1]) accept(p);
  for (const c of candidates.values()) if (c.likely && !c.strong && !taken[c.start] && !taken[c.end - 1]) accept({ start: c.start, end: c.end, strength: 'weak' });
  for (const p of unlistedSurnames(doc, candidates)) if (!taken[p.start] && !taken[p.end - 1]) accept(p);
  for (const c of candidates.values()) if (c.listable && !taken[c.start] && !taken[c.end - 1] && closesCredit(doc, c)) accept({ start: c.start, end: c.end, strength: 'strong' });
  for (const p of givenNamesBeforeComrade(doc)) if (!taken[p.start] && !taken[p.end - 1]) accept(p);

  // 2. Enumerations: three or more name-shaped candidates in a row, separated by 、, are names
  // (孙毅、尚秀云、杨艺文); and a name-shaped candidate next to an accepted name across 、 or a space.
  for (const c of candidates.values()) {
    if (taken[c.start] || !c.listable || doc.text[c.start - 1] === '、') continue;
    const run = [c];
    for (let next = neighbourAfter(doc, c.end, candidates); next?.listable && doc.text[run.at(-1)!.end] === '、'; next = neighbourAfter(doc, next.end, candidates)) {
      run.push(next);
    }
    if (run.length >= 3) for (const r of run) if (!taken[r.start] && !taken[r.end - 1]) accept({ start: r.start, end: r.end, strength: 'strong' });
  }
  const queue = [...found];
  for (let p = queue.pop(); p; p = queue.pop()) {
    for (const next of [neighbourAfter(doc, p.end, candidates), neighbourBefore(doc, p.start, candidates)]) {
      if (next && next.listable && !taken[next.start] && !taken[next.end - 1]) {
        const person: PersonSpan = { start: next.start, end: next.end, strength: 'strong' };
        accept(person);
        queue.push(person);
      }
    }
  }

  // 3. The same name elsewhere in the document.
  const names = new Set(found.map((p) => text.slice(p.start, p.end)));
  const nameStarts = new Set([...names].map((n) => n.charCodeAt(0)));
  // Where a surname starts, in text order (a name accepted here is taken, so the offsets inside it are passed over).
  let previousStart = -1;
  for (const m of names.size > 0 ? doc.all('surname') : []) {
    const i = m.start;
    if (i === previousStart) continue;
    previousStart = i;
    if (taken[i] || !nameStarts.has(text.charCodeAt(i))) continue;
    for (const len of [4, 3, 2]) {
      const end = i + len;
      const name = text.slice(i, end);
      if (!names.has(name) || taken[end - 1] || doc.straddles(i, end)) continue;
      // An ordinary word elsewhere (利益 after 得利益 was taken for a name) stays a word, unless
      // the context makes it a name again (签约仪式由文献主持).
      if (doc.isWord(i, end) && !/^nr/.test(doc.posOf(name)) && !endsName(doc, end) && !leftContext(doc, i)) continue;
      if (len < 3 && isHan(text[end]) && !endsName(doc, end) && !doc.lex.nameBoundaries.has(text[end] ?? '')) continue;
      accept({ start: i, end, strength: 'strong' });
      break;
    }
  }
  // Surname alone before a title (江主席, 李教授) when that surname belongs to a named person here.
  // A common surname standing alone before such a title is one too, as People's Daily writes.
  const surnames = new Set([...names].map((n) => n[0]));
  // 邓先生, 王女士: the same with the polite forms of address People's Daily writes after a surname.
  const addresses = [...text.matchAll(POLITE_WORDS)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const t of [...doc.all('title'), ...addresses]) {
    const s = t.start - 1;
    const surname = text[s] ?? '';
    const word = text.slice(t.start, t.end);
    if (s < 0 || taken[s] || !(doc.lex.titlesAfter.has(word) || POLITE.has(word)) || !doc.boundary(t.end)) continue;
    if (!surnames.has(surname) && (doc.lex.surnames.get(surname) ?? 0) < COMMON_SURNAME) continue;
    // 向总统和夫人表示: a surname that is also a preposition or particle (向, 于, 和) needs its full name here.
    if (!surnames.has(surname) && doc.lex.nameBoundaries.has(surname)) continue;
    // The surname is a word of its own: not the end of another word (民进党主席).
    if (!doc.boundary(s) || (doc.tokenEndAt(s) !== s + 1 && doc.tokenEndAt(s) !== t.end)) continue;
    if (isHan(text[s - 1]) && !doc.endingAt(s, 'verb').length && !doc.endingAt(s, 'stop').length && !doc.endingAt(s, 'cue-after').length) continue;
    accept({ start: s, end: s + 1, strength: 'strong' });
  }

  found.sort((a, b) => a.start - b.start);
  attachRoles(doc, found);
  return found;
}

/**
 * Matches in text order (by start, then shorter first) with the longer first at the same start: the
 * order of a stable sort by start, then by end descending.
 */
function longerFirst(matches: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < matches.length; ) {
    let j = i + 1;
    while (j < matches.length && matches[j]!.start === matches[i]!.start) j++;
    if (j - i === 1) out.push(matches[i]!);
    else out.push(...matches.slice(i, j).sort((a, b) => b.end - a.end));
    i = j;
  }
  return out;
}

interface Candidate extends Span {
  strong: boolean;
  likely: boolean;
  /** Name-shaped enough to be taken as one in an enumeration with a recognised name. */
  listable: boolean;
}

/** The better of surname + one and surname + two given characters at `start`, or none. */
function bestCandidate(doc: Doc, start: number, surnameEnd: number): Candidate | undefined {
  // Most surname characters are inside ordinary words (国王, 高度); a name starts a dictionary token
  // (the test below that no word crosses its edges rules out every span starting inside one).
  if (!doc.boundary(start)) return undefined;
  const { text, lex } = doc;
  const g1 = text[surnameEnd];
  const g2 = text[surnameEnd + 1];
  if (!isHan(g1)) return undefined;
  // The context before the name, looked up once a span gets that far (most are ruled out before).
  let before: boolean | undefined;
  const options: Candidate[] = [];
  for (const len of [2, 1]) {
    const end = surnameEnd + len;
    if (len === 2 && !isHan(g2)) continue;
    // 英文都是, 马云曾说: a function word (是, 曾, 让) is no one-character given name.
    if (len === 1 && lex.nameBoundaries.has(g1 ?? '')) continue;
    // A dictionary word across an edge of the span rules it out first.
    if (doc.straddles(start, end) && !knownNameOpeningWord(doc, start, end) && !endsBeforeConjunction(doc, start, end)) continue;
    // 张明确表示 → 张; but 王小明说, a name in jieba's dictionary, stays whole.
    if (len === 2 && startsNonName(doc, surnameEnd + 1) && !(doc.isWord(start, end) && /^nr/.test(doc.posOf(text.slice(start, end))))) continue;
    // 老保姆赵淑君: a word (保姆) that opens with a surname, then a three-character name.
    if (len === 2 && opensNameAfterWord(doc, start, surnameEnd + 1)) continue;
    // 刘惠向南开大学 → 刘惠; but 姜有为、霍步刚 → 姜有为: a boundary character before punctuation ends the name.
    // (Unless jieba's dictionary has the three characters as one word: 任命李国能为.)
    const oneWord = doc.isWord(start, end);
    // 乔石从３月: before a number the boundary character is a preposition too.
    // (臧克和教授的论著: a title closing the phrase after it makes it the name's last; 王明和校长一起: no.)
    if (len === 2 && !oneWord && lex.nameBoundaries.has(g2 ?? '') && (isHan(text[surnameEnd + 2]) || DIGIT.test(text[surnameEnd + 2] ?? '') || doc.hasStart(surnameEnd + 1, 'cue-after')) && !titleClosesPhrase(doc, end)) continue;
    // 林先生, 美代表: a cue word in the given name.
    if (doc.hasStart(surnameEnd, 'cue-after')) continue;
    if (titleStartsWithin(doc, surnameEnd, end) || isCueWord(doc, start, end)) continue;
    // 美国总统, 记者从上海: a place, or a place after a function word, is no name (but 党委副书记李四平 is).
    const surnameIsFunctionWord = doc.startingAt(start, 'stop').some((m) => m.end === surnameEnd);
    if (doc.longestAt(start, 'place')?.end === end || doc.longestAt(start, 'org')?.end === end) continue;
    before ??= leftContext(doc, start);
    const word = doc.isWord(start, end);
    // 王小明说: a listed word running past a dictionary name (明说) does not unmake it, nor does a
    // place inside it (孙中山).
    const knownName = (word || knownNameOpeningWord(doc, start, end)) && len === 2 && /^nr/.test(doc.posOf(text.slice(start, end))) && !containsListedWord(doc, surnameEnd, end, true, NOT_IN_KNOWN_NAMES);
    if (containsPlace(doc, surnameEnd, end) && (!before || surnameIsFunctionWord) && !knownName) continue;
    // g1 and g2 are Chinese characters of one UTF-16 unit each.
    const scores = len === 2 ? [givenScoreOf(lex, g1!), givenScoreOf(lex, g2!)] : [givenScoreOf(lex, g1!)];
    const score = Math.min(...scores);
    const after = endsName(doc, end);
    const listed = containsListedWord(doc, surnameEnd, end);
    const plausible = score >= PLAUSIBLE || knownName || (before && scores.every((s) => s > 0));
    if (!plausible) continue;
    // An ordinary word next to a title (成员单位) needs name-like characters to be a name (区委书记文献);
    // a three-character name in jieba's dictionary (习近平总书记) is one.
    // A verb or adverb (老师关注, 将官全不理会) is a predicate, not a name.
    const nameLike = (!word || score >= WORD_AFTER_TITLE || knownName) && !(word && PREDICATE_TAGS.has(doc.posOf(text.slice(start, end))));
    // A function word that is also a surname (由文献, 于海) needs a title or byline before it.
    // 国家主席: a two-character dictionary word that is no name (jieba: n) before a title is a word.
    const commonWord = word && len === 1 && !/^nr/.test(doc.posOf(text.slice(start, end)));
    const titleAfter = followedByTitle(doc, end) && !listed && !commonWord && (score >= PLAUSIBLE || knownName);
    const strong = (before && nameLike) || (!surnameIsFunctionWord && ((titleAfter && nameLike) || (after && (!word || knownName))));
    // Alone: very name-like characters after a common surname, or a full name in jieba's dictionary (邓小平).
    const alone = !word && !listed && !surnameIsFunctionWord && standsAlone(doc, start, surnameEnd, end, scores);
    const likely = (knownName && score >= WORD_AFTER_TITLE) || alone;
    const listable = !word && !listed && score >= PLAUSIBLE;
    options.push({ start, end, strong, likely, listable });
  }
  // Prefer the longer name when both are possible: a third character that could end the name has
  // already been ruled out above (name boundaries, cues, verbs).
  return options.find((o) => o.strong || o.likely) ?? options[0];
}

/**
 * A name with no context at all (他的收藏品超过了上海的收藏名家严汉祥): a listed surname and given-name
 * characters whose name-likeness multiplies to ALONE_THREE (two characters) or, for one character,
 * reaches ALONE_TWO with the name ending at a word boundary (樊禹从事火花收藏).
 */
function standsAlone(doc: Doc, start: number, surnameEnd: number, end: number, scores: number[]): boolean {
  if ((doc.lex.surnames.get(doc.text.slice(start, surnameEnd)) ?? 0) < ALONE_SURNAME) return false;
  if (doc.lex.unlikelyLast.has(doc.text[end - 1] ?? '')) return false;
  // 篮球明星达里尔·道金斯: the span runs into a transliterated name joined by ·.
  let runEnd = end;
  while (runEnd < end + 4 && doc.lex.translit[doc.text.charCodeAt(runEnd)] === 1) runEnd++;
  if (doc.text.charCodeAt(runEnd) === MIDDLE_DOT) return false;
  // 智慧使, 明星达: a surname and a character making an ordinary word need context.
  if (scores.length === 2) return (scores[0] ?? 0) * (scores[1] ?? 0) >= ALONE_THREE && !(doc.isWord(start, surnameEnd + 1) && !/^nr/.test(doc.posOf(doc.text.slice(start, surnameEnd + 1))));
  const next = doc.text[end];
  // The name is followed by punctuation, a boundary word, or a whole dictionary word (樊禹家里).
  const wordFollows = doc.boundary(end) && doc.tokenEndAt(end) - end >= 2;
  const endsHere = !isHan(next) || wordFollows || doc.lex.nameBoundaries.has(next ?? '') || doc.hasStart(end, 'stop') || doc.hasStart(end, 'cue-after');
  return (scores[0] ?? 0) >= ALONE_TWO && endsHere;
}

/** givenScore of each Chinese character by UTF-16 unit, filled in as characters are met (NaN: not yet). */
const givenScores = new Float64Array(0x10000).fill(NaN);

/** givenScore of a character of one UTF-16 unit. */
function givenScoreOf(lex: Lexicon, ch: string): number {
  const c = ch.charCodeAt(0);
  let score = givenScores[c]!;
  if (Number.isNaN(score)) {
    score = givenScore(lex.given.get(ch));
    givenScores[c] = score;
  }
  return score;
}

/**
 * How much a character looks like part of a given name rather than of ordinary words:
 * names containing it / (words containing it + its use as a one-character word).
 */
function givenScore(g: GivenChar | undefined): number {
  // A character missing from the dictionary entirely is rare, and rare characters are names' (刘秉镰).
  if (!g) return RARE;
  const base = (g.names + 0.5) / (g.words + g.solo / 200 + 1);
  return g.common ? Math.max(base, PLAUSIBLE * 2) : base;
}

/** A title or byline label right before `start` (spaces allowed in bylines). */
function leftContext(doc: Doc, start: number): boolean {
  let i = start;
  while (i > 0 && isSpaceUnit(doc.text.charCodeAt(i - 1))) i--;
  if (doc.hasEnd(i, 'title') || doc.hasEnd(i, 'cue-before')) return true;
  // A role noun ending in 员/长/官/师 (审判员, 客运值班员) works as a title.
  const wordStart = doc.tokenStartBefore(i);
  return i - wordStart >= 2 && doc.boundary(i) && doc.lex.titleSuffixes.has(doc.text[i - 1] ?? '') && doc.isWord(wordStart, i);
}

/** A speech verb, cue or title that follows a name at `end`, or the end of a clause. */
function endsName(doc: Doc, end: number): boolean {
  if (doc.hasStart(end, 'cue-after')) return true;
  if (!doc.hasStart(end, 'title')) return false;
  for (const t of doc.startingAt(end, 'title')) if (doc.lex.titlesAfter.has(doc.text.slice(t.start, t.end))) return true;
  return false;
}

/** A title right after the name (克林顿总统, 习近平总书记): strong even for dictionary words. */
function followedByTitle(doc: Doc, end: number): boolean {
  return doc.startingAt(end, 'title').some((t) => doc.lex.titlesAfter.has(doc.text.slice(t.start, t.end)) && doc.boundary(t.end));
}

/** A title after the name, then punctuation, 的 or a speech verb (臧克和教授的论著). */
function titleClosesPhrase(doc: Doc, end: number): boolean {
  return doc.startingAt(end, 'title').some((t) => {
    const next = doc.text[t.end] ?? '';
    return doc.lex.titlesAfter.has(doc.text.slice(t.start, t.end)) && (!isHan(next) || next === '的' || doc.hasStart(t.end, 'cue-after'));
  });
}

/** A title or its prefix starting inside the given name (西浦执行校长: 浦执行 is no name). */
function titleStartsWithin(doc: Doc, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    if (!doc.startsAny(i, TITLE_OR_PREFIX)) continue;
    if (doc.startingAt(i, 'title').some((t) => t.end > end)) return true;
    if (doc.startingAt(i, 'title-prefix').some((t) => doc.startingAt(t.end, 'title').length > 0 && t.end >= end)) return true;
  }
  return false;
}

/** True when a word that cannot be the last given-name character starts at `i`. */
function startsNonName(doc: Doc, i: number): boolean {
  for (const kind of ['cue-after', 'verb', 'stop', 'title'] as const) {
    for (const m of doc.startingAt(i, kind)) if (m.end - m.start >= 2 && doc.boundary(m.end)) return true;
  }
  return false;
}

function neighbourAfter(doc: Doc, end: number, candidates: Map<number, Candidate>): Candidate | undefined {
  const sep = doc.text[end] ?? '';
  if (LIST_SEPARATORS.has(sep)) return candidates.get(end + 1);
  if (SPACES.test(sep)) {
    let i = end;
    while (SPACES.test(doc.text[i] ?? '')) i++;
    return candidates.get(i);
  }
  return undefined;
}

function neighbourBefore(doc: Doc, start: number, candidates: Map<number, Candidate>): Candidate | undefined {
  if (!LIST_SEPARATORS.has(doc.text[start - 1] ?? '')) return undefined;
  for (const len of [4, 3, 2]) {
    const c = candidates.get(start - 1 - len);
    if (c && c.end === start - 1) return c;
  }
  return undefined;
}

/**
 * Three characters after a title and before punctuation or a cue, the first not a listed surname
 * (副校长钞秋玲陪同): a name with a rare surname, when all three characters are name-like.
 */
function unlistedSurnames(doc: Doc, candidates: Map<number, Candidate>): PersonSpan[] {
  const { text, lex } = doc;
  const out: PersonSpan[] = [];
  for (const t of doc.all('title')) {
    const start = t.end;
    const end = start + 3;
    if (candidates.has(start) || doc.straddles(start, end)) continue;
    const chars = [...text.slice(start, end)];
    if (chars.length !== 3 || !chars.every(isHan) || lex.surnames.has(chars[0] ?? '')) continue;
    if (doc.longestEndingAt(start, 'title')?.end !== t.end || doc.startingAt(start, 'stop').length) continue;
    if (containsListedWord(doc, start, end)) continue;
    const next = text[end] ?? '';
    if (isHan(next) && !endsName(doc, end)) continue;
    if (chars.every((ch) => givenScoreOf(lex, ch) >= PLAUSIBLE * 5)) out.push({ start, end, strength: 'strong' });
  }
  return out;
}

/**
 * 保姆赵淑君: a two-character dictionary word from `start` to `wordEnd`, then a surname with two
 * name-like characters after it: the name starts after the word.
 */
function opensNameAfterWord(doc: Doc, start: number, wordEnd: number): boolean {
  const { text, lex } = doc;
  const [surname = '', g1 = '', g2 = ''] = [text[wordEnd], text[wordEnd + 1], text[wordEnd + 2]];
  if (!lex.surnames.has(surname) || !isHan(g1) || !isHan(g2) || !doc.isWord(start, wordEnd) || doc.isWord(start, wordEnd + 1)) return false;
  // 张开富参加: the word is a name itself (jieba: nr), or the two characters after the surname are a word.
  // (陈家康和毛泽东: 和 after the surname is no given name.)
  if (doc.posOf(text.slice(start, wordEnd)) === 'nr' || doc.isWord(wordEnd + 1, wordEnd + 3) || lex.nameBoundaries.has(g1) || lex.nameBoundaries.has(g2)) return false;
  return givenScoreOf(lex, g1) >= PLAUSIBLE && givenScoreOf(lex, g2) >= PLAUSIBLE;
}

/**
 * 小平同志, 耀邦同志: People's Daily names leaders by their given name before 同志. Two name-like
 * characters that are no dictionary word, opening a word, right before 同志.
 */
function givenNamesBeforeComrade(doc: Doc): PersonSpan[] {
  const { text, lex } = doc;
  const out: PersonSpan[] = [];
  for (let i = text.indexOf(COMRADE); i >= 0; i = text.indexOf(COMRADE, i + COMRADE.length)) {
    const start = i - 2;
    if (start < 0 || !doc.boundary(start) || !doc.boundary(i) || doc.isWord(start, i) || (isHan(text[start - 1]) && !doc.hasEnd(start, 'stop'))) continue;
    if (![text[start], text[start + 1]].every((ch) => isHan(ch) && givenScoreOf(lex, ch ?? '') >= PLAUSIBLE)) continue;
    if (containsListedWord(doc, start, i) || doc.hasStart(start, 'stop')) continue;
    out.push({ start, end: i, strength: 'strong' });
  }
  return out;
}

/**
 * A name closing a credit in brackets after the writer's place or unit (（山西阳城县刘国信）,
 * （河北故城县纪委杨文榜）), as People's Daily signs readers' letters and contributions.
 */
function closesCredit(doc: Doc, c: Candidate): boolean {
  const { text } = doc;
  if (text[c.end] !== '）' && text[c.end] !== ')') return false;
  const open = Math.max(text.lastIndexOf('（', c.start), text.lastIndexOf('(', c.start));
  if (open < 0 || c.start - open > 20 || /[）)，。]/.test(text.slice(open + 1, c.start))) return false;
  return (['place', 'org', 'org-suffix'] as const).some((k) => doc.hasEnd(c.start, k));
}

/** 严汉祥和扬州的季之光: the last character makes a word with a following 和/与/及 (祥和). */
function endsBeforeConjunction(doc: Doc, start: number, end: number): boolean {
  return doc.boundary(start) && doc.tokenEndAt(end - 1) === end + 1 && doc.tokenStartBefore(end) === end - 1 && CONJUNCTIONS.has(doc.text[end] ?? '');
}

/** 邓小平理论: a three-character name in jieba's dictionary opening a longer dictionary word. */
function knownNameOpeningWord(doc: Doc, start: number, end: number): boolean {
  return end - start === 3 && doc.boundary(start) && doc.tokenEndAt(start) > end && /^nr/.test(doc.posOf(doc.text.slice(start, end)));
}

function containsPlace(doc: Doc, from: number, end: number): boolean {
  for (let i = from; i < end; i++) if (doc.hasStart(i, 'place') && doc.startingAt(i, 'place').some((m) => m.end <= end)) return true;
  return false;
}

/** 先生, 记者: the span is itself a cue or title word. */
function isCueWord(doc: Doc, start: number, end: number): boolean {
  return (['cue-after', 'cue-before', 'title'] as const).some((k) => doc.startingAt(start, k).some((m) => m.end === end));
}

/**
 * True when a title, unit, institution suffix or place starts inside the span (区委办, 宣传部);
 * with `inside`, only one that also ends inside it.
 */
function containsListedWord(doc: Doc, start: number, end: number, inside = false, kinds: readonly Kind[] = LISTED_KINDS): boolean {
  for (let i = start; i < end; i++) {
    if (!doc.startsAny(i, LISTED)) continue;
    if (!inside) return true;
    for (const kind of kinds) if (doc.startingAt(i, kind).some((m) => m.end <= end)) return true;
  }
  return false;
}

/** Foreign names: runs of transliteration characters with a person context (克林顿总统, 基辛格说). */
function findForeign(doc: Doc): PersonSpan[] {
  const { text } = doc;
  const translit = doc.lex.translit;
  // Out of range, charCodeAt gives NaN, which is in no table.
  const isTranslit = (k: number): boolean => translit[text.charCodeAt(k)] === 1;
  const out: PersonSpan[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isTranslit(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && (isTranslit(j) || (text.charCodeAt(j) === MIDDLE_DOT && isTranslit(j + 1)))) j++;
    // 塞迪略总统, 达恩·蒂雄２月, 内塔尼亚胡３日: the list keeps only common transliteration characters,
    // so one rarer Han character may close a run of two or more before a title, cue or number.
    const next = text[j + 1] ?? '';
    if (j - i >= 2 && closesForeign(doc, i, j) && (endsName(doc, j + 1) || DIGIT.test(next))) {
      const found = foreignAt(doc, i, j + 1, DIGIT.test(next));
      if (found) {
        out.push(found);
        i = found.end;
        continue;
      }
    }
    // From each word start in the run (当地人安东尼奥: 人 is a transliteration character too), try the
    // longest span ending at a word boundary, then shorter ones, for a context match.
    for (let start = i; start + 2 <= j; start++) {
      if (!doc.boundary(start)) continue;
      const found = foreignAt(doc, start, Math.min(j, start + MAX_FOREIGN));
      if (found) {
        out.push(found);
        start = found.end - 1;
      }
    }
    i = j;
  }
  // A run read to the end of its phrase replaces the shorter runs inside it (塞迪 → 塞迪略).
  for (const p of foreignAfterTitles(doc)) {
    if (out.some((o) => o.start < p.end && p.start < o.end && (o.start < p.start || o.end > p.end))) continue;
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start >= p.start && out[k]!.end <= p.end) out.splice(k, 1);
    out.push(p);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * 副部长姆隆戈提、, 空军司令昔卡普瓦夏中将, 总统塞迪略举行: between a title and the end of the
 * phrase (punctuation, a conjunction, a title, a cue or a verb), a run of transliteration characters
 * with at most one rarer character is a foreign name, when it cannot be a Chinese one: after a
 * common surname only five or more characters or a · (总理李鹏, 主席江泽民 stay Chinese).
 */
function foreignAfterTitles(doc: Doc): PersonSpan[] {
  const { text, lex } = doc;
  const out: PersonSpan[] = [];
  for (const t of doc.all('title')) {
    const start = t.end;
    if (doc.longestEndingAt(start, 'title')?.end !== start || !doc.boundary(start)) continue;
    let end = start;
    let rare = -1;
    while (end - start < MAX_FOREIGN) {
      const code = text.charCodeAt(end);
      if (code === MIDDLE_DOT && end > start && lex.translit[text.charCodeAt(end + 1)] === 1) {
        end++;
        continue;
      }
      if (!isHan(text[end]) || endsForeignPhrase(doc, end)) break;
      if (lex.translit[code] !== 1) {
        if (rare >= 0) break;
        rare = end;
      }
      end++;
    }
    const length = end - start;
    // The run must reach the end of the phrase.
    if (length < (rare >= 0 ? 3 : 2) || !doc.boundary(end) || (isHan(text[end]) && !endsForeignPhrase(doc, end))) continue;
    // After a common surname, four characters may be two Chinese names (记者罗科苏盈): five or a · are needed.
    const commonSurname = (lex.surnames.get(text[start] ?? '') ?? 0) >= ALONE_SURNAME;
    if (commonSurname && length < 5 && !text.slice(start, end).includes('·')) continue;
    // Shorter runs: the rarer character only last (塞迪略), and no ordinary word.
    if (length < 4 && ((rare >= 0 && rare !== end - 1) || (doc.isWord(start, end) && !/^nr/.test(doc.posOf(text.slice(start, end)))))) continue;
    if (containsListedWord(doc, start, end, true) || doc.hasStart(start, 'place')) continue;
    out.push({ start, end, strength: 'strong' });
  }
  return out;
}

/** A conjunction, 的, 等, title, cue or verb starts at `i`: a foreign name before it ends there. */
function endsForeignPhrase(doc: Doc, i: number): boolean {
  const ch = doc.text[i] ?? '';
  const code = doc.text.charCodeAt(i);
  // 阿萨亚斯都没有: a one-character function word that no transliteration uses.
  if (CONJUNCTIONS.has(ch) || (doc.lex.singleStops[code] === 1 && doc.lex.translit[code] !== 1) || doc.hasStart(i, 'title') || doc.hasStart(i, 'cue-after')) return true;
  // A verb or a function word such as 近日 (jieba's segmentation must agree that a word starts here).
  return doc.boundary(i) && (doc.hasStart(i, 'verb') || doc.startingAt(i, 'stop').some((m) => m.end - m.start >= 2));
}

/**
 * Whether the Han character at `j` may close the transliterated run starting at `start`: the run
 * starts a word, the character is no function word (人人都, 罗斯的), landmark ending (克里姆林宫)
 * or listed word, and is not inside an ordinary dictionary word (列宁明确, 现代高层).
 */
function closesForeign(doc: Doc, start: number, j: number): boolean {
  const { text, lex } = doc;
  const ch = text[j] ?? '';
  if (!isHan(ch) || !doc.boundary(start) || lex.nameBoundaries.has(ch) || lex.landmarkEndings[text.charCodeAt(j)] === 1) return false;
  if (doc.startsAny(j, LISTED) || doc.tokenEndAt(j) > j + 1) return false;
  const wordStart = doc.tokenStartBefore(j + 1);
  return wordStart === j || !doc.isWord(wordStart, j + 1) || /^nr/.test(doc.posOf(text.slice(wordStart, j + 1)));
}

function foreignAt(doc: Doc, start: number, limit: number, beforeNumber = false): PersonSpan | undefined {
  const { text } = doc;
  for (let end = limit; end - start >= 2; end--) {
    if (!doc.boundary(end)) continue;
    if (doc.longestAt(start, 'place')?.end === end || (doc.isWord(start, end) && doc.posOf(text.slice(start, end)) === 'ns')) return undefined;
    if (isForeignPlace(doc, start, end)) return undefined;
    // 部长莫文祥在: two characters opening with a common surname and running on into a third are a
    // Chinese name's start, not a foreign name.
    if (end - start === 2 && (doc.lex.surnames.get(text[start] ?? '') ?? 0) >= ALONE_SURNAME && isHan(text[end]) && !endsForeignPhrase(doc, end)) continue;
    // Before a number (蒂雄２月２６日) only with a title before the name.
    const strong = leftContext(doc, start) || (!beforeNumber && endsName(doc, end));
    if (strong && (!doc.isWord(start, end) || /^nr/.test(doc.posOf(text.slice(start, end))))) return { start, end, strength: 'strong' };
  }
  return undefined;
}

/**
 * Title, org and role of each person whose name follows a title descriptor:
 * `南开大学党委书记杨庆山` → role 南开大学党委书记, title 党委书记, org 南开大学;
 * `区委副书记、区长许颖悟` → role and title 区委副书记、区长. A person with a title
 * but no institution takes the one of the previous person in the same sentence.
 */
function attachRoles(doc: Doc, people: PersonSpan[]): void {
  const { text } = doc;
  let lastOrg: { org: string; sentenceEnd: number } | undefined;
  let sentenceEnd = -1;
  for (const p of people) {
    let nameEdge = p.start;
    while (nameEdge > 0 && SPACES.test(text[nameEdge - 1] ?? '')) nameEdge--;
    let pos = nameEdge;
    const segments: { org: string; title: string; orgStart: number; orgEnd: number }[] = [];
    let descStart = pos;
    for (;;) {
      const title = titleEndingAt(doc, pos);
      if (!title) break;
      const orgStart = orgPartStart(doc, title.start);
      segments.unshift({ org: text.slice(orgStart, title.start), title: text.slice(title.start, pos), orgStart, orgEnd: title.start });
      descStart = orgStart;
      if (text[orgStart - 1] === '、' && titleEndingAt(doc, orgStart - 1)) pos = orgStart - 1;
      else break;
    }
    if (segments.length === 0) continue;
    // People come in text order, so the end of the current sentence only moves forward.
    if (sentenceEnd < p.end) sentenceEnd = nextSentenceEnd(text, p.end);
    const titles = segments.map((s) => s.org && isTitleUnit(doc, s.org) ? s.org + s.title : s.title);
    p.title = titles.join('、');
    p.role = text.slice(descStart, nameEdge);
    // The institution part must look like one (a place or institution opens it, or a suffix ends it):
    // in 本报北京12月13日讯记者唐维红 or 老将军孙毅 the words before the title are no institution.
    const org = [...segments].reverse().find((s) => s.org && !isTitleUnit(doc, s.org) && looksLikeOrg(doc, s.orgStart, s.orgEnd))?.org;
    if (org) {
      p.org = org;
      lastOrg = { org, sentenceEnd };
    } else if (lastOrg && lastOrg.sentenceEnd >= p.start) {
      p.org = lastOrg.org;
    }
  }
}

function looksLikeOrg(doc: Doc, start: number, end: number): boolean {
  const opens = (['place', 'org', 'org-abbr', 'org-prefix'] as const).some((k) => doc.hasStart(start, k));
  return opens || doc.hasEnd(end, 'org-suffix') || doc.hasEnd(end, 'org') || doc.hasEnd(end, 'org-abbr');
}

/** A title (with its prefixes: 常务副区长, 执行校长) ending at `end`. */
function titleEndingAt(doc: Doc, end: number): Span | undefined {
  const t = doc.longestEndingAt(end, 'title');
  if (!t) return undefined;
  let start = t.start;
  for (;;) {
    const prefix = doc.longestEndingAt(start, 'title-prefix');
    if (!prefix) break;
    start = prefix.start;
  }
  return { start, end };
}

/** Units that are part of a title rather than its institution: 区委 in 区委副书记, 党委 in 党委常委. */
function isTitleUnit(doc: Doc, org: string): boolean {
  return doc.lex.titleUnits.has(org);
}

/** Where the institution part of a descriptor starts, going left from `start`. */
function orgPartStart(doc: Doc, start: number): number {
  const { text } = doc;
  let i = start;
  while (i > 0 && start - i < 30) {
    const ch = text[i - 1] ?? '';
    if (!isHan(ch) && !/[A-Za-z0-9·]/.test(ch)) break;
    if (doc.endingAt(i, 'stop').some((m) => doc.boundary(m.start))) {
      const joined = acrossConjunction(doc, i);
      if (joined === undefined) break;
      i = joined;
      continue;
    }
    if (doc.endingAt(i, 'verb').some((m) => doc.boundary(m.start))) break;
    if (doc.endingAt(i, 'cue-after').some((m) => doc.boundary(m.start))) break;
    if (doc.endingAt(i, 'title').length > 0 && i !== start) break;
    i = doc.tokenStartBefore(i);
  }
  return i;
}

function nextSentenceEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if ('。！？；\n!?;'.includes(text[i] ?? '')) return i;
  return text.length;
}
