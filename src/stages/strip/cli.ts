import type { Command } from 'commander';
import { parseNumberOption, registerStageCommand } from '../../core/cli-common.js';
import type { StripOptions } from './index.js';

export function addStripOptions(command: Command): Command {
  return command
    .option('--explain', 'add "removed": [{text, reason}] for every piece taken out')
    .option('--keep-raw', 'keep the original text in "raw"')
    .option('--min-chars <n>', 'reject records whose body has fewer characters than this (whitespace excluded)', '0')
    .option('--to-simplified', 'convert traditional to simplified Chinese (opencc-js); off by default');
}

export function stripOptionsFrom(raw: Record<string, unknown>): StripOptions {
  return {
    explain: raw.explain === true,
    keepRaw: raw.keepRaw === true,
    minChars: parseNumberOption('--min-chars', raw.minChars ?? 0, { integer: true }),
    toSimplified: raw.toSimplified === true,
  };
}

export function registerStrip(program: Command): void {
  registerStageCommand(program, {
    name: 'strip',
    description: 'keep the article: clean body text (one paragraph per line) and metadata (title, published, source, authors, ...)',
    inputs: 'JSONL files, globs or - (stdin, the default); records need "text" (format html, markdown or text)',
    inputKind: 'jsonl',
    addOptions: addStripOptions,
    optionsFrom: stripOptionsFrom,
    examples: [
      "qingxi decode 'pages/**/*.html' | qingxi strip > articles.jsonl",
      'qingxi strip --explain crawled.jsonl | jq -c .removed',
      'qingxi strip --min-chars 200 --errors short.jsonl pages.jsonl -o articles.jsonl',
    ],
  });
}
