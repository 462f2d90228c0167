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
    if (wantRecord) return { record: out };
    const spliced = stage.appends && task.raw !== undefined ? spliceAppended(task.raw, record, out, stage.appends) : undefined;
    return { line: spliced ?? JSON.stringify(out) };
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

const isJsonSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The output line of a stage that declares `appends` (see Stage): `raw`, the
 * line `record` was parsed from, with the fields `out` added spliced in
 * before its closing brace. The untouched fields keep their bytes.
 *
 * Returns undefined, and the caller serializes `out` whole, unless parsing
 * the spliced line gives what parsing JSON.stringify(out) gives, keys in the
 * same order: `record` must have none of the appended keys (else the key
 * would keep its earlier place), `out` must start with exactly `record`'s
 * keys and values and add only declared fields, and `raw` must be one line
 * (a line break inside, legal JSON whitespace, would split the output).
 *
 * Duplicate keys need no special case: JSON.parse keeps the last value of a
 * duplicate at the first one's place, the stage saw that value, and parsing
 * the spliced line resolves the duplicate the same way again.
 */
export function spliceAppended(raw: string, record: QRecord, out: QRecord, appends: readonly string[]): string | undefined {
  for (const key of appends) if (Object.hasOwn(record, key)) return undefined;
  const inKeys = Object.keys(record);
  const outKeys = Object.keys(out);
  if (outKeys.length < inKeys.length) return undefined;
  for (let i = 0; i < inKeys.length; i++) {
    const key = inKeys[i]!;
    if (outKeys[i] !== key || out[key] !== record[key]) return undefined;
  }
  // A prototype-less object: an appended `__proto__` would otherwise set its prototype.
  const added = Object.create(null) as Record<string, unknown>;
  for (let i = inKeys.length; i < outKeys.length; i++) {
    const key = outKeys[i]!;
    if (!appends.includes(key)) return undefined;
    added[key] = out[key];
  }
  let start = 0;
  let end = raw.length;
  while (start < end && isJsonSpace(raw.charCodeAt(start))) start++;
  while (end > start && isJsonSpace(raw.charCodeAt(end - 1))) end--;
  if (raw.charCodeAt(start) !== 0x7b || raw.charCodeAt(end - 1) !== 0x7d) return undefined;
  const newline = raw.indexOf('\n', start);
  if ((newline >= 0 && newline < end) || raw.lastIndexOf('\r', end - 1) >= start) return undefined;
  // `{"tokens":[…]}`; `{}` when every appended value serializes to nothing.
  const tail = JSON.stringify(added);
  if (tail.length === 2) return raw.slice(start, end);
  return raw.slice(start, end - 1) + (inKeys.length > 0 ? ',' : '') + tail.slice(1);
}
