/**
 * The grammar of Chinese time expressions, over the tokens of lexer.ts.
 *
 * An expression is one point (a date, a period or a time, possibly with its
 * parts from coarse to fine: era, year, part of year, month, part of month,
 * day, weekday, part of day, clock time) or a range of two points joined by a
 * connector (11月7日至8日, 2019年4月12-19日, 9~12点半). Each production reads a
 * bounded number of tokens, so parsing from every position stays linear.
 *
 * The result is a Spec: what the text says, still relative to an unknown
 * reference date; resolve.ts turns it into calendar dates.
 */
import type { TokenList } from './lexer.js';
import { getLexicon, isStarter, UNIT_ORDER, type Holiday, type PartOfDay, type PosParent, type Role, type Unit } from './lexicon.js';
import { isCountingTwo } from './numbers.js';

export type YearField =
  | { kind: 'abs'; value: number; needsMonth: boolean }
  /** 98年; `digits`: written digit by digit in Chinese (九七年), which no count is. */
  | { kind: 'twoDigit'; value: number; digits?: boolean }
  | { kind: 'rel'; offset: number; anaphoric: boolean; bound?: boolean }
  | { kind: 'relRange'; from: number; to: number };

export type MonthField =
  | { kind: 'abs'; value: number; leap: boolean }
  /** `days`: a half month more (两个半月前: two months and 15 days). */
  | { kind: 'rel'; offset: number; anaphoric: boolean; days?: number };

export type DayField =
  | { kind: 'abs'; value: number }
  /** `workdays`: counted in working days, Monday to Friday (5个交易日之后). */
  | { kind: 'rel'; offset: number; anaphoric: boolean; workdays?: boolean };

export interface Clock {
  hour: number;
  minute: number | null;
  second: number | null;
}

export interface Spec {
  century?: { kind: 'abs'; value: number } | { kind: 'rel'; offset: number };
  /** Tens digit of a decade: 8 for 80年代. */
  decade?: number;
  /** Years from the start of the decade or century (80年代末 -> [7, 9]). */
  eraPart?: [number, number];
  year?: YearField;
  /** Written in the lunar calendar (农历, 正月, 初五). */
  lunar?: boolean;
  /** A run of months of the year: 年底, 第三季度, 前五个月. */
  months?: [number, number];
  /** A quarter relative to the reference's: 上季度. */
  quarterOffset?: number;
  season?: { from: string; to: string };
  term?: string;
  month?: MonthField;
  /** A run of days of the month: 上旬, 月底. */
  days?: [number, number | 'end'];
  nthWeekday?: { n: number; weekday: number };
  day?: DayField;
  holiday?: Holiday;
  /** A week relative to the reference's: 上周 -> -1; a bare weekday (周三) is in week 0. */
  week?: number;
  /** The week was named (上周, 这周), not implied by a bare weekday. */
  weekNamed?: boolean;
  weekday?: number;
  weekend?: boolean;
  pod?: PartOfDay;
  clock?: Clock;
  /**
   * 两小时前, 三十分钟后: a shift of the reference time; `fromDay` lets a
   * shift by half days start at 00:00 of a reference that gives no hour.
   */
  clockShift?: { unit: 'hour' | 'minute' | 'second'; amount: number; fromDay?: boolean };
  /** 前两天, 上两周, 今明两天: units from..to relative to the reference's unit. */
  span?: { unit: Unit; from: number; to: number };
  /** 过去/近/未来/今后 N units: the stretch from the reference to N units before or after it. */
  period?: { unit: Unit; amount: number; direction: 1 | -1 };
  /** The hours of a part of the day named without a clock time (周二早上, 当日午夜, 白天). */
  podHours?: [number, number];
  /** Counted from the reference (三天后, 两年前): takes no bound after it. */
  counted?: boolean;
  /** 耶稣受难日翌日: days after the date named. */
  nextDays?: number;
}

/**
 * How a bounded expression relates its point to the reference (resolve.ts):
 * since = from the point to the reference (2018年以来); from = from the point
 * on, up to the reference when the point is past (5月8日起); within = from
 * the reference to the point (60日内); until = up to the point, from the
 * reference when it is ahead (2025年前); openBefore / openAfter = any time
 * up to / from the point (两天之前, 20天以后).
 */
export type Bound = 'since' | 'from' | 'within' | 'until' | 'openBefore' | 'openAfter';

export type Expr =
  | { kind: 'point'; spec: Spec }
  | { kind: 'range'; from: Spec; to: Spec }
  | { kind: 'bounded'; spec: Spec; bound: Bound };

/** A parsed expression over tokens [start, end). */
export interface Match {
  start: number;
  end: number;
  expr: Expr;
  /** For a range, or a date with a bound: where the first point ends, to fall back on it alone. */
  firstEnd?: number;
}

interface Parsed {
  end: number;
  expr: Expr;
}

/** The order of the parts of a point; each step only looks at finer parts after it. */
const enum Level {
  Start,
  Year,
  YearPart,
  Month,
  MonthPart,
  Day,
  Week,
  Clock,
  Done,
}

type RoleName = Role['role'];
type RoleOf<K extends RoleName> = Role & { role: K };

/** A number as read at one token: its value and how it was written. */
interface Num {
  value: number;
  /** Arabic digits, or the digits of a digit-by-digit Chinese numeral; null for 二十三. */
  digits: string | null;
  chinese: boolean;
  text: string;
}

/** A count before a unit: 三天, 两个半月, 二十几年, 半年. */
interface Count {
  end: number;
  unit: Unit;
  amount: number;
  /** For approximate counts (二十几, 3年多): the range the amount lies in. */
  range: [number, number] | null;
}

function isCjkIdeograph(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.codePointAt(0)!;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x2ffff) || (c >= 0xf900 && c <= 0xfaff);
}

const COLONS = new Set([':', '：']);
/** Roles of the words that may follow a date part: 初 before 前 is 月初, 80年代 before 以来 a decade. */
const BOUNDARY_ROLES = new Set<string>(['pod', 'conn', 'dir', 'particle', 'since', 'from', 'within']);

/** 至今, 到今天: a span up to the reference (从上个月到今天 runs up to now). */
const TO_WORDS = new Set(['至', '到', '迄']);
const NOW_WORDS = new Set(['今', '今天', '今日', '现在', '現在', '目前']);

/** Words before a date that make a following 开始 mean "from then on" (从2001年开始). */
const FROM_LEADS = new Set(['从', '從', '自']);

/** Marks that end a clause: a phrase may start after them. */
const CLAUSE_MARKS = new Set(['，', '。', '；', '：', '！', '？', '、', ',', ';', ':', '!', '?']);

/** Two ascending neighbouring digits (三四, 七八): "three or four", a count, when written in Chinese. */
function isConsecutivePair(digits: string): boolean {
  return digits.length === 2 && digits[0] !== '0' && Number(digits[1]) === Number(digits[0]) + 1;
}

/** 来 after a count of time means "since" (九年来). */
function isLai(text: string): boolean {
  return text === '来' || text === '來';
}
const DATE_SEPARATORS = new Set(['-', '/', '.', '．', '／', '－']);
const APPOSITIVE_OPENERS = new Set(['，', ',', '、', '(', '（', ' ', '\u3000']);
const APPOSITIVE_CLOSERS = new Set([')', '）']);

export class Grammar {
  private readonly starterRoles = getLexicon().starterRoles;
  /** How this text orders slashed dates; see slashOrder. */
  private readonly monthFirst: boolean;

  constructor(private readonly t: TokenList) {
    this.monthFirst = this.slashOrder() === 'month-first';
  }

  /**
   * Slashed dates (7/5/2005) are day/month/year on most Chinese pages of the
   * fixtures, month/day/year on some (a US blog's 12/31/2004). A text is read
   * month-first when one of its slashed dates can only be (a second number
   * above 12) and none can only be day-first.
   */
  private slashOrder(): 'day-first' | 'month-first' {
    let dayFirst = false;
    let monthFirst = false;
    for (let i = 0; i + 4 < this.t.length; i++) {
      if (this.t.kindAt(i) !== 'num' || !this.t.textIs(i + 1, '/') || !this.t.textIs(i + 3, '/') || this.t.kindAt(i + 4) !== 'num') continue;
      const a = this.t.at(i)!;
      const b = this.t.at(i + 2)!;
      if (a.kind !== 'num' || b.kind !== 'num' || a.value === null || b.value === null) continue;
      if (a.value > 12 && b.value <= 12) dayFirst = true;
      if (b.value > 12 && a.value <= 12) monthFirst = true;
    }
    return monthFirst && !dayFirst ? 'month-first' : 'day-first';
  }

  // ---- token helpers ---------------------------------------------------

  private roleAt<K extends RoleName>(i: number, name: K): RoleOf<K> | undefined {
    if (this.t.kindAt(i) !== 'word') return undefined;
    for (const r of this.t.at(i)!.roles) if (r.role === name) return r as RoleOf<K>;
    return undefined;
  }

