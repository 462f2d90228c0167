/**
 * Header and credit lines: `来源：交大新闻网 日期：2024-11-11 09:50 浏览量：`,
 * `摄影：刘晓迟`, `编辑：吕洋、宋霖涛`, `光明日报记者 王建宏 张文攀`. Labels come
 * from data/header-labels.txt and data/credit-labels.txt. A block is a header
 * line when it starts with a label and every labelled value is plausible for
 * its field (a date for 发布时间, a short name for 来源, names for 编辑) — so
 * an interview's `记者：你怎么看？` stays in the body.
 */
import type { Block } from './blocks.js';
import { hanCount, isHan, isSpace, trimDecoration, visibleLength } from './chars.js';
import { findDates, parseDate } from './dates.js';
import { isDomain } from './title.js';
import { stripData, type CreditRole, type HeaderField } from './data.js';

export interface LabelHit {
  label: string;
  target: { kind: 'header'; field: HeaderField } | { kind: 'credit'; role: CreditRole };
  /** Offset of the label. */
  start: number;
  /** Offset just after the label's separator. */
  valueStart: number;
}

export interface HeaderLine {
  fields: { field: HeaderField; value: string }[];
  credits: { role: CreditRole; names: string[] }[];
  /** `published` candidates found in the line, label priority first. */
  dates: { iso: string; label: string }[];
}

interface Label {
  label: string;
  target: LabelHit['target'];
}

/** Labels by their last character, longest first within each. */
let labelsByLastChar: Map<string, Label[]> | undefined;

function labelsEndingWith(ch: string): Label[] {
  if (!labelsByLastChar) {
    const { headerLabels, creditLabels } = stripData();
    const all: Label[] = [];
    for (const [label, field] of headerLabels) all.push({ label, target: { kind: 'header', field } });
    for (const [label, role] of creditLabels) {
      if (!headerLabels.has(label)) all.push({ label, target: { kind: 'credit', role } });
    }
    labelsByLastChar = new Map();
    for (const l of all.sort((a, b) => b.label.length - a.label.length)) {
      const last = l.label[l.label.length - 1]!;
      labelsByLastChar.set(last, [...(labelsByLastChar.get(last) ?? []), l]);
    }
  }
  return labelsByLastChar.get(ch) ?? [];
}

let creditRegex: RegExp | undefined;

/** The byline labels as one alternation, longest first. */
function creditPattern(): RegExp {
  if (creditRegex) return creditRegex;
  const credits = [...stripData().bylineLabels].sort((a, b) => b.length - a.length);
  creditRegex = new RegExp(credits.map(escapeRegExp).join('|'), 'g');
  return creditRegex;
}

const COLONS = new Set([0x3a, 0xff1a]); // : ：
const SEPARATOR_PRESENT = /[:：/／|｜丨]/;
/** Separators a credit label may use instead of a colon (`文/张三`, `图｜新华社`). */
const CREDIT_SEPARATORS = new Set([0x2f, 0xff0f, 0x7c, 0xff5c, 0x4e28]); // / ／ | ｜ 丨

/** The label ending at `end` (exclusive), longest first. */
function labelEndingAt(text: string, end: number): Label | undefined {
  if (end === 0) return undefined;
  for (const l of labelsEndingWith(text[end - 1]!)) {
    if (end >= l.label.length && text.endsWith(l.label, end)) return l;
  }
  return undefined;
}

/**
 * Every `label：` in the text (a colon, or for credits at the start also `/`),
 * found by looking back from each separator — linear in the text length.
 */
export function findLabelHits(text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  if (!SEPARATOR_PRESENT.test(text)) return hits;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const colon = COLONS.has(code);
    if (!colon && !CREDIT_SEPARATORS.has(code)) continue;
    let end = i;
    if (end > 0 && text[end - 1] === ' ') end--;
    const l = labelEndingAt(text, end);
    if (!l) continue;
    const start = end - l.label.length;
    if (!colon && !(l.target.kind === 'credit' && trimDecoration(text.slice(0, start)) === '')) continue;
    let valueStart = i + 1;
    while (valueStart < text.length && isSpace(text.charCodeAt(valueStart))) valueStart++;
    hits.push({ label: l.label, target: l.target, start, valueStart });
  }
  return hits;
}

