/**
 * Command-line wiring shared by every command: the common options of the
 * contract, examples in `--help`, and turning user errors into one clear
 * line on stderr with exit code 2 (a stack trace only with `--debug`).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError, UsageError, messageOf } from './errors.js';
import { defaultJobs } from './pool.js';
import { runStage, type CommonOptions } from './runner.js';
import type { StageName } from '../stages/registry.js';

export function addCommonOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write records to FILE instead of stdout (FILE.gz is compressed)')
    .option('--jobs <n>', 'worker threads (0 = run in the main thread)', String(defaultJobs()))
    .option('--errors <file>', 'write each rejected input to FILE as JSONL {source, line, id, reason, error, raw}')
    .option('--strict', 'stop at the first rejected input')
    .option('-q, --quiet', 'print nothing on stderr but fatal errors')
    .addOption(new Option('--progress', 'show progress on stderr (default when stderr is a terminal)'))
    .addOption(new Option('--no-progress', 'never show progress'))
    .option('--timeout <seconds>', 'reject a record that runs longer than this in a worker', '120')
    .option('--worker-memory <mb>', 'heap limit per worker thread in MB; a record that exceeds it is rejected')
    .option('--debug', 'show stack traces of internal errors');
}

/** Adds an "Examples" section to `--help`. */
export function addExamples(command: Command, examples: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}

/** Validates a numeric option; throws UsageError naming the option. */
export function parseNumberOption(name: string, value: unknown, { integer = false, min = 0, exclusiveMin = false } = {}): number {
  const n = typeof value === 'number' ? value : Number(value);
  const tooSmall = exclusiveMin ? n <= min : n < min;
  if (typeof value === 'boolean' || value === '' || !Number.isFinite(n) || tooSmall || (integer && !Number.isInteger(n))) {
    const what = `${integer ? 'a whole number' : 'a number'} ${exclusiveMin ? '>' : '>='} ${min}`;
    throw new UsageError(`${name} must be ${what}, got '${String(value)}'`);
  }
  return n;
}

export function parseCommonOptions(raw: Record<string, unknown>): CommonOptions {
  const progress = raw.progress === undefined ? process.stderr.isTTY === true : raw.progress === true;
  const options: CommonOptions = {
    jobs: parseNumberOption('--jobs', raw.jobs, { integer: true }),
    strict: raw.strict === true,
    quiet: raw.quiet === true,
    progress,
    debug: raw.debug === true,
    timeoutMs: parseNumberOption('--timeout', raw.timeout, { min: 0, exclusiveMin: true }) * 1000,
  };
  if (typeof raw.output === 'string') options.output = raw.output;
  if (typeof raw.errors === 'string') options.errors = raw.errors;
  if (raw.workerMemory !== undefined) options.workerMemoryMb = parseNumberOption('--worker-memory', raw.workerMemory, { integer: true, min: 16 });
  return options;
}

/**
 * Wraps a command's action: its result is the exit code; UsageError and
 * InputError print one line and exit 2; anything else is a bug, reported
 * with a stack trace only under `--debug`.
 */
export function commandAction<A extends unknown[]>(name: string, action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const command = args[args.length - 1] as Command;
    const debug = command?.opts?.().debug === true;
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`qingxi ${name}: ${error.message}\n(see 'qingxi ${name} --help')\n`);
      } else if (error instanceof InputError) {
        process.stderr.write(`qingxi ${name}: ${error.source}: ${error.message}\n`);
      } else {
        process.stderr.write(`qingxi ${name}: internal error: ${messageOf(error)}\n`);
        if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
        else process.stderr.write('(run again with --debug for details, and please report it)\n');
      }
      process.exitCode = 2;
    }
  };
}

/** What a stage's subcommand needs to say about itself; the wiring is the same for all. */
export interface StageCommand<O> {
  name: StageName;
  description: string;
  /** Help for the `[inputs...]` argument. */
  inputs: string;
  inputKind: 'files' | 'jsonl';
  /** Adds the stage's own options. */
  addOptions(command: Command): Command;
  /** Validates the parsed options into the stage's (structured-cloneable) options; throws UsageError. */
  optionsFrom(raw: Record<string, unknown>): O;
  examples: string[];
}

/** Registers `qingxi <name> [inputs...]`: its options, the common ones, examples, and a run through the runner. */
export function registerStageCommand<O>(program: Command, spec: StageCommand<O>): Command {
  const command = program.command(spec.name).description(spec.description).argument('[inputs...]', spec.inputs);
  spec.addOptions(command);
  addCommonOptions(command);
  addExamples(command, spec.examples);
  return command.action(
    commandAction(spec.name, async (inputs: string[], raw: Record<string, unknown>) => {
      const outcome = await runStage({
        command: spec.name,
        stage: { name: spec.name },
        options: spec.optionsFrom(raw),
        inputs,
        inputKind: spec.inputKind,
        common: parseCommonOptions(raw),
      });
      return outcome.exitCode;
    }),
  );
}
