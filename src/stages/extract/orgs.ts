/**
 * Institutions, by the grammar of Chinese organization names: a suffix
 * (大学, 研究院, 人民政府, 有限公司, 局 …) preceded by name material that extends
 * leftwards word by word until a function word, verb, title, person, number or
 * punctuation. Names inside names stay one entity (南开大学京津冀协同发展研究院).
 * Known institutions come from a list; short names (西工大, 西安交大) are linked
 * to the full name when the page has it: derived from the full name's words
 * (西北/工业/大学 → 西工大), declared (（以下简称“西浦”）) or listed (清华, 中科院).
 */
import { DIGIT, Doc, NUMERALS, isHan, type Span } from './doc.js';
import type { Match } from './lexicon.js';
import { stateFormAfter } from './places.js';

export interface OrgSpan extends Span {
  /** For short names: the full name found on the page. */
  full?: string;
}

const MAX_LENGTH = 30;
/** Prepositions that end a word before an institution (谨向大会) rather than belong to its name. */
const PREPOSITIONS = new Set(['向', '在', '对', '与', '从', '由', '给', '把', '被']);
/** 第十五次全国代表大会, 第三届理事会: an ordinal opening an institution's name. */
const ORDINAL = /(?:第[一二三四五六七八九十百零〇0-9０-９]{1,4}[次届]?|[一二三四五六七八九十]{1,3}届)$/;
const DASHES = new Set(['—', '－', '-', '–']);
/** Courts and committees are named for what they do (终审法院, 推荐委员会): a verb may open the name. */
const VERB_NAMED = new Set(['法院', '委员会']);
/** 中国致公党十一大, 中共十五大, 致公党中央: a party's congress or central committee. */
const PARTY_TAIL = /^(?:[一二三四五六七八九十]{1,3}大|中央)/;
/** 十四大, 党的二十大 standing alone: an ordinal congress, not a word (十大 is also 'ten big'). */
const CONGRESS = /[一二三四五六七八九十]{2,3}大/g;
/**
 * A title in 《》 ending in 报, a newspaper (People's Daily / MSRA mark papers as ORG); not a
 * document (《关于…的通报》, 《政府工作报告》, 《联合公报》) or a forecast (天气预报).
 */
const NEWSPAPER = /《(?!关于)([\u4e00-\u9fff]{1,8}(?<![的公通简情预电年])报)》/g;
/** One-character suffixes that are also a particle (所写) and a modal verb (会说). */
const PARTICLE_SUFFIXES = new Set(['所', '会']);
/** A numbered body of an institution: 第十五次全国代表大会, 第三届理事会. */
const NUMBERED = /^第[一二三四五六七八九十百零〇0-9０-９]{1,4}[次届]/;
/** Suffixes whose full names give derived short names (西北工业大学 → 西工大). */
const ABBREVIABLE = /(大学|学院)$/;

