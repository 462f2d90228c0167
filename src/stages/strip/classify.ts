/**
 * The block classifier: labels every block article text or boilerplate (with
 * a reason). It runs the same on HTML and text blocks:
 *
 * 1. Intrinsic: what a block is on its own — empty, placeholder, header or
 *    credit line, a boilerplate phrase (data/boilerplate.txt), link-dense,
 *    keyword stuffing (statistics: a repeated 4-gram covering much of a long
 *    text without punctuation).
 * 2. HTML only: blocks outside the article root chosen by density, and blocks
 *    under class/id furniture inside it.
 * 3. Context, in the manner of jusText: teasers (ellipsis endings) in a list
 *    of teasers; reader replies after the first post of a thread; the run of
 *    non-prose blocks after a related-list, link-farm or comments header;
 *    everything after a furniture header late in the article; the non-prose
 *    blocks before the first and after the last prose block (the furniture
 *    around an article), while short blocks between prose blocks stay
 *    (subheadings, list numbers); and verbatim copies of a paragraph.
 */
import { linkDensity, punctDensity, type Block } from './blocks.js';
import { findDates } from './dates.js';
import { endsSentence, hanCount, hasWordChar, topNgramShare, trimDecoration } from './chars.js';
import { stripData, type Thresholds } from './data.js';
import type { ElementInfo } from './html.js';
import { headerOf, type HeaderLine } from './labels.js';
import { matchPhrase } from './phrases.js';
import type { Reason } from './reasons.js';

export interface ParsedHeader {
  block: number;
  line: HeaderLine;
}

export interface HtmlContext {
  elements: ElementInfo[];
  inRoot: boolean[];
  root: number;
}

/** Prose: a sentence-bearing, link-poor block long enough to be article text. */
export function isProse(block: Block, t: Thresholds): boolean {
  if (linkDensity(block) > t.maxLinkDensity / 2) return false;
  if (punctDensity(block) < t.minPunctPer100) return false;
  return block.chars >= t.proseMinChars || (block.chars >= t.shortBlockChars && endsSentence(block.text));
}

function isPlaceholder(block: Block, t: Thresholds): boolean {
  if (block.chars > t.placeholderChars) return false;
  return stripData().placeholders.has(trimDecoration(block.text));
}

function isKeywordStuffing(block: Block, t: Thresholds): boolean {
  return (
    block.chars >= t.seoMinChars &&
    punctDensity(block) <= t.seoMaxPunctPer100 &&
    topNgramShare(block.text) >= t.seoRepeatShare
  );
}

/** What a block is on its own; records parsed header lines. */
function intrinsic(block: Block, index: number, t: Thresholds, headers: ParsedHeader[]): Reason | undefined {
  if (!hasWordChar(block.text)) return 'empty';
  if (isPlaceholder(block, t)) return 'placeholder';
  const header = headerOf(block, t.headerLineChars);
  if (header) {
    headers.push({ block: index, line: header });
    return 'header-line';
  }
  const phrase = matchPhrase(block, t);
  if (phrase) return phrase.reason;
  if (block.chars <= t.contactLineChars && PHONE.test(block.text) && !/[。！？]/.test(block.text)) return 'contact';
  if (linkDensity(block) > t.maxLinkDensity) return 'navigation';
  if (isKeywordStuffing(block, t)) return 'seo-spam';
  return undefined;
}

/** Chinese landline (`0432-62099222`, `010-8448 8961`), mobile and 400/800 service numbers. */
const PHONE = /(?:^|[^\d])(?:0\d{2,3}[- ]?\d{7,8}|1[3-9]\d{9}|[48]00[- ]?\d{3}[- ]?\d{4})(?!\d)/;

const ELLIPSIS_END = /(?:\.{3,}|…+|。{3,})$/;

function endsInEllipsis(block: Block, t: Thresholds): boolean {
  return block.chars <= t.teaserMaxChars && ELLIPSIS_END.test(block.text.trimEnd());
}

/** A headline of a list entry: short, one line, no sentence ending. */
function isEntryTitle(block: Block, t: Thresholds): boolean {
  return block.chars >= 4 && block.chars <= t.entryTitleChars && !endsSentence(block.text);
}

/**
 * Teasers of a related list: a block cut off with an ellipsis that is a link
 * or follows an entry headline, when another such teaser is near. Paragraphs
 * that merely trail off (`……`) follow prose, not headlines, and stay.
 */
