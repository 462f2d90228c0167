/**
 * The unit of work the runner hands to a thread: one JSONL line or one file,
 * with where it came from. Parsing, the stage itself and serializing all
 * happen here, so with `--jobs N` the JSON work is spread over the workers
 * too, and the main thread only moves strings.
 */
import { RecordError, isRecordError, messageOf } from './errors.js';
import { isPlainObject, type QRecord } from './record.js';
import type { Stage, StageContext } from './stage.js';

export interface Task {
  source: string;
  line: number;
  /** A JSONL line. */
  raw?: string;
  /** Size of the input in bytes, when known (for MB/s). */
  bytes?: number;
  /** A file to decode (decode's inputs). */
  file?: string;
  /** Already rejected while reading (invalid UTF-8, truncated gzip): passed through in order. */
  reject?: Reject;
}

export interface Reject {
  /** Machine-readable reason, e.g. `invalid-json`, `missing-text`, `worker-crashed`. */
  reason: string;
  message: string;
  /** The record's id, when it had one. */
  id?: string;
  /** For internal errors only; printed with `--debug`. */
  stack?: string;
}

export type TaskResult = { line: string } | { record: QRecord } | { reject: Reject };

/** Parses one JSONL line into a record; JSON that is not an object is rejected. */
export function parseRecord(raw: string): QRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new RecordError('invalid-json', `invalid JSON: ${messageOf(error)}`);
  }
  if (!isPlainObject(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw new RecordError('not-an-object', `a record must be a JSON object, got ${kind}`);
  }
  return value as QRecord;
}

/** Runs `stage` on one task. Never throws: failures come back as rejects. */
export async function runTask<O>(stage: Stage<O>, options: O, task: Task, wantRecord: boolean): Promise<TaskResult> {
  if (task.reject) return { reject: task.reject };
  let id: string | undefined;
  try {
    const record: QRecord = task.raw !== undefined ? parseRecord(task.raw) : {};
    if (typeof record.id === 'string') id = record.id;
    const context: StageContext = { source: task.source, line: task.line };
    if (task.file !== undefined) context.file = task.file;
    const out = await stage.process(record, options, context);
    return wantRecord ? { record: out } : { line: JSON.stringify(out) };
  } catch (error) {
    const reject: Reject =
      isRecordError(error)
        ? { reason: error.reason, message: error.message }
        : { reason: 'internal-error', message: `internal error in ${stage.name}: ${messageOf(error)}` };
    if (id !== undefined) reject.id = id;
    if (!isRecordError(error) && error instanceof Error && error.stack) reject.stack = error.stack;
    return { reject };
  }
}