export function findOrgs(doc: Doc, blocked: Uint8Array): OrgSpan[] {
  const { text } = doc;
  const titleCover = new Int32Array(text.length);
  for (const t of doc.all('title')) for (let i = t.start; i < t.end; i++) titleCover[i] = Math.max(titleCover[i] ?? 0, t.end);

  const candidates: OrgSpan[] = [];
  for (const m of doc.all('org-suffix')) {
    const endsWord = endsNameWord(doc, m.end);
    // 国防部长, 外交部长 as one word: People's Daily marks the ministry (国防部) and leaves 长.
    const ministerTail = text[m.start] === '部' && m.end - m.start === 1 && text[m.end] === '长' && doc.boundary(m.end + 1) && !doc.boundary(m.end) && doc.tokenStartBefore(m.end) <= m.start - 2;
    if ((!endsWord && !ministerTail) || blocked[m.start] || blocked[m.end - 1]) continue;
    // 局 in 格局, 署 in 签署: a one-character suffix ending an ordinary two-character word, unless an
    // institution or place opens it (国务院外办, 国家计委).
    if (m.end - m.start === 1 && doc.isWord(m.end - 2, m.end)) {
      const word = m.end - 2;
      const verbal = doc.hasStart(word, 'verb') || doc.hasStart(word, 'stop');
      // Only government units shorten this way (外办, 计委); 中国社会 is no institution.
      if (verbal || m.info !== 'unit' || !isAnchor(doc, word, 'end')) continue;
    }
    // 党委 in 党委书记, 部 in 部长: the suffix belongs to a title.
    if (!ministerTail && (titleCover[m.start] ?? 0) > m.end && doc.boundary(titleStartCovering(doc, m.start))) continue;
    if (isEvent(doc, m.end)) continue;
    // 苏联解体前所写, 他会说: 所 and 会 before a verb are a particle and a modal.
    if (PARTICLE_SUFFIXES.has(text.slice(m.start, m.end)) && doc.posOf(text.slice(m.end, doc.tokenEndAt(m.end))).startsWith('v')) continue;
    // 委 in 政协常委: the suffix ends a title word.
    if (doc.endingAt(m.end, 'title').some((t) => t.start < m.start && doc.boundary(t.start))) continue;
    const span = extendLeft(doc, blocked, m.start, m.end, m.info as Strength);
    if (span) candidates.push(span);
  }
  for (const kind of ['org', 'org-abbr'] as const) {
    for (const m of doc.all(kind)) {
      if (!(endsNameWord(doc, m.end) || doc.gluedToWord(m.start, m.end)) || blocked[m.start] || blocked[m.end - 1]) continue;
      if (kind === 'org-abbr') {
        if (!doc.boundary(m.start)) continue;
        const full = m.info;
        const ambiguous = doc.longestAt(m.start, 'place')?.end === m.end || doc.longestAt(m.start, 'place-short')?.end === m.end;
        if (ambiguous && !text.includes(full)) continue;
        candidates.push(full !== text.slice(m.start, m.end) && text.includes(full) ? { start: m.start, end: m.end, full } : { start: m.start, end: m.end });
      } else {
        const start = knownNameStart(doc, m);
        if (start !== undefined && !blocked[start]) candidates.push({ start, end: m.end });
      }
    }
  }
  for (const c of candidates) {
    const name = text.slice(c.start, c.end);
    if (!name.endsWith('党') && name !== '中共') continue;
    const tail = PARTY_TAIL.exec(text.slice(c.end, c.end + 4));
    if (tail && !blocked[c.end]) c.end += tail[0].length;
  }
  for (const m of text.matchAll(CONGRESS)) {
    const start = m.index;
    const end = start + m[0].length;
    const afterNumeral = NUMERALS.has(text[start - 1] ?? '');
    if (blocked[start] || afterNumeral || !doc.boundary(start) || /[学会使厦型量家多部批力小]/.test(text[end] ?? '')) continue;
    candidates.push({ start, end });
  }
  // 《星报》, 《卫报》: a newspaper's name between title marks.
  for (const m of text.matchAll(NEWSPAPER)) {
    const start = m.index + 1;
    const end = start + (m[1]?.length ?? 0);
    if (!blocked[start] && !blocked[end - 1]) candidates.push({ start, end });
  }
  // 筹委会, 预委会, 常委会: a three-character dictionary word shortening a 委员会.
  for (const m of doc.all('org-suffix')) {
    const start = m.end - 3;
    const alone = start === 0 || !isHan(text[start - 1]) || doc.hasEnd(start, 'stop');
    if (text.slice(m.start, m.end) === '会' && start >= 0 && alone && text[start + 1] === '委' && doc.isWord(start, m.end) && !blocked[start]) {
      // “幸福工程”组委会: with the quoted name of what it organizes.
      const quoted = quotedNameBefore(text, start);
      candidates.push({ start: quoted !== undefined && !blocked[quoted] ? quoted : start, end: m.end });
    }
  }
  const orgs = longestFirst(candidates);
  const shortNames = abbreviations(doc, orgs);
  for (const [short, full] of shortNames) {
    for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + short.length)) {
      const end = i + short.length;
      if (!doc.boundary(i) || !doc.boundary(end) || blocked[i] || blocked[end - 1]) continue;
      candidates.push({ start: i, end, full });
    }
  }
  return joinOrdinalBodies(text, longestFirst(candidates));
}