  private textAt(i: number): string {
    return this.t.at(i)?.text ?? '';
  }

  private numAt(i: number): Num | null {
    const kind = this.t.kindAt(i);
    if (kind !== 'num' && kind !== 'cnum') return null;
    const token = this.t.at(i)!;
    if (token.value === null) return null;
    return { value: token.value, digits: token.digits, chinese: token.kind === 'cnum', text: token.text };
  }

  /** A number that may name a calendar field (not 两/俩, which only count). */
  private ordinalNumAt(i: number, min: number, max: number): Num | null {
    const n = this.numAt(i);
    if (!n || n.value < min || n.value > max || isCountingTwo(n.text)) return null;
    if (!n.chinese && n.text.length > 2) return null;
    return n;
  }

  private unitAt(i: number, unit: Unit, use: 'cal' | 'count'): RoleOf<'unit'> | undefined {
    const role = this.roleAt(i, 'unit');
    return role && role.unit === unit && role[use] ? role : undefined;
  }

  /**
   * True when token i (exclusive end) ends a word-like unit of the sentence:
   * the text ends, or a non-Chinese character or a time particle follows.
   * Guards readings that also start ordinary words (中国, 初步, 三点要求).
   */
  private atBoundary(end: number): boolean {
    const next = this.t.at(end);
    if (!next) return true;
    if (!isCjkIdeograph(next.text[0])) return true;
    if (next.kind === 'word' && next.roles.some((r) => BOUNDARY_ROLES.has(r.role))) {
      return true;
    }
    return this.roleAt(end, 'unit') !== undefined && this.roleAt(end, 'unit')!.unit === 'week';
  }

  private isBlocked(end: number): boolean {
    return this.roleAt(end, 'block') !== undefined;
  }

  // ---- entry point -----------------------------------------------------

  /** Whether an expression may start at token i. */
  canStart(i: number): boolean {
    if (!this.t.mayStart(i)) return false;
    const token = this.t.at(i)!;
    if (token.kind === 'word') {
      // The same as starters.has(token.text.toLowerCase()): a word token's text is its lexicon word, or
      // letters whose lowercase is that word.
      if (!this.starterRoles.has(token.roles)) return false;
      if (!this.startsSomething(i)) return false;
    }
    const prev = this.t.at(i - 1);
    if (prev) {
      if (prev.kind === 'num' || prev.kind === 'cnum') return false;
      if (prev.kind === 'other' && /^[A-Za-z_]/.test(prev.text)) return false;
      if (this.roleAt(i - 1, 'preblock')) return false;
      // 每月5日, 每年3月, 每年的3月15日: a recurrence
      if (this.roleAt(i - 1, 'unit') && this.roleAt(i - 2, 'preblock')) return false;
      if (this.roleAt(i - 1, 'of') && this.roleAt(i - 2, 'unit') && this.roleAt(i - 3, 'preblock')) return false;
      // inside a number-and-unit chain that did not parse from its head (每年的3月15日)
      if (this.roleAt(i - 1, 'unit') && this.numAt(i - 2)) return false;
      // 3.5日, 1-2日 are read as one range from their first number
      if ((prev.text === '.' || prev.text === '/') && this.numAt(i - 2)) return false;
    }
    return true;
  }

  /**
   * A quick look past a starting word whose productions all need a particular
   * next token (年 needs 底/初, 前 a count, 周 a weekday), so that runs of
   * such words cost little.
   */
  private startsSomething(i: number): boolean {
    const token = this.t.at(i)!;
    const only = (role: RoleName): boolean => token.roles.every((r) => r.role === role || !isStarter(token.text, r));
    const next = this.t.at(i + 1);
    const countFollows = next !== undefined && (next.kind === 'num' || next.kind === 'cnum' || this.roleAt(i + 1, 'half') !== undefined);
    if (only('unit')) return this.posAt(i + 1, 'year') !== undefined || this.posAt(i + 1, 'month') !== undefined || this.weekdayAt(i + 1) !== null;
    if (only('dir') || only('span') || only('pass')) return countFollows;
    if (only('mod')) return countFollows || (next !== undefined && next.kind === 'word');
    if (only('half')) return this.roleAt(i + 1, 'unit') !== undefined || this.roleAt(i + 1, 'classifier') !== undefined;
    if (only('several')) return this.roundNumberAt(i + 1) !== null;
    if (only('season')) return token.text.length > 1 && this.isolated(i, i + 1);
    return true;
  }

  expression(i: number): Match | null {
    if (!this.canStart(i)) return null;
    const first = this.point(i, {}, Level.Start, null);
    if (!first) return null;
    const restated = this.dateAfterWeekday(first);
    if (restated) return { start: i, end: restated.end, expr: restated.expr };
    if (first.expr.kind === 'point') {
      const bounded = this.dateBound(i, first.end, first.expr.spec);
      if (bounded) return { start: i, end: bounded.end, expr: bounded.expr, firstEnd: first.end };
      const second = this.rangeEnd(first.end, first.expr.spec);
      if (second) return { start: i, end: second.end, expr: { kind: 'range', from: first.expr.spec, to: second.spec }, firstEnd: first.end };
    }
    return { start: i, end: first.end, expr: first.expr };
  }

  /**
   * A bound after the date [start, at): 2018年以来, 5月8日起 (至今), 2001年至今,
   * 从2001年开始, 2025年前, 明年6月之前. 开始 alone is as often the verb of an
   * event (1956年开始营业), so it bounds only after 从/自. Dates counted from
   * the reference (三天前) take none.
   */
  private dateBound(start: number, at: number, spec: Spec): Parsed | null {
    if (spec.counted || spec.period || spec.span) return null;
    const bounded = (end: number, bound: Bound): Parsed => ({ end, expr: { kind: 'bounded', spec, bound } });
    if (this.roleAt(at, 'since')) return bounded(at + 1, 'since');
    const toNow = this.toNowAt(at);
    if (toNow !== null) return bounded(toNow, 'since');
    if (this.roleAt(at, 'from') && (this.textAt(at).length === 1 || FROM_LEADS.has(this.textAt(start - 1)))) {
      const then = this.toNowAt(at + 1);
      return then !== null ? bounded(then, 'since') : bounded(at + 1, 'from');
    }
    const dir = this.roleAt(at, 'dir');
    if (dir && dir.sign < 0) return bounded(at + 1, 'until');
    return null;
  }

  /** 周日, 二月十号: a bare weekday followed by the date it names; the date gives the value. */
  private dateAfterWeekday(first: Parsed): Parsed | null {
    if (first.expr.kind !== 'point') return null;
    const spec = first.expr.spec;
    if (spec.weekday === undefined || spec.weekNamed) return null;
    let j = first.end;
    const opener = this.textAt(j);
    if (!APPOSITIVE_OPENERS.has(opener)) return null;
    j++;
    if (this.t.kindAt(j) === 'space') j++;
    const date = this.point(j, {}, Level.Start, null);
    if (!date || date.expr.kind !== 'point' || date.expr.spec.day?.kind !== 'abs' || !date.expr.spec.month) return null;
    // 周五（2月23日）: the bracket closes around the date
    if ((opener === '(' || opener === '（') && APPOSITIVE_CLOSERS.has(this.textAt(date.end))) return { ...date, end: date.end + 1 };
    return date;
  }

  /** 至今, 迄今, 到今天, 至现在 at token i (up to now): the end of the words, or null. */
  private toNowAt(i: number): number | null {
    if (!TO_WORDS.has(this.textAt(i))) return null;
    if (NOW_WORDS.has(this.textAt(i + 1))) return i + 2;
    // 现在, 目前 are no words of the lexicon: two tokens
    return NOW_WORDS.has(this.textAt(i + 1) + this.textAt(i + 2)) ? i + 3 : null;
  }

  /** After a point ending at `i`: a connector and the range's second point. */
  private rangeEnd(at: number, from: Spec): { end: number; spec: Spec } | null {
    // 6月3日晚至4日凌晨: a part of day before the connector adds nothing to a date range.
    const i = this.roleAt(at, 'pod') && this.roleAt(at + 1, 'conn') && !from.clock ? at + 1 : at;
    if (!this.roleAt(i, 'conn')) return null;
    const second = this.point(i + 1, {}, Level.Start, from);
    if (!second || second.expr.kind !== 'point') return this.bareRangeEnd(i + 1, from);
    const to = second.expr.spec;
    // The end keeps the start's part of day when it has none of its own (下午3点至5点).
    if (to.clock && !to.pod && from.pod && !to.day && !to.month) to.pod = from.pod;
    // ... and its week (下周三至周五).
    if (to.weekday !== undefined && from.week !== undefined && !to.weekNamed) to.week = from.week;
    return { end: second.end, spec: to };
  }

