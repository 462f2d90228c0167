/** Named numbers of data/detection.txt (scores, margins, sample sizes). */
import { readTable } from '../../core/wordlist.js';

const PARAMS = new Map(readTable('stages/decode/data/detection.txt').map(([name, value]) => [name!, Number(value)]));

export function param(name: string): number {
  const value = PARAMS.get(name);
  if (value === undefined || Number.isNaN(value)) throw new Error(`decode: data/detection.txt has no number "${name}"`);
  return value;
}