/**
 * 中国共产党第十五次全国代表大会, 中国民主促进会第八次全国代表大会: an institution and its
 * numbered congress or committee right after it are one name.
 */
function joinOrdinalBodies(text: string, orgs: OrgSpan[]): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (const o of orgs) {
    const previous = out.at(-1);
    if (previous && !previous.full && previous.end === o.start && NUMBERED.test(text.slice(o.start, o.end))) previous.end = o.end;
    else out.push(o);
  }
  return out;
}

/** Where the institution named by the known name `m` starts, or undefined when `m` starts inside a word. */
function knownNameStart(doc: Doc, m: Match): number | undefined {
  // 西吉县委: a place ending with the level character of 县委 names that county's organ.
  const levelOf = m.info === 'level' ? doc.endingAt(m.start + 1, 'place').find((p) => p.start < m.start && doc.boundary(p.start)) : undefined;
  if (levelOf) return levelOf.start;
  // 全国工商联: a word that opens national institutions, right before a known short name.
  const opener = doc.endingAt(m.start, 'org-prefix').find((p) => doc.boundary(p.start));
  if (opener) return opener.start;
  if (!doc.boundary(m.start)) return undefined;
  // 第十五次全国代表大会: an ordinal before a known name belongs to it.
  const ordinal = ORDINAL.exec(doc.text.slice(Math.max(0, m.start - 6), m.start));
  return m.start - (ordinal?.[0].length ?? 0);
}

/** 工作座谈会: an event word ends at `end`. */
function isEvent(doc: Doc, end: number): boolean {
  for (let length = 2; length <= 4; length++) if (doc.lex.eventWords.has(doc.text.slice(end - length, end))) return true;
  return false;
}

/** A name ends a word at `end`, or a title follows it inside one word (大学教授, 县委书记). */
function endsNameWord(doc: Doc, end: number): boolean {
  return doc.boundary(end) || doc.startingAt(end, 'title').some((t) => doc.boundary(t.end));
}

function titleStartCovering(doc: Doc, i: number): number {
  for (let s = i; s >= Math.max(0, i - 6); s--) {
    for (const t of doc.startingAt(s, 'title')) if (t.end > i) return s;
  }
  return i;
}

type Strength = 'strong' | 'name' | 'company' | 'unit' | 'weak';

