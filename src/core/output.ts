/**
 * Writing JSONL with backpressure: the runner awaits `write` so a slow
 * consumer slows the reader instead of growing memory. When the reader of
 * stdout goes away (`qingxi … | head`), the writer reports `closed` and the
 * run ends quietly.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { InputError, describeFsError } from './errors.js';

/** Lines are gathered up to this many characters before one write call. */
const FLUSH_CHARS = 1 << 16;

export class LineWriter {
  private buffer: string[] = [];
  private bufferedChars = 0;
  private failure: Error | null = null;
  /** True once the reading end has gone (EPIPE): nothing more can be written. */
  closed = false;

  private constructor(
    private readonly stream: Writable,
    private readonly sink: Writable,
    private readonly ownsStream: boolean,
  ) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = error;
    });
  }

  /** Standard output, or FILE (gzip-compressed when it ends in `.gz`). */
  static async open(file?: string): Promise<LineWriter> {
    if (!file || file === '-') return new LineWriter(process.stdout, process.stdout, false);
    const fileStream = createWriteStream(file);
    try {
      await once(fileStream, 'open');
    } catch (error) {
      throw new InputError(file, `cannot write: ${describeFsError(error)}`);
    }
    if (file.toLowerCase().endsWith('.gz')) {
      const gzip = createGzip();
      gzip.pipe(fileStream);
      return new LineWriter(gzip, fileStream, true);
    }
    return new LineWriter(fileStream, fileStream, true);
  }

  /** Queues one line (without its newline). */
  async write(line: string): Promise<void> {
    if (this.closed) return;
    this.buffer.push(line, '\n');
    this.bufferedChars += line.length + 1;
    if (this.bufferedChars >= FLUSH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.closed || this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.stream.write(chunk)) {
      try {
        await once(this.stream, 'drain');
      } catch {
        // once() rejects on 'error'; the listener above has recorded it.
      }
    }
    if (this.failure) throw this.failure;
  }

  /** Flushes and, for files, closes; resolves once the bytes are handed to the OS. */
  async end(): Promise<void> {
    await this.flush();
    if (!this.ownsStream || this.closed) return;
    this.stream.end();
    await once(this.sink, 'finish');
  }
}
