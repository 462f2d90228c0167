/**
 * Publication dates as pages write them → ISO 8601 local time, as precise as
 * found (`2023-01-28T11:22`, `2023-03-01T01:22:36`; fractional seconds and
 * time-zone offsets dropped). Handles `2023-01-28 11:22`, `2023/1/28`,
 * `2023.01.28`, `2023年1月28日 11时22分`, ISO `2022-02-13T20:04:17+08:00`, and
 * the glued forms of flattened pages (`2023-01-2811:22`).
 */

export interface FoundDate {
  iso: string;
  /** UTF-16 offsets of the match in the searched text. */
  start: number;
  end: number;
}

// Bounded quantifiers only: every part is a fixed-width digit run or a single
// separator, so matching is linear in the input.
const FULL_DATE =
  /(\d{4})\s?(?:[-/.]|年)\s?(\d{1,2})\s?(?:[-/.]|月)\s?(\d{1,2})(?:\s?日)?(?:\s{0,3}(?:T|\s)?\s{0,2}(\d{1,2})\s?[:：时]\s?(\d{1,2})(?:\s?[:：分]\s?(\d{1,2}))?(?:\.\d{1,9})?)?/g;
const YEAR_MONTH = /(\d{4})\s?(?:[-/.]|年)\s?(\d{1,2})(?:\s?月)?/g;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

/** Every full date (year, month, day, optional time) in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  FULL_DATE.lastIndex = 0;
  for (let m = FULL_DATE.exec(text); m !== null; m = FULL_DATE.exec(text)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!validYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31) {
      FULL_DATE.lastIndex = m.index + 1;
      continue;
    }
    // A year directly preceded by a digit is part of a longer number (phone, ID).
    if (m.index > 0 && /\d/.test(text[m.index - 1]!)) {
      FULL_DATE.lastIndex = m.index + 1;
      continue;
    }
    let iso = `${y}-${pad(mo)}-${pad(d)}`;
    if (m[4] !== undefined) {
      const h = Number(m[4]);
      const mi = Number(m[5]);
      const s = m[6] === undefined ? undefined : Number(m[6]);
      if (h <= 23 && mi <= 59 && (s === undefined || s <= 59)) {
        iso += `T${pad(h)}:${pad(mi)}`;
        if (s !== undefined) iso += `:${pad(s)}`;
      }
    }
    out.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The first full date of the text, or a year-month when that is all it has. */
export function parseDate(text: string, allowYearMonth = false): string | undefined {
  const full = findDates(text);
  if (full.length > 0) return full[0]!.iso;
  if (!allowYearMonth) return undefined;
  YEAR_MONTH.lastIndex = 0;
  const m = YEAR_MONTH.exec(text);
  if (m && validYear(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad(Number(m[2]))}`;
  return undefined;
}

/** A date in a URL path (`/2023/02/26/`, `/20230226/`, `t20230226_`), date precision. */
export function dateFromUrl(url: string): string | undefined {
  const m = /\/((?:19|20)\d{2})[-/_]?(\d{2})[-/_]?(\d{2})(?:[/_]|\d{2,})/.exec(url) ?? /[/_t]((?:19|20)\d{2})(\d{2})(\d{2})[_/.]/.exec(url);
  if (!m) return undefined;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
