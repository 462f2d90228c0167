/**
 * The words of Chinese time expressions (../data/time-words.txt) and the
 * festival names (../data/time-holidays.txt), indexed for longest-match
 * lookup by the tokenizer.
 */
import { readTable } from '../../../core/wordlist.js';
import { CharTrie } from '../trie.js';

export type Unit = 'year' | 'quarter' | 'month' | 'week' | 'workday' | 'day' | 'hour' | 'minute' | 'second' | 'century';
export type PartOfDay = 'am' | 'day' | 'noon' | 'pm' | 'evening' | 'night';

/** A part of the day: how it places a clock hour, and the hours it spans alone (null: none). */
export interface DayPart {
  pod: PartOfDay;
  hours: [number, number] | null;
}
export type PosParent = 'year' | 'month' | 'decade' | 'century';

/** One role of a word; a word can have several. */
export type Role =
  | { role: 'unit'; unit: Unit; cal: boolean; count: boolean }
  | { role: 'stop' }
  | { role: 'classifier' }
  | { role: 'relyear'; offset: number; anaphoric: boolean; bound: boolean }
  | { role: 'relmonth'; offset: number; anaphoric: boolean }
  | { role: 'relday'; offset: number; part: DayPart | null; anaphoric: boolean }
  | { role: 'relspan'; unit: Unit; from: number; to: number }
  | { role: 'mod'; offset: number }
  | { role: 'dir'; sign: number }
  | { role: 'span'; direction: number; inclusive: boolean; smallest: Unit }
  | { role: 'pos'; parent: PosParent; from: number; to: number | 'end'; strict: boolean; standalone: boolean }
  | { role: 'particle' }
  | { role: 'season'; from: string; to: string }
  | ({ role: 'pod' } & DayPart)
  | { role: 'conn' }
  | { role: 'lunar' }
  | { role: 'lunarmonth'; month: number }
  | { role: 'leap' }
  | { role: 'holiday'; holiday: Holiday; numeral: boolean }
  | { role: 'term'; name: string; standalone: boolean }
  | { role: SimpleRole };

/** Roles that carry no arguments. */
type SimpleRole =
  | 'ordinal'
  | 'first'
  | 'approx'
  | 'half'
  | 'quarterhour'
  | 'oclock'
  | 'weekend'
  | 'of'
  | 'block'
  | 'preblock'
  | 'decade'
  | 'lead'
  | 'holidaynext'
  | 'since'
  | 'from'
  | 'within'
  | 'pass'
  | 'several';

export type Holiday =
  | { rule: 'solar' | 'lunar'; month: number; day: number }
  | { rule: 'eve' }
  | { rule: 'nth'; month: number; n: number; weekday: number }
  | { rule: 'term'; term: string }
  | { rule: 'easter' | 'orthodox'; offset: number };

const UNITS: readonly string[] = ['year', 'quarter', 'month', 'week', 'workday', 'day', 'hour', 'minute', 'second', 'century'];

/** Units from the largest to the smallest. */
export const UNIT_ORDER: readonly Unit[] = ['century', 'year', 'quarter', 'month', 'week', 'workday', 'day', 'hour', 'minute', 'second'];
const PODS: readonly string[] = ['am', 'day', 'noon', 'pm', 'evening', 'night'];

function parseRole(fields: string[], file: string): Role {
  const [word, role, a, b, c, d] = fields;
  const fail = (): never => {
    throw new Error(`${file}: bad entry for ${word}: ${fields.join(' | ')}`);
  };
  switch (role) {
    case 'unit':
      if (!UNITS.includes(a ?? '')) fail();
      return { role, unit: a as Unit, cal: b === 'cal' || b === 'both', count: b === 'count' || b === 'both' };
    case 'relyear': {
      const flags = (b ?? '').split(',');
      return { role, offset: Number(a), anaphoric: flags.includes('anaphoric'), bound: flags.includes('bound') };
    }
    case 'relmonth':
      return { role, offset: Number(a), anaphoric: b === 'anaphoric' };
    case 'relday':
      // the part of the day is named by a pod word, filled in once every word is read
      return { role, offset: Number(a), part: null, anaphoric: c === 'anaphoric' };
    case 'relspan':
      if (!UNITS.includes(a ?? '')) fail();
      return { role, unit: a as Unit, from: Number(b), to: Number(c) };
    case 'mod':
      return { role, offset: Number(a) };
    case 'dir':
      return { role, sign: Number(a) };
    case 'span':
      if (!UNITS.includes(c ?? '')) fail();
      return { role, direction: a === 'past' ? -1 : 1, inclusive: b === 'inclusive', smallest: c as Unit };
    case 'pos':
      if (!['year', 'month', 'decade', 'century'].includes(a ?? '')) fail();
      return {
        role,
        parent: a as PosParent,
        from: Number(b),
        to: c === 'end' ? 'end' : Number(c),
        strict: d === 'strict',
        standalone: d === 'standalone',
      };
    case 'season':
      return { role, from: a ?? fail(), to: b ?? fail() };
    case 'pod': {
      if (!PODS.includes(a ?? '')) fail();
      const hours: [number, number] | null = b === undefined || b === '-' ? null : [Number(b), Number(c)];
      if (hours && !(hours[0] >= 0 && hours[0] <= hours[1] && hours[1] <= 23)) fail();
      return { role, pod: a as PartOfDay, hours };
    }
    case 'lunarmonth':
      return { role, month: Number(a) };
    case 'stop':
    case 'classifier':
    case 'particle':
    case 'conn':
    case 'lunar':
    case 'leap':
    case 'ordinal':
    case 'first':
    case 'approx':
    case 'half':
    case 'quarterhour':
    case 'oclock':
    case 'weekend':
    case 'of':
    case 'block':
    case 'preblock':
    case 'decade':
    case 'lead':
    case 'holidaynext':
    case 'since':
    case 'from':
    case 'within':
    case 'pass':
    case 'several':
      return { role };
    default:
      return fail();
  }
}

