/**
 * The one block model both input paths produce: a paragraph, heading or list
 * item of visible text, with the features the classifier needs. HTML blocks
 * also know their DOM container, for the density scoring that picks the
 * article root.
 */
import { punctuationCount, visibleLength } from './chars.js';
import type { Reason } from './reasons.js';

export type BlockKind = 'paragraph' | 'heading' | 'item';

export interface Block {
  text: string;
  kind: BlockKind;
  /** Visible characters (whitespace excluded). */
  chars: number;
  /** Visible characters inside links. */
  linkChars: number;
  punct: number;
  /** HTML: index of the nearest block-level element holding the text; -1 for text input. */
  container: number;
  /**
   * May continue the previous block when that one stops mid-sentence: the next
   * line of a text, or a `<br>` line in the same HTML container; not the
   * pieces of a flattened page or a new HTML container.
   */
  joinable: boolean;
  /** Set when the block is dropped from the body. */
  reason?: Reason;
}

export function makeBlock(
  text: string,
  kind: BlockKind,
  options: { linkChars?: number; container?: number; joinable?: boolean } = {},
): Block {
  return {
    text,
    kind,
    chars: visibleLength(text),
    linkChars: options.linkChars ?? 0,
    punct: punctuationCount(text),
    container: options.container ?? -1,
    joinable: options.joinable ?? false,
  };
}

/** Adds the counts of `next` to `block` (its text is joined by joinLines). */
export function absorb(block: Block, next: Block): void {
  block.chars += next.chars;
  block.linkChars += next.linkChars;
  block.punct += next.punct;
}

/** Lines broken mid-sentence joined back: directly, or with a space between two Latin words. */
export function joinLines(lines: string[]): string {
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const latinSeam = /[A-Za-z0-9]$/.test(lines[i - 1]!) && /^[A-Za-z0-9]/.test(line);
    out += (latinSeam ? ' ' : '') + line;
  }
  return out;
}

export function linkDensity(block: Block): number {
  return block.chars === 0 ? 0 : block.linkChars / block.chars;
}

/** Punctuation marks per 100 visible characters. */
export function punctDensity(block: Block): number {
  return block.chars === 0 ? 0 : (block.punct * 100) / block.chars;
}