let furnitureRegex: RegExp | undefined;

/** Cuts a value at the first page-furniture word glued onto it (`韦承金微信` → `韦承金`). */
export function cutAtFurniture(value: string): string {
  if (!furnitureRegex) {
    const words = [...new Set(stripData().phrases.filter((p) => p.phrase.length >= 2 && p.reason !== 'header-line').map((p) => p.phrase))];
    words.sort((a, b) => b.length - a.length);
    furnitureRegex = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  }
  furnitureRegex.lastIndex = 1;
  const m = furnitureRegex.exec(value);
  return m ? value.slice(0, m.index) : value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A Chinese name opens with a surname (one or two characters); a Latin name has none to check. */
function hasSurname(name: string): boolean {
  if (hanCount(name) === 0) return true;
  const surnames = stripData().surnames;
  return surnames.has(name.slice(0, 2)) || surnames.has(name[0]!);
}

/** Words that are labels or page furniture, never names (`阅读`, `评论`, `编辑`). */
function isFurnitureWord(token: string): boolean {
  const data = stripData();
  return data.headerLabels.has(token) || data.creditLabels.has(token) || data.phraseIndex.byText.has(token);
}

function isOrgName(token: string): boolean {
  for (const suffix of stripData().orgSuffixes) {
    if (token.endsWith(suffix) && (suffix.length >= 2 || token.length >= 3)) return true;
  }
  return false;
}

const NAME_SEPARATORS = /[、，,；;／/|｜丨&＆]+/;

/**
 * Person names of a credit value: Chinese names of 2–4 Han characters, or
 * Latin names; organisations are skipped. Returns undefined when the value
 * holds something that is neither (a sentence, a number), which means the line
 * is not a credit line.
 */
export function splitNames(raw: string): string[] | undefined {
  const value = cutAtFurniture(raw.replace(/[（(][^()（）]{0,30}[)）]/g, ' ')).trim();
  if (value === '') return [];
  if (/[。！？!?]/.test(value) || visibleLength(value) > stripData().thresholds.creditValueChars) return undefined;
  const names: string[] = [];
  for (const piece of value.split(NAME_SEPARATORS)) {
    const p = trimDecoration(piece);
    if (p === '') continue;
    const tokens = hanCount(p) > 0 ? p.split(/\s+/) : [p];
    for (const token of tokens) {
      const t = trimDecoration(token);
      if (t === '') continue;
      const han = hanCount(t);
      if (han === t.length) {
        if (isOrgName(t) || isFurnitureWord(t)) continue;
        if (han >= 2 && han <= 4) names.push(t);
        else if (han > 4) return undefined;
        continue;
      }
      if (/^[A-Za-z][A-Za-z .'-]{0,29}$/.test(t) && !isDomain(t)) {
        names.push(t);
        continue;
      }
      return undefined;
    }
  }
  return names;
}

/** A source value without dates and glued furniture (`2023-01-27中宏网` → `中宏网`). */
export function cleanSource(value: string): string | undefined {
  let v = value;
  const dates = findDates(v);
  for (let i = dates.length - 1; i >= 0; i--) v = v.slice(0, dates[i]!.start) + ' ' + v.slice(dates[i]!.end);
  v = trimDecoration(cutAtFurniture(v).trim());
  if (v === '' || visibleLength(v) > stripData().thresholds.sourceChars || /[。！？!?，,]/.test(v)) return undefined;
  return v;
}

function plausible(hit: LabelHit, value: string): boolean {
  if (hit.target.kind === 'credit') return splitNames(value) !== undefined;
  switch (hit.target.field) {
    case 'published':
      return parseDate(value, true) !== undefined;
    case 'source':
      return value === '' || cleanSource(value) !== undefined || /^https?:\/\//.test(value);
    case 'views':
      return visibleLength(value) <= 20;
    default:
      return visibleLength(value) <= 80 && !/[。！？]/.test(value);
  }
}

/** A value without surrounding spaces and list separators; `!` and `?` stay (titles end in them). */
function trimValue(raw: string): string {
  return closeAtBracket(raw).replace(/^[\s:：|｜丨/]+/, '').replace(/[\s|｜丨,，;；、/]+$/, '');
}

/** A value ends at a closing bracket it did not open (`【编辑:刘欢】 返回搜狐` → `刘欢`). */
function closeAtBracket(value: string): string {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if ('（(【[〔'.includes(ch)) depth++;
    else if ('）)】]〕'.includes(ch)) {
      if (depth === 0) return value.slice(0, i);
      depth--;
    }
  }
  return value;
}

/** Start of the text after leading decoration (`【`, `（`, bullets). */
function contentStart(text: string): number {
  const trimmed = trimDecoration(text);
  return trimmed === '' ? text.length : text.indexOf(trimmed[0]!);
}

/** Words that close a credit rather than name someone (`姚峰 上海报道`, `吴军辉摄影报道`). */
const CREDIT_TAIL = /(?:摄影报道|报道|供稿|发自\S{0,6}|摄|[\u4e00-\u9fff]{2}报道)$/;

/**
 * Credits in parentheses at the start or end of an article: `（记者 蓝芳 通讯员
 * 井发苑 摄影宗琪琪）`, `（记者 格桑边觉）`, `（常书香 马丹阳）`, `（姚峰 上海报道）`.
 * Without a label every token must be a surnamed name, so `（以下简称“西浦”）`
 * or `（图为签约现场）` credit nobody.
 */
export function parentheticalCredits(inner: string): { role: CreditRole; names: string[] }[] | undefined {
  const credits: { role: CreditRole; names: string[] }[] = [];
  const labels = creditPattern();
  labels.lastIndex = 0;
  const marks: { at: number; label: string }[] = [];
  for (let m = labels.exec(inner); m !== null; m = labels.exec(inner)) marks.push({ at: m.index, label: m[0] });
  const segments: { role: CreditRole; text: string }[] = [];
  if (marks.length === 0) segments.push({ role: 'authors', text: inner });
  else {
    for (let i = 0; i < marks.length; i++) {
      const { at, label } = marks[i]!;
      segments.push({ role: stripData().creditLabels.get(label)!, text: inner.slice(at + label.length, marks[i + 1]?.at ?? inner.length) });
    }
  }
  for (const seg of segments) {
    const tokens = seg.text.trim().split(/[\s、，,]+/).map((x) => x.replace(CREDIT_TAIL, '')).filter((x) => x !== '');
    if (tokens.length === 0) continue;
    if (!tokens.every((x) => hanCount(x) === x.length && x.length >= 2 && x.length <= 4 && hasSurname(x) && !isFurnitureWord(x))) return undefined;
    credits.push({ role: seg.role, names: tokens });
  }
  return credits.length > 0 ? credits : undefined;
}

const headerCache = new WeakMap<Block, { text: string; line: HeaderLine | undefined }>();

/** parseHeaderLine of a block, computed once per block text (repair and classifier both ask). */
export function headerOf(block: Block, maxChars: number): HeaderLine | undefined {
  if (block.chars > maxChars) return undefined;
  const hit = headerCache.get(block);
  if (hit && hit.text === block.text) return hit.line;
  const line = parseHeaderLine(block.text, maxChars);
  headerCache.set(block, { text: block.text, line });
  return line;
}

/**
 * Parses a header or credit line; undefined when the block is not one.
 * `maxChars` bounds the line length (longer blocks are prose). The first
 * label must open the line (after at most a short site name or date); values
 * that make no sense for their label (template junk like `size="20"`) are
 * skipped, but a line whose only label has such a value is not a header line.
 */
export function parseHeaderLine(text: string, maxChars: number): HeaderLine | undefined {
  if (visibleLength(text) > maxChars) return undefined;
  const hits = findLabelHits(text);
  const first = hits[0];
  if (!first || visibleLength(text.slice(contentStart(text), first.start)) > stripData().thresholds.headerLeadChars) {
    return bylineOrDateLine(text);
  }
  const lead = text.slice(0, first.start);
  if (/[。！？]/.test(lead)) return undefined;
  const line: HeaderLine = { fields: [], credits: [], dates: [] };
  let plausibleHits = 0;
  for (let i = 0; i < hits.length; i++) {
    const hit = hits[i]!;
    const value = trimValue(text.slice(hit.valueStart, hits[i + 1]?.start ?? text.length));
    if (!plausible(hit, value)) {
      if (visibleLength(value) > 20 || /[。！？]/.test(value)) return undefined;
      continue;
    }
    plausibleHits++;
    if (hit.target.kind === 'credit') {
      const names = splitNames(value) ?? [];
      line.credits.push({ role: hit.target.role, names });
      continue;
    }
    const field = hit.target.field;
    if (field === 'published') {
      const iso = parseDate(value, true);
      if (iso) line.dates.push({ iso, label: hit.label });
    } else {
      line.fields.push({ field, value });
      if (field === 'source') {
        const iso = parseDate(value);
        if (iso) line.dates.push({ iso, label: hit.label });
      }
    }
  }
  if (plausibleHits === 0) return undefined;
  // A date before the first label (`BUSINESS.SOHU.COM 2005年3月11日12:12 来源：人民网`).
  const leadDate = findDates(lead)[0];
  if (leadDate) line.dates.push({ iso: leadDate.iso, label: '' });
  return line;
}

/**
 * Lines without a colon that are still header lines: a byline
 * (`光明日报记者 王建宏 张文攀`, `本报记者 张三`) or a bare date line
 * (`2022-02-13 09:57`).
 */
function bylineOrDateLine(text: string): HeaderLine | undefined {
  const t = stripData().thresholds;
  const trimmed = trimDecoration(text);
  if (trimmed === '' || visibleLength(trimmed) > t.dateLineChars) return undefined;
  const dates = /\d{4}/.test(trimmed) ? findDates(trimmed) : [];
  if (dates.length > 0) {
    // A date line: the date (`发表于 2004年12月27日 12:40`, `http://www.sina.net 2005年03月21日 11:21
    // 《理财周刊》`) with a few words around it, none of them a sentence.
    const rest = trimmed.slice(0, dates[0]!.start) + trimmed.slice(dates[0]!.end);
    if (visibleLength(rest) <= t.dateLineChars - t.headerLeadChars && !/[。！？，,]/.test(rest)) {
      return { fields: [], credits: [], dates: [{ iso: dates[0]!.iso, label: '' }] };
    }
    return undefined;
  }
  if (visibleLength(trimmed) > t.bylineChars) return undefined;
  // `<organisation>记者 <names>`: the credit label, then names separated by spaces.
  const credits = creditPattern();
  credits.lastIndex = 0;
  for (let m = credits.exec(trimmed); m !== null && m.index <= t.bylinePrefixChars; m = credits.exec(trimmed)) {
    const label = m[0];
    const role = stripData().creditLabels.get(label)!;
    const at = m.index;
    credits.lastIndex = at + 1;
    const prefix = trimmed.slice(0, at);
    // An outlet name may have a space or middle dot (`整合 新华日报·交汇点记者 徐睿翔`), not a sentence mark.
    if (/[。，！？；：:,;!?、]/.test(prefix)) continue;
    const after = trimmed.slice(at + label.length);
    if (after === '' || !(isSpace(after.charCodeAt(0)) || isHan(after.charCodeAt(0)))) continue;
    // A one-character label (`文`, `图`) needs a space before the names.
    if (!isSpace(after.charCodeAt(0)) && label.length < 2) continue;
    const names = splitNames(after);
    if (!names || names.length === 0) continue;
    if (names.join('').length !== visibleLength(after)) continue;
    // Without a colon, only real names make a byline (`作者须知`, `记者调查` are words).
    if (!names.every(hasSurname)) continue;
    return { fields: [], credits: [{ role, names }], dates: [] };
  }
  return undefined;
}
