/**
 * Metadata from everything strip has seen: header and credit lines, the
 * title, Markdown front matter, the HTML head (title, meta tags, canonical
 * link, JSON-LD) and links to the original article.
 *
 * `published` prefers what the page shows next to the article (labelled
 * header lines in the label order of data/header-labels.txt, then bare date
 * lines), then what it declares (front matter, meta tags, JSON-LD), then a
 * date inside the source line, then the URL.
 */
import type { Metadata } from '../../core/record.js';
import { isProse, type ParsedHeader } from './classify.js';
import { linkDensity, type Block } from './blocks.js';
import { endsSentence, hanCount, visibleLength } from './chars.js';
import { stripData, type CreditRole, type Thresholds } from './data.js';
import { dateFromUrl, parseDate } from './dates.js';
import type { HeadInfo } from './html.js';
import { cleanSource, parentheticalCredits, splitNames } from './labels.js';
import type { FrontMatter } from './textblocks.js';
import { isDomain, splitTitle, titleKey, type SplitTitle } from './title.js';

export interface MetadataInput {
  blocks: Block[];
  headers: ParsedHeader[];
  /** HTML: the block range around the article where header and credit lines count. */
  window?: [number, number];
  frontMatter?: FrontMatter;
  head?: HeadInfo;
  sourceUrls: string[];
  thresholds: Thresholds;
}

/** The first declared value of a field among the page's meta tags (data/meta-tags.txt). */
function declared(head: HeadInfo | undefined, field: string, accept: (v: string) => boolean = (v) => v.trim() !== ''): string | undefined {
  if (!head) return undefined;
  for (const name of stripData().metaTags.get(field) ?? []) {
    const v = head.meta.get(name);
    if (v !== undefined && accept(v)) return v.trim();
  }
  return undefined;
}

function isUrl(s: string): boolean {
  return /^(?:https?:)?\/\/\S+$/i.test(s.trim());
}

function firstString(v: string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : v;
}

/** A list value: array items, or a string split at commas and list marks; Chinese items also at spaces. */
function listOf(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  const items = Array.isArray(v) ? v : v.split(/[,，;；、|]+/);
  return items
    .flatMap((s) => (hanCount(s) > 0 ? s.split(/\s+/) : [s]))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A block that could be the headline: short, one line, no sentence ending. */
function isHeadlineLike(block: Block): boolean {
  if (block.chars < 4 || block.chars > 80 || linkDensity(block) > 0.5) return false;
  if (/[。；;，,]$/.test(block.text.trim())) return false;
  // Headlines are phrases: no full stop inside, few commas.
  if (block.text.includes('。') || (block.text.match(/[，、；,;]/g)?.length ?? 0) >= 3) return false;
  return !endsSentence(block.text) || /[!?！？]$/.test(block.text.trim());
}

function jsonLdString(head: HeadInfo | undefined, key: string): string | undefined {
  for (const obj of head?.jsonLd ?? []) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function jsonLdAuthors(head: HeadInfo | undefined): string[] {
  for (const obj of head?.jsonLd ?? []) {
    const a = obj.author;
    const list = Array.isArray(a) ? a : a ? [a] : [];
    const names = list
      .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as Record<string, unknown>).name : undefined))
      .filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (names.length > 0) return names.map((n) => n.trim());
  }
  return [];
}

/** A numbered section heading (`一、理解文革`, `2.`) is not the headline. */
const SECTION_NUMBER = /^(?:\d{1,3}[.、)）]|[一二三四五六七八九十]{1,3}[、.])/;

/** Reasons a headline block may already carry when the title is chosen. */
const TITLE_REASONS = new Set(['low-text-density', 'outside-article', 'title']);

interface TitleChoice {
  split: SplitTitle;
  /** The raw document title the affixes came from, if any. */
  documentTitle?: string;
}

/**
 * The headline. HTML: a heading that the document title contains (the page's
 * own h1 without the site name), else the document or og:title without
 * affixes. Text: front matter title, a `标题：` line, the first headline-like
 * line before the article, else the text of an `原文链接：` link.
 */
