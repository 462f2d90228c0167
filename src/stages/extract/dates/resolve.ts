/**
 * Resolution: a parsed Spec plus a reference date -> a calendar value (a
 * point or an inclusive interval of points, each with a precision).
 *
 * Conventions (the ISO forms are made in iso.ts):
 * - Year-less dates (7月26日, 国庆) take the year that puts them nearest the
 *   reference, the earlier on a tie; with no explicit reference they stay
 *   year-less (--07-26), and lunar ones, which need a year, are dropped.
 * - A bare day (28日) takes the month nearest the reference the same way;
 *   without an explicit reference it is ---28.
 * - Relative expressions (昨天, 上周, 三天后) always resolve against the
 *   reference, explicit or today's date; anaphoric ones (当天, 次日, 同年)
 *   against the last date mentioned before them, else the reference.
 * - A part of the day alone (7月26日下午) adds no hour: the value keeps day
 *   precision. With a clock time it places it: 下午3点 -> T15:00.
 * - A clock time alone (17:51) is on the reference date when the reference
 *   is explicit, else a time of day only (T17:51).
 * - A bare weekday (周三) is that day of the reference's ISO week; weeks run
 *   Monday to Sunday (上周 = the interval from the Monday to the Sunday).
 * - Shifts: 三天后 = the reference day + 3; 两年前 = the year; 二十几年前 =
 *   the interval of years 20 to 30 back (几/多 after a round number span the
 *   next ten, as JioNLP reads them); 两小时前 needs a reference time.
 * - Fuzzy parts (年初 = January-February, 月底 = day 25 to the end, 上旬 =
 *   days 1-10, ...) are listed with their sources in data/time-words.txt.
 * - Words that name no particular date (近日, 日前, 目前, 现在, 近年来) are
 *   not dates: no value would be more than a guess.
 */
import { addMonths, dayNumber, daysInMonth, easterDay, fromDayNumber, isValidDate, mondayOf, nthWeekdayOfMonth, orthodoxEasterDay } from './calendar.js';
import type { Clock, Spec } from './grammar.js';
import type { Holiday, PartOfDay } from './lexicon.js';
import { lunarMonthSpan, lunarNewYearsEve, lunarToDayNumber, solarTermDay } from './lunar.js';

export type Precision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

export const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

/**
 * A point in time at a precision. `y`/`m`/`d` are null when unknown (a
 * year-less --07-26, a month-less ---28, a time alone T17:51).
 */
export interface Moment {
  y: number | null;
  m: number | null;
  d: number | null;
  h: number;
  mi: number;
  s: number;
  precision: Precision;
  /** A time of day with no date. */
  timeOnly?: boolean;
}

/** Inclusive: `end` is the last unit covered, at its own precision. */
export interface Value {
  start: Moment;
  end: Moment;
}

export interface Reference {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  precision: Precision;
  explicit: boolean;
}

export interface Context {
  ref: Reference;
  /** The start of the last date resolved before this one, for 当天/次日/同年. */
  anchor: Moment | null;
  /**
   * The date just before, when only a list separator stands between it and
   * this expression (9月10日、11日): a bare day then continues its month.
   */
  listed: Moment | null;
}

/** For the second point of a range: the first point, whose coarser parts it shares. */
export interface Inherit {
  from: Moment;
  /** Move the inherited part one unit on (12月1日到1月1日: the end is next year). */
  bump: number;
}

// ---- building values --------------------------------------------------

function moment(y: number | null, m: number | null, d: number | null, precision: Precision): Moment {
  return { y, m, d, h: 0, mi: 0, s: 0, precision };
}

function dayMoment(n: number): Moment {
  const { y, m, d } = fromDayNumber(n);
  return moment(y, m, d, 'day');
}

function point(mo: Moment): Value {
  return { start: mo, end: mo };
}

function dayRange(from: number, to: number): Value {
  return { start: dayMoment(from), end: dayMoment(to) };
}

function monthRange(y: number, from: number, to: number): Value {
  return { start: moment(y, from, null, 'month'), end: moment(y, to, null, 'month') };
}