  /** A bare number ending a range takes the unit of the start's finest part: 星期三至四, 二月十三到十五. */
  private bareRangeEnd(i: number, from: Spec): { end: number; spec: Spec } | null {
    const n = this.numAt(i);
    if (!n || this.t.kindAt(i + 1) === 'word' && this.t.at(i + 1)!.roles.some((r) => r.role === 'unit' || r.role === 'classifier')) {
      return null;
    }
    if (!this.atBoundary(i + 1)) return null;
    if (from.clock || from.pod) return null;
    // 2008.03-2009
    if (from.year?.kind === 'abs' && from.month && !from.day && !n.chinese && n.text.length === 4 && n.value >= 1000 && n.value <= 2999) {
      return { end: i + 1, spec: { year: { kind: 'abs', value: n.value, needsMonth: false } } };
    }
    if (from.weekday !== undefined && !from.day) {
      if (n.value < 1 || n.value > 7 || !n.chinese) return null;
      return { end: i + 1, spec: { week: from.week ?? 0, weekday: n.value } };
    }
    if (from.day?.kind === 'abs' && n.value >= 1 && n.value <= 31 && !isCountingTwo(n.text)) {
      return { end: i + 1, spec: { day: { kind: 'abs', value: n.value }, ...(from.lunar ? { lunar: true } : {}) } };
    }
    return null;
  }

  // ---- a point ---------------------------------------------------------

  /**
   * Parses the parts of a point from `level` on, extending `spec`. `rangeStart`
   * is the spec of the range's first point when this is its second.
   */
  private point(i: number, spec: Spec, level: Level, rangeStart: Spec | null): Parsed | null {
    let j = i;
    const s: Spec = { ...spec };

    if (level <= Level.Start) {
      const numeric = this.numericDate(j);
      if (numeric) return this.finish(numeric.end, numeric.spec);
      const lineYear = this.lineYear(j);
      if (lineYear) return lineYear;
      const span = this.span(j);
      if (span) return span;
      const relspan = this.roleAt(j, 'relspan');
      if (relspan) return this.finish(j + 1, { span: { unit: relspan.unit, from: relspan.from, to: relspan.to } });
      const passed = this.pass(j);
      if (passed) return passed;
      const offset = this.offset(j);
      const ordinal = offset ? null : this.ordinal(j);
      if (offset) {
        if (offset.bound) return { end: offset.end, expr: { kind: 'bounded', spec: offset.spec, bound: offset.bound } };
        Object.assign(s, offset.spec);
        j = offset.end;
        level = offset.spec.day ? Level.Clock : Level.Done;
      } else if (ordinal) {
        Object.assign(s, ordinal.spec);
        j = ordinal.end;
        level = ordinal.spec.day ? Level.Clock : Level.YearPart;
      } else {
        const era = this.era(j);
        if (era) return { end: era.end, expr: { kind: 'point', spec: era.spec } };
      }
    }

    if (level <= Level.Year) {
      const range = rangeStart === null ? this.fieldRange(j, s, Level.Year) : null;
      if (range) return range;
      if (this.roleAt(j, 'lunar') && (this.yearAt(j + 1) || this.roleAt(j + 1, 'relyear'))) {
        s.lunar = true;
        j++;
      }
      const year = this.yearAt(j);
      if (year) {
        s.year = year.field;
        j = year.end;
      }
    }

    if (level <= Level.YearPart) {
      const part = this.yearPart(j, s);
      if (part) {
        if (part.done) return this.finish(part.end, { ...s, ...part.spec });
        Object.assign(s, part.spec);
        j = part.end;
        level = Level.Clock;
      }
    }

    if (level <= Level.Month) {
      const range = rangeStart === null ? this.fieldRange(j, s, Level.Month) : null;
      if (range) return range;
      const month = this.monthAt(j);
      if (month) {
        Object.assign(s, month.spec);
        j = month.end;
      }
    }

    if (level <= Level.MonthPart) {
      const part = this.monthPart(j, s);
      if (part) {
        Object.assign(s, part.spec);
        j = part.end;
        if (part.spec.days) return this.finish(j, s);
        level = Level.Clock;
      }
    }

    if (level <= Level.Day) {
      const range = rangeStart === null ? this.fieldRange(j, s, Level.Day) : null;
      if (range) return range;
      const day = this.dayAt(j, s, rangeStart !== null);
      if (day) {
        Object.assign(s, day.spec);
        j = day.end;
      }
    }

    if (level <= Level.Week) {
      const week = this.week(j, s);
      if (week) {
        Object.assign(s, week.spec);
        j = week.end;
      }
    }

    // 耶稣受难日翌日, 国庆节次日: the day after the date just named
    const after = this.roleAt(j, 'relday');
    if (level <= Level.Week && (s.holiday || s.day?.kind === 'abs') && after?.anaphoric && after.offset !== 0 && !after.part) {
      s.nextDays = after.offset;
      j++;
    }

    if (level <= Level.Clock && s.day && this.t.kindAt(j) === 'space') {
      // 2005年03月21日 11:21: a clock time after a space belongs to the date
      const clock = this.numAt(j + 1) && COLONS.has(this.textAt(j + 2)) ? this.clockAfterDate(j) : null;
      if (clock) {
        s.clock = clock.clock;
        if (clock.pod) s.pod = clock.pod;
        return this.finish(clock.end, s);
      }
    }

    if (level <= Level.Clock) {
      const pod = this.roleAt(j, 'pod');
      const withPod: Spec = pod ? { ...s, pod: pod.pod } : s;
      const at = pod ? j + 1 : j;
      const range = rangeStart === null ? this.fieldRange(at, withPod, Level.Clock) : null;
      if (range) return range;
      const clock = this.clockAt(at, isSpecified(s) || pod !== undefined || rangeStart !== null);
      if (clock) {
        Object.assign(s, withPod);
        delete s.podHours;
        s.clock = clock.clock;
        if (clock.pod) s.pod = clock.pod;
        j = clock.end;
      } else if (pod?.hours && this.podGivesHours(s, j)) {
        if (!isSpecified(s)) s.day = { kind: 'rel', offset: 0, anaphoric: true };
        s.pod = pod.pod;
        s.podHours = pod.hours;
        j++;
      }
    }

    if (j === i || !isComplete(s, this.aloneOnLine(i, j))) return null;
    // 一月 alone after a word of the sentence is "one month" (保存一月), not January.
    if (isMonthAlone(s) && rangeStart === null && this.t.at(i)!.kind === 'cnum' && !this.afterBoundary(i)) return null;
    return this.finish(j, s);
  }

  /**
   * Whether a part of the day at token j, with no clock time, gives its hours
   * (周二早上 = 06:00-09:59): after a weekday or a day named relative to the
   * reference or the text (明天, 次日, 第三天), or standing alone (白天, 夜间至
   * 次日上午), where it is the day of the last date mentioned. After a calendar
   * date or a festival (7月26日下午, 情人节晚上) it stays out of the entity and
   * the value keeps the day, as the seed gold annotates 7月26日 there.
   */
  private podGivesHours(s: Spec, j: number): boolean {
    if (s.day?.kind === 'rel' || s.nextDays) return true;
    if (s.weekday !== undefined && s.day === undefined) return true;
    return !isSpecified(s) && !s.clock && this.textAt(j).length > 1 && this.isolated(j, j + 1);
  }

  private finish(end: number, spec: Spec): Parsed {
    return { end, expr: { kind: 'point', spec } };
  }

  /**
   * A range inside one part, where only the second number carries the unit:
   * 2019年4月12-19日, 1-9月份, 2020至2025年, 9~12点半. What was parsed before
   * belongs to both ends; what follows belongs to the end.
   */
  private fieldRange(i: number, s: Spec, level: Level): Parsed | null {
    const n = this.numAt(i);
    if (!n || !this.roleAt(i + 1, 'conn')) return null;
    const rest = this.point(i + 2, s, level, s);
    if (!rest || rest.expr.kind !== 'point') return null;
    const to = rest.expr.spec;
    const from: Spec = { ...s };
    if (level === Level.Year && to.year && (to.year.kind === 'abs' || to.year.kind === 'twoDigit') && !s.year) {
      if (n.chinese ? n.digits?.length !== 4 : n.text.length !== 4) return null;
      from.year = { kind: 'abs', value: n.value, needsMonth: false };
    } else if (level === Level.Month && to.month?.kind === 'abs' && !s.month && !to.day) {
      if (n.value < 1 || n.value > 12 || isCountingTwo(n.text)) return null;
      from.month = { kind: 'abs', value: n.value, leap: false };
    } else if (level === Level.Day && to.day?.kind === 'abs' && !s.day) {
      if (n.value < 1 || n.value > 31 || isCountingTwo(n.text)) return null;
      from.day = { kind: 'abs', value: n.value };
    } else if (level === Level.Clock && to.clock && !s.clock) {
      if (n.value > 24) return null;
      from.clock = { hour: n.value, minute: null, second: null };
    } else {
      return null;
    }
    return { end: rest.end, expr: { kind: 'range', from, to } };
  }

