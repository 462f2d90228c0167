/**
 * The Chinese lunisolar calendar and the solar terms, from the tables in
 * ../data/time-lunar.txt and ../data/time-solar-terms.txt.
 */
import { readTable } from '../../../core/wordlist.js';
import { dayNumber } from './calendar.js';

interface LunarYear {
  /** Day number of 正月初一. */
  newYear: number;
  /** The month after which the leap month falls; 0 when there is none. */
  leapMonth: number;
  /** Month lengths in calendar order, leap month included. */
  lengths: number[];
}

let lunarYears: Map<number, LunarYear> | undefined;

function lunarTable(): Map<number, LunarYear> {
  if (lunarYears) return lunarYears;
  lunarYears = new Map();
  for (const [year, newYear, leap, lengths] of readTable('stages/extract/data/time-lunar.txt')) {
    const [y, m, d] = (newYear ?? '').split('-').map(Number);
    lunarYears.set(Number(year), {
      newYear: dayNumber(y!, m!, d!),
      leapMonth: Number(leap),
      lengths: Array.from(lengths ?? '', (c) => (c === 'L' ? 30 : 29)),
    });
  }
  return lunarYears;
}

/** Index into `lengths` of lunar month `month` (the leap one when `leap`), or -1. */
function monthIndex(info: LunarYear, month: number, leap: boolean): number {
  if (leap) return info.leapMonth === month ? month : -1;
  return info.leapMonth !== 0 && month > info.leapMonth ? month : month - 1;
}

/** First and last day numbers of a lunar month, or null outside the table or for a missing leap month. */
export function lunarMonthSpan(year: number, month: number, leap = false): [number, number] | null {
  const info = lunarTable().get(year);
  if (!info || month < 1 || month > 12) return null;
  const index = monthIndex(info, month, leap);
  if (index < 0) return null;
  let start = info.newYear;
  for (let i = 0; i < index; i++) start += info.lengths[i]!;
  return [start, start + info.lengths[index]! - 1];
}

/** Day number of a lunar date, or null when it does not exist. */
export function lunarToDayNumber(year: number, month: number, day: number, leap = false): number | null {
  const span = lunarMonthSpan(year, month, leap);
  if (!span || day < 1 || span[0] + day - 1 > span[1]) return null;
  return span[0] + day - 1;
}

/**
 * Day number of the 除夕 before the Spring Festival of lunar year `year`,
 * which is always in Gregorian year `year` too (2001年除夕 = 2001-01-23).
 */
export function lunarNewYearsEve(year: number): number | null {
  const info = lunarTable().get(year);
  return info ? info.newYear - 1 : null;
}

interface SolarTerm {
  month: number;
  nextYear: boolean;
  c20: number;
  c21: number;
  exceptions: Map<number, number>;
}

let solarTerms: Map<string, SolarTerm> | undefined;

function termTable(): Map<string, SolarTerm> {
  if (solarTerms) return solarTerms;
  solarTerms = new Map();
  for (const [name, month, nextYear, c20, c21, exceptions] of readTable('stages/extract/data/time-solar-terms.txt')) {
    const table = new Map<number, number>();
    for (const item of (exceptions ?? '-').split(',')) {
      const [year, delta] = item.split(':');
      if (delta !== undefined) table.set(Number(year), Number(delta));
    }
    solarTerms.set(name!, {
      month: Number(month),
      nextYear: nextYear === '1',
      c20: Number(c20),
      c21: Number(c21),
      exceptions: table,
    });
  }
  return solarTerms;
}

export function isSolarTerm(name: string): boolean {
  return termTable().has(name);
}

/**
 * Day number of solar term `name` in the term cycle that starts at 立春 of
 * `cycleYear` (so 小寒 and 大寒 fall in January of the next year). Valid for
 * 1900-2100.
 */
export function solarTermDay(name: string, cycleYear: number): number | null {
  const term = termTable().get(name);
  if (!term) return null;
  const year = cycleYear + (term.nextYear ? 1 : 0);
  if (year < 1900 || year > 2100) return null;
  const inFirstCentury = year < 2000;
  const y = year - (inFirstCentury ? 1900 : 2000);
  const c = inFirstCentury ? term.c20 : term.c21;
  const leapBase = term.month <= 2 ? y - 1 : y;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(leapBase / 4) + (term.exceptions.get(year) ?? 0);
  return dayNumber(year, term.month, day);
}
