import type { Command } from 'commander';
import { addCommonOptions, addExamples, commandAction, parseCommonOptions } from '../../core/cli-common.js';
import { UsageError } from '../../core/errors.js';
import { runStage } from '../../core/runner.js';
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
  const command = program
    .command('run')
    .description('decode, strip, segment and extract in one process: pages in, finished records out')
    .argument('[inputs...]', 'files, directories, globs, or - for JSONL records with "path" (or one path per line) on stdin')
    .option('--skip <stages>', `leave out some of ${SKIPPABLE.join(', ')} (comma-separated)`);
  addDecodeOptions(command);
  addStripOptions(command);
  addSegmentOptions(command);
  addExtractOptions(command);
  addCommonOptions(command);
  addExamples(command, [
    "qingxi run 'pages/**/*.html' -o corpus.jsonl --errors rejects.jsonl",
    'qingxi run crawl/ --skip segment --types person,org | qingxi check --annotate > checked.jsonl',
  ]);
  command.action(
    commandAction('run', async (inputs: string[], raw: Record<string, unknown>) => {
      const options: RunOptions = {
        decode: decodeOptionsFrom(raw),
        strip: stripOptionsFrom(raw),
        segment: segmentOptionsFrom(raw),
        extract: extractOptionsFrom(raw),
        skip: skipFrom(raw.skip),
      };
      const outcome = await runStage({ command: 'run', stage: { name: 'run' }, options, inputs, inputKind: 'files', common: parseCommonOptions(raw) });
      return outcome.exitCode;
    }),
  );
}