  // ---- numeric formats: 2023-01-27, 2023-01-2811:22, 2019.9.6, 6·30, 3/3/2015

  private numericDate(i: number): { end: number; spec: Spec } | null {
    const first = this.t.at(i);
    if (!first || first.kind !== 'num' || first.digits === null) return null;
    const sep = this.textAt(i + 1);
    if (first.digits.length === 4 && DATE_SEPARATORS.has(sep)) return this.yearFirstDate(i);
    if (first.digits.length <= 2 && (sep === '·' || sep === '•')) {
      const month = this.ordinalNumAt(i, 1, 12);
      const day = this.ordinalNumAt(i + 2, 1, 31);
      if (!month || !day || month.chinese || day.chinese || this.numAt(i + 3) || this.textAt(i + 3) === sep) return null;
      return { end: i + 3, spec: { month: { kind: 'abs', value: month.value, leap: false }, day: { kind: 'abs', value: day.value } } };
    }
    if (first.digits.length <= 2 && sep === '/') return this.slashDate(i);
    return null;
  }

  private yearFirstDate(i: number): { end: number; spec: Spec } | null {
    const year = this.numAt(i)!;
    if (year.value < 1000 || year.value > 2999) return null;
    const sep = this.textAt(i + 1);
    const month = this.ordinalNumAt(i + 2, 1, 12);
    if (!month || month.chinese) return null;
    const spec: Spec = { year: { kind: 'abs', value: year.value, needsMonth: false }, month: { kind: 'abs', value: month.value, leap: false } };
    let end = i + 3;
    const sep2 = this.textAt(end);
    const dayToken = this.t.at(end + 1);
    if ((sep2 === sep || sep2 === '-' || sep2 === '－') && dayToken?.kind === 'num' && dayToken.digits !== null) {
      const digits = dayToken.digits;
      // 2023-01-2811:22 - the day and the hour written together
      if ((digits.length === 3 || digits.length === 4) && COLONS.has(this.textAt(end + 2))) {
        const day = Number(digits.slice(0, -2));
        const clock = this.colonTail(end + 2, Number(digits.slice(-2)));
        if (day >= 1 && day <= 31 && clock) {
          spec.day = { kind: 'abs', value: day };
          spec.clock = clock.clock;
          return { end: clock.end, spec };
        }
        return null;
      }
      const day = Number(digits);
      // 1999.08-2002.02: what follows the month is the end of a range, not a day.
      if (digits.length <= 2 && day >= 1 && day <= 31) {
        spec.day = { kind: 'abs', value: day };
        end += 2;
        const clock = this.clockAfterDate(end);
        if (clock) {
          spec.clock = clock.clock;
          if (clock.pod) spec.pod = clock.pod;
          end = clock.end;
        }
        return this.notLongerNumber(end) ? { end, spec } : null;
      }
    }
    // 2019.9 could be a decimal number; a month after a dot needs two digits.
    if (sep === '.' && this.t.at(i + 2)!.text.length !== 2) return null;
    return this.notLongerNumber(end) ? { end, spec } : null;
  }

  /** Not the head of a longer dotted or slashed number (an IP address, a version). */
  private notLongerNumber(end: number): boolean {
    const next = this.textAt(end);
    if (this.t.kindAt(end) === 'num') return false;
    return !(DATE_SEPARATORS.has(next) && next !== '-' && next !== '－' && this.numAt(end + 1));
  }

  /**
   * 7/5/2005, 06/02/2022 - 13:48, 10/31/74: day/month/year, as the Chinese
   * pages of the fixtures write it (7/5/2005 is 7 May 2005, 06/02/2022 is
   * 6 February); month/day/year when the second number cannot be a month, or
   * when the text writes its dates that way (slashOrder).
   */
  private slashDate(i: number): { end: number; spec: Spec } | null {
    const a = this.ordinalNumAt(i, 1, 31);
    const b = this.ordinalNumAt(i + 2, 1, 31);
    const yearToken = this.t.at(i + 4);
    if (!a || !b || a.chinese || b.chinese || this.textAt(i + 3) !== '/' || yearToken?.kind !== 'num') return null;
    const digits = yearToken.digits ?? '';
    if (digits.length !== 2 && digits.length !== 4) return null;
    if (this.textAt(i + 5) === '/' || this.t.kindAt(i + 5) === 'num') return null;
    const monthFirst = b.value > 12 || (this.monthFirst && a.value <= 12);
    const month = monthFirst ? a.value : b.value;
    const day = monthFirst ? b.value : a.value;
    if (month > 12) return null;
    const year: YearField = digits.length === 4 ? { kind: 'abs', value: Number(digits), needsMonth: false } : { kind: 'twoDigit', value: Number(digits) };
    const spec: Spec = { year, month: { kind: 'abs', value: month, leap: false }, day: { kind: 'abs', value: day } };
    let end = i + 5;
    // 06/02/2022 - 13:48: a dash between the date and its time
    const afterDash = this.t.kindAt(end) === 'space' && this.roleAt(end + 1, 'conn') ? end + 2 : end;
    const clock = this.clockAfterDate(afterDash);
    if (clock) {
      spec.clock = clock.clock;
      if (clock.pod) spec.pod = clock.pod;
      end = clock.end;
    }
    return { end, spec };
  }

  /** A clock time right after a date: one space or a 'T', then 17:51 or 下午3点. */
  private clockAfterDate(i: number): { end: number; clock: Clock; pod?: PartOfDay } | null {
    let j = i;
    const token = this.t.at(j);
    if (token && ((token.kind === 'space' && token.text.length <= 2) || token.text === 'T')) j++;
    let pod: PartOfDay | undefined;
    const podRole = this.roleAt(j, 'pod');
    if (podRole) {
      pod = podRole.pod;
      j++;
    }
    const clock = this.clockAt(j, true);
    if (!clock) return null;
    const placed = clock.pod ?? pod;
    return { end: clock.end, clock: clock.clock, ...(placed ? { pod: placed } : {}) };
  }

  // ---- counts, offsets and spans --------------------------------------

  /** 三天, 两个月, 二十几年, 几十年, 一年半, 半个小时, 3年多, 一刻钟, 一分半钟. */
  private count(i: number): Count | null {
    let j = i;
    let amount = 0;
    let range: [number, number] | null = null;
    const n = this.numAt(j);
    // 三四年前, 七八天后: N or N+1, an approximate count
    if (n && n.chinese && n.digits !== null && isConsecutivePair(n.digits)) {
      const low = Number(n.digits[0]);
      const unit = this.roleAt(j + (this.roleAt(j + 1, 'classifier') ? 2 : 1), 'unit');
      if (!unit || !unit.count) return null;
      const end = j + (this.roleAt(j + 1, 'classifier') ? 3 : 2);
      return { end, unit: unit.unit, amount: low, range: [low, low + 1] };
    }
    // A numeral read digit by digit (五八, 二〇二一) names a year, never a count.
    if (n && n.chinese && n.digits !== null && n.digits.length > 1) return null;
    // 35，000年前: a number cut by a thousands separator is no count.
    if (n && (n.value === 0 || (!n.chinese && n.text.startsWith('0')))) return null;
    if (n) {
      amount = n.value;
      j++;
      // 一刻钟: quarters of an hour
      if (this.roleAt(j, 'quarterhour') && this.roleAt(j + 1, 'oclock') && /^[钟鐘]$/.test(this.textAt(j + 1))) {
        return { end: j + 2, unit: 'minute', amount: n.value * 15, range: null };
      }
      // 十三分半, 一分半钟: minutes and a half (分 alone is a clock minute)
      if (this.unitAt(j, 'minute', 'cal') && this.roleAt(j + 1, 'half')) {
        const end = /^[钟鐘]$/.test(this.textAt(j + 2)) ? j + 3 : j + 2;
        return { end, unit: 'minute', amount: n.value + 0.5, range: null };
      }
      if (this.roleAt(j, 'approx')) {
        range = n.value >= 10 && n.value % 10 === 0 ? [n.value, n.value + 10] : [n.value, n.value + 1];
        j++;
      }
    } else if (this.roleAt(j, 'several')) {
      // 几十, 数百: two to ten tens or hundreds, as JioNLP reads 几十年之后
      const round = this.roundNumberAt(j + 1);
      if (round === null) return null;
      amount = 2 * round;
      range = [2 * round, 10 * round];
      j += 2;
    }
    const counted = n !== null || range !== null;
    if (this.roleAt(j, 'classifier')) {
      j++;
      // 十个多月: the approximation after the classifier
      if (n && range === null && this.textAt(j) === '多') {
        range = [n.value, n.value + 1];
        j++;
      }
    }
    if (this.roleAt(j, 'half')) {
      amount += 0.5;
      j++;
      // 半个小时, 半个月
      if (!counted && this.roleAt(j, 'classifier')) j++;
    }
    if (!counted && amount === 0) return null;
    const unit = this.roleAt(j, 'unit');
    if (!unit || !unit.count) return null;
    j++;
    if (n && this.roleAt(j, 'half') && range === null) {
      amount += 0.5;
      j++;
    }
    // 3年多前; after the unit 来 means "since" (九年来), not "about"
    if (n && range === null && this.roleAt(j, 'approx') && !isLai(this.textAt(j))) {
      range = [n.value, n.value + 1];
      j++;
    }
    return { end: j, unit: unit.unit, amount, range };
  }

