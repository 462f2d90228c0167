/**
 * Proleptic Gregorian calendar arithmetic on plain numbers. Days are counted
 * as "day numbers" (days since 1970-01-01, negative before), which makes
 * adding days, comparing dates and finding weekdays simple integer work.
 */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01. Date.UTC maps years 0-99 to 1900-1999, so set the year explicitly. */
export function dayNumber(y: number, m: number, d: number): number {
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return Math.round(date.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): YMD {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekday(n: number): number {
  // 1970-01-01 was a Thursday.
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday of the ISO week containing day `n`. */
export function mondayOf(n: number): number {
  return n - (weekday(n) - 1);
}

/** Adds `delta` months to year/month, carrying into the year. */
export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + delta;
  return { y: Math.floor(index / 12), m: (((index % 12) + 12) % 12) + 1 };
}

/** Day `n` moved by `delta` months, on the same day of the month or the month's last day when it has fewer (01-31 + 1 month = 02-28). */
export function addMonthsToDay(n: number, delta: number): number {
  const { y, m, d } = fromDayNumber(n);
  const target = addMonths(y, m, delta);
  return dayNumber(target.y, target.m, Math.min(d, daysInMonth(target.y, target.m)));
}

/** Day `n` moved by `count` working days (Monday to Friday), forward or back; public holidays are not known. */
export function addWorkdays(n: number, count: number): number {
  const step = count < 0 ? -1 : 1;
  let day = n;
  // From a weekend the count starts as from the Friday before (forward) or the Monday after (back).
  if (weekday(day) > 5 && count !== 0) day = step > 0 ? day - (weekday(day) - 5) : day + (8 - weekday(day));
  // whole weeks first, so that long counts cost no more than short ones
  day += 7 * Math.trunc(count / 5);
  let left = Math.abs(count) % 5;
  while (left > 0) {
    day += step;
    if (weekday(day) <= 5) left--;
  }
  return day;
}

/** The n-th (1-based) given ISO weekday of a month, or null when the month has fewer. */
export function nthWeekdayOfMonth(y: number, m: number, n: number, isoWeekday: number): number | null {
  const first = dayNumber(y, m, 1);
  const offset = (isoWeekday - weekday(first) + 7) % 7;
  const day = 1 + offset + (n - 1) * 7;
  return day <= daysInMonth(y, m) ? first + day - 1 : null;
}

/** Day number of Easter Sunday in the Gregorian calendar (Meeus/Jones/Butcher algorithm). */
export function easterDay(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

/**
 * Day number of Orthodox Easter: the Julian-calendar computus (Meeus),
 * moved to the Gregorian calendar by the century's Julian lag.
 */
export function orthodoxEasterDay(y: number): number {
  const a = y % 4;
  const b = y % 7;
  const c = y % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const century = Math.floor(y / 100);
  const lag = century - Math.floor(century / 4) - 2;
  return dayNumber(y, month, day) + lag;
}
