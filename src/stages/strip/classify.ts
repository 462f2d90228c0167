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
 *    of teasers; the run of non-prose blocks after a related-list or link-farm
 *    header; everything after such a header late in the article; and the
 *    non-prose blocks before the first and after the last prose block (the
 *    furniture around an article), while short blocks between prose blocks
 *    stay (subheadings, list numbers).
 */
import { linkDensity, punctDensity, type Block } from './blocks.js';
import { endsSentence, hasWordChar, topNgramShare, trimDecoration } from './chars.js';
import { stripData, type Phrase, type Thresholds } from './data.js';
import type { ElementInfo } from './html.js';
import { parseHeaderLine, type HeaderLine } from './labels.js';
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
  return block.chars >= 60 || (block.chars >= t.shortBlockChars && endsSentence(block.text));
}

function matchPhrase(block: Block, t: Thresholds): Phrase | undefined {
  const core = trimDecoration(block.text);
  // Counts and arrows around menu words (`更多>>`, `评论(12)`) do not make them text.
  const bare = core.replace(/[（(]\d{0,6}[)）]$/, '').replace(/[>»]+$/, '');
  for (const p of stripData().phrases) {
    switch (p.where) {
      case 'whole':
        if (bare === p.phrase) return p;
        break;
      case 'start':
        if (block.chars <= t.phraseBlockChars * 2 && core.startsWith(p.phrase)) return p;
        break;
      case 'any':
        if (block.chars <= t.phraseBlockChars && block.text.includes(p.phrase)) return p;
        break;
    }
  }
  return undefined;
}

function isPlaceholder(block: Block): boolean {
  if (block.chars > 30) return false;
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
  if (isPlaceholder(block)) return 'placeholder';
  const header = parseHeaderLine(block.text, t.headerLineChars);
  if (header) {
    headers.push({ block: index, line: header });
    return 'header-line';
  }
  const phrase = matchPhrase(block, t);
  if (phrase) return phrase.reason;
  if (linkDensity(block) > t.maxLinkDensity) return 'navigation';
  if (isKeywordStuffing(block, t)) return 'seo-spam';
  return undefined;
}

const ELLIPSIS_END = /(?:\.{3,}|…+|。{3,})$/;

function isTeaser(block: Block, t: Thresholds): boolean {
  return block.chars <= t.teaserMaxChars && ELLIPSIS_END.test(block.text.trimEnd());
}

/** Reasons whose header block starts a list of furniture. */
const LIST_HEADERS = new Set<Reason>(['related-list', 'link-farm']);

export function classify(blocks: Block[], t: Thresholds, html?: HtmlContext): ParsedHeader[] {
  const headers: ParsedHeader[] = [];
  const listHeaders = new Set<number>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const reason = intrinsic(b, i, t, headers);
    if (reason) {
      b.reason = reason;
      if (LIST_HEADERS.has(reason) && b.chars <= 20) listHeaders.add(i);
    }
  }
  if (html) applyRoot(blocks, html);

  // Teasers: an ellipsis ending is a list teaser when another one is near.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.reason || !isTeaser(b, t)) continue;
    for (let j = Math.max(0, i - 3); j <= Math.min(blocks.length - 1, i + 3); j++) {
      if (j !== i && isTeaser(blocks[j]!, t)) {
        b.reason = 'related-list';
        break;
      }
    }
  }

  // After a list header: the run of non-prose blocks belongs to the list;
  // late in the article, the header ends it.
  const totalProse = blocks.reduce((n, b) => n + (!b.reason && isProse(b, t) ? b.chars : 0), 0);
  let proseSoFar = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (listHeaders.has(i)) {
      const reason = b.reason!;
      const late = totalProse > 0 && proseSoFar >= totalProse * t.tailMarkerPosition;
      for (let j = i + 1; j < blocks.length; j++) {
        const next = blocks[j]!;
        if (!late && !next.reason && isProse(next, t)) break;
        if (!next.reason) next.reason = reason;
      }
      if (late) break;
    }
    if (!b.reason && isProse(b, t)) proseSoFar += b.chars;
  }

  trimEdges(blocks, t, html !== undefined);
  return headers;
}

function applyRoot(blocks: Block[], html: HtmlContext): void {
  const { elements, inRoot, root } = html;
  for (const b of blocks) {
    if (b.container < 0 || !inRoot[b.container]) {
      if (!b.reason) b.reason = 'outside-article';
      continue;
    }
    if (b.reason) continue;
    // Furniture inside the root: the nearest class/id hint below the root decides.
    for (let e = b.container; e > root && e >= 0; e = elements[e]!.parent) {
      const furniture = elements[e]!.furniture;
      if (furniture) {
        b.reason = furniture;
        break;
      }
    }
  }
}

/** A numbered point (`一、培养目标`, `1.`, `（三）`) is structure, not furniture. */
const NUMBERED_POINT = /^(?:\d{1,3}[.、)）]|[一二三四五六七八九十]{1,3}[、.]|[（(][一二三四五六七八九十\d]{1,3}[)）])/;

/**
 * Non-prose blocks before the first and after the last prose block are
 * furniture (titles, bylines, share bars, outros). In HTML the article root
 * already excludes most furniture, and a long trailing run without sentences
 * is a table or list of the article; it stays.
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
  const trim = (b: Block): void => {
    if (!b.reason && !(html && NUMBERED_POINT.test(b.text))) b.reason = 'low-text-density';
  };
  for (let i = 0; i < first; i++) trim(blocks[i]!);
  let trailing = 0;
  for (let i = last + 1; i < blocks.length; i++) if (!blocks[i]!.reason) trailing += blocks[i]!.chars;
  if (html && trailing >= t.trailingTableChars) return;
  for (let i = last + 1; i < blocks.length; i++) trim(blocks[i]!);
}
