/**
 * Resolution: a parsed Spec plus a reference date -> a calendar value (a
 * point or an inclusive interval of points, each with a precision; an end
 * may be the reference itself or open).
 *
 * Conventions (the ISO forms are made in iso.ts; the rules chosen between
 * candidates are measured in test/fixtures/dates/README.md):
 * - Year-less dates (7月26日, 国庆) fall in the twelve months that begin five
 *   months before the reference (MONTHS_BEHIND), a bare day (28日) in the
 *   month that begins 5/12 of a month before it; after a date whose year the
 *   text wrote (2019年5月1日), around that date instead. With no explicit
 *   reference and no such date they stay year-less (--07-26, ---28), and
 *   lunar ones, which need a year, are dropped.
 * - Relative expressions (昨天, 上周, 三天后) always resolve against the
 *   reference, explicit or today's date; anaphoric ones (当天, 次日, 同年,
 *   第三天) against the last date mentioned before them, else the reference.
 * - A part of the day after a calendar date (7月26日下午) adds no hour: the
 *   value keeps day precision. After a weekday or a relative day, or alone,
 *   it gives its hours (周二早上 -> T06:00/T09:00). With a clock time it
 *   places the time: 下午3点 -> T15:00.
 * - A clock time alone (17:51) is on the reference date when the reference
 *   is explicit, else a time of day only (T17:51).
 * - A bare weekday (周三) is that day of the reference's ISO week; weeks run
 *   Monday to Sunday (上周 = the interval from the Monday to the Sunday).
 * - Shifts: 三天后 = the reference day + 3; 两年前 = the year; 一年半前 = the
 *   month; 二十几年前 = the interval of years 20 to 30 back (几/多 after a
 *   round number span the next ten, 几十 is 20 to 100, as JioNLP reads
 *   them); 两小时前 needs a reference time and is as precise as it.
 * - Spans bounded by the reference (ISO 8601-2 forms, iso.ts): 2018年以来,
 *   三个月以来 and 近30天 run from the point up to the reference; 60日内 and
 *   未来7天 from the reference to the point; 5月8日起 from the date up to the
 *   reference when it is past, else open; 2025年前 from the reference to 2025
 *   when 2025 is ahead, else open before it. Open spans: 两天之前 is
 *   `../2021-06-12`, 20天以后 and 过两天 `2021-07-04/..`. 过去/近/未来 count
 *   exact periods: N days from the reference day, N months ending the day
 *   before the same date (resolvePeriod).
 * - Fuzzy parts (年初 = January-February, 月底 = day 25 to the end, 上旬 =
 *   days 1-10, 早上 = 06-09, ...) are listed with their sources in
 *   data/time-words.txt.
 * - Words that name no particular date (近日, 日前, 目前, 现在, 近年来) are
 *   not dates: no value would be more than a guess.
 */
import {
  addMonths,
  addMonthsToDay,
  addWorkdays,
  dayNumber,
  daysInMonth,
  easterDay,
  fromDayNumber,
  isValidDate,
  mondayOf,
  nthWeekdayOfMonth,
  orthodoxEasterDay,
} from './calendar.js';
import type { Bound, Clock, Spec } from './grammar.js';
import type { Holiday, PartOfDay, Unit } from './lexicon.js';
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

/**
 * How an end of a value is given: by the text (the default), by the reference
 * itself (2018年以来 runs up to the reference), or not at all (两天之前 has no
 * start): iso.ts writes these as ISO 8601-2 intervals, `2018/2021-06-14`,
 * `../2021-06-12`.
 */
export type EndKind = 'reference' | 'open';

/** Inclusive: `end` is the last unit covered, at its own precision. */
export interface Value {
  start: Moment;
  end: Moment;
  /** For a reference end the moment is the reference; for an open one, a copy of the other end. */
  startKind?: EndKind;
  endKind?: EndKind;
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
   * The last date whose year the text wrote (2019年5月1日): year-less dates
   * after it are placed around it rather than around the reference, so they
   * take its year (the news convention) unless it is months away.
   */
  dateAnchor: Moment | null;
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
  const value = resolveParts(spec, ctx, inherit);
  if (!value || !spec.nextDays) return value;
  // 耶稣受难日翌日: the day after the one named
  const { y, m, d } = value.start;
  return y === null || m === null || d === null ? null : withClock(dayNumber(y, m, d) + spec.nextDays, spec);
}