function markTeasers(blocks: Block[], t: Thresholds): void {
  const teaser = (i: number): boolean => {
    const b = blocks[i];
    if (!b || !endsInEllipsis(b, t)) return false;
    const prev = blocks[i - 1];
    return b.linkChars > 0 || (prev !== undefined && isEntryTitle(prev, t));
  };
  const marks: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if (blocks[i]!.reason || !teaser(i)) continue;
    for (let j = Math.max(0, i - 4); j <= Math.min(blocks.length - 1, i + 4); j++) {
      if (j !== i && teaser(j)) {
        marks.push(i);
        break;
      }
    }
  }
  for (const i of marks) {
    blocks[i]!.reason = 'related-list';
    const prev = blocks[i - 1];
    if (prev && !prev.reason && isEntryTitle(prev, t)) prev.reason = 'related-list';
  }
}

/**
 * Reader replies of a thread or blog: the posts are separated by meta lines
 * of one shape (`〓 网易娱乐 明星话题 发布时间 2005/03/16 01:08:28 by 关子 〓`,
 * `引用 投诉 支持 (2) 2004-12-13 09:02:13`). When three or more short lines with
 * a timestamp share the text before it (digits aside), the first post with
 * prose is the article and everything from the next meta line on is replies.
 */
function markReplies(blocks: Block[], t: Thresholds): void {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.chars > t.headerLineChars || b.reason === 'outside-article') continue;
    // Post meta lines carry a timestamp (date and time), not just a date.
    const date = findDates(b.text)[0];
    if (!date || !date.iso.includes('T')) continue;
    const key = b.text.slice(Math.max(0, date.start - 12), date.start).replace(/\s+/g, '').replace(/\d/g, '0');
    if (key.length < 2) continue;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  let metas: number[] | undefined;
  for (const list of groups.values()) if (list.length >= 3 && (!metas || list.length > metas.length)) metas = list;
  if (!metas) return;
  // The article: the first stretch between meta lines (or before the first) that has prose.
  const bounds = [-1, ...metas, blocks.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    let prose = false;
    for (let i = bounds[k]! + 1; i < bounds[k + 1]!; i++) if (!blocks[i]!.reason && isProse(blocks[i]!, t)) prose = true;
    if (!prose) continue;
    const end = bounds[k + 1]!;
    // Prose before the first meta line: the meta lines follow their posts, so the article's own
    // meta line closes it and replies start right after it.
    const repliesFrom = k === 0 ? end + 1 : end;
    for (let i = repliesFrom; i < blocks.length; i++) blocks[i]!.reason ??= 'user-comments';
    return;
  }
}

/** Reasons whose header block starts a list of furniture. */
const LIST_HEADERS = new Set<Reason>(['related-list', 'link-farm', 'user-comments']);

/** Reasons of blocks that open a new page section, ending a list run. */
const SECTION_ENDS = new Set<Reason>(['header-line', 'copyright', 'icp', 'contact', 'footer']);

/** Reasons whose short header, late in the article, ends it. */
const TAIL_REASONS = new Set<Reason>(['related-list', 'link-farm', 'user-comments', 'copyright', 'footer', 'contact', 'icp']);

export function classify(blocks: Block[], t: Thresholds, html?: HtmlContext): ParsedHeader[] {
  const headers: ParsedHeader[] = [];
  const listHeaders = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const reason = intrinsic(b, i, t, headers);
    if (reason) {
      b.reason = reason;
      if (LIST_HEADERS.has(reason) && b.chars <= t.tailHeaderChars) listHeaders.add(i);
    }
  }
  if (html) applyRoot(blocks, html);

  markTeasers(blocks, t);
  markReplies(blocks, t);

  // After a list header: the run of non-prose blocks (in HTML, of links) belongs to the list.
  for (const i of listHeaders) {
    const reason = blocks[i]!.reason!;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      // The list ends at prose (a teaser cut off with an ellipsis is an entry, not prose), at
      // the next list header, and at credits or a footer.
      const prose = !next.reason && isProse(next, t) && !endsInEllipsis(next, t);
      if (listHeaders.has(j) || prose || (next.reason && SECTION_ENDS.has(next.reason))) break;
      // In HTML the entries of a list are links; the first plain line after them is not one.
      if (html && !next.reason && next.linkChars === 0) break;
      next.reason ??= reason;
    }
  }

  // Late in the article, a furniture header (related list, comments, legal notice, footer)
  // ends it: everything after it is furniture too.
  const totalProse = blocks.reduce((n, b) => n + (!b.reason && isProse(b, t) ? b.chars : 0), 0);
  let proseSoFar = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const late = totalProse > 0 && proseSoFar >= totalProse * t.tailMarkerPosition;
    // Comments and legal notices are prose themselves, so their headers end the article
    // outright; a related-links box or a hotline may sit inside an article, so theirs end it
    // only when little prose follows.
    const weak = b.reason !== 'user-comments' && b.reason !== 'copyright' && b.reason !== 'icp';
    const ends = !weak || totalProse - proseSoFar <= totalProse * (1 - t.tailMarkerPosition) / 2;
    if (b.reason && TAIL_REASONS.has(b.reason) && b.chars <= t.tailHeaderChars && late && ends) {
      labelTail(blocks, i + 1, t, 'low-text-density', () => true);
      break;
    }
    if (!b.reason && isProse(b, t)) proseSoFar += b.chars;
  }

  trimEdges(blocks, t, html !== undefined);
  markDuplicates(blocks, t);
  return headers;
}

