/**
 * Worker-thread entry point of the pool: loads the stage once, then runs the
 * batches it is sent. Before each task it records the task's index and start
 * time in shared memory, so the pool knows which record was running if this
 * thread dies or hangs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadStageRef } from './pool.js';
import { messageOf } from './errors.js';
import { runTask, type Task, type TaskResult } from './task.js';
import type { StageRef } from '../stages/registry.js';

interface Data {
  stage: StageRef;
  options: unknown;
  wantRecords: boolean;
  progress: SharedArrayBuffer;
  clockBase: number;
}

const data = workerData as Data;
const progress = new Int32Array(data.progress);
const port = parentPort!;

try {
  const stage = await loadStageRef(data.stage);
  await stage.init?.(data.options);
  port.on('message', async ({ tasks }: { tasks: Task[] }) => {
    const results: TaskResult[] = [];
    for (let i = 0; i < tasks.length; i++) {
      Atomics.store(progress, 0, i);
      Atomics.store(progress, 1, Math.floor((Date.now() - data.clockBase) / 100) + 1);
      results.push(await runTask(stage, data.options, tasks[i]!, data.wantRecords));
    }
    Atomics.store(progress, 1, 0);
    port.postMessage({ type: 'done', results });
  });
  port.postMessage({ type: 'ready' });
} catch (error) {
  port.postMessage({ type: 'init-error', message: messageOf(error) });
}
