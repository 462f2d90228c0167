import type { Command } from 'commander';
import { registerStageCommand } from '../../core/cli-common.js';
import { UsageError } from '../../core/errors.js';
import { addDecodeOptions, decodeOptionsFrom } from '../decode/cli.js';
import { addExtractOptions, extractOptionsFrom } from '../extract/cli.js';
import { addSegmentOptions, segmentOptionsFrom } from '../segment/cli.js';
import { addStripOptions, stripOptionsFrom } from '../strip/cli.js';
import { SKIPPABLE, type RunOptions, type SkippableStage } from './index.js';

function skipFrom(raw: unknown): SkippableStage[] {
  if (typeof raw !== 'string') return [];
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !SKIPPABLE.includes(n as SkippableStage));
  if (unknown.length) throw new UsageError(`--skip takes some of ${SKIPPABLE.join(', ')}; unknown: ${unknown.join(', ')}`);
  return names as SkippableStage[];
}

export function registerRun(program: Command): void {
  registerStageCommand(program, {
    name: 'run',
    description: 'decode, strip, segment and extract in one process: pages in, finished records out',
    inputs: 'files, directories, globs, or - for JSONL records with "path" (or one path per line) on stdin',
    inputKind: 'files',
    addOptions: (command) => {
      command.option('--skip <stages>', `leave out some of ${SKIPPABLE.join(', ')} (comma-separated)`);
      return addExtractOptions(addSegmentOptions(addStripOptions(addDecodeOptions(command))));
    },
    optionsFrom: (raw): RunOptions => ({
      decode: decodeOptionsFrom(raw),
      strip: stripOptionsFrom(raw),
      segment: segmentOptionsFrom(raw),
      extract: extractOptionsFrom(raw),
      skip: skipFrom(raw.skip),
    }),
    examples: [
      "qingxi run 'pages/**/*.html' -o corpus.jsonl --errors rejects.jsonl",
      'qingxi run crawl/ --skip segment --types person,org | qingxi check --annotate > checked.jsonl',
    ],
  });
}
