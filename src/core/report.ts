/**
 * What a run tells the user on stderr: each reject with file:line, id and
 * reason; progress for long runs; and one summary line with records in, out
 * and rejected. Rejects beyond the first MAX_REJECT_LINES are only counted
 * (all of them are in `--errors FILE`), so a million bad lines do not bury
 * the terminal.
 */
import { chalkStderr as chalk } from 'chalk';
import type { InputError } from './errors.js';
import type { CommonOptions } from './runner.js';
import type { Reject, Task } from './task.js';
import { STDIN } from './inputs.js';

const MAX_REJECT_LINES = 50;
const PROGRESS_INTERVAL_MS = 1000;

export interface Counts {
  in: number;
  out: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  seconds: number;
}

export function where(task: { source: string; line: number }): string {
  const source = task.source === STDIN ? '<stdin>' : task.source;
  return task.line > 0 ? `${source}:${task.line}` : source;
}

export class Reporter {
  private counts = { in: 0, out: 0, rejected: 0 };
  private reasons: Record<string, number> = {};
  private inputBytes = 0;
  private readonly started = performance.now();
  private lastProgress = 0;
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly command: string,
    private readonly options: CommonOptions,
  ) {}

  private say(line: string): void {
    if (this.options.quiet) return;
    if (this.tty && this.options.progress) process.stderr.write('\r\x1b[K');
    process.stderr.write(`${line}\n`);
  }

  read(task: Task): void {
    this.inputBytes += task.bytes ?? 0;
  }

  processed(_task: Task): void {
    this.counts.in++;
    this.counts.out++;
    this.tick();
  }

  rejected(task: Task, why: Reject): void {
    this.counts.in++;
    this.counts.rejected++;
    this.reasons[why.reason] = (this.reasons[why.reason] ?? 0) + 1;
    if (this.counts.rejected <= MAX_REJECT_LINES) {
      const id = why.id !== undefined ? ` (id ${JSON.stringify(why.id)})` : '';
      const file = task.file !== undefined && task.line > 0 ? ` ${task.file}` : '';
      this.say(`${this.command}: ${chalk.yellow('rejected')} ${where(task)}${file}${id}: ${why.message}`);
      if (this.options.debug && why.stack) this.say(why.stack);
    } else if (this.counts.rejected === MAX_REJECT_LINES + 1) {
      this.say(`${this.command}: more rejects follow; only counted from here${this.options.errors ? ` (all are in ${this.options.errors})` : ' (use --errors FILE to keep them all)'}`);
    }
    this.tick();
  }

  inputProblem(problem: InputError): void {
    this.say(`${this.command}: ${chalk.red('error')} ${problem.source}: ${problem.message}`);
  }

  private tick(): void {
    if (!this.options.progress || this.options.quiet) return;
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_INTERVAL_MS) return;
    this.lastProgress = now;
    const seconds = (now - this.started) / 1000;
    const rate = Math.round(this.counts.in / seconds);
    const text = `${this.command}: ${this.counts.in.toLocaleString('en')} in, ${this.counts.out.toLocaleString('en')} out, ${this.counts.rejected.toLocaleString('en')} rejected, ${rate.toLocaleString('en')} docs/s`;
    process.stderr.write(this.tty ? `\r\x1b[K${text}` : `${text}\n`);
  }

  finish(): Counts {
    return { ...this.counts, rejectReasons: { ...this.reasons }, seconds: (performance.now() - this.started) / 1000 };
  }

  printSummary(counts: Counts, note: string | null): void {
    const rate = counts.seconds > 0 ? counts.in / counts.seconds : 0;
    const mb = this.inputBytes > 0 && counts.seconds > 0 ? `, ${(this.inputBytes / 1e6 / counts.seconds).toFixed(2)} MB/s` : '';
    const reasons = Object.entries(counts.rejectReasons)
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ');
    const rejected = counts.rejected > 0 ? chalk.yellow(`${counts.rejected} rejected`) + ` (${reasons})` : '0 rejected';
    const tail = note ? ` — ${note}` : '';
    this.say(
      `${this.command}: ${counts.in} in, ${counts.out} out, ${rejected} in ${counts.seconds.toFixed(2)} s (${Math.round(rate)} docs/s${mb})${tail}`,
    );
  }
}
