/**
 * Executors run batches of tasks through a stage: in the main thread
 * (`--jobs 0`), or in a pool of worker threads, each loading the stage (and
 * its dictionaries) once. Results come back per batch; the runner keeps the
 * order by awaiting batches in the order it submitted them.
 *
 * A record that crashes its worker (out of memory, a native fault) or runs
 * past the timeout is rejected with that reason; the worker is replaced and
 * the rest of its batch is run again on the new one.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { UsageError } from './errors.js';
import { runTask, type Task, type TaskResult } from './task.js';
import type { Stage } from './stage.js';
import { resolveStageRef, type StageRef } from '../stages/registry.js';

export interface Executor {
  run(tasks: Task[]): Promise<TaskResult[]>;
  close(): Promise<void>;
}

export interface ExecutorSpec {
  stage: StageRef;
  options: unknown;
  /** Return records (for a main-thread `after` hook) instead of serialized lines. */
  wantRecords: boolean;
  /** Worker threads; 0 runs everything in the main thread. */
  jobs: number;
  /** A record running longer than this is rejected and its worker replaced (workers only). */
  timeoutMs: number;
  /** Heap limit per worker, in MB; a record that exceeds it is rejected as out of memory. */
  workerMemoryMb?: number;
}

export function defaultJobs(): number {
  return availableParallelism();
}

export async function startExecutor(spec: ExecutorSpec): Promise<Executor> {
  if (spec.jobs === 0) {
    const stage = await loadStageRef(spec.stage);
    await stage.init?.(spec.options);
    return {
      async run(tasks) {
        const results: TaskResult[] = [];
        for (const task of tasks) results.push(await runTask(stage, spec.options, task, spec.wantRecords));
        return results;
      },
      async close() {},
    };
  }
  const pool = new WorkerPool(spec);
  await pool.start();
  return pool;
}

export async function loadStageRef(ref: StageRef): Promise<Stage<unknown>> {
  const where = resolveStageRef(ref);
  const module = (await import(where.module)) as Record<string, unknown>;
  const stage = module[where.export] as Stage<unknown> | undefined;
  if (!stage || typeof stage.process !== 'function') {
    throw new UsageError(`${where.module} does not export a stage named ${where.export}`);
  }
  return stage;
}

/** The compiled worker entry point, also when this module is loaded from `src/` by the tests. */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../../dist/core/worker.js', import.meta.url)
  : new URL('./worker.js', import.meta.url);

/** Progress slots shared with each worker: [task index, start time in deciseconds since CLOCK_BASE, 0 = idle]. */
const CLOCK_BASE = Date.now();
const deciseconds = () => Math.floor((Date.now() - CLOCK_BASE) / 100) + 1;

interface Job {
  tasks: Task[];
  resolve(results: TaskResult[]): void;
  fail(error: Error): void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  /** Batches sent to this worker, oldest (the one running) first. */
  jobs: Job[];
  dead: boolean;
}

/**
 * Batches queued in each worker: the next one is already there when the
 * current one ends, so a worker never waits a round trip to the main thread.
 */
const BATCHES_PER_WORKER = 2;

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'init-error'; message: string }
  | { type: 'done'; results: TaskResult[] };

class WorkerPool implements Executor {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private watchdog: NodeJS.Timeout | null = null;
  private closing = false;
  private fatal: Error | null = null;

  constructor(private readonly spec: ExecutorSpec) {}

  async start(): Promise<void> {
    await Promise.all(Array.from({ length: this.spec.jobs }, () => this.spawn()));
    this.watchdog = setInterval(() => this.checkTimeouts(), 500);
    this.watchdog.unref();
  }

  /** Starts one worker and resolves when its stage has loaded. */
  private spawn(): Promise<void> {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(WORKER_URL, {
      workerData: {
        stage: this.spec.stage,
        options: this.spec.options,
        wantRecords: this.spec.wantRecords,
        progress: progress.buffer,
        clockBase: CLOCK_BASE,
      },
      ...(this.spec.workerMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.spec.workerMemoryMb } } : {}),
    });
    const slot: Slot = { worker, progress, jobs: [], dead: false };
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ready = true;
          this.slots.push(slot);
          resolve();
          this.dispatch();
        } else if (message.type === 'init-error') {
          slot.dead = true;
          void worker.terminate();
          reject(new UsageError(message.message));
        } else {
          slot.jobs.shift()?.resolve(message.results);
          this.dispatch();
        }
      });
      const onFailure = (reason: string) => {
        if (slot.dead) return;
        slot.dead = true;
        if (!ready) {
          reject(new Error(`worker failed to start: ${reason}`));
          return;
        }
        this.replace(slot, reason);
      };
      worker.on('error', (error) => onFailure(describeWorkerError(error)));
      worker.on('exit', (code) => {
        if (!this.closing) onFailure(`worker exited with code ${code}`);
      });
    });
  }

  /**
   * Rejects the task the dead worker was on, replaces the worker, re-runs the
   * rest of that batch and requeues the batches it had not started.
   */
  private replace(slot: Slot, reason: string): void {
    this.slots = this.slots.filter((s) => s !== slot);
    const [job, ...waiting] = slot.jobs;
    slot.jobs = [];
    if (this.closing) return;
    this.queue.unshift(...waiting);
    this.spawn().catch((error: Error) => {
      this.fatal = error;
      for (const waiting of this.queue.splice(0)) waiting.fail(error);
    });
    if (!job) return;
    const failedAt = Math.min(Atomics.load(slot.progress, 0), job.tasks.length - 1);
    const before = this.run(job.tasks.slice(0, failedAt));
    const after = this.run(job.tasks.slice(failedAt + 1));
    const crash: TaskResult = {
      reject: { reason: reason.startsWith('timed out') ? 'timeout' : 'worker-crashed', message: `${reason} while processing this record` },
    };
    Promise.all([before, after]).then(([head, tail]) => job.resolve([...head, crash, ...tail]), job.fail);
  }

  private checkTimeouts(): void {
    const now = deciseconds();
    const limit = Math.ceil(this.spec.timeoutMs / 100);
    for (const slot of this.slots) {
      const startedAt = Atomics.load(slot.progress, 1);
      if (slot.jobs.length > 0 && startedAt > 0 && now - startedAt > limit && !slot.dead) {
        slot.dead = true;
        void slot.worker.terminate();
        this.replace(slot, `timed out after ${this.spec.timeoutMs / 1000} s`);
      }
    }
  }

  /** Fills the workers' queues, least loaded first. */
  private dispatch(): void {
    for (let depth = 0; depth < BATCHES_PER_WORKER; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.dead || slot.jobs.length > depth) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage({ tasks: job.tasks });
      }
    }
  }

  run(tasks: Task[]): Promise<TaskResult[]> {
    if (tasks.length === 0) return Promise.resolve([]);
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, fail) => {
      this.queue.push({ tasks, resolve, fail });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }
}

function describeWorkerError(error: Error & { code?: string }): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return 'worker ran out of memory';
  return `worker crashed: ${error.message}`;
}