/**
 * Seconds since the epoch of the first (or, `atEnd`, the last) second a
 * moment covers, for ordering; null without a year.
 */
export function momentKey(mo: Moment, atEnd = false): number | null {
  if (mo.y === null) return null;
  const m = mo.m ?? (atEnd ? 12 : 1);
  const d = mo.d ?? (atEnd ? daysInMonth(mo.y, m) : 1);
  const rank = PRECISION_RANK[mo.precision];
  const h = rank >= PRECISION_RANK.hour ? mo.h : atEnd ? 23 : 0;
  const mi = rank >= PRECISION_RANK.minute ? mo.mi : atEnd ? 59 : 0;
  const sec = rank >= PRECISION_RANK.second ? mo.s : atEnd ? 59 : 0;
  return dayNumber(mo.y, m, d) * 86_400 + h * 3600 + mi * 60 + sec;
}

function refDay(ref: Reference): number {
  return dayNumber(ref.y, ref.m, ref.d);
}

/** The days the reference covers: one day, or its whole month or year when that is all it says. */
function refInterval(ref: Reference): [number, number] {
  if (ref.precision === 'year') return [dayNumber(ref.y, 1, 1), dayNumber(ref.y, 12, 31)];
  if (ref.precision === 'month') return [dayNumber(ref.y, ref.m, 1), dayNumber(ref.y, ref.m, daysInMonth(ref.y, ref.m))];
  const n = refDay(ref);
  return [n, n];
}

function distance(a: [number, number], b: [number, number]): number {
  if (a[1] < b[0]) return b[0] - a[1];
  if (b[1] < a[0]) return a[0] - b[1];
  return 0;
}

// ---- calendar frames ---------------------------------------------------

/** What a spec names within one (solar or lunar) year: a run of days or of months. */
type Frame = { days: [number, number]; precision: 'day' | 'month' } | null;

function solarMonthFrame(y: number, m: number): Frame {
  return { days: [dayNumber(y, m, 1), dayNumber(y, m, daysInMonth(y, m))], precision: 'month' };
}

function holidayDay(h: Holiday, y: number): number | null {
  switch (h.rule) {
    case 'solar':
      return isValidDate(y, h.month, h.day) ? dayNumber(y, h.month, h.day) : null;
    case 'lunar':
      return lunarToDayNumber(y, h.month, h.day);
    case 'eve':
      return lunarNewYearsEve(y);
    case 'nth':
      return nthWeekdayOfMonth(y, h.month, h.n, h.weekday);
    case 'term':
      return solarTermDay(h.term, y);
    case 'easter':
      return easterDay(y) + h.offset;
    case 'orthodox':
      return orthodoxEasterDay(y) + h.offset;
  }
}

/**
 * The frame a spec names in year `y` (for lunar specs, the lunar year), or
 * undefined when the spec names nothing year-bound.
 */
function frameIn(spec: Spec, y: number): Frame | undefined {
  if (spec.holiday) {
    const n = holidayDay(spec.holiday, y);
    return n === null ? null : { days: [n, n], precision: 'day' };
  }
  if (spec.term) {
    const n = solarTermDay(spec.term, y);
    return n === null ? null : { days: [n, n], precision: 'day' };
  }
  if (spec.season) {
    const from = solarTermDay(spec.season.from, y);
    let to = solarTermDay(spec.season.to, y);
    if (from === null || to === null) return null;
    if (to <= from) to = solarTermDay(spec.season.to, y + 1);
    return to === null ? null : { days: [from, to - 1], precision: 'day' };
  }
  if (spec.months) {
    const [a, b] = spec.months;
    return { days: [dayNumber(y, a, 1), dayNumber(y, b, daysInMonth(y, b))], precision: 'month' };
  }
  if (spec.month?.kind !== 'abs') return undefined;
  const m = spec.month.value;
  if (spec.lunar) {
    const span = lunarMonthSpan(y, m, spec.month.leap);
    if (!span) return null;
    if (spec.day?.kind === 'abs') {
      const n = lunarToDayNumber(y, m, spec.day.value, spec.month.leap);
      return n === null ? null : { days: [n, n], precision: 'day' };
    }
    if (spec.days) {
      const to = spec.days[1] === 'end' ? span[1] : Math.min(span[1], span[0] + spec.days[1] - 1);
      return { days: [span[0] + spec.days[0] - 1, to], precision: 'day' };
    }
    return { days: span, precision: 'day' };
  }
  if (spec.day?.kind === 'abs') {
    const d = spec.day.value;
    return isValidDate(y, m, d) ? { days: [dayNumber(y, m, d), dayNumber(y, m, d)], precision: 'day' } : null;
  }
  if (spec.days) {
    const last = daysInMonth(y, m);
    const to = spec.days[1] === 'end' ? last : Math.min(last, spec.days[1]);
    return { days: [dayNumber(y, m, spec.days[0]), dayNumber(y, m, to)], precision: 'day' };
  }
  if (spec.nthWeekday) {
    const n = nthWeekdayOfMonth(y, m, spec.nthWeekday.n, spec.nthWeekday.weekday);
    return n === null ? null : { days: [n, n], precision: 'day' };
  }
  return solarMonthFrame(y, m);
}