  /** 十, 百, 千 written alone: the round number after 几 or 数. */
  private roundNumberAt(i: number): number | null {
    const token = this.t.at(i);
    if (token?.kind !== 'cnum' || token.text.length !== 1) return null;
    return token.value === 10 || token.value === 100 || token.value === 1000 ? token.value : null;
  }

  /**
   * True when token i starts a phrase: after punctuation, a space, a lead
   * word (在, 于) or 的. A shift or span counts from the reference only there:
   * after another Chinese character it counts from that event (任教30年后).
   */
  private afterBoundary(i: number): boolean {
    const prev = this.t.at(i - 1);
    if (!prev || prev.kind === 'space') return true;
    if (prev.kind === 'word' && prev.roles.some((r) => r.role === 'lead' || r.role === 'of')) return true;
    return !isCjkIdeograph(prev.text[0]);
  }

  /**
   * Whether tokens [start, end) stand as a phrase of their own: at the start
   * of a line or after a clause mark, and before a space, a punctuation mark
   * or a connector (not a letter: 深夜TV演艺 is a programme). Words that are
   * dates only alone (白天, 冬季) need this.
   */
  private isolated(start: number, end: number): boolean {
    const before = this.t.at(start - 1);
    const after = this.t.at(end);
    const opens = this.lineEdge(start - 1) || (before !== undefined && CLAUSE_MARKS.has(before.text));
    const closes =
      !after ||
      after.kind === 'space' ||
      this.roleAt(end, 'conn') !== undefined ||
      (after.kind === 'other' && !isCjkIdeograph(after.text[0]) && !/^[\p{L}\p{N}]/u.test(after.text));
    return opens && closes;
  }

  /** Whether token k is outside the text or a line break (or the text's leading or trailing space). */
  private lineEdge(k: number): boolean {
    const token = this.t.at(k);
    if (!token) return true;
    return token.kind === 'space' && (k === 0 || k === this.t.length - 1 || /[\n\r]/.test(token.text));
  }

  /** Whether tokens [start, end) are all their line holds. */
  private aloneOnLine(start: number, end: number): boolean {
    return this.lineEdge(start - 1) && this.lineEdge(end);
  }

  /**
   * 三天后, 两年前, 二十几年前, 3个月后, 4周后, 两小时前 (a point), and the
   * spans a count bounds: 两天之前, 20天以后 (open), 三个多月以来, 九年来
   * (up to the reference), 60日内 (from the reference).
   */
  private offset(i: number): { end: number; spec: Spec; bound?: Bound } | null {
    if (!this.afterBoundary(i)) return null;
    const count = this.count(i);
    if (!count) return null;
    const after = count.end;
    const dir = this.roleAt(after, 'dir');
    let sign: number;
    let bound: Bound | undefined;
    if (dir) {
      sign = dir.sign;
      // 以前/之前, 以后/之后: any time up to / from then
      if (this.textAt(after).length > 1) bound = sign < 0 ? 'openBefore' : 'openAfter';
    } else if (this.roleAt(after, 'since') || isLai(this.textAt(after))) {
      sign = -1;
      bound = 'since';
    } else if (this.roleAt(after, 'within')) {
      sign = 1;
      bound = 'within';
    } else {
      return null;
    }
    const first = this.numAt(i);
    // 2025年前, 2018年以来 bound the year 2025 or 2018, not a count of years.
    if (count.unit === 'year' && first && !first.chinese && first.text.length === 4 && count.range === null) return null;
    const spec = this.shiftSpec(count, sign, bound !== undefined);
    if (!spec) return null;
    if (spec.year?.kind === 'relRange') {
      // an approximate number of years ago or on is an interval of years, 之前/之后 or not (几十年之后);
      // since or within it (几十年来) it names no start or end
      if (!dir) return null;
      bound = undefined;
    }
    return { end: after + 1, spec, ...(bound ? { bound } : {}) };
  }

  /**
   * The spec of a count of units from the reference. `bounded`: the count
   * bounds a span (两天之前), so a week count is the shifted day rather than
   * the shifted week, and 3年多 is three years on rather than three to four.
   */
  private shiftSpec(count: Count, sign: number, bounded: boolean): Spec | null {
    const whole = Number.isInteger(count.amount);
    const n = count.amount * sign;
    // 3年多 in a bound: more than N years, read as N (as JioNLP)
    const approxOne = count.range !== null && count.range[1] - count.range[0] === 1;
    const rel = (offset: number): { kind: 'rel'; offset: number; anaphoric: false } => ({ kind: 'rel', offset, anaphoric: false });
    let spec: Spec | null = null;
    switch (count.unit) {
      case 'year':
        if (count.range && !(approxOne && bounded)) {
          const a = count.range[0] * sign;
          const b = count.range[1] * sign;
          spec = { year: { kind: 'relRange', from: Math.min(a, b), to: Math.max(a, b) } };
        } else if (whole) {
          spec = { year: rel(count.range ? count.range[0] * sign : n) };
        } else {
          spec = { month: rel(Math.round(n * 12)) };
        }
        break;
      case 'quarter':
        if (whole && !count.range) spec = { month: rel(n * 3) };
        break;
      case 'month':
        // 十个多月, 20多个月: more than N months, read as N (as JioNLP)
        if (whole) spec = { month: rel(count.range ? count.range[0] * sign : n) };
        // 两个半月: two months and fifteen days
        else spec = { month: { ...rel(Math.trunc(n)), days: 15 * sign } };
        break;
      case 'week':
        if (whole && !count.range) spec = bounded ? { day: rel(7 * n) } : { week: n };
        break;
      case 'workday':
        if (whole && !count.range) spec = { day: { ...rel(n), workdays: true } };
        break;
      case 'day':
        if (count.range) break;
        // 7天半: half a day is twelve hours
        spec = whole ? { day: rel(n) } : { clockShift: { unit: 'hour', amount: n * 24, fromDay: true } };
        break;
      case 'hour':
        if (!count.range) spec = { clockShift: whole ? { unit: 'hour', amount: n } : { unit: 'minute', amount: Math.round(n * 60) } };
        break;
      case 'minute':
        if (!count.range) spec = { clockShift: whole ? { unit: 'minute', amount: n } : { unit: 'second', amount: Math.round(n * 60) } };
        break;
      case 'second':
        if (whole && !count.range) spec = { clockShift: { unit: 'second', amount: n } };
        break;
      default:
        break;
    }
    return spec ? { ...spec, counted: true } : null;
  }

  /** 过两天, 再过半个小时: from that much later on. */
  private pass(i: number): Parsed | null {
    if (!this.roleAt(i, 'pass') || !this.afterBoundary(i)) return null;
    const count = this.count(i + 1);
    if (!count) return null;
    const spec = this.shiftSpec(count, 1, true);
    if (!spec || spec.year?.kind === 'relRange') return null;
    return { end: count.end, expr: { kind: 'bounded', spec, bound: 'openAfter' } };
  }

  /**
   * 前两天, 上两周, 下三年: that many calendar units next to the reference's
   * own (as Duckling). 近30天, 过去的一周, 未来三个月, 今后10年: the stretch
   * from the reference to that many units before or after it (as JioNLP).
   */
  private span(i: number): Parsed | null {
    if (!this.afterBoundary(i)) return null;
    let direction: 1 | -1;
    let inclusive = false;
    const spanRole = this.roleAt(i, 'span');
    const dir = this.roleAt(i, 'dir');
    const mod = this.roleAt(i, 'mod');
    if (spanRole) {
      direction = spanRole.direction < 0 ? -1 : 1;
      inclusive = spanRole.inclusive;
    } else if (dir && this.textAt(i).length === 1) {
      direction = dir.sign < 0 ? -1 : 1;
    } else if (mod && (mod.offset === -1 || mod.offset === 1)) {
      direction = mod.offset;
    } else {
      return null;
    }
    const count = this.count(i + 1);
    if (!count || count.range || count.amount <= 0) return null;
    if (count.unit === 'century') return null;
    if (spanRole && UNIT_ORDER.indexOf(count.unit) > UNIT_ORDER.indexOf(spanRole.smallest)) return null;
    // 三天前 after a span word is an offset, and 前三季度 / 前五个月 are parts of a year.
    if (this.roleAt(count.end, 'dir')) return null;
    // 前三季度 without a year is this year's first three quarters (yearPart).
    if (!spanRole && count.unit === 'quarter') return null;
    if (inclusive) {
      // 未来七十二小时内, 过去的50分钟里, 近二百年来
      const next = this.textAt(count.end);
      const closing = this.roleAt(count.end, 'within') || /^[里裡]$/.test(next) || (direction < 0 && (this.roleAt(count.end, 'since') || isLai(next)));
      const end = closing ? count.end + 1 : count.end;
      const spec: Spec = { period: { unit: count.unit, amount: count.amount, direction }, counted: true };
      return { end, expr: { kind: 'bounded', spec, bound: direction < 0 ? 'since' : 'within' } };
    }
    if (!Number.isInteger(count.amount)) return null;
    const n = count.amount;
    const span = direction < 0 ? { from: -n, to: -1 } : { from: 1, to: n };
    return this.finish(count.end, { span: { unit: count.unit, ...span }, counted: true });
  }

