/**
 * strip eval: body character-bigram F1 against gold, titles and dates.
 *
 * - seeds (fixtures/gold): F1 per page, mean, min; title exact; published.
 * - dev pages (fixtures/web-extraction, 69 raw HTML pages): F1 per page for
 *   strip, Mozilla Readability (jsdom, textContent of its article) and an
 *   all-visible-text baseline; date accuracy at the gold's precision; author
 *   agreement where the gold knows the author; single-thread speed.
 *
 * Run: `npx tsx test/eval/strip.ts` (also part of `npm run eval`).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { load } from 'cheerio/slim';
import { JSDOM, VirtualConsole } from 'jsdom';
import { strip } from '../../src/stages/strip/index.js';
import { loadDevPages, loadSeeds, type DevPage } from '../strip/pages.js';
import { bigramF1, mean } from './score.js';

function f3(n: number): string {
  return n.toFixed(3);
}

function readabilityText(html: string): string {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  return new Readability(dom.window.document).parse()?.textContent ?? '';
}

function visibleText(html: string): string {
  const $ = load(html);
  $('script,style,noscript,template').remove();
  return $.root().text();
}

/** Gold `2005-5-7 21:23:57` → [2005, 5, 7, 21, 23, 57] at its own precision. */
function dateParts(s: string): number[] {
  return (s.match(/\d+/g) ?? []).map(Number);
}

/** Ours matches the gold on every field the gold gives. */
export function dateMatches(ours: string | undefined, gold: string): boolean {
  if (!ours) return false;
  const g = dateParts(gold);
  const o = dateParts(ours);
  return g.every((v, i) => o[i] === v);
}

async function evaluateSeeds(): Promise<void> {
  console.log('strip · seeds (fixtures/seeds vs fixtures/gold)');
  console.log('  page                    F1     title  published');
  const scores: number[] = [];
  let titles = 0;
  let published = 0;
  let stated = 0;
  for (const seed of loadSeeds()) {
    const out = strip({ id: seed.id, text: seed.text });
    const f1 = bigramF1(out.text ?? '', seed.gold.body.join('\n')).f1;
    scores.push(f1);
    const titleOk = out.metadata?.title === seed.gold.title;
    if (titleOk) titles++;
    let pub = '-';
    if (seed.gold.published) {
      stated++;
      const ok = out.metadata?.published === seed.gold.published;
      if (ok) published++;
      pub = ok ? 'ok' : `no (${out.metadata?.published ?? 'none'})`;
    } else if (out.metadata?.published) pub = `extra (${out.metadata.published})`;
    console.log(`  ${seed.id.padEnd(22)}  ${f3(f1)}  ${titleOk ? 'ok   ' : 'no   '}  ${pub}`);
  }
  console.log(
    `  mean ${f3(mean(scores))}  min ${f3(Math.min(...scores))}  titles ${titles}/${scores.length}  published ${published}/${stated}`,
  );
}

async function evaluateDev(pages: DevPage[]): Promise<void> {
  console.log(`\nstrip · dev pages (fixtures/web-extraction, ${pages.length} pages): body bigram F1`);
  const ours: number[] = [];
  const theirs: number[] = [];
  const baseline: number[] = [];
  const rows: string[] = [];
  let datesKnown = 0;
  let datesRight = 0;
  let authorsKnown = 0;
  let authorsRight = 0;
  let creditedRight = 0;
  for (const page of pages) {
    const out = strip({ id: page.id, text: page.html, format: page.format });
    const f = bigramF1(out.text ?? '', page.gold).f1;
    const r = bigramF1(readabilityText(page.html), page.gold).f1;
    const v = bigramF1(visibleText(page.html), page.gold).f1;
    ours.push(f);
    theirs.push(r);
    baseline.push(v);
    rows.push(`${page.id.slice(0, 8)} ${f3(f)} ${f3(r)}${f + 0.02 < r ? '!' : ' '}`);
    if (page.date) {
      datesKnown++;
      if (dateMatches(out.metadata?.published, page.date)) datesRight++;
    }
    if (page.authors) {
      authorsKnown++;
      const authors = out.metadata?.authors ?? [];
      // The dataset names whoever the page credits, often the editor when no author is given.
      const credited = [...authors, ...(out.metadata?.editors ?? [])];
      if (page.authors.some((a) => authors.includes(a))) authorsRight++;
      if (page.authors.some((a) => credited.includes(a))) creditedRight++;
    }
  }
  console.log('  page     strip readab  (! = strip behind Readability by > 0.02)');
  for (let i = 0; i < rows.length; i += 4) console.log('  ' + rows.slice(i, i + 4).join('   '));
  console.log(
    `  mean: strip ${f3(mean(ours))}  Mozilla Readability ${f3(mean(theirs))}  all visible text ${f3(mean(baseline))}`,
  );
  console.log(`  min: strip ${f3(Math.min(...ours))}; pages below 0.8: ${ours.filter((s) => s < 0.8).length}`);
  console.log(`  published right (at the gold's precision): ${datesRight}/${datesKnown}`);
  console.log(
    `  author found: among metadata.authors ${authorsRight}/${authorsKnown}, among authors or editors ${creditedRight}/${authorsKnown}`,
  );
}

function timeStrip(pages: DevPage[]): void {
  const rounds = 5;
  const bytes = pages.reduce((n, p) => n + p.bytes.length, 0);
  for (const p of pages) strip({ text: p.html, format: p.format });
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pages) strip({ text: p.html, format: p.format });
  const seconds = (performance.now() - start) / 1000;
  const n = pages.length * rounds;
  console.log(
    `  speed (one thread, for information; see npm run bench): ${(n / seconds).toFixed(0)} pages/s, ` +
      `${((bytes * rounds) / 1e6 / seconds).toFixed(1)} MB/s, mean page ${(bytes / pages.length / 1024).toFixed(0)} KB`,
  );
}

export async function evaluate(): Promise<void> {
  await evaluateSeeds();
  const pages = loadDevPages();
  await evaluateDev(pages);
  timeStrip(pages);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await evaluate();
}
