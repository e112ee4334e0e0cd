/**
 * Files checked on a pool of worker threads (piscina), each with a time and a memory limit.
 * A worker that runs out of time or memory is ended and its file reported; the others go on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { FileOutcome, FileTask } from './worker';

/** The compiled worker (tests run the TypeScript sources, the worker runs compiled). */
function workerFile(): string {
  const here = join(__dirname, 'worker.js');
  return existsSync(here) ? here : join(__dirname, '..', 'dist', 'batch', 'worker.js');
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

  run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    const { timeoutMs, memoryMb } = this.options;
    return Promise.all(
      tasks.map(async (task) => {
        let outcome: FileOutcome;
        try {
          outcome = (await this.pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as FileOutcome;
        } catch (e) {
          const err = e as { name?: string; code?: string; message?: string };
          if (err.name === 'AbortError' || err.name === 'TimeoutError') outcome = { path: task.path, ok: false, code: 'timeout', detail: `over ${timeoutMs} ms` };
          else if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') outcome = { path: task.path, ok: false, code: 'too-large', detail: `over ${memoryMb} MB` };
          else outcome = { path: task.path, ok: false, code: 'corrupt', detail: err.message ?? String(e) };
        }
        onDone?.(outcome);
        return outcome;
      }),
    );
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
