/**
 * The streaming loop every command shares: read inputs in order, cut them into
 * batches, run the batches through an executor with a bounded number in
 * flight, and write results in input order. Each input comes out either as a
 * record or as a reject (stderr, `--errors FILE`), and the summary on stderr
 * says how many of each: records in = records out + rejected, always.
 */
import { InputError } from './errors.js';
import { expandInputs, readLines, JSONL_EXTENSIONS, PAGE_EXTENSIONS, STDIN } from './inputs.js';
import { LineWriter } from './output.js';
import { startExecutor } from './pool.js';
import { Reporter } from './report.js';
import type { QRecord } from './record.js';
import type { StageContext } from './stage.js';
import type { Reject, Task, TaskResult } from './task.js';
import type { StageRef } from '../stages/registry.js';

export interface CommonOptions {
  /** Output file; stdout when absent. */
  output?: string;
  /** Worker threads; 0 = main thread. */
  jobs: number;
  /** File collecting rejected inputs as JSONL `{source, line, id, reason, error, raw}`. */
  errors?: string;
  /** Stop at the first rejected input. */
  strict: boolean;
  quiet: boolean;
  progress: boolean;
  /** Show stack traces of internal errors. */
  debug: boolean;
  /** Per-record time limit in worker threads, milliseconds. */
  timeoutMs: number;
  /** Heap limit per worker thread, MB. */
  workerMemoryMb?: number;
}

export interface RunSpec {
  /** The command name shown in messages. */
  command: string;
  stage: StageRef;
  options: unknown;
  inputs: string[];
  /** `files`: inputs are pages to read (decode, run); `jsonl`: inputs are JSONL records. */
  inputKind: 'files' | 'jsonl';
  common: CommonOptions;
  /**
   * Runs in the main thread, in input order, on each processed record
   * (check's duplicate detection). Returns the record to write, or null.
   */
  after?(record: QRecord, context: StageContext): QRecord | null;
  /** False when the command prints a report instead of records. */
  writeRecords?: boolean;
}

export interface RunOutcome {
  exitCode: number;
  in: number;
  out: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  seconds: number;
  /** Stopped by SIGINT/SIGTERM, `--strict`, or a closed stdout. */
  interrupted: boolean;
}

/** Tasks per batch sent to a thread, and a cap on the text they carry. */
const BATCH_TASKS = 64;
const BATCH_FILES = 8;
const BATCH_CHARS = 1 << 20;
/** Batches in flight per thread: enough to keep threads busy, few enough to keep memory flat. */
const WINDOW_PER_JOB = 3;

type SourceItem = { task: Task } | { problem: InputError };

/** Reads inputs as tasks, in order. */
async function* readTasks(spec: RunSpec): AsyncGenerator<SourceItem> {
  const extensions = spec.inputKind === 'files' ? PAGE_EXTENSIONS : JSONL_EXTENSIONS;
  for await (const entry of expandInputs(spec.inputs, extensions)) {
    if ('problem' in entry) {
      yield { problem: entry.problem };
      continue;
    }
    const source = entry.path;
    if (spec.inputKind === 'files' && source !== STDIN) {
      yield { task: { source, line: 0, file: source } };
      continue;
    }
    try {
      for await (const event of readLines(source)) {
        const where = { source, line: event.line };
        if ('text' in event) {
          // decode also takes plain paths, one per line (`find … | qingxi decode`).
          const isPath = spec.inputKind === 'files' && !event.text.trimStart().startsWith('{');
          yield { task: isPath ? { ...where, file: event.text.trim() } : { ...where, raw: event.text, bytes: event.bytes } };
        } else if ('invalid' in event) {
          const reject: Reject = { reason: 'invalid-utf8', message: 'line is not valid UTF-8 (is the file in another encoding? decode it first)' };
          yield { task: { ...where, raw: event.invalid.toString('base64'), reject } };
        } else {
          yield { task: { ...where, reject: { reason: 'read-error', message: event.failure } } };
        }
      }
    } catch (error) {
      if (error instanceof InputError) yield { problem: error };
      else throw error;
    }
  }
}

