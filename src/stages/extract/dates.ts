/**
 * Dates and times in Chinese text, normalized to ISO 8601.
 *
 * findDates tokenizes the text (dates/lexer.ts), parses time expressions
 * from each position with a grammar of their parts (dates/grammar.ts),
 * resolves them against the reference date with calendar arithmetic
 * (dates/resolve.ts, which documents the conventions) and writes the values
 * in ISO 8601 (dates/iso.ts; spans bounded by the reference or open on one
 * side in the interval forms of ISO 8601-2: 2018/2021-06-14, ../2021-06-12).
 * Words, festivals, the lunar calendar and the solar terms are data files in
 * data/time-*.txt.
 */
import type { Entity } from '../../core/record.js';
import { utf16ToCodePoint } from '../../core/text.js';
import { Grammar, type Expr, type Spec } from './dates/grammar.js';
import { formatValue, parseReference } from './dates/iso.js';
import { tokenize, type TokenList } from './dates/lexer.js';
import { applyBound, momentKey, resolveSpec, type Context, type Value } from './dates/resolve.js';

export interface DateReference {
  /** ISO 8601 date or date-time the expressions are resolved against. */
  iso: string;
  /** true when it came from metadata.published or --ref; false when it is only today's date. */
  explicit: boolean;
}

/** Today's date in local time, as a non-explicit reference. */
export function todayReference(now: Date = new Date()): DateReference {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return { iso: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`, explicit: false };
}

/**
 * The reference the contract prescribes: `metadata.published`, else the
 * `--ref` option, else today; the first that is an ISO 8601 date counts.
 */
export function dateReference(published: unknown, ref?: string, now: Date = new Date()): DateReference {
  for (const candidate of [published, ref]) {
    if (typeof candidate === 'string' && parseReference(candidate, true)) return { iso: candidate.trim(), explicit: true };
  }
  return todayReference(now);
}

/** What may stand between the items of a list of dates: 9月10日、11日和12日. */
const LIST_SEPARATORS = new Set(['、', '，', ',', '和', '及', '与', '與']);

/**
 * Whether only list separators (and a part of day: 6月4日晚和5日上午) stand
 * between tokens [from, to).
 */
function isListGap(tokens: TokenList, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  let separators = 0;
  for (let i = from; i < to; i++) {
    const token = tokens.at(i)!;
    if (LIST_SEPARATORS.has(token.text)) separators++;
    else if (token.kind !== 'space' && !token.roles.some((r) => r.role === 'pod')) return false;
  }
  return separators === 1;
}

function resolveExpr(expr: Expr, ctx: Context): Value | null {
  if (expr.kind === 'point') return resolveSpec(expr.spec, ctx);
  if (expr.kind === 'bounded') {
    const point = resolveSpec(expr.spec, ctx);
    return point ? applyBound(point, expr.bound, ctx.ref) : null;
  }
  const from = resolveSpec(expr.from, ctx);
  if (!from) return null;
  // The end shares the start's coarser parts; when it then falls before the
  // start, the shared part moves on by one (12月1日到1月1日, 22:00至次日6:00).
  const endCtx: Context = { ...ctx, anchor: from.start };
  const startKey = momentKey(from.start);
  for (const bump of [0, 1]) {
    const to = resolveSpec(expr.to, endCtx, { from: from.start, bump });
    if (!to) return null;
    const endKey = momentKey(to.end, true);
    if (startKey === null || endKey === null || endKey >= startKey) return { start: from.start, end: to.end };
  }
  return null;
}

function firstSpec(expr: Expr): Spec {
  return expr.kind === 'range' ? expr.from : expr.spec;
}

/**
 * Whether the expression writes its year out (2019年5月1日, 98年4月, 2004年中秋节前);
 * when it also names a month or day, later year-less dates are placed around
 * it. A year alone (2035年建成, 2018年以来) or a relative one (去年6月) places
 * nothing.
 */
function writesYear(expr: Expr): boolean {
  const year = firstSpec(expr).year;
  return year !== undefined && (year.kind === 'abs' || year.kind === 'twoDigit');
}

/**
 * Date and time expressions in `text`, as `date` entities with ISO 8601
 * values; offsets are in code points, sorted and non-overlapping.
 */
export function findDates(text: string, reference: DateReference): Entity[] {
  const ref = parseReference(reference.iso, reference.explicit) ?? parseReference(todayReference().iso, false)!;
  const tokens = tokenize(text);
  const grammar = new Grammar(tokens);
  const toCodePoint = utf16ToCodePoint(text);
  const entities: Entity[] = [];
  const ctx: Context = { ref, anchor: null, dateAnchor: null, listed: null };
  let previousEnd = -1;
  for (let i = 0; i < tokens.length; ) {
    let match = tokens.mayStart(i) ? grammar.expression(i) : null;
    if (!match) {
      i++;
      continue;
    }
    ctx.listed = previousEnd >= 0 && isListGap(tokens, previousEnd, match.start) ? ctx.anchor : null;
    let value = resolveExpr(match.expr, ctx);
    // A range whose end does not fit its start (正月~去年), a bound that cannot
    // hold (2030年以来 in 2021): keep the first point alone.
    if (!value && match.expr.kind !== 'point' && match.firstEnd !== undefined) {
      match = { start: match.start, end: match.firstEnd, expr: { kind: 'point', spec: firstSpec(match.expr) } };
      value = resolveExpr(match.expr, ctx);
    }
    const iso = value ? formatValue(value) : null;
    if (value && iso) {
      const startOffset = tokens.at(match.start)!.start;
      const endOffset = tokens.at(match.end - 1)!.end;
      entities.push({
        type: 'date',
        text: text.slice(startOffset, endOffset),
        start: toCodePoint(startOffset),
        end: toCodePoint(endOffset),
        value: iso,
      });
      ctx.anchor = value.startKind === undefined ? value.start : value.end;
      if (writesYear(match.expr) && ctx.anchor.m !== null) ctx.dateAnchor = ctx.anchor;
      previousEnd = match.end;
    }
    i = match.end;
  }
  return entities;
}