function chooseTitle(input: MetadataInput, firstProse: number): TitleChoice | undefined {
  const { head, frontMatter, blocks, headers } = input;
  const labelled = (field: 'title' | 'source_url'): string | undefined => {
    for (const h of headers) {
      for (const f of h.line.fields) if (f.field === field && f.value !== '' && !isUrl(f.value)) return f.value;
    }
    return undefined;
  };
  if (head) {
    const docTitle = declared(head, 'title') ?? head.title ?? jsonLdString(head, 'headline');
    if (docTitle) {
      const key = titleKey(docTitle);
      const headings = [...head.h1];
      const end = firstProse < 0 ? blocks.length : firstProse;
      for (let i = Math.max(0, end - 40); i < end; i++) {
        const b = blocks[i]!;
        if (b.kind === 'heading' || isHeadlineLike(b)) headings.push(b.text);
      }
      let best: string | undefined;
      for (const h of headings) {
        const k = titleKey(h);
        if (k.length >= 4 && key.includes(k) && (!best || k.length > titleKey(best).length)) best = h;
      }
      const split = splitTitle(docTitle);
      if (best && titleKey(best).length >= titleKey(split.title).length * 0.5) {
        return { split: { ...split, title: best.trim() }, documentTitle: docTitle };
      }
      // A document title that is only a site name (`海姑娘 | blog.wenxuecity.com`): the article's
      // headline is the headline-like line just above its first paragraph.
      if (isDomain(split.title) || visibleLength(split.title) <= input.thresholds.weakTitleChars) {
        for (let i = end - 1; i >= Math.max(0, end - 10); i--) {
          const b = blocks[i]!;
          if (b.reason && !TITLE_REASONS.has(b.reason)) continue;
          if (isHeadlineLike(b) && hanCount(b.text) >= 2 && !SECTION_NUMBER.test(b.text)) return { split: { title: b.text, before: [], after: [...split.before, split.title, ...split.after] }, documentTitle: docTitle };
        }
      }
      return { split, documentTitle: docTitle };
    }
    const h1 = head.h1.find((h) => h.length >= 4);
    return h1 ? { split: splitTitle(h1) } : undefined;
  }
  const fmTitle = firstString(frontMatter?.title);
  if (fmTitle) return { split: splitTitle(fmTitle), documentTitle: fmTitle };
  const explicit = labelled('title');
  if (explicit) return { split: splitTitle(explicit) };
  const end = firstProse < 0 ? Math.min(blocks.length, 5) : firstProse;
  for (let i = 0; i < end; i++) {
    const b = blocks[i]!;
    if (b.reason && b.reason !== 'low-text-density' && b.reason !== 'outside-article') continue;
    if (isHeadlineLike(b)) return { split: splitTitle(b.text), documentTitle: b.text };
  }
  const linkText = labelled('source_url');
  return linkText ? { split: splitTitle(linkText) } : undefined;
}

/** Marks the headline and its repeats; never a prose block that only mentions it. */
function markTitleBlocks(blocks: Block[], choice: TitleChoice): void {
  const key = titleKey(choice.split.title);
  if (key.length < 4) return;
  const docKey = choice.documentTitle ? titleKey(choice.documentTitle) : '';
  let seen = false;
  const longest = Math.max(key.length + 30, docKey.length);
  for (const b of blocks) {
    if (b.chars < key.length || b.chars > longest) continue;
    const k = titleKey(b.text);
    const same = k === key || k === docKey || (k.includes(key) && k.length - key.length <= 30 && b.chars <= 120);
    if (!same) continue;
    if (k === key || b.reason === undefined || b.reason === 'low-text-density' || b.reason === 'outside-article') {
      b.reason = seen ? 'title-repeat' : 'title';
    }
    seen = true;
  }
}

function siteFromAffixes(split: SplitTitle): { site?: string; section?: string } {
  const named = (s: string): boolean => hanCount(s) > 0;
  const after = split.after;
  const before = split.before;
  let site: string | undefined;
  let section: string | undefined;
  const afterNamed = after.filter(named);
  const beforeNamed = before.filter(named);
  if (afterNamed.length > 0) {
    site = afterNamed[afterNamed.length - 1];
    if (afterNamed.length > 1) section = afterNamed[0];
  } else if (beforeNamed.length > 0) {
    site = beforeNamed[0];
    if (beforeNamed.length > 1) section = beforeNamed[beforeNamed.length - 1];
  } else {
    site = after[after.length - 1] ?? before[0];
  }
  return { site, section };
}

function addNames(out: Map<CreditRole, string[]>, role: CreditRole, names: string[]): void {
  const list = out.get(role) ?? [];
  for (const n of names) if (!list.includes(n)) list.push(n);
  out.set(role, list);
}

/** Parenthesised credits near the start of the first kept block and at the end of the last. */
function bodyCredits(blocks: Block[]): { role: CreditRole; names: string[] }[] {
  const kept = blocks.filter((b) => !b.reason);
  const first = kept[0]?.text ?? '';
  const last = kept[kept.length - 1]?.text ?? '';
  const found: { role: CreditRole; names: string[] }[] = [];
  const scan = (text: string): void => {
    for (const m of text.matchAll(/[（(]([^（()）]{2,40})[)）]/g)) found.push(...(parentheticalCredits(m[1]!) ?? []));
  };
  scan(first.slice(0, 60));
  if (last !== first || first.length > 60) scan(last.slice(-50));
  return found;
}

