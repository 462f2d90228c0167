/**
 * HTML → blocks. htmlparser2 tokenizes (5x faster than parse5 on the dev
 * pages) and its open, text and close events are the walk itself, with no
 * DOM built: it drops non-text elements, comments and hidden elements, and
 * cuts the visible text into blocks at block-level elements, `<br>` and
 * ideographic-space paragraph marks. Each block remembers its nearest
 * block-level container, and each container its parent and class/id hint, for
 * the density scoring in ./density.ts. The page head (title, meta tags,
 * canonical link, JSON-LD) is collected on the way for metadata.
 */
import { Parser } from 'htmlparser2';
import type { Removal } from '../../core/record.js';
import { makeBlock, type Block, type BlockKind } from './blocks.js';
import { isSpace, normalizeSpaces, visibleLength } from './chars.js';
import { stripData } from './data.js';
import type { Reason } from './reasons.js';

export interface ElementInfo {
  /** Index of the nearest block-level ancestor, -1 at the top. */
  parent: number;
  tag: string;
  /** The class or id names article content (`content`, `article`, `zhengwen`). */
  contentHint: boolean;
  /** The furniture reason class/id suggest, if any. */
  furniture?: Reason;
}

export interface HeadInfo {
  title?: string;
  /** Lower-cased meta name/property/itemprop → content (first occurrence wins). */
  meta: Map<string, string>;
  canonical?: string;
  /** Parsed JSON-LD objects (flattened @graph). */
  jsonLd: Record<string, unknown>[];
  /** Texts of h1 elements, in order. */
  h1: string[];
}

export interface HtmlDocument {
  blocks: Block[];
  elements: ElementInfo[];
  head: HeadInfo;
  /** Script, style, hidden and comment text, for --explain. */
  removed: Removal[];
}

/** Elements whose content is never article text. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'svg', 'canvas', 'math', 'select', 'option', 'optgroup', 'button', 'input', 'textarea',
  'datalist', 'map', 'area', 'audio', 'video', 'source', 'track', 'param', 'title', 'meta',
  'link', 'base', 'dialog',
]);

/** Elements that flow inside a line; every other element starts a new block. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'blink', 'cite', 'code', 'data', 'del', 'dfn',
  'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const EXPLAIN_SNIPPET = 200;

interface Piece {
  text: string;
  link: boolean;
}

/**
 * Prefix counts of visible characters inside links over the pieces' joined
 * text: entry i counts those before offset i.
 */
function linkPrefix(pieces: Piece[], length: number): Int32Array {
  const prefix = new Int32Array(length + 1);
  let offset = 0;
  let count = 0;
  for (const piece of pieces) {
    const s = piece.text;
    for (let i = 0; i < s.length; i++) {
      prefix[offset + i] = count;
      if (piece.link && !isSpace(s.charCodeAt(i))) count++;
    }
    offset += s.length;
  }
  prefix[length] = count;
  return prefix;
}

function hasVisible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Visible characters inside links. */
function linkLength(pieces: Piece[]): number {
  let count = 0;
  for (const piece of pieces) if (piece.link) count += visibleLength(piece.text);
  return count;
}

function snippet(text: string): string {
  const t = normalizeSpaces(text);
  return t.length > EXPLAIN_SNIPPET ? t.slice(0, EXPLAIN_SNIPPET) + '…' : t;
}

function isHidden(attribs: Record<string, string>): boolean {
  if (attribs.hidden !== undefined) return true;
  if (attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  if (style && style.length < 2000) {
    const s = style.toLowerCase().replace(/\s+/g, '');
    if (s.includes('display:none') || s.includes('visibility:hidden')) return true;
  }
  return false;
}

/** Words of a class/id value: split at spaces, -, _ and camelCase humps. */
function attributeWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_\-:.]+/)
    .filter((w) => w !== '');
}

function hintsOf(attribs: Record<string, string>): { contentHint: boolean; furniture?: Reason } {
  const value = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  if (value.length < 2 || value.length > 500) return { contentHint: false };
  const { contentHints, boilerplateHints } = stripData();
  let contentHint = false;
  const words = attributeWords(value);
  for (const w of words) {
    const reason = boilerplateHints.get(w);
    if (reason) return { contentHint: false, furniture: reason };
    if (contentHints.has(w)) contentHint = true;
  }
  // Glued words (`newscontent`, `articlebody`) as a whole.
  const glued = value.toLowerCase().replace(/[\s_\-]+/g, '');
  if (contentHints.has(glued)) contentHint = true;
  return { contentHint };
}