function parseHoliday(fields: string[]): Holiday {
  const [name, rule, arg = ''] = fields;
  if (rule === 'lunar' && arg === 'eve') return { rule: 'eve' };
  if (rule === 'solar' || rule === 'lunar' || rule === 'numeral') {
    const [month, day] = arg.split('-').map(Number);
    return { rule: rule === 'lunar' ? 'lunar' : 'solar', month: month!, day: day! };
  }
  if (rule === 'nth') {
    const [month, n, weekday] = arg.split(':').map(Number);
    return { rule, month: month!, n: n!, weekday: weekday! };
  }
  if (rule === 'term') return { rule, term: arg };
  if (rule === 'easter' || rule === 'orthodox') return { rule, offset: Number(arg) };
  throw new Error(`time-holidays.txt: bad entry for ${name}`);
}

export interface Lexicon {
  /** Roles by word. */
  roles: Map<string, Role[]>;
  /** The same words in a trie, each with its list of roles, for the lexer's longest match. */
  words: CharTrie<Role[]>;
  /**
   * The role lists of the words an expression can start with (去年, 上, 下午,
   * 春节, 年 of 年底, 周 of 周一), by identity: a word token carries the role
   * list of its word, so the grammar tells a starter without hashing text.
   */
  starterRoles: Set<Role[]>;
}

/** Roles that can open an expression. */
const STARTER_ROLES = new Set<string>([
  'relyear', 'relmonth', 'relday', 'relspan', 'mod', 'dir', 'span', 'lunar', 'lunarmonth', 'leap',
  'holiday', 'term', 'weekend', 'first', 'ordinal', 'pod', 'half', 'pass', 'several', 'season',
]);

/** Whether `role` lets `word` open an expression. */
export function isStarter(word: string, role: Role): boolean {
  if (STARTER_ROLES.has(role.role)) return true;
  if (role.role === 'pos') return role.standalone;
  // 周一; and 年 / 月 standing for the reference's year or month (年底, 月初)
  if (role.role === 'unit') return role.unit === 'week' || ((role.unit === 'year' || role.unit === 'month') && word.length === 1);
  return false;
}

let lexicon: Lexicon | undefined;

export function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const roles = new Map<string, Role[]>();
  const add = (word: string, role: Role): void => {
    const list = roles.get(word);
    if (list) list.push(role);
    else roles.set(word, [role]);
  };
  const rows = readTable('stages/extract/data/time-words.txt');
  for (const fields of rows) add(fields[0]!, parseRole(fields, 'time-words.txt'));
  // 今晚, 当晚: the day's part is that of the pod word named in the row (晚上)
  for (const [word, role, , podWord] of rows) {
    if (role !== 'relday' || podWord === undefined || podWord === '-') continue;
    const pod = roles.get(podWord)?.find((r): r is Role & { role: 'pod' } => r.role === 'pod');
    if (!pod) throw new Error(`time-words.txt: ${word} names ${podWord}, which is no part of the day`);
    const relday = roles.get(word!)!.find((r): r is Role & { role: 'relday' } => r.role === 'relday')!;
    relday.part = { pod: pod.pod, hours: pod.hours };
  }
  for (const fields of readTable('stages/extract/data/time-holidays.txt')) {
    add(fields[0]!, { role: 'holiday', holiday: parseHoliday(fields), numeral: fields[1] === 'numeral' });
  }
  for (const [name, , , , , , standalone] of readTable('stages/extract/data/time-solar-terms.txt')) {
    add(name!, { role: 'term', name: name!, standalone: standalone === 'standalone' });
  }
  const words = new CharTrie<Role[]>();
  const starters = new Set<string>();
  for (const [word, wordRoles] of roles) {
    words.add(word, wordRoles);
    if (wordRoles.some((r) => isStarter(word, r))) starters.add(word);
  }
  // A word starts an expression when its lowercase form is a starter (the grammar's rule for letters: PM, pm).
  const starterRoles = new Set<Role[]>();
  for (const [word, wordRoles] of roles) if (starters.has(word.toLowerCase())) starterRoles.add(wordRoles);
  lexicon = { roles, words, starterRoles };
  return lexicon;
}