  /**
   * 第三天, 第七年 at the start of a phrase: counted from the date in
   * question, itself the first (as the words 第二天, 第二年).
   */
  private ordinal(i: number): { end: number; spec: Spec } | null {
    // 开设的第4天 counts from the event the phrase names, not from a date
    if (!this.roleAt(i, 'ordinal') || !this.afterBoundary(i) || this.roleAt(i - 1, 'of')) return null;
    const n = this.numAt(i + 1);
    if (!n || n.value < 1 || n.value > 366 || (n.chinese && n.digits !== null && n.digits.length > 1)) return null;
    const unit = this.roleAt(i + 2, 'unit');
    if (unit?.unit === 'day' && unit.count) return { end: i + 3, spec: { day: { kind: 'rel', offset: n.value - 1, anaphoric: true } } };
    if (unit?.unit === 'year' && unit.count) return { end: i + 3, spec: { year: { kind: 'rel', offset: n.value - 1, anaphoric: true } } };
    return null;
  }

  /**
   * A four-digit year alone on its line (a heading, a table cell, a field):
   * 2018, from 1700 to 2199 as JioNLP's standard_year_pattern (a cell of
   * 1394 votes is no year). In running text such a number is as often a
   * count (2018人).
   */
  private lineYear(i: number): Parsed | null {
    const token = this.t.at(i);
    if (token?.kind !== 'num' || token.digits?.length !== 4 || token.value === null || token.value < 1700 || token.value > 2199) return null;
    if (!this.aloneOnLine(i, i + 1)) return null;
    return this.finish(i + 1, { year: { kind: 'abs', value: token.value, needsMonth: false } });
  }

  // ---- era: 18世纪, 上世纪80年代, 九十年代末期 ----------------------------

  private era(i: number): { end: number; spec: Spec } | null {
    const spec: Spec = {};
    let j = i;
    const n = this.numAt(j);
    const mod = this.roleAt(j, 'mod');
    if (n && this.unitAt(j + 1, 'century', 'cal') && n.value >= 1 && n.value <= 30) {
      spec.century = { kind: 'abs', value: n.value };
      j += 2;
    } else if (mod && this.unitAt(j + 1, 'century', 'cal')) {
      spec.century = { kind: 'rel', offset: mod.offset };
      j += 2;
    }
    const decade = this.decadeAt(j);
    if (decade && !(decade.century && spec.century)) {
      spec.decade = decade.tens;
      if (decade.century) spec.century = { kind: 'abs', value: decade.century };
      j = decade.end;
    }
    if (j === i) return null;
    const parent: PosParent = spec.decade !== undefined ? 'decade' : 'century';
    const pos = this.posAt(j, parent);
    if (pos) {
      spec.eraPart = [pos.from, pos.to === 'end' ? 99 : pos.to];
      j++;
    }
    return { end: j, spec };
  }

  /** 80年代, 九十年代, 1980年代: a multiple of ten, 年, 代. */
  private decadeAt(i: number): { end: number; tens: number; century?: number } | null {
    const n = this.numAt(i);
    if (!n || n.value % 10 !== 0) return null;
    if (this.textAt(i + 1) !== '年' || !this.roleAt(i + 2, 'decade')) return null;
    if (!n.chinese && n.text.length === 4 && n.value >= 1000 && n.value <= 2990) {
      // 2020年代表大会 is the year 2020: a four-digit decade needs a boundary or a part after 代
      if (!this.atBoundary(i + 3) && !this.posAt(i + 3, 'decade')) return null;
      return { end: i + 3, tens: (n.value % 100) / 10, century: Math.floor(n.value / 100) + 1 };
    }
    if (n.value > 90 || (!n.chinese && n.text.length !== 2)) return null;
    return { end: i + 3, tens: n.value / 10 };
  }

  /** A fuzzy part word for `parent` at i, honouring the boundary rule of 'strict' ones. */
  private posAt(i: number, parent: PosParent): RoleOf<'pos'> | undefined {
    const token = this.t.at(i);
    if (!token || token.kind !== 'word') return undefined;
    const pos = token.roles.find((r): r is RoleOf<'pos'> => r.role === 'pos' && r.parent === parent);
    if (!pos) return undefined;
    if (pos.strict && !this.atBoundary(i + 1)) return undefined;
    return pos;
  }

  // ---- year --------------------------------------------------------------

  private yearAt(i: number): { end: number; field: YearField } | null {
    const rel = this.roleAt(i, 'relyear');
    if (rel) return { end: i + 1, field: { kind: 'rel', offset: rel.offset, anaphoric: rel.anaphoric, bound: rel.bound } };
    const n = this.numAt(i);
    if (!n || !this.unitAt(i + 1, 'year', 'cal')) return null;
    const end = i + 2;
    if (!n.chinese) {
      const len = n.text.length;
      if (len === 4 && n.value >= 1000 && n.value <= 2999) return { end, field: { kind: 'abs', value: n.value, needsMonth: false } };
      if (len === 2) return { end, field: { kind: 'twoDigit', value: n.value } };
      if (len === 3) return { end, field: { kind: 'abs', value: n.value, needsMonth: true } };
      return null;
    }
    if (n.digits !== null) {
      if (n.digits.length === 4) return { end, field: { kind: 'abs', value: n.value, needsMonth: false } };
      // 三四年, 五六年 are three or four, five or six years (count); 九七年 is 1997
      if (n.digits.length === 2) return { end, field: { kind: 'twoDigit', value: n.value, digits: !isConsecutivePair(n.digits) } };
      if (n.digits.length === 3) return { end, field: { kind: 'abs', value: n.value, needsMonth: true } };
      return null;
    }
    // 两千零四年 - a year written as a quantity, only before a month
    if (n.value >= 1000 && n.value <= 2999) return { end, field: { kind: 'abs', value: n.value, needsMonth: true } };
    return null;
  }

  // ---- parts of a year: 年底, 第三季度, 上半年, 前五个月, 冬季, 芒种, 春节

  private yearPart(i: number, s: Spec): { end: number; spec: Spec; done: boolean } | null {
    let j = i;
    const spec: Spec = {};
    const hasYear = s.year !== undefined;
    // 年底, 年初: the reference's year
    if (!hasYear && this.textAt(j) === '年' && this.posAt(j + 1, 'year') && this.afterBoundary(j)) {
      spec.year = { kind: 'rel', offset: 0, anaphoric: false };
      j++;
    }
    const yearKnown = hasYear || spec.year !== undefined;
    // 明年年初, 今年年尾: the unit repeated before the part
    if (hasYear && this.textAt(j) === '年' && this.posAt(j + 1, 'year')) j++;
    const pos = this.posAt(j, 'year');
    if (pos && (yearKnown || pos.standalone)) {
      if (!yearKnown) spec.year = { kind: 'rel', offset: 0, anaphoric: false };
      return { end: j + 1, spec: { ...spec, months: [pos.from, pos.to === 'end' ? 12 : pos.to] }, done: true };
    }
    const quarter = this.quarterAt(j, hasYear);
    if (quarter) return { end: quarter.end, spec: { ...spec, ...quarter.spec }, done: true };
    if (hasYear) {
      const months = this.monthRunAt(j);
      if (months) return { end: months.end, spec: { months: months.months }, done: true };
    }
    // A season needs its year (今年夏天, 2021年春) or to stand alone (冬季，): 夏季的衣服 is no date.
    const season = this.roleAt(j, 'season');
    const seasonAlone = !yearKnown && this.textAt(j).length > 1 && this.isolated(j, j + 1);
    if (season && ((hasYear && (this.textAt(j).length > 1 || this.atBoundary(j + 1))) || seasonAlone)) {
      return { end: j + 1, spec: { season: { from: season.from, to: season.to } }, done: true };
    }
    // 芒种 alone, at the start of a phrase (政治清明 is "clear-sighted politics")
    const term = this.roleAt(j, 'term');
    if (term && (hasYear || (term.standalone && this.afterBoundary(j)))) return { end: j + 1, spec: { term: term.name }, done: false };
    // 2001年农历除夕, 2001年的除夕
    let h = j;
    if (hasYear && (this.roleAt(h, 'lunar') || this.roleAt(h, 'of'))) h++;
    const holiday = this.roleAt(h, 'holiday');
    if (holiday && hasYear) return { end: h + 1, spec: { holiday: holiday.holiday }, done: false };
    return null;
  }