export async function runStage(spec: RunSpec): Promise<RunOutcome> {
  const { common } = spec;
  const reporter = new Reporter(spec.command, common);
  const writer = spec.writeRecords === false ? null : await LineWriter.open(common.output);
  const errorLog = common.errors ? await LineWriter.open(common.errors) : null;
  const executor = await startExecutor({
    stage: spec.stage,
    options: spec.options,
    wantRecords: spec.after !== undefined,
    jobs: common.jobs,
    timeoutMs: common.timeoutMs,
    ...(common.workerMemoryMb ? { workerMemoryMb: common.workerMemoryMb } : {}),
  });

  let stopped: 'signal' | 'strict' | 'closed' | null = null;
  let signalName: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped === 'signal') process.exit(signal === 'SIGINT' ? 130 : 143);
    stopped = 'signal';
    signalName = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let openFailures = 0;
  const reject = async (task: Task, why: Reject) => {
    reporter.rejected(task, why);
    if (errorLog) {
      const entry: Record<string, unknown> = { source: task.source, line: task.line };
      if (why.id !== undefined) entry.id = why.id;
      entry.reason = why.reason;
      entry.error = why.message;
      if (task.file !== undefined) entry.file = task.file;
      if (task.raw !== undefined) entry[why.reason === 'invalid-utf8' ? 'raw_base64' : 'raw'] = task.raw;
      await errorLog.write(JSON.stringify(entry));
    }
    if (common.strict && stopped === null) stopped = 'strict';
  };

  const deliver = async (task: Task, result: TaskResult) => {
    if (stopped === 'strict' || stopped === 'closed') return;
    if ('reject' in result) {
      if (result.reject.reason === 'unreadable-file') openFailures++;
      await reject(task, result.reject);
      return;
    }
    let line: string | null;
    if ('record' in result) {
      const kept = spec.after!(result.record, { source: task.source, line: task.line, ...(task.file ? { file: task.file } : {}) });
      line = kept && writer ? JSON.stringify(kept) : null;
    } else {
      line = result.line;
    }
    reporter.processed(task);
    if (line !== null && writer) {
      await writer.write(line);
      if (writer.closed) stopped = 'closed';
    }
  };

  const inFlight: { tasks: Task[]; results: Promise<TaskResult[]> }[] = [];
  const window = Math.max(1, common.jobs) * WINDOW_PER_JOB;
  const drainOldest = async () => {
    const batch = inFlight.shift()!;
    const results = await batch.results;
    for (let i = 0; i < batch.tasks.length; i++) await deliver(batch.tasks[i]!, results[i]!);
  };

  let batch: Task[] = [];
  let batchChars = 0;
  const submit = async () => {
    if (batch.length === 0) return;
    inFlight.push({ tasks: batch, results: executor.run(batch) });
    batch = [];
    batchChars = 0;
    while (inFlight.length >= window) await drainOldest();
  };

  try {
    for await (const item of readTasks(spec)) {
      if (stopped) break;
      if ('problem' in item) {
        openFailures++;
        if (spec.inputKind === 'files') {
          await submit();
          while (inFlight.length) await drainOldest();
          await reject({ source: item.problem.source, line: 0 }, { reason: 'unreadable-file', message: item.problem.message });
        } else {
          reporter.inputProblem(item.problem);
          await errorLog?.write(JSON.stringify({ source: item.problem.source, line: 0, reason: 'unreadable-file', error: item.problem.message }));
        }
        continue;
      }
      const task = item.task;
      reporter.read(task);
      batch.push(task);
      batchChars += task.raw?.length ?? 0;
      const limit = task.file !== undefined ? BATCH_FILES : BATCH_TASKS;
      if (batch.length >= limit || batchChars >= BATCH_CHARS) await submit();
    }
    await submit();
    while (inFlight.length) await drainOldest();
  } finally {
    await executor.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await writer?.end();
  await errorLog?.end();

  const outcome = reporter.finish();
  let exitCode = outcome.rejected > 0 ? 1 : 0;
  if (openFailures > 0) exitCode = 2;
  if (signalName) exitCode = signalName === 'SIGINT' ? 130 : 143;
  if (stopped === 'closed') exitCode = 0;
  else reporter.printSummary(outcome, stopped === 'signal' ? `interrupted by ${signalName}` : stopped === 'strict' ? 'stopped at the first reject (--strict)' : null);
  return { ...outcome, exitCode, interrupted: stopped !== null };
}
