/**
 * ISO 8601 forms of resolved values, and parsing of the reference date.
 *
 * A value is written as precisely as the text: 2021, 2024-11, 2023-01-27,
 * 2023-01-28T11:22, 2023-03-01T01:22:36; an hour alone keeps its minutes
 * (下午3点 -> T15:00). Unknown parts use the truncated forms of ISO 8601:2000:
 * --07-26 (no year), --07 (a month), ---28 (a day of an unknown month), and
 * T17:51 for a time with no date. An interval is start/end, both ends written
 * at the finer of their two precisions (2008.03-2009 -> 2008-03/2009-12).
 */
import { daysInMonth } from './calendar.js';
import { PRECISION_RANK, type Moment, type Precision, type Reference, type Value } from './resolve.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Moves a moment to a finer precision: a year, month or day to its first
 * sub-unit, or its last when `atEnd`; a clock time stays on the hour or
 * minute it names (9时30分至11时 ends at 11:00).
 */
function refine(mo: Moment, precision: Precision, atEnd: boolean): Moment {
  if (PRECISION_RANK[mo.precision] >= PRECISION_RANK[precision]) return mo;
  const out: Moment = { ...mo, precision };
  const rank = PRECISION_RANK[mo.precision];
  if (rank < PRECISION_RANK.month && out.y !== null) out.m = atEnd ? 12 : 1;
  if (rank < PRECISION_RANK.day && PRECISION_RANK[precision] >= PRECISION_RANK.day && out.m !== null) {
    out.d = atEnd ? daysInMonth(out.y ?? 2000, out.m) : 1;
  }
  const wholeDay = rank < PRECISION_RANK.hour;
  if (wholeDay) out.h = atEnd ? 23 : 0;
  if (rank < PRECISION_RANK.minute) out.mi = atEnd && wholeDay ? 59 : 0;
  if (rank < PRECISION_RANK.second) out.s = atEnd && wholeDay ? 59 : 0;
  return out;
}

function formatMoment(mo: Moment): string | null {
  const rank = PRECISION_RANK[mo.precision];
  let date: string;
  if (mo.timeOnly) {
    date = '';
  } else if (mo.y === null) {
    if (mo.m === null) {
      if (mo.d === null) return null;
      date = `---${pad(mo.d)}`;
    } else {
      date = `--${pad(mo.m)}`;
      if (rank >= PRECISION_RANK.day) {
        if (mo.d === null) return null;
        date += `-${pad(mo.d)}`;
      }
    }
  } else {
    if (mo.y < 0 || mo.y > 9999) return null;
    date = pad(mo.y, 4);
    if (rank >= PRECISION_RANK.month && mo.m !== null) date += `-${pad(mo.m)}`;
    if (rank >= PRECISION_RANK.day && mo.d !== null) date += `-${pad(mo.d)}`;
  }
  if (rank < PRECISION_RANK.hour) return date;
  let time = `T${pad(mo.h)}:${pad(mo.mi)}`;
  if (mo.precision === 'second') time += `:${pad(mo.s)}`;
  return date + time;
}

export function formatValue(value: Value): string | null {
  if (value.startKind !== undefined || value.endKind !== undefined) return formatBounded(value);
  const finer = PRECISION_RANK[value.start.precision] >= PRECISION_RANK[value.end.precision] ? value.start.precision : value.end.precision;
  const start = formatMoment(refine(value.start, finer, false));
  const end = formatMoment(refine(value.end, finer, true));
  if (start === null || end === null) return null;
  return start === end ? start : `${start}/${end}`;
}

const PRECISIONS: readonly Precision[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];

/**
 * The named end of a bounded span: a December that closes it closes its year
 * (年底前 runs to the end of 2021, written 2021), and a time on :00 seconds
 * is a minute; otherwise as precise as the text.
 */
function canonicalEdge(mo: Moment, atEnd: boolean): Moment {
  if (mo.precision === 'second' && mo.s === 0) return { ...mo, precision: 'minute' };
  if (atEnd && mo.precision === 'month' && mo.y !== null && mo.m === 12) return { ...mo, m: null, precision: 'year' };
  return mo;
}

/**
 * A span bounded by the reference or open on one side, in ISO 8601-2 forms:
 * the named end as precise as the text (canonicalEdge), the reference at
 * that precision but at least a day and no finer than the reference itself
 * (2018/2021-06-14, 2021-06-14/2025, 2021-06-14T01:00/2021-07-15T18:00), an
 * open end as `..` (../2021-06-12, 2021-07-04/..).
 */
function formatBounded(value: Value): string | null {
  const namedAtEnd = value.startKind !== undefined;
  const named = canonicalEdge(namedAtEnd ? value.end : value.start, namedAtEnd);
  const namedText = formatMoment(named);
  if (namedText === null) return null;
  const kind = namedAtEnd ? value.startKind : value.endKind;
  if (kind === 'open') return namedAtEnd ? `../${namedText}` : `${namedText}/..`;
  const reference = namedAtEnd ? value.start : value.end;
  const rank = Math.min(PRECISION_RANK[reference.precision], Math.max(PRECISION_RANK.day, PRECISION_RANK[named.precision]));
  const precision = PRECISIONS[rank]!;
  const referenceText = formatMoment({
    ...reference,
    mi: rank >= PRECISION_RANK.minute ? reference.mi : 0,
    s: rank >= PRECISION_RANK.second ? reference.s : 0,
    precision,
  });
  if (referenceText === null) return null;
  return namedAtEnd ? `${referenceText}/${namedText}` : `${namedText}/${referenceText}`;
}

/**
 * Parses the reference: an ISO 8601 date or date-time as far as given
 * (2021, 2021-06, 2021-06-14, 2021-06-14T07, 2021-06-14T01:06,
 * 2021-06-14 01:06:40.72).
 * Returns null when it is not one.
 */
export function parseReference(iso: string, explicit: boolean): Reference | null {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const precision: Precision =
    m[6] !== undefined
      ? 'second'
      : m[5] !== undefined
        ? 'minute'
        : m[4] !== undefined
          ? 'hour'
          : m[3] !== undefined
            ? 'day'
            : m[2] !== undefined
              ? 'month'
              : 'year';
  return {
    y,
    m: mo,
    d,
    h: m[4] === undefined ? 0 : Number(m[4]),
    mi: m[5] === undefined ? 0 : Number(m[5]),
    s: m[6] === undefined ? 0 : Number(m[6]),
    precision,
    explicit,
  };
}
