import type { Command } from 'commander';
import { registerStageCommand } from '../../core/cli-common.js';
import { UsageError } from '../../core/errors.js';
import { readUserDictionary, type SegmentOptions } from './index.js';

export function segmentOptionsFrom(raw: Record<string, unknown>): SegmentOptions {
  const mode = raw.mode ?? 'default';
  if (mode !== 'default' && mode !== 'search') throw new UsageError(`--mode must be 'default' or 'search', got '${String(mode)}'`);
  const options: SegmentOptions = { mode, pos: raw.pos === true, hmm: raw.hmm !== false };
  if (typeof raw.dict === 'string') {
    readUserDictionary(raw.dict); // reports a bad dictionary once, here, with file:line
    options.dict = raw.dict;
  }
  return options;
}

export function addSegmentOptions(command: Command): Command {
  return command
    .option('--pos', 'add "pos": one part-of-speech tag per token')
    .option('--dict <file>', "user dictionary in jieba's format: 'word [frequency] [tag]' per line")
    .option('--mode <mode>', "'default', or 'search' (long words split into dictionary sub-words)", 'default')
    .option('--no-hmm', 'do not guess words missing from the dictionary');
}

export function registerSegment(program: Command): void {
  registerStageCommand(program, {
    name: 'segment',
    description: 'cut "text" into words (jieba): adds "tokens", and "pos" with --pos',
    inputs: 'JSONL files, globs or - (stdin, the default)',
    inputKind: 'jsonl',
    addOptions: addSegmentOptions,
    optionsFrom: segmentOptionsFrom,
    examples: [
      'qingxi strip pages.jsonl | qingxi segment --pos > words.jsonl',
      'qingxi segment --dict names.txt --mode search clean.jsonl -o tokens.jsonl',
    ],
  });
}
