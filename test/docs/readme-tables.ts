/**
 * The README's tables of strip's removal reasons and check's signals come
 * from the code (REASONS, SIGNALS), so they cannot drift: this module renders
 * them, `npx tsx test/docs/readme-tables.ts` writes them into README.md, and
 * test/docs/readme.test.ts fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REASONS } from '../../src/stages/strip/reasons.js';
import { SIGNALS } from '../../src/stages/check/signals.js';

export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

function table(header: [string, string], rows: Record<string, string>): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return [`| ${header[0]} | ${header[1]} |`, '| --- | --- |', ...Object.entries(rows).map(([k, v]) => `| \`${k}\` | ${escape(v)} |`)].join('\n');
}

export function renderedSections(): Record<string, string> {
  return {
    reasons: table(['reason', 'what strip removed'], REASONS),
    signals: table(['signal', 'definition'], SIGNALS),
  };
}

/** README text with every generated section replaced by its current rendering. */
export function withGeneratedSections(readme: string): string {
  let out = readme;
  for (const [name, body] of Object.entries(renderedSections())) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
    out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(README, withGeneratedSections(readFileSync(README, 'utf8')));
}
