/**
 * Document titles carry site and section names (`X-媒体南开-南开大学`,
 * `南开大学->X | nankai.info`, `X_内蒙古自治区政府`). The title is the longest
 * part between separators (data/title-separators.txt); the parts around it
 * are affixes only when they look like names (short, no sentence
 * punctuation) — otherwise the separator belongs to the title itself
 * (`北京工业大学-樊恭烋实验班`).
 */
import { isSpace, visibleLength } from './chars.js';
import { stripData } from './data.js';

export interface SplitTitle {
  title: string;
  /** Affixes before the title, outermost first. */
  before: string[];
  /** Affixes after the title, nearest first. */
  after: string[];
}

const MAX_AFFIX_CHARS = 24;

function isAffix(part: string): boolean {
  const n = visibleLength(part);
  return n > 0 && n <= MAX_AFFIX_CHARS && !/[，。！？；,!?;“”"]/.test(part);
}

const OPENING = new Set(Array.from('“‘《（(「『【['));
const CLOSING = new Set(Array.from('”’》）)」』】]'));

/**
 * The text cut into alternating [part, separator, part, …] pieces, spacing
 * kept. A separator inside quotes or brackets belongs to a name
 * (`“北京工业大学-樊恭烋实验班”`), not between title and site.
 */
function rawPieces(text: string): string[] {
  const separators = stripData().titleSeparators;
  const pieces: string[] = [];
  let from = 0;
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (OPENING.has(ch)) depth++;
    else if (CLOSING.has(ch) && depth > 0) depth--;
    const sep = depth === 0 ? separators.find((s) => text.startsWith(s, i)) : undefined;
    if (!sep) {
      i++;
      continue;
    }
    pieces.push(text.slice(from, i), sep);
    i += sep.length;
    from = i;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** Hyphens and dashes written without spaces. */
const BARE_HYPHENS = new Set(['-', '–', '—']);

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

export function splitTitle(raw: string): SplitTitle {
  const text = trimSpaces(raw);
  const pieces = rawPieces(text);
  const parts = pieces.filter((_, i) => i % 2 === 0).map((p) => trimSpaces(p));
  if (parts.length === 1) return { title: text, before: [], after: [] };
  // The title is the longest part; a bare domain (`blog.wenxuecity.com`) only when nothing else is there.
  const weight = (p: string): number => (isDomain(p) ? 0 : visibleLength(p));
  let main = 0;
  for (let i = 1; i < parts.length; i++) if (weight(parts[i]!) > weight(parts[main]!)) main = i;
  let lo = main;
  let hi = main;
  // A neighbour that is not a name belongs to the title; so does everything between it and the
  // title. A site name in front is set off by a marked separator (`南开大学->`, `新华网 | `),
  // not by a bare hyphen, which in front of a title is a compound (`推动高校-基础教育`).
  const bareHyphenAfter = (i: number): boolean =>
    BARE_HYPHENS.has(pieces[i * 2 + 1]!) && !/\s$/.test(pieces[i * 2]!) && !/^\s/.test(pieces[i * 2 + 2]!);
  for (let i = 0; i < main; i++) if (!isAffix(parts[i]!) || bareHyphenAfter(i)) lo = Math.min(lo, i);
  for (let i = parts.length - 1; i > main; i--) if (!isAffix(parts[i]!)) hi = Math.max(hi, i);
  return {
    title: lo === hi ? parts[main]! : trimSpaces(pieces.slice(lo * 2, hi * 2 + 1).join('')),
    before: parts.slice(0, lo).filter((p) => p !== ''),
    after: parts.slice(hi + 1).filter((p) => p !== ''),
  };
}

export function isDomain(s: string): boolean {
  return /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+\/?$/i.test(s.trim());
}

/** Comparable form of a title: no whitespace, no quotes or brackets around it. */
export function titleKey(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
}