/** The institution ending with the suffix at [start, end), or none when no name precedes it. */
function extendLeft(doc: Doc, blocked: Uint8Array, start: number, end: number, strength: Strength): OrgSpan | undefined {
  const { text } = doc;
  let pos = start;
  let anchored = false;
  // Company names may contain a trade (精密切削技术): past a verb, the name continues only up to a place.
  let beforeVerb: number | undefined;
  const suffixIsKnown = doc.longestAt(start, 'org')?.end === end;
  while (pos > 0 && end - pos < MAX_LENGTH) {
    const ch = text[pos - 1] ?? '';
    // 海口市第２７小学: an ordinal inside the name.
    const ordinalInside = pos === start ? ORDINAL.exec(text.slice(Math.max(0, pos - 6), pos)) : null;
    if (ordinalInside) {
      pos -= ordinalInside[0].length;
      continue;
    }
    // An ordinal opens the name (第四次会员代表大会 is the congress, not the 中国法学会 before it).
    if (pos < start && ORDINAL.test(text.slice(Math.max(0, pos - 6), pos)) && text[pos - 1] !== '第') break;
    // 中国—东盟联合合作委员会: a dash joining two places or institutions inside the name.
    if (DASHES.has(ch) && pos >= 2 && isAnchor(doc, pos, 'start') && isAnchor(doc, pos - 1, 'end')) {
      pos--;
      continue;
    }
    // “幸福工程”组委会: a quoted name right before the suffix is the institution's name, quotes and all.
    const quoted = pos === start ? quotedNameBefore(text, pos) : undefined;
    if (quoted !== undefined && !blocked[quoted] && !blocked[pos - 1]) {
      pos = quoted;
      anchored = true;
      break;
    }
    if (!isHan(ch) || blocked[pos - 1]) break;
    // ３月３日电以色列国议会: a dateline ends before the name; 小河路37号杭州轻工机械厂: an address.
    if (ch === '电' && text[pos - 2] === '日') break;
    if (ch === '号' && (DIGIT.test(text[pos - 2] ?? '') || NUMERALS.has(text[pos - 2] ?? ''))) break;
    if (endsWithKind(doc, pos, 'verb') && strength === 'company' && beforeVerb === undefined) {
      beforeVerb = pos;
    } else if (pos === start && endsWithKind(doc, pos, 'verb') && !suffixIsKnown && (followsAnchor(doc, doc.tokenStartBefore(pos)) || VERB_NAMED.has(text.slice(start, end)))) {
      // 香港特区终审法院: a verb right before the suffix, itself right after a place or institution
      // (but 乡纪委直至县委 is two institutions).
    } else if (endsWithKind(doc, pos, 'stop') || endsWithKind(doc, pos, 'verb') || endsWithKind(doc, pos, 'cue-after')) {
      const joined = acrossConjunction(doc, pos);
      if (joined === undefined) break;
      pos = joined;
      anchored = true;
      continue;
    }
    if (endsWithKind(doc, pos, 'title') && !doc.endingAt(pos, 'org-suffix').length) break;
    const tokenStart = doc.tokenStartBefore(pos);
    // 谨向, 特向: a two-character word ending in a preposition.
    if (pos - tokenStart === 2 && PREPOSITIONS.has(ch) && !isAnchor(doc, tokenStart)) break;
    // 两国政府, 中英两国政府, 三所大学: a count is no name (ordinals are taken below, places stay).
    if (hasNumeral(text, tokenStart, pos) && !isAnchor(doc, tokenStart) && !ORDINAL.test(text.slice(Math.max(0, pos - 6), pos))) break;
    pos = tokenStart;
    if (isAnchor(doc, pos)) {
      anchored = true;
      if (beforeVerb !== undefined && doc.longestAt(pos, 'place')) beforeVerb = undefined;
    }
  }
  if (beforeVerb !== undefined) pos = beforeVerb;
  const ordinal = ORDINAL.exec(text.slice(Math.max(0, pos - 6), pos));
  if (ordinal) pos -= ordinal[0].length;
  // 世界一流大学, 有关部门: a description, not a name; 两国政府: a count.
  if (doc.longestAt(pos, 'generic') || (NUMERALS.has(text[pos] ?? '') && !ordinal)) return undefined;
  const material = start - pos;
  if (material === 0) return undefined;
  // 中国政府, 香港特别行政区政府: People's Daily writes a place and its government as a place and a word.
  // (波兰共和国政府 too: a country's official name.)
  const place = doc.longestAt(pos, 'place');
  if (text.slice(start, end) === '政府' && place && place.end + stateFormAfter(doc, place) === start) return undefined;
  // People's Daily: of a chain of places before a name (吉林省长春市二道区东站街道…), only the
  // last one belongs to the institution; the ones before it are places of their own.
  pos = lastPlaceOfChain(doc, pos, start);
  pos = knownNameAfterPhrase(doc, pos, end);
  if (doc.isWord(pos, end)) {
    const known = doc.longestAt(pos, 'org')?.end === end || (strength === 'strong' && /^nt/.test(doc.posOf(text.slice(pos, end))));
    const named = strength === 'name' && end - pos >= 4;
    return known || named || (anchored && strength !== 'unit' && strength !== 'weak') ? { start: pos, end } : undefined;
  }
  // 型公司, 当政府: one character of name material is no name unless it is a place or institution.
  if (!anchored && material < 2) return undefined;
  if (strength === 'weak' && !anchored && !opensDateline(text, pos, end)) return undefined;
  // 物流公司, 唱片公司: a trade before 公司 describes a company rather than names one.
  if (strength === 'company' && !anchored && doc.lex.trades.has(text.slice(pos, doc.tokenEndAt(pos)))) return undefined;
  return { start: pos, end };
}