function applyRoot(blocks: Block[], html: HtmlContext): void {
  const { elements, inRoot, root } = html;
  // Per element, the nearest class/id or header furniture on its way up: to the root for
  // elements inside it, to the top for the others. Elements come parents first.
  const furniture: (Reason | undefined)[] = new Array(elements.length);
  for (let e = 0; e < elements.length; e++) {
    const own = elements[e]!.furniture;
    const parent = elements[e]!.parent;
    const inherited = parent < 0 || e === root ? undefined : furniture[parent];
    furniture[e] = e === root ? undefined : own ?? inherited;
  }
  for (const b of blocks) {
    if (b.reason) continue;
    if (b.container < 0 || !inRoot[b.container]) b.reason = (b.container >= 0 ? furniture[b.container] : undefined) ?? 'outside-article';
    else b.reason = furniture[b.container];
  }
}

/**
 * A kept prose paragraph that repeats an earlier kept one word for word is a
 * copy (pages that carry the article twice for mobile and desktop); headings,
 * table rows and other short lines may repeat legitimately.
 */
function markDuplicates(blocks: Block[], t: Thresholds): void {
  const seen = new Set<string>();
  for (const b of blocks) {
    if (b.reason || !isProse(b, t)) continue;
    if (seen.has(b.text)) b.reason = 'duplicate';
    else seen.add(b.text);
  }
}

/** A numbered point (`一、培养目标`, `1.`, `（三）`) is structure, not furniture. */
const NUMBERED_POINT = /^(?:\d{1,3}[.、)）]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[)）])/;

/**
 * Non-prose blocks before the first and after the last prose block are
 * furniture (titles, bylines, share bars, outros). In HTML the article root
 * already excludes most furniture, so two kinds of edge text stay there:
 * complete short sentences right next to the prose (the last lines of a
 * dialogue), and a long trailing run without sentences (a table or list of
 * the article).
 */
function trimEdges(blocks: Block[], t: Thresholds, html: boolean): void {
  let first = -1;
  let last = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.reason || !isProse(b, t)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return;
  const sentence = (b: Block): boolean => html && b.linkChars === 0 && hanCount(b.text) >= 2 && endsSentence(b.text);
  const trim = (b: Block): void => {
    if (!b.reason && !(html && NUMBERED_POINT.test(b.text))) b.reason = 'low-text-density';
  };
  let lead = first;
  while (lead > 0 && !blocks[lead - 1]!.reason && sentence(blocks[lead - 1]!)) lead--;
  for (let i = 0; i < lead; i++) trim(blocks[i]!);
  let tail = last;
  while (tail + 1 < blocks.length && (blocks[tail + 1]!.reason === 'empty' || (!blocks[tail + 1]!.reason && sentence(blocks[tail + 1]!)))) tail++;
  let trailing = 0;
  for (let i = tail + 1; i < blocks.length; i++) if (!blocks[i]!.reason) trailing += blocks[i]!.chars;
  if (html && trailing >= t.trailingTableChars) return;
  labelTail(blocks, tail + 1, t, 'low-text-density', (b) => !(html && NUMBERED_POINT.test(b.text)));
}

/**
 * Labels the unlabelled blocks from `from` on as furniture. Paragraphs take
 * the reason of the furniture header before them (the text of a legal
 * notice); short lines take the reason of the furniture that follows them (a
 * WeChat outro leads into its share prompts), else the one before; else
 * `fallback`.
 */
function labelTail(blocks: Block[], from: number, t: Thresholds, fallback: Reason, eligible: (b: Block) => boolean): void {
  const informative = (r: Reason | undefined): r is Reason => r !== undefined && r !== 'outside-article' && r !== 'empty';
  // The furniture just before `from`, if the run of furniture reaches it (not across kept text).
  let previous: Reason | undefined;
  for (let i = from - 1; i >= 0 && blocks[i]!.reason && previous === undefined; i--) {
    if (informative(blocks[i]!.reason)) previous = blocks[i]!.reason;
  }
  const following: (Reason | undefined)[] = new Array(blocks.length + 1);
  for (let i = blocks.length - 1; i >= from; i--) {
    const r = blocks[i]!.reason;
    following[i] = informative(r) ? r : following[i + 1];
  }
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (informative(b.reason)) previous = b.reason;
    else if (!b.reason && eligible(b)) {
      b.reason = (isProse(b, t) ? previous ?? following[i + 1] : following[i + 1] ?? previous) ?? fallback;
    }
  }
}
