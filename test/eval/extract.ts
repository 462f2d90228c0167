/**
 * extract eval: people, titles, dates, institutions and places on the seeds'
 * gold (fixtures/gold), plus an optional named-entity dev set, plus speed.
 *
 * - seeds: extract runs over the gold body (paragraphs joined with `\n`,
 *   metadata.published = gold published). People: precision and recall of the
 *   distinct person texts against gold `people`. Titles: a gold title counts
 *   when it equals the person's `role`, `org + title` or `title`. Dates: every
 *   gold date text with its exact ISO value. Institutions: recall of gold
 *   `orgs` among the distinct org texts and their linked `full` names. Places:
 *   count only (no gold).
 * - NER dev set: files named by QINGXI_NER_DEV (one sentence a line, entities
 *   marked `[中共中央]ORG`, `[江泽民]PER`, `[北京]LOC`, People's Daily / MSRA
 *   conventions): exact-span precision, recall and F1 per type. The MSRA NER
 *   data these conventions come from has no known licence, so no sample is
 *   bundled; point QINGXI_NER_DEV at a local one (colon-separated paths).
 *
 * Run: `npx tsx test/eval/extract.ts` (also part of `npm run eval`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Entity, EntityType } from '../../src/core/record.js';
import { extract } from '../../src/stages/extract/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GoldPage {
  id: string;
  body: string[];
  published?: string;
  people: string[];
  titles: Record<string, string>;
  dates: Record<string, string>;
  orgs: string[];
}

export interface SeedScores {
  people: { precision: number; recall: number; gold: number; found: number };
  titles: { found: number; gold: number };
  dates: { exact: number; gold: number };
  orgs: { found: number; gold: number };
  places: number;
  misses: string[];
}

export function loadGold(): GoldPage[] {
  const dir = `${ROOT}fixtures/gold/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as GoldPage);
}

export function entitiesOf(page: GoldPage): Entity[] {
  const text = page.body.join('\n');
  return extract({ id: page.id, text, metadata: page.published ? { published: page.published } : {} }).entities ?? [];
}

/** A gold title is found when it equals the person's role, org + title, or title. */
export function titleFound(entities: Entity[], name: string, gold: string): boolean {
  return entities.some(
    (e) => e.type === 'person' && e.text === name && (e.role === gold || `${e.org ?? ''}${e.title ?? ''}` === gold || e.title === gold),
  );
}

export function scoreSeeds(pages: GoldPage[]): SeedScores {
  const s: SeedScores = {
    people: { precision: 0, recall: 0, gold: 0, found: 0 },
    titles: { found: 0, gold: 0 },
    dates: { exact: 0, gold: 0 },
    orgs: { found: 0, gold: 0 },
    places: 0,
    misses: [],
  };
  let peopleHit = 0;
  for (const page of pages) {
    const entities = entitiesOf(page);
    const people = new Set(entities.filter((e) => e.type === 'person').map((e) => e.text));
    const gold = new Set(page.people);
    s.people.gold += gold.size;
    s.people.found += people.size;
    for (const p of gold) if (people.has(p)) peopleHit++;
    else s.misses.push(`${page.id} person ${p}`);
    for (const p of people) if (!gold.has(p)) s.misses.push(`${page.id} extra person ${p}`);
    for (const [name, title] of Object.entries(page.titles)) {
      s.titles.gold++;
      if (titleFound(entities, name, title)) s.titles.found++;
      else s.misses.push(`${page.id} title ${name}: ${title}`);
    }
    for (const [text, value] of Object.entries(page.dates)) {
      s.dates.gold++;
      if (entities.some((e) => e.type === 'date' && e.text === text && e.value === value)) s.dates.exact++;
      else s.misses.push(`${page.id} date ${text} = ${value}`);
    }
    const orgNames = new Set<string>();
    for (const e of entities) {
      if (e.type !== 'org') continue;
      orgNames.add(e.text);
      if (typeof e.full === 'string') orgNames.add(e.full);
    }
    for (const o of page.orgs) {
      s.orgs.gold++;
      if (orgNames.has(o)) s.orgs.found++;
      else s.misses.push(`${page.id} org ${o}`);
    }
    s.places += entities.filter((e) => e.type === 'place').length;
  }
  s.people.precision = s.people.found ? peopleHit / s.people.found : 1;
  s.people.recall = s.people.gold ? peopleHit / s.people.gold : 1;
  return s;
}

