/**
 * Chooses the article root of an HTML page: the block-level element whose
 * blocks add up to the most prose. Every block gets a weight — positive for
 * sentences (its non-link characters, scaled by punctuation density, GNE's
 * text-and-symbol density idea), negative for link lists, menus and labels
 * (Readability's link-density penalty) — and each element scores the sum over
 * its blocks. The best element is the smallest one that holds the article's
 * sentences without the furniture around them: adding a menu lowers the sum,
 * adding a paragraph raises it. Text under class/id furniture (comments,
 * related lists, sidebars) does not count for its ancestors, so a page's
 * comment thread cannot pull the root up to the whole page.
 */
import { linkDensity, punctDensity, type Block } from './blocks.js';
import type { Thresholds } from './data.js';
import type { ElementInfo } from './html.js';
import { matchPhrase } from './phrases.js';
import type { Reason } from './reasons.js';

/** Headers that open a section of furniture (`相关新闻`, `热门评论`, `友情链接`). */
const SECTION_HEADERS = new Set<Reason>(['related-list', 'link-farm', 'user-comments']);

/**
 * Marks the sections a furniture header opens: the largest element that
 * starts with the header block and holds more than it (the `<div>` around
 * `<h3>相关新闻</h3><ul>…</ul>`). Sites do not always say `class="related"`;
 * the header says it for them.
 */
export function markHeadedSections(blocks: Block[], elements: ElementInfo[], t: Thresholds): void {
  const n = elements.length;
  // Per element: its first block and the characters it holds.
  const firstBlock = new Int32Array(n).fill(blocks.length);
  const chars = new Float64Array(n);
  let total = 0;
  blocks.forEach((b, i) => {
    total += b.chars;
    if (b.container < 0) return;
    chars[b.container]! += b.chars;
    if (i < firstBlock[b.container]!) firstBlock[b.container] = i;
  });
  for (let i = n - 1; i >= 0; i--) {
    const parent = elements[i]!.parent;
    if (parent < 0) continue;
    chars[parent]! += chars[i]!;
    if (firstBlock[i]! < firstBlock[parent]!) firstBlock[parent] = firstBlock[i]!;
  }
  blocks.forEach((b, i) => {
    if (b.container < 0 || b.chars > t.tailHeaderChars) return;
    const reason = matchPhrase(b, t)?.reason;
    if (!reason || !SECTION_HEADERS.has(reason)) return;
    // The largest element this header opens, as long as it is a section and not the page.
    let section = -1;
    for (let e = b.container; e >= 0 && firstBlock[e] === i && chars[e]! <= total / 2; e = elements[e]!.parent) {
      if (chars[e]! > b.chars) section = e;
    }
    if (section >= 0 && !elements[section]!.furniture) elements[section]!.furniture = reason;
  });
}

/** Weight of one block: how much it says "article text here". */
export function blockWeight(block: Block, t: Thresholds): number {
  const length = block.chars;
  if (length === 0) return 0;
  if (linkDensity(block) > t.maxLinkDensity) return -length * t.linkPenalty;
  const own = length - block.linkChars;
  const density = punctDensity(block);
  if (density >= t.minPunctPer100) return own;
  if (length < t.shortBlockChars) return -length * t.labelPenalty;
  // Long text without sentence punctuation: keyword runs, lists of names.
  return own * (density / t.minPunctPer100) - length * t.labelPenalty;
}

export interface RootChoice {
  /** Element index of the root, -1 for the whole document. */
  root: number;
  /** Per element: inside (or equal to) the root. */
  inRoot: boolean[];
}

export function chooseRoot(blocks: Block[], elements: ElementInfo[], t: Thresholds): RootChoice {
  const n = elements.length;
  const positive = new Float64Array(n);
  const negative = new Float64Array(n);
  for (const block of blocks) {
    if (block.container < 0) continue;
    const w = blockWeight(block, t);
    if (w > 0) positive[block.container]! += w;
    else negative[block.container]! += w;
  }
  // Elements are in document (pre)order, so every child comes after its parent.
  for (let i = n - 1; i >= 0; i--) {
    const parent = elements[i]!.parent;
    if (parent < 0) continue;
    if (!elements[i]!.furniture) positive[parent]! += positive[i]!;
    negative[parent]! += negative[i]!;
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < n; i++) {
    const e = elements[i]!;
    if (e.furniture) continue;
    // A class or id saying "article" or "content" tips a close call (Readability's class weight).
    const score = positive[i]! * (e.contentHint ? 1 + t.contentHintBonus : 1) + negative[i]!;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const inRoot = new Array<boolean>(n).fill(best < 0);
  if (best >= 0) {
    for (let i = best; i < n; i++) {
      const parent = elements[i]!.parent;
      inRoot[i] = i === best || (parent >= best && inRoot[parent] === true);
    }
  }
  return { root: best, inRoot };
}
