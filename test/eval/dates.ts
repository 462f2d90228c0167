/**
 * Date eval: the gold dates of the seed pages, the gold publication dates
 * of the web-extraction pages found in their raw text, and exact-match
 * accuracy on the third-party suites of Chinese time expressions in
 * test/fixtures/dates/*.jsonl. Run: npx tsx test/eval/dates.ts [--all]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { findDates, todayReference } from '../../src/stages/extract/dates.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLD = path.join(ROOT, 'fixtures', 'gold');
const SUITES = path.join(ROOT, 'test', 'fixtures', 'dates');

interface Gold {
  id: string;
  published?: string | null;
  body: string[];
  dates?: Record<string, string>;
}

export interface GoldDateResult {
  id: string;
  text: string;
  expected: string;
  /** The value of the entity with exactly this text, if any. */
  got: string | null;
}

/** Every gold date of every seed, with what findDates gives for it on the gold body text. */
export function goldDates(): GoldDateResult[] {
  const results: GoldDateResult[] = [];
  for (const file of readdirSync(GOLD).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(path.join(GOLD, file), 'utf8')) as Gold;
    const reference = gold.published ? { iso: gold.published, explicit: true } : todayReference();
    const entities = findDates(gold.body.join('\n'), reference);
    for (const [text, expected] of Object.entries(gold.dates ?? {})) {
      const match = entities.find((e) => e.text === text && e.value === expected) ?? entities.find((e) => e.text === text);
      results.push({ id: gold.id, text, expected, got: match?.value ?? null });
    }
  }
  return results;
}

/** A page of the web-extraction set as text: decoded (UTF-8, else GB18030) and stripped of markup. */
function pageText(file: string): string {
  const bytes = readFileSync(file);
  const utf8 = bytes.toString('utf8');
  const html = utf8.includes('\ufffd') ? iconv.decode(bytes, 'gb18030') : utf8;
  const $ = cheerio.load(html);
  $('script, style').remove();
  $('br, p, div, td, li, span, a').after(' ');
  return $.root().text();
}

export interface PageDateResult {
  page: string;
  expected: string;
  found: boolean;
}

/**
 * For each page of fixtures/web-extraction with a gold publication date
 * (date/*.txt, e.g. `2005-5-7 21:23:57`): whether a date with exactly that
 * value is found in the page's raw text. The pages are resolved without an
 * explicit reference, as their publication date is what is being looked for.
 */
export function pagePublicationDates(): PageDateResult[] {
  const base = path.join(ROOT, 'fixtures', 'web-extraction');
  const results: PageDateResult[] = [];
  for (const file of readdirSync(path.join(base, 'original')).sort()) {
    const gold = readFileSync(path.join(base, 'date', file.replace(/\.html?$/, '.txt')), 'utf8').trim();
    const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(gold);
    if (!m) continue;
    const pad = (x: string): string => x.padStart(2, '0');
    let expected = `${m[1]}-${pad(m[2]!)}`;
    if (m[3]) expected += `-${pad(m[3])}`;
    if (m[4]) expected += `T${pad(m[4])}:${m[5]}${m[6] ? `:${m[6]}` : ''}`;
    const values = findDates(pageText(path.join(base, 'original', file)), todayReference()).map((e) => e.value);
    results.push({ page: file, expected, found: values.includes(expected) });
  }
  return results;
}

export interface SuiteCase {
  text: string;
  ref: string;
  expected: string;
}

export interface SuiteResult extends SuiteCase {
  got: string[];
  pass: boolean;
}

export function suiteNames(): string[] {
  return readdirSync(SUITES)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.replace(/\.jsonl$/, ''))
    .sort();
}

export function loadSuite(name: string): SuiteCase[] {
  return readFileSync(path.join(SUITES, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SuiteCase);
}

/** A case passes when the expression yields exactly one date with the expected value. */
export function runSuite(cases: SuiteCase[]): SuiteResult[] {
  return cases.map((c) => {
    const found = findDates(c.text, { iso: c.ref, explicit: true });
    const got = found.map((e) => `${e.text}=${e.value}`);
    return { ...c, got, pass: found.length === 1 && found[0]!.value === c.expected };
  });
}

const percent = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** Failures listed per suite unless `--all` is given. */
const LISTED_FAILURES = 25;

export async function evaluate(listAll = process.argv.includes('--all')): Promise<void> {
  const gold = goldDates();
  const found = gold.filter((g) => g.got === g.expected).length;
  console.log(`dates: seed gold dates found with the exact value: ${found}/${gold.length}`);
  for (const g of gold.filter((r) => r.got !== r.expected)) {
    console.log(`  miss ${g.id} ${g.text}: expected ${g.expected}, got ${g.got ?? 'nothing'}`);
  }
  const pages = pagePublicationDates();
  const pagesFound = pages.filter((p) => p.found).length;
  console.log(`dates: web-extraction publication dates found in the raw pages: ${pagesFound}/${pages.length}`);
  for (const p of pages.filter((r) => !r.found)) console.log(`  miss ${p.page}: ${p.expected}`);
  for (const name of suiteNames()) {
    const results = runSuite(loadSuite(name));
    const passed = results.filter((r) => r.pass).length;
    console.log(`dates: ${name}: ${passed}/${results.length} exact (${percent(passed, results.length)})`);
    const failures = results.filter((x) => !x.pass);
    for (const r of listAll ? failures : failures.slice(0, LISTED_FAILURES)) {
      console.log(`  ${r.text} @${r.ref}: expected ${r.expected}, got ${r.got.join(' | ') || 'nothing'}`);
    }
    if (!listAll && failures.length > LISTED_FAILURES) {
      console.log(`  ... ${failures.length - LISTED_FAILURES} more (npx tsx test/eval/dates.ts --all)`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await evaluate();
}