  /** 第三季度, 一季度, 首季度, 前三季度, 前两个季度, 后两个季度, 上季度, 本季度. */
  private quarterAt(i: number, hasYear: boolean): { end: number; spec: Spec } | null {
    let j = i;
    const mod = this.roleAt(j, 'mod');
    if (mod && !hasYear) {
      let k = j + 1;
      if (this.roleAt(k, 'classifier')) k++;
      if (this.unitAt(k, 'quarter', 'cal')) return { end: k + 1, spec: { quarterOffset: mod.offset } };
    }
    let mode: 'nth' | 'first' | 'last' = 'nth';
    if (this.roleAt(j, 'ordinal')) j++;
    else if (this.roleAt(j, 'first') || (this.roleAt(j, 'dir') && this.textAt(j) === '前')) {
      mode = 'first';
      j++;
    } else if (this.roleAt(j, 'dir') && this.textAt(j).length === 1) {
      mode = 'last';
      j++;
    }
    let n = 1;
    const num = this.numAt(j);
    if (num) {
      n = num.value;
      j++;
    } else if (mode !== 'first' || this.textAt(i) !== '首') {
      return null;
    }
    if (this.roleAt(j, 'classifier')) j++;
    if (!this.unitAt(j, 'quarter', 'cal') || n < 1 || n > 4) return null;
    if (mode === 'nth' && num && isCountingTwo(num.text)) return null;
    const months: [number, number] = mode === 'nth' ? [n * 3 - 2, n * 3] : mode === 'first' ? [1, n * 3] : [13 - n * 3, 12];
    const spec: Spec = { months };
    if (!hasYear) spec.year = { kind: 'rel', offset: 0, anaphoric: false };
    return { end: j + 1, spec };
  }

  /** After a year: 前五个月, 头两个月, 首月, 后三个月, 第8个月. */
  private monthRunAt(i: number): { end: number; months: [number, number] } | null {
    let j = i;
    const first = this.roleAt(j, 'first') !== undefined || (this.roleAt(j, 'dir') !== undefined && this.textAt(j) === '前');
    const last = !first && this.roleAt(j, 'dir') !== undefined && this.textAt(j).length === 1;
    const nth = this.roleAt(j, 'ordinal') !== undefined;
    if (!first && !last && !nth) return null;
    j++;
    const num = this.numAt(j);
    let n = 1;
    if (num) {
      n = num.value;
      j++;
    } else if (this.textAt(i) !== '首') {
      return null;
    }
    if (this.roleAt(j, 'classifier')) j++;
    if (!this.roleAt(j, 'unit') || this.roleAt(j, 'unit')!.unit !== 'month' || n < 1 || n > 12) return null;
    const months: [number, number] = first ? [1, n] : last ? [13 - n, 12] : [n, n];
    return { end: j + 1, months };
  }

  // ---- month -------------------------------------------------------------

  private monthAt(i: number): { end: number; spec: Spec } | null {
    let j = i;
    const spec: Spec = {};
    if (this.roleAt(j, 'lunar')) {
      spec.lunar = true;
      j++;
    }
    let leap = false;
    if (this.roleAt(j, 'leap')) {
      leap = true;
      spec.lunar = true;
      j++;
    }
    const rel = this.roleAt(j, 'relmonth');
    if (rel && !leap && !spec.lunar) return { end: j + 1, spec: { month: { kind: 'rel', offset: rel.offset, anaphoric: rel.anaphoric } } };
    const lunarMonth = this.roleAt(j, 'lunarmonth');
    if (lunarMonth) {
      return { end: j + 1, spec: { lunar: true, month: { kind: 'abs', value: lunarMonth.month, leap } } };
    }
    const n = this.ordinalNumAt(j, 1, 12);
    if (!n || !this.unitAt(j + 1, 'month', 'cal') || this.isBlocked(j + 2)) return null;
    // 3月多, 三月份以来 are fine; 三个月 never reaches here (个 sits between).
    if (n.chinese && n.digits !== null && n.digits.length > 1 && n.value > 12) return null;
    spec.month = { kind: 'abs', value: n.value, leap };
    return { end: j + 2, spec };
  }

  // ---- parts of a month: 上旬, 月底, 第一个星期一 ---------------------------

  private monthPart(i: number, s: Spec): { end: number; spec: Spec } | null {
    let j = i;
    const spec: Spec = {};
    // 月底: this month's; 岁月中 is not.
    if (!s.month && this.textAt(j) === '月' && this.posAt(j + 1, 'month') && !s.year && this.afterBoundary(j)) {
      spec.month = { kind: 'rel', offset: 0, anaphoric: false };
      j++;
    } else if (!s.month && !s.year && this.posAt(j, 'month')?.standalone && !this.posAt(j, 'year')) {
      // 下旬 alone: this month's
      spec.month = { kind: 'rel', offset: 0, anaphoric: false };
    }
    if (!s.month && !spec.month) return null;
    // 正月初8: 初 before a number is a lunar day (dayAt), not 月初
    if (this.textAt(j) === '初' && this.numAt(j + 1)) return null;
    const pos = this.posAt(j, 'month');
    if (pos) return { end: j + 1, spec: { ...spec, days: [pos.from, pos.to] } };
    if (this.roleAt(j, 'of')) j++;
    if (!this.roleAt(j, 'ordinal')) return null;
    const n = this.numAt(j + 1);
    let k = j + 2;
    if (this.roleAt(k, 'classifier')) k++;
    if (!n || n.value < 1 || n.value > 5 || !this.unitAt(k, 'week', 'cal')) return null;
    const weekday = this.weekdayAt(k + 1);
    if (weekday === null) return null;
    return { end: k + 2, spec: { ...spec, nthWeekday: { n: n.value, weekday } } };
  }

  // ---- day ---------------------------------------------------------------

  private dayAt(i: number, s: Spec, inRange: boolean): { end: number; spec: Spec } | null {
    const relday = this.roleAt(i, 'relday');
    if (relday) {
      if (s.year || s.month) return null;
      const spec: Spec = { day: { kind: 'rel', offset: relday.offset, anaphoric: relday.anaphoric } };
      // 今晚, 当晚: the part of the day is in the word
      if (relday.part) {
        spec.pod = relday.part.pod;
        if (relday.part.hours) spec.podHours = relday.part.hours;
      }
      return { end: i + 1, spec };
    }
    const holiday = this.roleAt(i, 'holiday');
    if (holiday && !holiday.numeral && !s.month) return { end: i + 1, spec: { holiday: holiday.holiday } };
    const numeral = this.numeralHoliday(i);
    if (numeral && !s.month) return numeral;

    const lunarMonth = s.lunar === true && s.month !== undefined;
    // 初五, 初8: the first ten days of a lunar month
    if (this.textAt(i) === '初' && s.month) {
      const n = this.ordinalNumAt(i + 1, 1, 10);
      if (n) return { end: i + 2, spec: { lunar: true, day: { kind: 'abs', value: n.value } } };
    }
    const n = this.ordinalNumAt(i, 1, 31);
    if (!n) return null;
    const writtenLunar = n.chinese && /^[廿卅]/.test(n.text);
    if (this.unitAt(i + 1, 'day', 'cal')) {
      if (!s.month && !inRange && !this.bareDayOk(i, n)) return null;
      return { end: i + 2, spec: { day: { kind: 'abs', value: n.value } } };
    }
    // 三月一, 二月十五, 正月十五, 五月廿二: a day without 日 after a month
    // written in Chinese, when nothing follows that could continue a word.
    if (s.month?.kind === 'abs' && (n.chinese || lunarMonth) && this.atBoundary(i + 1) && !this.roleAt(i + 1, 'dir')) {
      const monthWrittenChinese = this.monthWrittenInChinese(i - 1);
      if (!monthWrittenChinese && !lunarMonth) return null;
      const spec: Spec = { day: { kind: 'abs', value: n.value } };
      if (writtenLunar) spec.lunar = true;
      return { end: i + 1, spec };
    }
    return null;
  }

  /**
   * 五一假期, 十一黄金周, 七一前夕: a festival named by its numerals, which
   * counts only before a word that shows it (五一劳动节 is read whole).
   */
  private numeralHoliday(i: number): { end: number; spec: Spec } | null {
    const token = this.t.at(i);
    if (token?.kind !== 'cnum' || !this.roleAt(i + 1, 'holidaynext')) return null;
    const role = getLexicon()
      .roles.get(token.text)
      ?.find((r): r is RoleOf<'holiday'> => r.role === 'holiday' && r.numeral);
    if (!role) return null;
    // 十一国庆节: the festival's name after its numerals belongs to it
    const end = this.roleAt(i + 1, 'holiday') ? i + 2 : i + 1;
    return { end, spec: { holiday: role.holiday } };
  }

