import type { Command } from 'commander';
import { addCommonOptions, addExamples, commandAction, parseCommonOptions, parseNumberOption } from '../../core/cli-common.js';
import { UsageError } from '../../core/errors.js';
import type { Quality } from '../../core/record.js';
import { runStage } from '../../core/runner.js';
import { applyDuplicate, duplicateIndexFor, loadRules, wantsDuplicates, type CheckOptions, type CheckSummary } from './index.js';
import { CheckReport, githubAnnotation, renderTable, toJSON } from './report.js';

interface CheckCliOptions {
  check: CheckOptions;
  json: boolean;
  annotate: boolean;
  github: boolean;
  maxFailRatio: number;
}

export function checkOptionsFrom(raw: Record<string, unknown>): CheckCliOptions {
  const format = raw.format ?? 'text';
  if (format !== 'text' && format !== 'github') throw new UsageError(`--format must be 'text' or 'github', got '${String(format)}'`);
  const maxFailRatio = parseNumberOption('--max-fail-ratio', raw.maxFailRatio ?? 0);
  if (maxFailRatio > 1) throw new UsageError(`--max-fail-ratio is a share of records between 0 and 1, got '${String(raw.maxFailRatio)}'`);
  const options: CheckCliOptions = {
    check: { rules: loadRules(typeof raw.rules === 'string' ? raw.rules : undefined), summaryOnly: raw.annotate !== true },
    json: raw.json === true,
    annotate: raw.annotate === true,
    github: format === 'github',
    maxFailRatio,
  };
  const onStdout = [options.json && '--json', options.github && '--format github', options.annotate && raw.output === undefined && '--annotate'];
  const claims = onStdout.filter((claim): claim is string => typeof claim === 'string');
  if (claims.length > 1) {
    throw new UsageError(`${claims.join(' and ')} would both write to stdout; send the records elsewhere with --annotate -o FILE, or pick one`);
  }
  return options;
}

/**
 * Writes lines to stdout until its reader goes away (`qingxi check … | head`):
 * then the rest are dropped quietly and the run still ends with its verdict.
 */
function stdoutLines(): (line: string) => void {
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (line) => {
    if (!closed) process.stdout.write(`${line}\n`);
  };
}

export function registerCheck(program: Command): void {
  const command = program
    .command('check')
    .description('data-quality gate: measure each record, fail the rules it breaks, find duplicates; exit 1 on failures')
    .argument('[inputs...]', 'JSONL files, globs or - (stdin, the default)')
    .option('--rules <file>', 'JSON merged over the default rules: {"too-short": {"min": 20}, "list-like": {"enabled": true}}')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--annotate', 'write every record with its "quality" field (to stdout, or -o FILE)')
    .option('--format <format>', "'text' (a table on stderr), or 'github' (also ::error annotations on stdout)", 'text')
    .option('--max-fail-ratio <r>', 'exit 0 while at most this share of records fails', '0');
  addCommonOptions(command);
  addExamples(command, [
    'qingxi check clean.jsonl',
    'qingxi check clean.jsonl --annotate -o checked.jsonl --json > summary.json',
    'qingxi check --rules rules.json --max-fail-ratio 0.05 --format github data/*.jsonl',
  ]);
  command.action(
    commandAction('check', async (inputs: string[], raw: Record<string, unknown>) => {
      const options = checkOptionsFrom(raw);
      const common = parseCommonOptions(raw);
      const rules = options.check.rules;
      const report = new CheckReport(rules);
      const duplicates = wantsDuplicates(rules) ? duplicateIndexFor(rules) : null;
      const print = options.github || options.json ? stdoutLines() : null;
      const outcome = await runStage({
        command: 'check',
        stage: { name: 'check' },
        options: options.check,
        inputs,
        inputKind: 'jsonl',
        common,
        writeRecords: options.annotate,
        after(record, context) {
          const id = typeof record.id === 'string' ? record.id : `${context.source}:${context.line}`;
          if (duplicates) {
            // With --annotate the whole record is here; otherwise the worker took the fingerprint (CheckSummary).
            const fingerprint = (record as CheckSummary).fingerprint;
            applyDuplicate(record, fingerprint ? duplicates.insertFingerprint(id, fingerprint) : duplicates.insert(id, record.text as string), rules);
          }
          const quality = record.quality as Quality;
          report.add(quality, { id, source: context.source, line: context.line });
          if (options.github && quality.failed.length > 0) {
            print?.(githubAnnotation({ id, source: context.source, line: context.line, failed: quality.failed, duplicate_of: quality.duplicate_of }));
          }
          return options.annotate ? record : null;
        },
      });
      report.run = outcome;
      if (!common.quiet) process.stderr.write(`${renderTable(report, { color: process.stderr.isTTY === true })}\n`);
      if (options.json) print?.(JSON.stringify(toJSON(report), null, 2));
      if (outcome.exitCode !== 0) return outcome.exitCode;
      return report.failRatio > options.maxFailRatio ? 1 : 0;
    }),
  );
}