/** The value of a frame; a single day carries the spec's clock time. */
function frameValue(frame: NonNullable<Frame>, spec: Spec): Value {
  if (frame.precision === 'month') {
    const a = fromDayNumber(frame.days[0]);
    const b = fromDayNumber(frame.days[1]);
    return { start: moment(a.y, a.m, null, 'month'), end: moment(b.y, b.m, null, 'month') };
  }
  if (frame.days[0] === frame.days[1]) return withClock(frame.days[0], spec);
  return dayRange(frame.days[0], frame.days[1]);
}

// ---- resolution ----------------------------------------------------------

function twoDigitYear(yy: number, ref: Reference, inherit: Inherit | null): number {
  if (inherit?.from.y != null) {
    const base = inherit.from.y;
    let y = base - (base % 100) + yy;
    if (y < base) y += 100;
    return y;
  }
  // 20yy unless that is more than ten years after the reference, then 19yy.
  return 2000 + yy <= ref.y + 10 ? 2000 + yy : 1900 + yy;
}

function anchorOr(ctx: Context, anaphoric: boolean, need: 'y' | 'm' | 'd'): { y: number; m: number; d: number } {
  const a = ctx.anchor;
  if (anaphoric && a && a.y !== null && (need === 'y' || a.m !== null) && (need !== 'd' || a.d !== null)) {
    return { y: a.y, m: a.m ?? 1, d: a.d ?? 1 };
  }
  return ctx.ref;
}

