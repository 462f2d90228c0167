/**
 * Turning command-line inputs into a stream of work: file paths (for decode)
 * or JSONL lines (for every other stage).
 *
 * Inputs are files, directories (walked recursively for the right
 * extensions), glob patterns, or `-` for stdin (the default). Files ending in
 * `.gz` are gunzipped on the fly. Lines are split on bytes, so a line of
 * invalid UTF-8 becomes one reject instead of silently corrupted text, and a
 * 100 MB line costs one 100 MB string, not a quadratic rebuild.
 */
import { createReadStream, promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import fg from 'fast-glob';
import { InputError, describeFsError } from './errors.js';

export const STDIN = '-';

/** Extensions decode picks up when walking a directory (each also as `.gz`). */
export const PAGE_EXTENSIONS = ['html', 'htm', 'shtml', 'xhtml', 'txt', 'md', 'markdown'];
/** Extensions the JSONL stages pick up when walking a directory (each also as `.gz`). */
export const JSONL_EXTENSIONS = ['jsonl', 'ndjson', 'json'];

/** One input file found, or a problem with one input, in command-line order. */
export type InputEntry = { path: string } | { problem: InputError };

function hasExtension(file: string, extensions: readonly string[]): boolean {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  return dot >= 0 && extensions.includes(name.slice(dot + 1));
}

async function statOrNull(p: string, follow: boolean): Promise<Stats | null> {
  try {
    return follow ? await fsp.stat(p) : await fsp.lstat(p);
  } catch {
    return null;
  }
}

/** Files under `dir` with one of `extensions`, sorted, following no symlinked directories. */
async function* walkDirectory(dir: string, extensions: readonly string[]): AsyncGenerator<InputEntry> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { problem: new InputError(dir, `cannot read directory: ${describeFsError(error)}`) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* walkDirectory(full, extensions);
    } else if (hasExtension(entry.name, extensions)) {
      if (entry.isSymbolicLink() && !(await statOrNull(full, true))) {
        yield { problem: new InputError(full, 'dangling symbolic link') };
      } else {
        yield { path: full };
      }
    }
  }
}

/**
 * Expands inputs in order. A plain path that does not exist, or a pattern that
 * matches nothing, is a problem (the run exits 2); directories matched by a
 * glob are skipped, as a shell's `cat *` would not read them; dangling
 * symlinks are reported.
 */
export async function* expandInputs(inputs: readonly string[], extensions: readonly string[]): AsyncGenerator<InputEntry> {
  for (const input of inputs.length ? inputs : [STDIN]) {
    if (input === STDIN) {
      yield { path: STDIN };
      continue;
    }
    const stats = await statOrNull(input, true);
    if (stats?.isDirectory()) {
      yield* walkDirectory(input, extensions);
      continue;
    }
    if (stats) {
      yield { path: input };
      continue;
    }
    if (!fg.isDynamicPattern(input)) {
      const link = await statOrNull(input, false);
      yield { problem: new InputError(input, link ? 'dangling symbolic link' : 'no such file or directory') };
      continue;
    }
    const matches = (await fg(input, { onlyFiles: false, dot: false, unique: true, followSymbolicLinks: true })).sort();
    if (matches.length === 0) {
      yield { problem: new InputError(input, 'no files match this pattern') };
      continue;
    }
    for (const match of matches) {
      const target = await statOrNull(match, true);
      if (!target) yield { problem: new InputError(match, 'dangling symbolic link') };
      else if (!target.isDirectory()) yield { path: match };
    }
  }
}

/** A line of input as bytes, or the point where reading failed. */
export type LineEvent =
  | { line: number; text: string; bytes: number }
  | { line: number; invalid: Buffer }
  | { line: number; failure: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function openStream(source: string): Readable {
  const raw: Readable = source === STDIN ? process.stdin : createReadStream(source, { highWaterMark: 1 << 20 });
  return source.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/**
 * Reads `source` line by line. Accepts `\r\n`, a UTF-8 BOM and a last line
 * without newline; skips blank lines (they are not records). A line that is
 * not valid UTF-8 comes out as `invalid` bytes; a read error (truncated gzip,
 * I/O error) ends the stream with one `failure`. Opening errors throw
 * InputError before the first line.
 */
export async function* readLines(source: string): AsyncGenerator<LineEvent> {
  if (source !== STDIN) {
    try {
      const handle = await fsp.open(source, 'r');
      await handle.close();
    } catch (error) {
      throw new InputError(source, `cannot open: ${describeFsError(error)}`);
    }
  }
  const stream = openStream(source);
  let pending: Buffer[] = [];
  let lineNo = 0;
  let first = true;

  const emit = (bytes: Buffer): LineEvent | null => {
    lineNo++;
    let start = 0;
    let end = bytes.length;
    if (first && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    first = false;
    if (end > start && bytes[end - 1] === 0x0d) end--;
    let blank = true;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b !== 0x20 && b !== 0x09 && b !== 0x0d) {
        blank = false;
        break;
      }
    }
    if (blank) return null;
    const body = bytes.subarray(start, end);
    try {
      return { line: lineNo, text: utf8.decode(body), bytes: body.length };
    } catch {
      return { line: lineNo, invalid: Buffer.from(body) };
    }
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, from);
        if (nl < 0) break;
        const piece = chunk.subarray(from, nl);
        const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
        pending = [];
        const event = emit(bytes);
        if (event) yield event;
        from = nl + 1;
      }
      if (from < chunk.length) pending.push(chunk.subarray(from));
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /unexpected end/i.test(String(error))
      ? 'truncated gzip data'
      : describeFsError(error);
    yield { line: lineNo + 1, failure: `read failed after line ${lineNo}: ${reason}` };
    return;
  } finally {
    if (source !== STDIN) stream.destroy();
  }
  if (pending.length) {
    const event = emit(Buffer.concat(pending));
    if (event) yield event;
  }
}
