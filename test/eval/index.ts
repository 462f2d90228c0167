/**
 * `npm run eval`: quality scores on the seeds (fixtures/gold) and the 69 dev
 * pages (fixtures/web-extraction), one section per stage.
 */
import { evaluate as evaluateStrip } from './strip.js';
import { evaluate as evaluateDates } from './dates.js';
import { evaluate as evaluateExtract } from './extract.js';

for (const [name, evaluate] of [
  ['strip', evaluateStrip],
  ['dates', evaluateDates],
  ['extract', evaluateExtract],
] as const) {
  console.log(`\n## ${name}\n`);
  await evaluate();
}