/** Resolves one point of an expression; null when it names no real date. */
export function resolveSpec(spec: Spec, ctx: Context, inherit: Inherit | null = null): Value | null {
  const { ref } = ctx;
  if (spec.span) return resolveSpan(spec.span.unit, spec.span.from, spec.span.to, ref);
  if (spec.clockShift) return resolveClockShift(spec.clockShift.unit, spec.clockShift.amount, ref);
  if (spec.century !== undefined || spec.decade !== undefined) return resolveEra(spec, ref);

  // Relative days: 昨天, 三天后, 当天, 次日
  if (spec.day?.kind === 'rel') {
    const base = anchorOr(ctx, spec.day.anaphoric, 'd');
    return withClock(dayNumber(base.y, base.m, base.d) + spec.day.offset, spec);
  }

  // Weeks: 上周, 周三, 下周六, 这周末
  if (spec.week !== undefined && !spec.month && !spec.holiday && spec.day === undefined) {
    let monday = mondayOf(refDay(ref)) + 7 * spec.week;
    // the end of a range (周三至周五) lies in the week of its start, or the next
    const from = inherit?.from;
    if (from && from.y !== null && from.m !== null && from.d !== null) monday = mondayOf(dayNumber(from.y, from.m, from.d)) + 7 * inherit!.bump;
    if (spec.weekday !== undefined) return withClock(monday + spec.weekday - 1, spec);
    if (spec.weekend) return dayRange(monday + 5, monday + 6);
    return dayRange(monday, monday + 6);
  }

  // The year
  let year: number | undefined;
  if (spec.year) {
    switch (spec.year.kind) {
      case 'abs':
        year = spec.year.value;
        break;
      case 'twoDigit':
        year = twoDigitYear(spec.year.value, ref, inherit);
        break;
      case 'rel':
        year = anchorOr(ctx, spec.year.anaphoric, 'y').y + spec.year.offset;
        break;
      case 'relRange':
        return { start: moment(ref.y + spec.year.from, null, null, 'year'), end: moment(ref.y + spec.year.to, null, null, 'year') };
    }
  } else if (inherit?.from.y != null && (spec.month || spec.holiday || spec.months)) {
    year = inherit.from.y + inherit.bump;
  }

  // Relative months: 本月, 上个月, 3个月后 (with 去年本月 taking its year from 去年)
  if (spec.month?.kind === 'rel') {
    const base = anchorOr(ctx, spec.month.anaphoric, 'm');
    const { y, m } =
      year !== undefined && !spec.month.anaphoric ? addMonths(year, ref.m, spec.month.offset) : addMonths(base.y, base.m, spec.month.offset);
    return monthValue(y, m, spec);
  }
  if (spec.quarterOffset !== undefined) {
    const q = Math.floor((ref.m - 1) / 3) + spec.quarterOffset;
    const first = addMonths(ref.y, q * 3 + 1, 0);
    const last = addMonths(first.y, first.m, 2);
    return { start: moment(first.y, first.m, null, 'month'), end: moment(last.y, last.m, null, 'month') };
  }

  // A day with no month: 28日
  if (spec.day?.kind === 'abs' && !spec.month) return resolveBareDay(spec.day.value, spec, ctx, inherit);

  const yearBound = frameIn(spec, year ?? ref.y) !== undefined;
  if (!yearBound) {
    if (year !== undefined) return point(moment(year, null, null, 'year'));
    // Only a clock time: on the inherited date, or the reference's.
    if (spec.clock) return resolveTimeOnly(spec, ctx, inherit);
    return null;
  }
  if (year === undefined) {
    if (spec.months || spec.season) {
      year = ref.y;
    } else if (!ref.explicit) {
      return yearless(spec);
    } else {
      year = nearestYear(spec, ref);
      if (year === undefined) return null;
    }
  }
  const frame = frameIn(spec, year);
  return frame ? frameValue(frame, spec) : null;
}

function monthValue(y: number, m: number, spec: Spec): Value | null {
  if (spec.day?.kind === 'abs') {
    if (!isValidDate(y, m, spec.day.value)) return null;
    return withClock(dayNumber(y, m, spec.day.value), spec);
  }
  const frame = frameIn({ ...spec, month: { kind: 'abs', value: m, leap: false } }, y);
  return frame ? frameValue(frame, spec) : null;
}

/**
 * Among the years around the reference, the one whose frame is nearest it;
 * the earlier on a tie. A reference that gives only a year means that year.
 */
function nearestYear(spec: Spec, ref: Reference): number | undefined {
  if (ref.precision === 'year') return frameIn(spec, ref.y) ? ref.y : undefined;
  const target = refInterval(ref);
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const frame = frameIn(spec, y);
    if (!frame) continue;
    const d = distance(frame.days, target);
    if (d < bestDistance) {
      best = y;
      bestDistance = d;
    }
  }
  return best;
}

/** A solar month or month-day with no year and no explicit reference: --07-26. */
function yearless(spec: Spec): Value | null {
  if (spec.lunar || spec.term || spec.season) return null;
  let m: number;
  let d: number | null = null;
  if (spec.holiday) {
    if (spec.holiday.rule !== 'solar') return null;
    m = spec.holiday.month;
    d = spec.holiday.day;
  } else if (spec.month?.kind === 'abs') {
    m = spec.month.value;
    if (spec.day?.kind === 'abs') d = spec.day.value;
    else if (spec.days || spec.nthWeekday) {
      if (!spec.days) return null;
      const last = spec.days[1] === 'end' ? daysInMonth(2000, m) : spec.days[1];
      return { start: moment(null, m, spec.days[0], 'day'), end: moment(null, m, last, 'day') };
    }
  } else {
    return null;
  }
  if (d !== null && (d < 1 || d > daysInMonth(2000, m))) return null;
  const mo = moment(null, m, d, d === null ? 'month' : 'day');
  return point(applyClock(mo, spec) ?? mo);
}

