/**
 * strip: the article body and its metadata out of an HTML page or a page
 * already flattened to text or Markdown.
 *
 * Both inputs become the same blocks (./html.ts, ./textblocks.ts); lines
 * broken mid-sentence are joined (./repair.ts); for HTML the article root is
 * chosen by text density (./density.ts); one classifier labels every block
 * article text or boilerplate with a reason (./classify.ts, ./reasons.ts);
 * metadata comes from header and credit lines, the title, front matter and
 * the HTML head (./metadata.ts). Rules and word lists are in ./data/.
 */
import { RecordError } from '../../core/errors.js';
import { isPlainObject, type Format, type Metadata, type QRecord, type Removal } from '../../core/record.js';
import type { Stage } from '../../core/stage.js';
import { codePointLength } from '../../core/text.js';
import type { Block } from './blocks.js';
import { classify } from './classify.js';
import { stripData } from './data.js';
import { chooseRoot, markHeadedSections } from './density.js';
import { looksLikeHtml, parseHtml } from './html.js';
import { buildMetadata, type MetadataInput } from './metadata.js';
import { joinBrokenLines } from './repair.js';
import { toSimplified } from './simplify.js';
import { parseText } from './textblocks.js';

export { REASONS, type Reason } from './reasons.js';

export interface StripOptions {
  /** Add `removed: [{text, reason}]`. */
  explain?: boolean;
  /** Keep the original text in `raw`. */
  keepRaw?: boolean;
  /** A body shorter than this (characters, whitespace excluded) is rejected as `too-short`; 0 = never. */
  minChars?: number;
  /** Convert traditional to simplified Chinese (body and metadata) with opencc-js. */
  toSimplified?: boolean;
}

/** What the text holds when the record does not say: HTML, Markdown or plain text. */
export function sniffFormat(text: string): Format {
  if (looksLikeHtml(text)) return 'html';
  const head = text.slice(0, 5000);
  if (/^\ufeff?---\r?\n/.test(head)) return 'markdown';
  if (/^#{1,6}\s|!\[[^\]\n]{0,200}\]\(|\[[^\]\n]{1,200}\]\(https?:|^\s{0,3}[-*]\s|\*\*[^*\n]{1,200}\*\*/m.test(head)) return 'markdown';
  return 'text';
}

interface Extraction {
  blocks: Block[];
  metadata: Metadata;
  removed: Removal[];
}

function extractHtml(html: string, explain: boolean): Extraction {
  const t = stripData().thresholds;
  const doc = parseHtml(html, explain);
  const blocks = joinBrokenLines(doc.blocks, t);
  markHeadedSections(blocks, doc.elements, t);
  const { root, inRoot } = chooseRoot(blocks, doc.elements, t);
  const headers = classify(blocks, t, { elements: doc.elements, inRoot, root });
  let first = -1;
  let last = -1;
  blocks.forEach((b, i) => {
    if (b.container >= 0 && inRoot[b.container]) {
      if (first < 0) first = i;
      last = i;
    }
  });
  const window: [number, number] = first < 0 ? [0, blocks.length] : [Math.max(0, first - t.headerWindowBlocks), last + t.headerWindowBlocks + 1];
  const input: MetadataInput = { blocks, headers, window, head: doc.head, sourceUrls: [], thresholds: t };
  return { blocks, metadata: buildMetadata(input), removed: doc.removed };
}

function extractText(text: string, markdown: boolean): Extraction {
  const t = stripData().thresholds;
  const doc = parseText(text, markdown);
  const blocks = joinBrokenLines(doc.blocks, t);
  const headers = classify(blocks, t);
  const input: MetadataInput = {
    blocks,
    headers,
    frontMatter: doc.frontMatter,
    sourceUrls: doc.sourceUrls,
    thresholds: t,
  };
  return { blocks, metadata: buildMetadata(input), removed: doc.removed };
}

export function strip(record: QRecord, options: StripOptions = {}): QRecord {
  if (typeof record.text !== 'string') throw new RecordError('missing-text', 'record has no string "text" field');
  const format: Format = record.format === 'html' || record.format === 'markdown' || record.format === 'text' ? record.format : sniffFormat(record.text);
  const explain = options.explain === true;
  // Converted first, so that traditional pages meet the simplified labels and phrase lists.
  const input = options.toSimplified ? toSimplified(record.text) : record.text;
  const result = format === 'html' ? extractHtml(input, explain) : extractText(input, format === 'markdown');

  const body = result.blocks
    .filter((b) => !b.reason)
    .map((b) => b.text)
    .join('\n');
  const found = result.metadata;
  const minChars = options.minChars ?? 0;
  if (minChars > 0) {
    const length = codePointLength(body.replace(/\s+/g, ''));
    if (length < minChars) throw new RecordError('too-short', `article body has ${length} characters, fewer than --min-chars ${minChars}`);
  }
  // Existing metadata keys are kept; strip only adds what is missing.
  const metadata: Metadata = { ...found, ...(isPlainObject(record.metadata) ? record.metadata : {}) };
  const out: QRecord = { ...record, text: body, format: 'text', metadata };
  if (options.keepRaw) out.raw = record.text;
  if (explain) {
    const removed = [...result.removed];
    for (const b of result.blocks) if (b.reason) removed.push({ text: b.text, reason: b.reason });
    out.removed = removed;
  }
  return out;
}

export const stripStage: Stage<StripOptions> = {
  name: 'strip',
  init() {
    stripData();
  },
  process(record, options) {
    return strip(record, options);
  },
};