/** Closing quotes and the opening quotes they pair with. */
const QUOTES: Record<string, string> = { '”': '“', '』': '『', '」': '「', '》': '《' };

/** Start of a quoted name of 2–12 Chinese characters ending at `end` (“幸福工程”), or undefined. */
function quotedNameBefore(text: string, end: number): number | undefined {
  const open = QUOTES[text[end - 1] ?? ''];
  if (!open) return undefined;
  const start = text.lastIndexOf(open, end - 2);
  if (start < 0 || end - 2 - start < 2 || end - 2 - start > 12) return undefined;
  for (let i = start + 1; i < end - 1; i++) if (!isHan(text[i])) return undefined;
  return start;
}

/**
 * 违规出版单位新华社, 紧密配合中国共产党: a known institution ending the span after three or more
 * characters that hold no place or institution, nor a word ending like one, is the name; the words
 * before it are not (MSRA's sentences run a dateline's 新华社 on from the text before it). With a
 * place or institution before it the whole stays (美国中国商会, 墩头镇中心医院, 市政府新闻办).
 */
function knownNameAfterPhrase(doc: Doc, pos: number, end: number): number {
  const known = doc.endingAt(end, 'org').find((k) => k.start > pos && doc.boundary(k.start));
  if (!known || known.start - pos < 3) return pos;
  for (let i = pos; i < known.start; i = doc.tokenEndAt(i)) {
    const tokenEnd = doc.tokenEndAt(i);
    if (isAnchor(doc, i) || isAnchor(doc, tokenEnd, 'end') || doc.hasEnd(tokenEnd, 'org-suffix') || doc.hasEnd(tokenEnd, 'place-suffix')) return pos;
  }
  return known.start;
}

/** 中宏网1月27日电, （中宏网特约作者…: a name opening a line or a bracket, followed by a date or byline. */
function opensDateline(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (before !== undefined && before !== '\n' && before !== '（' && before !== '(') return false;
  return /^(?:[0-9０-９一二三四五六七八九十]{1,4}[月日]|讯|电|记者|特约|通讯员|消息)/.test(text.slice(end, end + 4));
}

/**
 * 南开大学经济与社会发展研究院: a conjunction inside a unit name, accepted when an institution or
 * place ends right before the word preceding it. Returns where the name continues, or undefined.
 */
export function acrossConjunction(doc: Doc, pos: number): number | undefined {
  const ch = doc.text[pos - 1];
  if (ch !== '与' && ch !== '和') return undefined;
  const wordStart = doc.tokenStartBefore(pos - 1);
  if (pos - 1 - wordStart < 2) return undefined;
  if (doc.hasEnd(pos - 1, 'title')) return undefined; // 主席和…: two descriptions, not one name
  const anchored = ['org', 'org-abbr', 'place', 'org-suffix'].some((k) => doc.endingAt(wordStart, k as 'org').length > 0);
  return anchored ? wordStart : undefined;
}

function hasNumeral(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NUMERALS.has(text[i] ?? '')) return true;
  return false;
}

/** A place or institution ends at `pos`, or the word ending there starts with one (香港特区). */
function followsAnchor(doc: Doc, pos: number): boolean {
  return isAnchor(doc, pos, 'end') || isAnchor(doc, doc.tokenStartBefore(pos), 'start');
}