/** A year to do month and day arithmetic in when the real one is unknown (a leap year, so --02-29 exists). */
const ANY_LEAP_YEAR = 2000;

function resolveBareDay(d: number, spec: Spec, ctx: Context, inherit: Inherit | null): Value | null {
  const { ref } = ctx;
  const from = inherit?.from ?? ctx.listed;
  if (from && from.m !== null) {
    // the month (and year, when known) of the date just before
    const { y, m } = addMonths(from.y ?? ANY_LEAP_YEAR, from.m, inherit?.bump ?? 0);
    if (!isValidDate(y, m, d)) return null;
    if (from.y !== null) return withClock(dayNumber(y, m, d), spec);
    const mo = moment(null, m, d, 'day');
    return point(applyClock(mo, spec) ?? mo);
  }
  if (!ref.explicit) {
    if (d < 1 || d > 31) return null;
    const mo = moment(null, null, d, 'day');
    return point(applyClock(mo, spec) ?? mo);
  }
  const target = refInterval(ref);
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const delta of [-1, 0, 1]) {
    const { y, m } = addMonths(ref.y, ref.m, delta);
    if (!isValidDate(y, m, d)) continue;
    const n = dayNumber(y, m, d);
    const dist = distance([n, n], target);
    if (dist < bestDistance) {
      best = n;
      bestDistance = dist;
    }
  }
  return best === null ? null : withClock(best, spec);
}

function resolveTimeOnly(spec: Spec, ctx: Context, inherit: Inherit | null): Value | null {
  const from = inherit?.from;
  if (from && from.m !== null && from.d !== null) {
    // on the date of the range's start (the next day when the times wrap)
    const n = dayNumber(from.y ?? ANY_LEAP_YEAR, from.m, from.d) + (inherit?.bump ?? 0);
    if (from.y !== null) return withClock(n, spec);
    const { m, d } = fromDayNumber(n);
    const mo = moment(null, m, d, 'day');
    return point(applyClock(mo, spec) ?? mo);
  }
  if (ctx.ref.explicit) return withClock(refDay(ctx.ref), spec);
  const mo: Moment = { ...moment(null, null, null, 'hour'), timeOnly: true };
  const timed = applyClock(mo, spec);
  return timed ? point(timed) : null;
}

// ---- clock times -------------------------------------------------------

/** The 24-hour hour a clock time names after a part of the day. */
function hourOf(clock: Clock, pod: PartOfDay | undefined): number {
  const h = clock.hour;
  switch (pod) {
    case 'pm':
      return h >= 1 && h < 12 ? h + 12 : h;
    case 'evening':
      return h >= 1 && h < 12 ? h + 12 : h === 12 ? 24 : h;
    case 'noon':
      return h >= 1 && h <= 3 ? h + 12 : h;
    case 'night':
      return h >= 6 && h < 12 ? h + 12 : h === 12 ? 24 : h;
    default:
      return h;
  }
}

/** Sets the time of `mo` from the spec's clock; null when there is none. 24:00 rolls into the next day. */
function applyClock(mo: Moment, spec: Spec): Moment | null {
  if (!spec.clock) return null;
  const hour = hourOf(spec.clock, spec.pod);
  const out: Moment = {
    ...mo,
    h: hour,
    mi: spec.clock.minute ?? 0,
    s: spec.clock.second ?? 0,
    precision: spec.clock.second !== null ? 'second' : spec.clock.minute !== null ? 'minute' : 'hour',
  };
  if (hour === 24 && out.y !== null && out.m !== null && out.d !== null) {
    const next = fromDayNumber(dayNumber(out.y, out.m, out.d) + 1);
    return { ...out, ...next, h: 0 };
  }
  return out;
}

