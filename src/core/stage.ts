/**
 * A stage is one pure function over a record, plus an optional one-time
 * set-up (loading a dictionary). The runner feeds it records in order, in the
 * main thread or in worker threads, and turns a thrown RecordError into a
 * reject with its reason. Options must be plain, structured-cloneable data,
 * because they are sent to the workers.
 */
import type { QRecord } from './record.js';

/** Where the record came from, for error messages and for decode's file reads. */
export interface StageContext {
  /** The input file (or `-` for stdin). */
  source: string;
  /** 1-based line number in `source`; 0 for whole-file inputs. */
  line: number;
  /** For decode: the file to read, when the input is a file rather than a JSONL record. */
  file?: string;
}

export interface Stage<O = unknown> {
  readonly name: string;
  /** Loads what `process` needs; called once per thread before the first record. */
  init?(options: O): Promise<void> | void;
  /** Returns the new record; throws RecordError to reject the input. */
  process(record: QRecord, options: O, context: StageContext): QRecord | Promise<QRecord>;
}