function resolveParts(spec: Spec, ctx: Context, inherit: Inherit | null): Value | null {
  const { ref } = ctx;
  if (spec.span) return resolveSpan(spec.span.unit, spec.span.from, spec.span.to, ref);
  if (spec.period) return resolvePeriod(spec.period.unit, spec.period.amount, spec.period.direction, ref);
  if (spec.clockShift) return resolveClockShift(spec.clockShift, ref);
  if (spec.century !== undefined || spec.decade !== undefined) return resolveEra(spec, ref);

  // Relative days: 昨天, 三天后, 当天, 次日
  if (spec.day?.kind === 'rel') {
    const base = anchorOr(ctx, spec.day.anaphoric, 'd');
    const n = dayNumber(base.y, base.m, base.d);
    return withClock(spec.day.workdays ? addWorkdays(n, spec.day.offset) : n + spec.day.offset, spec);
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
    // 两个半月前: the reference day moved by the months, then by the half month's days
    if (spec.month.days) return withClock(addMonthsToDay(dayNumber(base.y, base.m, base.d), spec.month.offset) + spec.month.days, spec);
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
    const anchor = ctx.dateAnchor;
    if (spec.months || spec.season) {
      year = anchor?.y ?? ref.y;
    } else if (anchor && anchor.y !== null && anchor.m !== null) {
      const precision = anchor.d === null ? 'month' : 'day';
      year = windowYear(spec, { y: anchor.y, m: anchor.m, d: anchor.d ?? 1, h: 0, mi: 0, s: 0, precision, explicit: true });
      if (year === undefined) return null;
    } else if (!ref.explicit) {
      return yearless(spec);
    } else {
      year = windowYear(spec, ref);
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
 * How far back from the reference, in months, the year-less dates of a text
 * may lie: a year-less date (9月30日, 国庆) falls in the twelve months that
 * begin five months before the reference, and a bare day (28日) in the month
 * that begins the same share of a month (5/12, 12.7 days) before it. So an
 * article of 3 January means last December, one of 13 March means this
 * September (JioNLP: 9月30日 at 2008-03-13 is 2008-09-30; 十二月20号 at
 * 1973-06-19 is 1973-12-20), and 28日 on 4 February is 28 January. Measured
 * against the suites in test/fixtures/dates/README.md.
 */
export const MONTHS_BEHIND = 5;

const DAYS_PER_MONTH = 365.2425 / 12;

/** The year that puts a year-less spec in the window around the reference (see MONTHS_BEHIND). */
function windowYear(spec: Spec, ref: Reference): number | undefined {
  if (ref.precision === 'year') return frameIn(spec, ref.y) ? ref.y : undefined;
  const first = refInterval(ref)[0];
  const from = addMonthsToDay(first, -MONTHS_BEHIND);
  const to = addMonthsToDay(first, 12 - MONTHS_BEHIND);
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    const frame = frameIn(spec, y);
    if (frame && frame.days[0] >= from && frame.days[0] < to) return y;
  }
  // A date some years lack (02-29): the nearest year that has it.
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const y of [ref.y - 4, ref.y - 3, ref.y - 2, ref.y - 1, ref.y, ref.y + 1, ref.y + 2, ref.y + 3, ref.y + 4]) {
    const frame = frameIn(spec, y);
    if (frame && Math.abs(frame.days[0] - first) < bestDistance) {
      best = y;
      bestDistance = Math.abs(frame.days[0] - first);
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
  // a reference that gives only a month means that month
  if (ref.precision === 'month' || ref.precision === 'year') return isValidDate(ref.y, ref.m, d) ? withClock(dayNumber(ref.y, ref.m, d), spec) : null;
  const today = refDay(ref);
  for (const delta of [-1, 0, 1]) {
    const { y, m } = addMonths(ref.y, ref.m, delta);
    if (!isValidDate(y, m, d)) continue;
    const offset = dayNumber(y, m, d) - today;
    if (offset >= -MONTHS_BEHIND * (DAYS_PER_MONTH / 12) && offset < (12 - MONTHS_BEHIND) * (DAYS_PER_MONTH / 12)) {
      return withClock(dayNumber(y, m, d), spec);
    }
  }
  // the 31st of a month when the window holds none
  for (const delta of [-1, -2]) {
    const { y, m } = addMonths(ref.y, ref.m, delta);
    if (isValidDate(y, m, d)) return withClock(dayNumber(y, m, d), spec);
  }
  return null;
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

/** Day `n` with the spec's clock time, or the hours of its part of the day (周二早上), or the whole day. */
function withClock(n: number, spec: Spec): Value {
  const day = dayMoment(n);
  if (!spec.clock && spec.podHours) {
    return { start: { ...day, h: spec.podHours[0], precision: 'hour' }, end: { ...day, h: spec.podHours[1], precision: 'hour' } };
  }
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

const SECONDS: Record<'hour' | 'minute' | 'second', number> = { hour: 3600, minute: 60, second: 1 };

/** The finer of two precisions. */
function finer(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

/**
 * 两小时前, 一刻钟后: the reference time moved, as precise as the reference or
 * the shift (半小时 moves by minutes); a reference without a time of day
 * gives none, except for half days (7天半以来), counted from its 00:00.
 */
function resolveClockShift(shift: NonNullable<Spec['clockShift']>, ref: Reference): Value | null {
  let base = ref;
  if (PRECISION_RANK[ref.precision] < PRECISION_RANK.hour) {
    if (!shift.fromDay || ref.precision !== 'day') return null;
    base = { ...ref, h: 0, mi: 0, s: 0, precision: 'hour' };
  }
  return point(shiftSeconds(base, SECONDS[shift.unit] * shift.amount, finer(base.precision, shift.unit)));
}

/**
 * The far end of 过去/近/未来/今后 N units (JioNLP's delta-to-span): N days or
 * weeks from the reference day; N months, quarters or years, counting the
 * reference day as the first, so forward they end the day before the same
 * date (未来两个月 from 06-14 ends 08-13) and back they start on it (近三个月
 * from 06-14 starts 03-14); clock units from the reference time. At day
 * precision, or the reference's own when coarser (未来2个月 from 2021-07 ends
 * 2021-08).
 */
function resolvePeriod(unit: Unit, amount: number, direction: 1 | -1, ref: Reference): Value | null {
  if (unit === 'hour' || unit === 'minute' || unit === 'second') {
    const seconds = SECONDS[unit] * amount * direction;
    if (!Number.isInteger(seconds) || PRECISION_RANK[ref.precision] < PRECISION_RANK.hour) return null;
    return point(shiftSeconds(ref, seconds, finer(ref.precision, Number.isInteger(amount) ? unit : unit === 'hour' ? 'minute' : 'second')));
  }
  if (!Number.isInteger(amount)) return null;
  const first = refInterval(ref)[0];
  let n: number;
  switch (unit) {
    case 'day':
      n = first + direction * amount;
      break;
    case 'week':
      n = first + direction * 7 * amount;
      break;
    case 'workday':
      n = addWorkdays(first, direction * amount);
      break;
    case 'month':
    case 'quarter':
    case 'year':
      n = addMonthsToDay(first, direction * amount * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1)) - (direction > 0 ? 1 : 0);
      break;
    default:
      return null;
  }
  const { y, m, d } = fromDayNumber(n);
  if (ref.precision === 'year') return point(moment(y, null, null, 'year'));
  if (ref.precision === 'month') return point(moment(y, m, null, 'month'));
  return point(moment(y, m, d, 'day'));
}

/** The reference as a moment at its own precision. */
function referenceMoment(ref: Reference): Moment {
  const rank = PRECISION_RANK[ref.precision];
  return {
    y: ref.y,
    m: rank >= PRECISION_RANK.month ? ref.m : null,
    d: rank >= PRECISION_RANK.day ? ref.d : null,
    h: ref.h,
    mi: ref.mi,
    s: ref.s,
    precision: ref.precision,
  };
}

/**
 * A point bounded on one side (grammar.ts Bound): 2018年以来 runs from 2018 up
 * to the reference; 5月8日起 from 05-08 up to the reference when that date is
 * past, else from it on with no end; 60日内 from the reference to the 60th day;
 * 2025年前 from the reference up to 2025 when 2025 is ahead, else any time up
 * to it; 两天之前 / 20天以后 any time up to / from that day. Null when the
 * bound cannot hold (2030年以来 in 2021) or the point has no year to compare.
 */
export function applyBound(x: Value, bound: Bound, ref: Reference): Value | null {
  const now = referenceMoment(ref);
  const nowKey = momentKey(now);
  const startKey = momentKey(x.start);
  const endKey = momentKey(x.end, true);
  const past = startKey !== null && nowKey !== null && startKey <= nowKey;
  const ahead = endKey !== null && nowKey !== null && endKey >= nowKey;
  const since: Value = { start: x.start, end: now, endKind: 'reference' };
  const within: Value = { start: now, end: x.end, startKind: 'reference' };
  const openBefore: Value = { start: x.end, end: x.end, startKind: 'open' };
  const openAfter: Value = { start: x.start, end: x.start, endKind: 'open' };
  switch (bound) {
    case 'since':
      return past ? since : null;
    case 'within':
      return ahead ? within : null;
    case 'from':
      return startKey === null || nowKey === null ? null : past ? since : openAfter;
    case 'until':
      return endKey === null || nowKey === null ? null : ahead ? within : openBefore;
    case 'openBefore':
      return openBefore;
    case 'openAfter':
      return openAfter;
  }
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