function withClock(n: number, spec: Spec): Value {
  const day = dayMoment(n);
  const timed = applyClock(day, spec);
  return point(timed ?? day);
}

// ---- spans, shifts and eras ------------------------------------------------

function resolveSpan(unit: string, from: number, to: number, ref: Reference): Value | null {
  const today = refDay(ref);
  switch (unit) {
    case 'day':
      return dayRange(today + from, today + to);
    case 'week': {
      const monday = mondayOf(today);
      return dayRange(monday + 7 * from, monday + 7 * to + 6);
    }
    case 'month': {
      const a = addMonths(ref.y, ref.m, from);
      const b = addMonths(ref.y, ref.m, to);
      return { start: moment(a.y, a.m, null, 'month'), end: moment(b.y, b.m, null, 'month') };
    }
    case 'quarter': {
      const q = Math.floor((ref.m - 1) / 3) * 3 + 1;
      const a = addMonths(ref.y, q, 3 * from);
      const b = addMonths(ref.y, q, 3 * to + 2);
      return { start: moment(a.y, a.m, null, 'month'), end: moment(b.y, b.m, null, 'month') };
    }
    case 'year':
      return { start: moment(ref.y + from, null, null, 'year'), end: moment(ref.y + to, null, null, 'year') };
    case 'hour':
    case 'minute':
    case 'second': {
      const step = unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1;
      if (PRECISION_RANK[ref.precision] < PRECISION_RANK[unit]) return null;
      const a = shiftSeconds(ref, step * from, unit);
      const b = shiftSeconds(ref, step * to, unit);
      return { start: a, end: b };
    }
    default:
      return null;
  }
}

function resolveClockShift(unit: 'hour' | 'minute' | 'second', amount: number, ref: Reference): Value | null {
  if (PRECISION_RANK[ref.precision] < PRECISION_RANK.hour) return null;
  const step = unit === 'hour' ? 3600 : unit === 'minute' ? 60 : 1;
  const precision = PRECISION_RANK[ref.precision] >= PRECISION_RANK.minute && unit !== 'second' ? 'minute' : unit === 'second' ? 'second' : 'hour';
  return point(shiftSeconds(ref, step * amount, precision));
}

/** The reference moved by `seconds`, truncated to `precision`. */
function shiftSeconds(ref: Reference, seconds: number, precision: Precision): Moment {
  const total = refDay(ref) * 86_400 + ref.h * 3600 + ref.mi * 60 + ref.s + seconds;
  const day = Math.floor(total / 86_400);
  const rest = total - day * 86_400;
  const { y, m, d } = fromDayNumber(day);
  const h = Math.floor(rest / 3600);
  const mi = Math.floor((rest % 3600) / 60);
  const s = rest % 60;
  return {
    y,
    m,
    d,
    h,
    mi: PRECISION_RANK[precision] >= PRECISION_RANK.minute ? mi : 0,
    s: precision === 'second' ? s : 0,
    precision,
  };
}

function resolveEra(spec: Spec, ref: Reference): Value | null {
  let centuryStart: number;
  if (spec.century?.kind === 'abs') centuryStart = (spec.century.value - 1) * 100;
  else if (spec.century?.kind === 'rel') centuryStart = Math.floor(ref.y / 100) * 100 + 100 * spec.century.offset;
  else {
    // 80年代 alone: the latest such decade that has begun by the reference year.
    const tens = spec.decade! * 10;
    let start = Math.floor(ref.y / 100) * 100 + tens;
    if (start > ref.y) start -= 100;
    centuryStart = start - tens;
  }
  let from = centuryStart;
  let to = centuryStart + 99;
  if (spec.decade !== undefined) {
    from = centuryStart + spec.decade * 10;
    to = from + 9;
  }
  if (spec.eraPart) {
    const base = from;
    from = base + spec.eraPart[0];
    to = Math.min(to, base + spec.eraPart[1]);
  }
  if (from < 1) return null;
  return { start: moment(from, null, null, 'year'), end: moment(to, null, null, 'year') };
}