  /** Whether the month token just before was written in Chinese or is a lunar month name. */
  private monthWrittenInChinese(monthUnit: number): boolean {
    if (this.roleAt(monthUnit, 'lunarmonth')) return true;
    const n = this.numAt(monthUnit - 1);
    return n !== null && n.chinese;
  }

  /** A day with no month before it (28日, 3号) is a date only in a date-like context. */
  private bareDayOk(i: number, n: Num): boolean {
    const unitText = this.textAt(i + 1);
    if (n.chinese && n.value === 1) return false;
    if (this.isBlocked(i + 2)) return false;
    // 3号 is a date only standing alone; 联盟1号, 神舟十二号 are names.
    if (unitText === '号' || unitText === '號') return this.atBoundary(i + 2) && this.afterBoundary(i);
    return true;
  }

  // ---- week --------------------------------------------------------------

  /** 日/天 after a week word mean Sunday; 一..六 the other days. */
  private weekdayAt(i: number): number | null {
    const token = this.t.at(i);
    if (!token) return null;
    if (token.kind === 'cnum' && token.text.length === 1 && token.value !== null && token.value >= 1 && token.value <= 6) {
      return token.value;
    }
    if (token.kind === 'num' && token.text.length === 1 && token.value !== null && token.value >= 1 && token.value <= 7) {
      return token.value;
    }
    if (token.text === '日' || token.text === '天') return 7;
    return null;
  }

  private week(i: number, s: Spec): { end: number; spec: Spec } | null {
    if (s.day || s.holiday || s.nthWeekday) return this.appositiveWeekday(i);
    if (s.year || s.month || s.months) return null;
    let j = i;
    let offset: number | undefined;
    const mod = this.roleAt(j, 'mod');
    if (mod) {
      offset = mod.offset;
      j++;
      if (this.roleAt(j, 'classifier') || (this.t.kindAt(j) === 'cnum' && this.textAt(j) === '一')) j++;
    }
    if (this.roleAt(j, 'weekend')) return { end: j + 1, spec: { week: offset ?? 0, weekNamed: offset !== undefined, weekend: true } };
    if (!this.unitAt(j, 'week', 'cal')) return null;
    j++;
    let weekday = this.weekdayAt(j);
    if (weekday !== null) {
      j++;
    } else if (offset === undefined) {
      return null;
    } else if (this.unitAt(j, 'week', 'cal') && this.weekdayAt(j + 1) !== null) {
      // 下周周六
      weekday = this.weekdayAt(j + 1);
      j += 2;
    }
    const spec: Spec = { week: offset ?? 0 };
    if (offset !== undefined) spec.weekNamed = true;
    if (weekday !== null) spec.weekday = weekday;
    return { end: j, spec };
  }

  /** 10月12号，星期一 / 2月25日（周六）: a weekday restating a date adds nothing. */
  private appositiveWeekday(i: number): { end: number; spec: Spec } | null {
    let j = i;
    if (APPOSITIVE_OPENERS.has(this.textAt(j)) || this.t.kindAt(j) === 'space') j++;
    if (!this.unitAt(j, 'week', 'cal')) return null;
    if (this.weekdayAt(j + 1) === null) return null;
    j += 2;
    if (APPOSITIVE_CLOSERS.has(this.textAt(j))) j++;
    return { end: j, spec: {} };
  }

  // ---- clock -------------------------------------------------------------

  /**
   * 8时30分, 三点十五, 9点20, 下午3:15, 十点半, 20时1刻, 17:51:08, 3pm.
   * `attached` is true when a date or part of day comes before; a bare 三点
   * must then be closed by a boundary (提出三点要求 is not a time).
   */
  private clockAt(i: number, attached: boolean): { end: number; clock: Clock; pod?: PartOfDay } | null {
    const hourNum = this.numAt(i);
    if (!hourNum || hourNum.value > 24) return null;
    if (!hourNum.chinese && hourNum.text.length > 2) return null;
    if (COLONS.has(this.textAt(i + 1))) {
      const colon = this.colonTail(i + 1, hourNum.value);
      if (!colon) return null;
      return this.withMeridiem(colon.end, colon.clock);
    }
    const meridiem = this.roleAt(i + 1, 'pod');
    if (meridiem && /^[ap]m$/.test(this.textAt(i + 1).toLowerCase())) {
      return { end: i + 2, clock: { hour: hourNum.value, minute: null, second: null }, pod: meridiem.pod };
    }
    if (!this.unitAt(i + 1, 'hour', 'cal')) return null;
    let j = i + 2;
    let closed = false;
    if (this.roleAt(j, 'oclock')) {
      j++;
      closed = true;
    }
    let minute: number | null = null;
    let second: number | null = null;
    if (this.roleAt(j, 'half')) {
      minute = 30;
      j++;
    } else {
      const m = this.numAt(j);
      if (m && this.roleAt(j + 1, 'quarterhour') && m.value >= 1 && m.value <= 3) {
        minute = m.value * 15;
        j += 2;
      } else if (m && m.value <= 59 && this.unitAt(j + 1, 'minute', 'cal')) {
        minute = m.value;
        j += 2;
        const sec = this.numAt(j);
        if (sec && sec.value <= 59 && this.unitAt(j + 1, 'second', 'cal')) {
          second = sec.value;
          j += 2;
        }
      } else if (m && m.value <= 59 && !this.roleAt(j + 1, 'unit') && !this.roleAt(j + 1, 'classifier') && (m.chinese || m.text.length === 2)) {
        // 三点十五, 9点20, 九点零九
        minute = m.value;
        j++;
      } else if (this.roleAt(j, 'approx') && this.textAt(j) === '多') {
        j++;
        if (this.roleAt(j, 'oclock')) j++;
        closed = true;
      }
    }
    if (minute !== null && this.roleAt(j, 'oclock')) j++;
    // Alone, 一点 / 三点 are "a bit" / "three points"; a clock time needs its
    // minutes or 钟/整/许 unless a date or part of day comes first.
    if (!attached && minute === null && !closed) return null;
    return { end: j, clock: { hour: hourNum.value, minute, second } };
  }

  /** `:MM` and optional `:SS` after an hour at i - 1. */
  private colonTail(i: number, hour: number): { end: number; clock: Clock } | null {
    if (hour > 24) return null;
    const minute = this.t.at(i + 1);
    if (!COLONS.has(this.textAt(i)) || minute?.kind !== 'num' || minute.text.length !== 2 || minute.value! > 59) return null;
    let end = i + 2;
    let second: number | null = null;
    const sec = this.t.at(end + 1);
    if (COLONS.has(this.textAt(end)) && sec?.kind === 'num' && sec.text.length === 2 && sec.value! <= 59) {
      second = sec.value!;
      end += 2;
      // 01:22:36.720108: the fraction of a second is read and left out of the value.
      if (this.textAt(end) === '.' && this.t.kindAt(end + 1) === 'num') end += 2;
    }
    if (COLONS.has(this.textAt(end)) && this.t.kindAt(end + 1) === 'num') return null;
    return { end, clock: { hour, minute: minute.value!, second } };
  }

  private withMeridiem(end: number, clock: Clock): { end: number; clock: Clock; pod?: PartOfDay } {
    let j = end;
    if (this.t.kindAt(j) === 'space' && this.textAt(j).length === 1) j++;
    const pod = this.roleAt(j, 'pod');
    if (pod && /^[ap]m$/.test(this.textAt(j).toLowerCase())) return { end: j + 1, clock, pod: pod.pod };
    return { end, clock };
  }
}

/** Whether a date part (anything but a part of day or a clock time) was read. */
function isSpecified(s: Spec): boolean {
  return (
    s.year !== undefined ||
    s.month !== undefined ||
    s.day !== undefined ||
    s.months !== undefined ||
    s.holiday !== undefined ||
    s.week !== undefined ||
    s.term !== undefined ||
    s.season !== undefined
  );
}

function isMonthAlone(s: Spec): boolean {
  return s.month?.kind === 'abs' && !s.year && !s.day && !s.days && !s.clock && !s.nthWeekday;
}

/**
 * Whether the parts read make a date on their own. A two-digit year alone
 * (98年) is one when written digit by digit in Chinese (九七年) or alone on its
 * line (`alone`); in running text 24年 is as often a count of years.
 */
function isComplete(s: Spec, alone: boolean): boolean {
  if (s.year?.kind === 'twoDigit' && !s.year.digits && !alone && !(s.month || s.months || s.holiday || s.term || s.season || s.quarterOffset !== undefined)) {
    return false;
  }
  if (s.year?.kind === 'abs' && s.year.needsMonth && !s.month) return false;
  if (s.year?.kind === 'rel' && s.year.bound && !(s.month || s.months || s.holiday || s.term || s.season)) return false;
  // A part of day alone (下午) names no date.
  if (s.pod && !s.clock && !isSpecified(s)) return false;
  return isSpecified(s) || s.clock !== undefined || s.clockShift !== undefined || s.span !== undefined;
}
