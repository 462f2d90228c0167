/**
 * Errors users see. None of them prints a stack trace unless `--debug`.
 *
 * - UsageError: the command line is wrong (exit 2).
 * - InputError: an input could not be opened at all (exit 2 at the end of the run).
 * - RecordError: one record is bad; it goes to the rejects and the run goes on (exit 1).
 */

export class UsageError extends Error {
  override name = 'UsageError';
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
  }
}

export class RecordError extends Error {
  override name = 'RecordError';
  /** A short machine-readable reason, e.g. `invalid-json`, `missing-text`, `binary-file`. */
  readonly reason: string;
  constructor(reason: string, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * True for a RecordError, also one thrown by another copy of this module
 * (a stage loaded from `dist/` while the caller runs from `src/`).
 */
export function isRecordError(error: unknown): error is RecordError {
  return error instanceof RecordError || (error instanceof Error && error.name === 'RecordError' && typeof (error as RecordError).reason === 'string');
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of it is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
};

/** Human words for a file-system error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && FS_ERRORS[code]) return FS_ERRORS[code];
  return messageOf(error);
}