function collectJsonLd(text: string, into: Record<string, unknown>[]): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return;
  }
  const queue: unknown[] = [parsed];
  while (queue.length > 0 && into.length < 20) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const obj = item as Record<string, unknown>;
      into.push(obj);
      if (Array.isArray(obj['@graph'])) queue.push(...(obj['@graph'] as unknown[]));
    }
  }
}

/** What an open element outside skipped content changed, undone when it ends. */
const OPENED_BLOCK = 1;
const OPENED_LINK = 2;
const OPENED_HEADING = 4;
const OPENED_ITEM = 8;
const OPENED_H1 = 16;

/** Text gathered while an element is open. */
interface Gathering {
  text: string;
}

/** An element whose content is skipped, and what its text is for. */
interface Skipped {
  /** The page title (the first <title>). */
  title?: boolean;
  jsonLd?: boolean;
  /** Listed as removed (--explain). */
  reason?: Reason;
  /** Its text, gathered only when one of the above wants it. */
  gathering?: Gathering;
}

export function parseHtml(html: string, collectRemoved: boolean): HtmlDocument {
  const blocks: Block[] = [];
  const elements: ElementInfo[] = [];
  const removed: Removal[] = [];
  const head: HeadInfo = { meta: new Map(), jsonLd: [], h1: [] };

  let pieces: Piece[] = [];
  /** Some piece has a visible character (most runs of text between tags are indentation). */
  let piecesVisible = false;
  const containers: number[] = [];
  let linkDepth = 0;
  let headingDepth = 0;
  let itemDepth = 0;
  let lastContainer = -2;

  const remove = (text: string, reason: Reason): void => {
    const t = snippet(text);
    if (t !== '') removed.push({ text: t, reason });
  };

  const flush = (): void => {
    if (pieces.length === 0) return;
    const current = pieces;
    pieces = [];
    if (!piecesVisible) return;
    piecesVisible = false;
    const container = containers.length > 0 ? containers[containers.length - 1]! : -1;
    const kind: BlockKind = headingDepth > 0 ? 'heading' : itemDepth > 0 ? 'item' : 'paragraph';
    const full = current.length === 1 ? current[0]!.text : current.map((p) => p.text).join('');
    // Paragraph marks: a whitespace run holding two or more ideographic spaces.
    const cuts: number[] = [];
    let ideographic = 0;
    let sawText = false;
    for (let i = full.indexOf('\u3000') < 0 ? full.length : 0; i < full.length; i++) {
      const code = full.charCodeAt(i);
      if (isSpace(code)) {
        if (code === 0x3000) ideographic++;
        continue;
      }
      if (ideographic >= 2 && sawText) cuts.push(i);
      ideographic = 0;
      sawText = true;
    }
    cuts.push(full.length);
    // Visible link characters, for the link density of each cut: before each offset of `full`
    // when it is cut, else the one total.
    const hasLinks = current.some((p) => p.link);
    const linkBefore = hasLinks && cuts.length > 1 ? linkPrefix(current, full.length) : undefined;
    const linkTotal = hasLinks && !linkBefore ? linkLength(current) : 0;
    let from = 0;
    for (const to of cuts) {
      const text = normalizeSpaces(full.slice(from, to));
      if (text !== '') {
        const linkChars = linkBefore ? linkBefore[to]! - linkBefore[from]! : linkTotal;
        blocks.push(makeBlock(text, kind, { linkChars, container, joinable: container === lastContainer }));
        lastContainer = container;
      }
      from = to;
    }
  };

  // The walk is the parser's own events, not a DOM built first: building the
  // tree (and collecting it) cost more than twice the tokenizing.
  /** Texts being gathered: a skipped element's and the open h1 elements', innermost last. */
  const gatherings: Gathering[] = [];
  /** Indices in head.h1 of the open h1 elements, innermost last. */
  const openH1: number[] = [];
  /** OPENED_* bits of each open element outside skipped content, innermost last. */
  const opened: number[] = [];
  let skipped: Skipped = {};
  /** Elements open from the skipped one inwards; 0 outside skipped content. */
  let skippedDepth = 0;

  const skip = (what: Skipped): void => {
    skipped = what;
    skippedDepth = 1;
    if (what.title || what.jsonLd || what.reason) {
      what.gathering = { text: '' };
      gatherings.push(what.gathering);
    }
  };

  const endSkipped = (): void => {
    if (!skipped.gathering) return;
    gatherings.pop();
    const text = skipped.gathering.text;
    if (skipped.title) head.title = normalizeSpaces(text);
    if (skipped.jsonLd) collectJsonLd(text, head.jsonLd);
    if (skipped.reason) remove(text, skipped.reason);
  };

  const openTag = (tag: string, attribs: Record<string, string>): void => {
    if (skippedDepth > 0) {
      skippedDepth++;
      return;
    }
    if (tag === 'script' || tag === 'style') {
      const jsonLd = (attribs.type ?? '').toLowerCase() === 'application/ld+json';
      skip({ jsonLd, ...(collectRemoved ? { reason: 'script-style' } : {}) });
      return;
    }
    if (SKIP_TAGS.has(tag)) {
      if (tag === 'title') {
        skip({ title: head.title === undefined });
      } else if (tag === 'meta') {
        const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? '').toLowerCase();
        if (key && attribs.content !== undefined && !head.meta.has(key)) head.meta.set(key, attribs.content);
        skip({});
      } else if (tag === 'link') {
        if ((attribs.rel ?? '').toLowerCase() === 'canonical' && attribs.href) head.canonical = attribs.href;
        skip({});
      } else {
        skip(collectRemoved ? { reason: 'script-style' } : {});
      }
      return;
    }
    if (isHidden(attribs)) {
      skip(collectRemoved ? { reason: 'hidden' } : {});
      return;
    }
    if (tag === 'br' || tag === 'hr') {
      flush();
      opened.push(0);
      return;
    }
    let bits = 0;
    if (!INLINE_TAGS.has(tag)) {
      bits |= OPENED_BLOCK;
      flush();
      // The classes of <html> and <body> describe the page's state (`u-has-nav-bar`), not a part of it.
      const hints = tag === 'body' || tag === 'html' ? { contentHint: false } : hintsOf(attribs);
      const parent = containers.length > 0 ? containers[containers.length - 1]! : -1;
      elements.push({ parent, tag, ...hints });
      containers.push(elements.length - 1);
    }
    // Links side by side (`<a>苏州</a><a>西安交大</a>` in a tag list or menu) are separate words.
    if (tag === 'a') {
      if (pieces.length > 0 && pieces[pieces.length - 1]!.link) pieces.push({ text: ' ', link: false });
      bits |= OPENED_LINK;
      linkDepth++;
    }
    if (HEADINGS.has(tag)) {
      bits |= OPENED_HEADING;
      headingDepth++;
    }
    if (tag === 'li' || tag === 'dt' || tag === 'dd') {
      bits |= OPENED_ITEM;
      itemDepth++;
    }
    if (tag === 'h1') {
      bits |= OPENED_H1;
      openH1.push(head.h1.push('') - 1);
      gatherings.push({ text: '' });
    }
    opened.push(bits);
  };

  const closeTag = (): void => {
    if (skippedDepth > 0) {
      if (--skippedDepth === 0) endSkipped();
      return;
    }
    const bits = opened.pop()!;
    if (bits & OPENED_BLOCK) {
      flush();
      containers.pop();
    }
    if (bits & OPENED_LINK) linkDepth--;
    if (bits & OPENED_HEADING) headingDepth--;
    if (bits & OPENED_ITEM) itemDepth--;
    if (bits & OPENED_H1) head.h1[openH1.pop()!] = normalizeSpaces(gatherings.pop()!.text);
  };

  // htmlparser2 closes every element it opens (void ones at once, unclosed ones at the end), so
  // openTag and closeTag pair up as the elements of the tree it would build.
  const parser = new Parser(
    {
      onopentag: openTag,
      onclosetag: closeTag,
      ontext(text) {
        for (const g of gatherings) g.text += text;
        if (skippedDepth === 0 && text !== '') {
          pieces.push({ text, link: linkDepth > 0 });
          piecesVisible ||= hasVisible(text);
        }
      },
      oncomment(text) {
        if (collectRemoved && skippedDepth === 0) remove(text, 'comment');
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flush();
  return { blocks, elements, head, removed };
}

/** True when the text looks like an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  const headText = text.slice(0, 2000).toLowerCase();
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(headText)) return true;
  const tags = text.slice(0, 20000).match(/<\/?(?:p|div|br|span|a|table|td|li|h[1-6])[\s>/]/gi);
  return (tags?.length ?? 0) >= 3 && visibleLength(text) > 0;
}
