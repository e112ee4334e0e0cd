/**
 * Files checked on a pool of worker threads (piscina), each with a time and a memory limit.
 * A worker that runs out of time or memory is ended and its file reported; the others go on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { FileOutcome, FileTask } from './worker';

/**
 * The compiled worker (tests run the TypeScript sources, the worker runs compiled): the
 * one-file bundle `npm run build` makes (webpack.worker.config.js), which starts in about half
 * the time of the 184 modules it is made of; the plain compiled modules when it is missing.
 */
function workerFile(): string {
  const dist = existsSync(join(__dirname, 'worker.js')) ? __dirname : join(__dirname, '..', 'dist', 'batch');
  const bundle = join(dist, 'worker.bundle.js');
  return existsSync(bundle) ? bundle : join(dist, 'worker.js');
}

export interface PoolOptions {
  jobs: number;
  timeoutMs: number;
  /**
   * A worker's heap limit: past it the worker is ended and its file reported too-large,
   * instead of the whole process dying. The intake refuses oversized files long before;
   * a low limit makes V8 collect garbage far more often (measured: 600 MB costs a third more
   * time than 2 GB on 300 typical workbooks), so the default is generous.
   */
  memoryMb: number;
}

/** A pool of `jobs` workers, all started at once (each pays its own start-up and warm-up). */
export class FilePool {
  private readonly pool: Piscina;

  constructor(private readonly options: PoolOptions) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: Math.max(1, options.jobs),
      maxThreads: Math.max(1, options.jobs),
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      // The task is async (reading and inflating with promises): a worker blocked in Atomics.wait would stall it.
      atomics: 'disabled',
    });
  }

  /**
   * Outcomes in the order of the tasks. A task goes to the pool only when a worker is free for
   * it, so that its time limit counts its own work, never the wait behind other files (500
   * files queued at once would otherwise time out at the back of a slow queue).
   */
  async run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    const outcomes = new Array<FileOutcome>(tasks.length);
    let next = 0;
    const lane = async () => {
      while (next < tasks.length) {
        const i = next++;
        outcomes[i] = await this.runOne(tasks[i]!);
        onDone?.(outcomes[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.jobs) }, lane));
    return outcomes;
  }

  private async runOne(task: FileTask): Promise<FileOutcome> {
    const { timeoutMs, memoryMb } = this.options;
    try {
      return (await this.pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as FileOutcome;
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      if (err.name === 'AbortError' || err.name === 'TimeoutError') return { path: task.path, ok: false, code: 'timeout', detail: `over ${timeoutMs} ms` };
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return { path: task.path, ok: false, code: 'too-large', detail: `over ${memoryMb} MB` };
      return { path: task.path, ok: false, code: 'corrupt', detail: err.message ?? String(e) };
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

export async function checkFiles(tasks: FileTask[], options: PoolOptions, onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
  const pool = new FilePool(options);
  try {
    return await pool.run(tasks, onDone);
  } finally {
    await pool.destroy();
  }
}
