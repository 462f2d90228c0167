/**
 * Date eval: the gold dates of the seed pages, and exact-match accuracy on
 * the third-party suites of Chinese time expressions in
 * test/fixtures/dates/*.jsonl. Run: npx tsx test/eval/dates.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
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
    const got = findDates(c.text, { iso: c.ref, explicit: true }).map((e) => `${e.text}=${e.value}`);
    const values = findDates(c.text, { iso: c.ref, explicit: true }).map((e) => e.value);
    return { ...c, got, pass: values.length === 1 && values[0] === c.expected };
  });
}

const percent = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

export async function evaluate(): Promise<void> {
  const gold = goldDates();
  const found = gold.filter((g) => g.got === g.expected).length;
  console.log(`dates: seed gold dates found with the exact value: ${found}/${gold.length}`);
  for (const g of gold.filter((r) => r.got !== r.expected)) {
    console.log(`  miss ${g.id} ${g.text}: expected ${g.expected}, got ${g.got ?? 'nothing'}`);
  }
  for (const name of suiteNames()) {
    const results = runSuite(loadSuite(name));
    const passed = results.filter((r) => r.pass).length;
    console.log(`dates: ${name}: ${passed}/${results.length} exact (${percent(passed, results.length)})`);
    for (const r of results.filter((x) => !x.pass)) {
      console.log(`  ${r.text} @${r.ref}: expected ${r.expected}, got ${r.got.join(' | ') || 'nothing'}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await evaluate();
}
