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
  /**
   * Optional: the fields this stage only ever appends. Declaring them is a
   * promise that, when the input record has none of these keys, `process`
   * returns the input's keys in their order with the very same values (it
   * neither changes, removes nor mutates them, nested values included),
   * followed by some of these fields. The output line is then the input line
   * with the appended fields spliced in before its closing `}`: the
   * untouched fields are not serialized again and keep their bytes (big
   * integers included). task.ts checks the key order and value identity and
   * serializes the whole record when they do not hold, or when the input has
   * one of these keys.
   */
  readonly appends?: readonly string[];
}
