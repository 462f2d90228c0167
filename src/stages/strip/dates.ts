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
const TIME = String.raw`(?:\s{0,3}(?:T|-|,|，)?\s{0,3}(上午|下午|晚上|凌晨|早上|中午)?\s?(\d{1,2})\s?[:：时]\s?(\d{1,2})(?:\s?[:：分]\s?(\d{1,2}))?(?:\.\d{1,9})?(?:\s?([AaPp][Mm]))?)?`;
/** Year first: `2023-01-28 11:22`, `2023年1月28日 11时22分`, `2023/1/28`, glued `2023-01-2811:22`. */
const FULL_DATE = new RegExp(String.raw`(\d{4})\s?(?:[-/.]|年)\s?(\d{1,2})\s?(?:[-/.]|月)\s?(\d{1,2})(?:\s?日)?` + TIME, 'g');
/** Year last (`06/02/2022 - 13:48`, `7/5/2005 9:23:57 PM`): day first unless that cannot be. */
const YEAR_LAST_DATE = new RegExp(String.raw`(\d{1,2})[/.](\d{1,2})[/.](\d{4})` + TIME, 'g');
const YEAR_MONTH = /(\d{4})\s?(?:[-/.]|年)\s?(\d{1,2})(?:\s?月)?/g;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

function withTime(date: string, m: RegExpExecArray, at: number): string {
  const period = m[at];
  let h = Number(m[at + 1]);
  const mi = Number(m[at + 2]);
  const s = m[at + 3] === undefined ? undefined : Number(m[at + 3]);
  const ampm = m[at + 4]?.toLowerCase();
  if (m[at + 1] === undefined) return date;
  const afternoon = ampm === 'pm' || period === '下午' || period === '晚上' || (period === '中午' && h < 11);
  if (afternoon && h < 12) h += 12;
  if ((ampm === 'am' || period === '凌晨') && h === 12) h = 0;
  if (h > 23 || mi > 59 || (s !== undefined && s > 59)) return date;
  return `${date}T${pad(h)}:${pad(mi)}${s === undefined ? '' : `:${pad(s)}`}`;
}

function validDay(y: number, mo: number, d: number): boolean {
  return validYear(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/** Every full date (year, month, day, optional time) in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  FULL_DATE.lastIndex = 0;
  for (let m = FULL_DATE.exec(text); m !== null; m = FULL_DATE.exec(text)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    // A year directly preceded by a digit is part of a longer number (phone, ID).
    if (!validDay(y, mo, d) || (m.index > 0 && /\d/.test(text[m.index - 1]!))) {
      FULL_DATE.lastIndex = m.index + 1;
      continue;
    }
    out.push({ iso: withTime(`${y}-${pad(mo)}-${pad(d)}`, m, 4), start: m.index, end: m.index + m[0].length });
  }
  YEAR_LAST_DATE.lastIndex = 0;
  for (let m = YEAR_LAST_DATE.exec(text); m !== null; m = YEAR_LAST_DATE.exec(text)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const [d, mo] = a > 12 || b <= 12 ? [a, b] : [b, a];
    if (!validDay(y, mo, d) || (m.index > 0 && /\d/.test(text[m.index - 1]!)) || out.some((f) => f.start <= m.index && m.index < f.end)) {
      YEAR_LAST_DATE.lastIndex = m.index + 1;
      continue;
    }
    out.push({ iso: withTime(`${y}-${pad(mo)}-${pad(d)}`, m, 4), start: m.index, end: m.index + m[0].length });
  }
  return out.sort((p, q) => p.start - q.start);
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