/** Where the last of a run of places starting at `pos` begins (before `limit`). */
function lastPlaceOfChain(doc: Doc, pos: number, limit: number): number {
  let current = pos;
  for (;;) {
    const place = doc.longestAt(current, 'place');
    if (!place || place.end >= limit || !ADMIN_LEVELS.has(place.info)) return current;
    const next = doc.longestAt(place.end, 'place');
    // Only a hierarchy of Chinese divisions is split (美国中国商会 stays one name).
    if (!next || next.end > limit || !ADMIN_LEVELS.has(next.info)) return current;
    current = place.end;
  }
}

const ADMIN_LEVELS = new Set(['province', 'prefecture', 'county']);

/** A place or institution (or a word that opens one: 国家) starts, or with `end` ends, at `pos`. */
function isAnchor(doc: Doc, pos: number, at: 'start' | 'end' = 'start'): boolean {
  const has = at === 'start' ? doc.hasStart.bind(doc) : doc.hasEnd.bind(doc);
  return has(pos, 'place') || has(pos, 'org') || has(pos, 'org-abbr') || has(pos, 'org-prefix');
}

function endsWithKind(doc: Doc, pos: number, kind: 'stop' | 'verb' | 'cue-after' | 'title'): boolean {
  return doc.endingAt(pos, kind).some((m) => doc.boundary(m.start));
}

/** Non-overlapping spans, longest first, returned in text order. */
function longestFirst(spans: OrgSpan[]): OrgSpan[] {
  // Longest first; of equal spans, the one linked to a full name.
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || (b.full ? 1 : 0) - (a.full ? 1 : 0));
  const out: OrgSpan[] = [];
  const used = new Uint8Array(spans.reduce((n, s) => Math.max(n, s.end), 0));
  for (const s of sorted) {
    if (used.subarray(s.start, s.end).includes(1)) continue;
    used.fill(1, s.start, s.end);
    out.push(s);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Short names of the page's institutions: derived from their words, or declared after them. */
function abbreviations(doc: Doc, orgs: OrgSpan[]): Map<string, string> {
  const { text } = doc;
  const out = new Map<string, string>();
  const seen = new Set<string>();
  for (const o of orgs) {
    const full = text.slice(o.start, o.end);
    if (o.full || seen.has(full)) continue;
    seen.add(full);
    if (ABBREVIABLE.test(full)) {
      // Words of the name: 西安/交通/大学 → 西交大, 西安交大, 交大.
      const words: string[] = [];
      for (let i = o.start; i < o.end; ) {
        const e = Math.min(doc.tokenEndAt(i), o.end);
        words.push(text.slice(i, e));
        i = e;
      }
      // 哈佛大学 → 哈佛, 南开大学 → 南开: the name without 大学, when it is not a place of its own.
      const stem = full.slice(0, -2);
      if (full.endsWith('大学') && stem.length === 2 && !doc.lex.placeFull.has(stem) && !isAnchor(doc, o.start)) out.set(stem, full);
      if (words.length >= 3 && words.every((w) => w.length >= 2)) {
        const initials = words.map((w) => w[0]).join('');
        out.set(initials, full);
        const [first = '', ...rest] = words;
        const isPlace = doc.longestAt(o.start, 'place')?.end === o.start + first.length;
        if (isPlace) out.set(first + rest.map((w) => w[0]).join(''), full);
      }
    }
    // （以下简称“西浦”） right after the name.
    const after = text.slice(o.end, o.end + 16);
    const declared = /^[（(]([^（）()]{0,6}?)[“"「]?([\u4e00-\u9fff]{2,8})[”"」]?[）)]/.exec(after);
    const cued = !declared?.[1] || doc.startingAt(o.end + 1, 'abbr-cue').length > 0;
    if (declared && cued) {
      const short = declared[2] ?? '';
      if (short && short !== full) out.set(short, full);
    }
  }
  for (const [short, full] of [...out]) if (short.length < 2 || doc.lex.surnames.has(short)) out.delete(short);
  return out;
}
