/**
 * Boilerplate phrase matching (data/boilerplate.txt): a block is furniture of
 * a kind when it is only a furniture word (`whole`), starts with a furniture
 * label (`start`), holds a furniture phrase while short (`any`), is a short
 * list header ending in one (`end`), or is a longer footer line with several
 * footer phrases (copyright, ICP, contact).
 */
import type { Block } from './blocks.js';
import { trimDecoration } from './chars.js';
import { stripData, type Phrase, type Thresholds } from './data.js';

export function matchPhrase(block: Block, t: Thresholds): Phrase | undefined {
  // Furniture is short; longer blocks are never looked at (and never rescanned while they grow).
  if (block.chars > Math.max(t.footerBlockChars, t.phraseBlockChars * 2)) return undefined;
  const index = stripData().phraseIndex;
  // Letter-spaced headers (`郑 重 声 明`, `首 页`) read as their words.
  const core = trimDecoration(block.chars <= t.listHeaderChars ? block.text.replace(/\s+/g, '') : block.text);
  // Counts and arrows around menu words (`更多>>`, `评论(12)`) do not make them text.
  const bare = core.replace(/[（(]\d{0,6}[)）]$/, '').replace(/[>»]+$/, '');
  const whole = index.whole.get(bare);
  if (whole) return whole;
  if (block.chars <= t.phraseBlockChars * 2) {
    for (const p of index.start.get(core[0] ?? '') ?? []) if (core.startsWith(p.phrase)) return p;
  }
  if (block.chars <= t.phraseBlockChars) {
    const m = index.any.exec(block.text);
    if (m) return index.byText.get(m[0]);
  }
  // A short list header named after its curator (`工小V推荐`, `编辑推荐`).
  if (block.chars <= t.listHeaderChars) {
    for (const p of index.end) if (core.endsWith(p.phrase)) return p;
  }
  // A long footer line (`… ICP备… Copyright … 版权所有 … 举报电话`) holds several footer phrases.
  if (block.chars <= t.footerBlockChars) {
    const hits = new Set(block.text.match(index.footer) ?? []);
    if (hits.size >= 2) return index.byText.get([...hits][0]!);
  }
  return undefined;
}