const NER_TYPES: Record<string, EntityType> = { PER: 'person', ORG: 'org', LOC: 'place' };

export interface NerScores {
  [type: string]: { tp: number; fp: number; fn: number };
}

/** Exact-span scores on sentences marked `[text]TYPE`. */
export function scoreNer(lines: string[]): NerScores {
  const scores: NerScores = { person: { tp: 0, fp: 0, fn: 0 }, org: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 } };
  for (const line of lines) {
    let text = '';
    const gold = new Set<string>();
    for (const m of line.matchAll(/\[([^\]]{1,200})\](PER|ORG|LOC)|([^[]{1,100000})/g)) {
      if (m[1] && m[2]) {
        const start = Array.from(text).length;
        text += m[1];
        gold.add(`${NER_TYPES[m[2]]}:${start}:${Array.from(text).length}`);
      } else text += m[3] ?? '';
    }
    const found = new Set(
      (extract({ text }, { types: ['person', 'org', 'place'] }).entities ?? []).map((e) => `${e.type}:${e.start}:${e.end}`),
    );
    for (const g of gold) {
      const s = scores[g.split(':')[0]!]!;
      if (found.has(g)) s.tp++;
      else s.fn++;
    }
    for (const f of found) if (!gold.has(f)) scores[f.split(':')[0]!]!.fp++;
  }
  return scores;
}

function pct(n: number): string {
  return n.toFixed(3);
}

function evaluateNer(): void {
  const paths = (process.env.QINGXI_NER_DEV ?? '').split(':').filter(Boolean);
  if (paths.length === 0) {
    console.log('  NER dev set: none (set QINGXI_NER_DEV to files of `[text]PER|ORG|LOC` sentences)');
    return;
  }
  const lines = paths.flatMap((p) => readFileSync(p, 'utf8').split('\n')).filter((l) => l.trim());
  const scores = scoreNer(lines);
  console.log(`  NER dev set: ${lines.length} sentences`);
  for (const [type, s] of Object.entries(scores)) {
    const p = s.tp / Math.max(1, s.tp + s.fp);
    const r = s.tp / Math.max(1, s.tp + s.fn);
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`    ${type.padEnd(6)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  (gold ${s.tp + s.fn})`);
  }
}

function timeExtract(): void {
  const dir = `${ROOT}fixtures/web-extraction/cleaned/`;
  const texts = readdirSync(dir).map((f) => readFileSync(dir + f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  extract({ text: texts[0] ?? '' });
  const start = performance.now();
  for (const text of texts) extract({ text });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  speed (one thread, for information; see npm run bench): ${(bytes / 1e6 / seconds).toFixed(2)} MB/s over ${texts.length} dev bodies`,
  );
}

export async function evaluate(): Promise<void> {
  console.log('extract');
  const s = scoreSeeds(loadGold());
  console.log(
    `  seeds people: precision ${pct(s.people.precision)}, recall ${pct(s.people.recall)} (gold ${s.people.gold}, found ${s.people.found}); targets >= 0.90, >= 0.95`,
  );
  console.log(`  seeds titles: ${s.titles.found}/${s.titles.gold} = ${pct(s.titles.found / s.titles.gold)}; target >= 0.85`);
  console.log(`  seeds dates exact: ${s.dates.exact}/${s.dates.gold}; target all`);
  console.log(`  seeds institutions recall: ${s.orgs.found}/${s.orgs.gold} = ${pct(s.orgs.found / s.orgs.gold)}; target >= 0.90`);
  console.log(`  seeds places found: ${s.places}`);
  for (const m of s.misses) console.log(`    miss: ${m}`);
  evaluateNer();
  timeExtract();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await evaluate();
}