export function buildMetadata(input: MetadataInput): Metadata {
  const { blocks, head, frontMatter, thresholds } = input;
  const meta: Metadata = {};
  const [lo, hi] = input.window ?? [0, blocks.length];
  const headers = input.headers.filter((h) => h.block >= lo && h.block < hi);

  let firstProse = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.reason && isProse(b, thresholds)) {
      firstProse = i;
      break;
    }
  }

  const title = chooseTitle({ ...input, headers }, firstProse);
  if (title) {
    meta.title = title.split.title;
    markTitleBlocks(blocks, title);
    const { site, section } = siteFromAffixes(title.split);
    if (site) meta.site = site;
    if (section) meta.section = section;
  }

  // published: dates shown next to the article first (labelled ones by label priority, then
  // bare date lines), then declared dates (front matter, meta tags, JSON-LD), then dates shown
  // elsewhere on the page; among equals, the one nearest the headline or first paragraph.
  let lastProse = -1;
  blocks.forEach((b, i) => {
    if (!b.reason && isProse(b, thresholds)) lastProse = i;
  });
  // The headline anchors the article's header (date lines sit just below it); without one,
  // the first paragraph does.
  const titleBlock = blocks.findIndex((b) => b.reason === 'title');
  const distance = (i: number): number => {
    if (titleBlock >= 0 && (lastProse < 0 || titleBlock < lastProse)) return i >= titleBlock ? i - titleBlock : titleBlock - i + 5;
    if (firstProse < 0) return i;
    if (i < firstProse) return firstProse - i;
    return i > lastProse ? 2 * blocks.length + i - lastProse : blocks.length + i - firstProse;
  };
  const order = stripData().publishedLabels;
  const labelled: { iso: string; rank: number; distance: number }[] = [];
  const bare: { iso: string; distance: number }[] = [];
  const sourceDates: string[] = [];
  for (const h of headers) {
    for (const d of h.line.dates) {
      const rank = order.indexOf(d.label);
      if (d.label === '') bare.push({ iso: d.iso, distance: distance(h.block) });
      else if (rank < 0) sourceDates.push(d.iso);
      else labelled.push({ iso: d.iso, rank, distance: distance(h.block) });
    }
  }
  labelled.sort((a, b) => a.rank - b.rank || a.distance - b.distance);
  bare.sort((a, b) => a.distance - b.distance);
  const declaredDate =
    firstString(frontMatter?.date) ??
    firstString(frontMatter?.published) ??
    declared(head, 'published', (v) => parseDate(v) !== undefined) ??
    jsonLdString(head, 'datePublished');
  const near = (d: { distance: number }): boolean => d.distance <= thresholds.nearArticleBlocks;
  const published =
    labelled.find(near)?.iso ??
    bare.find(near)?.iso ??
    (declaredDate ? parseDate(declaredDate, true) : undefined) ??
    labelled[0]?.iso ??
    bare[0]?.iso ??
    sourceDates[0];
  if (published) meta.published = published;

  // source, source_url, site, section, tags
  for (const h of headers) {
    for (const f of h.line.fields) {
      if (f.field === 'source' && meta.source === undefined) {
        if (isUrl(f.value)) meta.source_url ??= f.value;
        else {
          const s = cleanSource(f.value);
          if (s) meta.source = s;
        }
      } else if (f.field === 'source_url' && isUrl(f.value)) meta.source_url ??= f.value;
      else if ((f.field === 'site' || f.field === 'section') && f.value !== '') meta[f.field] ??= f.value;
      else if (f.field === 'tags' && f.value !== '') meta.tags ??= listOf(f.value);
    }
  }
  const fmUrl = firstString(frontMatter?.url ?? frontMatter?.link ?? frontMatter?.source_url);
  const urls = [...input.sourceUrls, fmUrl, declared(head, 'source_url'), head?.canonical].filter(
    (u): u is string => u !== undefined && isUrl(u),
  );
  if (meta.source_url === undefined && urls[0]) meta.source_url = urls[0];
  if (meta.published === undefined && meta.source_url) {
    const d = dateFromUrl(meta.source_url);
    if (d) meta.published = d;
  }
  // A declared site name wins; the title's own affix then names the section (`X - 法国报纸摘要`).
  const ogSite = declared(head, 'site');
  if (ogSite) {
    if (meta.site && meta.site !== ogSite && !ogSite.includes(meta.site)) meta.section ??= meta.site;
    meta.site = ogSite;
  }
  const tags = listOf(frontMatter?.tags ?? frontMatter?.keywords);
  const metaKeywords = listOf(declared(head, 'tags'));
  if (meta.tags === undefined && tags.length > 0) meta.tags = tags;
  else if (meta.tags === undefined && metaKeywords.length > 0 && metaKeywords.length <= 20) meta.tags = metaKeywords;

  // credits: credit lines, else the credit in parentheses opening or closing the body
  const credits = new Map<CreditRole, string[]>();
  for (const h of headers) for (const c of h.line.credits) addNames(credits, c.role, c.names);
  if (!credits.has('authors')) for (const c of bodyCredits(blocks)) addNames(credits, c.role, c.names);
  if (!credits.has('authors')) {
    const fmAuthor = listOf(frontMatter?.author ?? frontMatter?.authors);
    const metaAuthor = declared(head, 'authors');
    const fallback = fmAuthor.length > 0 ? fmAuthor : jsonLdAuthors(head);
    if (fallback.length > 0) addNames(credits, 'authors', fallback);
    else if (metaAuthor) {
      const names = splitNames(metaAuthor);
      if (names && names.length > 0 && visibleLength(metaAuthor) <= 30) addNames(credits, 'authors', names);
    }
  }
  for (const [role, names] of credits) if (names.length > 0) meta[role] = names;
  return meta;
}
