/**
 * Files checked on a pool of worker threads (piscina), each with a time and a memory limit.
 * A worker that runs out of time or memory is ended and its file reported; the others go on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Piscina } from 'piscina';
import type { FileOutcome, FileTask } from '../reader';
import type { AnnotateTask } from './worker';
import { copyFailureText, type Lang } from '../engine';

/**
 * The compiled worker (tests run the TypeScript sources, the worker runs compiled): the
 * one-file bundle `npm run build` makes (webpack.worker.config.js), which starts in about half
 * the time of the 184 modules it is made of; the plain compiled modules when it is missing.
 */
function workerFile(): string {
  // From dist/pool (tsc's), dist/command (the command's bundle) or pool/ (tests, from the sources).
  const dist = [__dirname, join(__dirname, '..', 'pool'), join(__dirname, '..', 'dist', 'pool')].find((d) => existsSync(join(d, 'worker.js')))!;
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

/** Most files given to a worker in one message. */
export const CHUNK_MAX = 16;

/** What checks a run's files: the pool alone, or the command's own thread beside it (checks.ts). */
export interface Checker {
  run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]>;
  destroy(): Promise<void>;
}

/**
 * A pool of `jobs` workers, all started at once (each pays its own start-up and warm-up).
 * Piscina itself is loaded as the pool is made, not with this module: a command that makes no
 * pool (`thidua rules`, one small workbook) never loads it.
 */
export class FilePool implements Checker {
  private readonly ready: Promise<Piscina>;
  private started: Piscina | undefined;

  constructor(private readonly options: PoolOptions) {
    this.ready = import('piscina').then(({ Piscina }) => new Piscina({
      filename: workerFile(),
      minThreads: Math.max(1, options.jobs),
      maxThreads: Math.max(1, options.jobs),
      idleTimeout: 1000,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      // The task is async (reading and inflating with promises): a worker blocked in Atomics.wait would stall it.
      atomics: 'disabled',
    })).then((p) => (this.started = p));
  }

  /**
   * Outcomes in the order of the tasks. A task goes to the pool only when a worker is free for
   * it, so that its time limit counts its own work, never the wait behind other files (500
   * files queued at once would otherwise time out at the back of a slow queue).
   */
  async run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    // Files go to a worker a few at a time (one message, one answer for all of them): a worker
    // that waited for its next file after each one idled a fifth of a batch away (profiled).
    const size = Math.max(1, Math.min(CHUNK_MAX, Math.floor(tasks.length / (Math.max(1, this.options.jobs) * 4))));
    const chunks = Array.from({ length: Math.ceil(tasks.length / size) }, (_, k) => tasks.slice(k * size, (k + 1) * size));
    const done = await this.lanes(chunks, (chunk) => this.check(chunk, onDone));
    return done.flat();
  }

  /**
   * A few files in one task, under one file's time limit (typical files take milliseconds).
   * Where the task fails whole (a file over the time or memory limit, a worker lost), each of
   * its files is checked again alone, with its own limits, so that only the file at fault is
   * reported for it.
   */
  async check(chunk: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    if (chunk.length > 1) {
      try {
        const outcomes = (await (await this.ready).run(chunk, { name: 'checkFiles', signal: AbortSignal.timeout(this.options.timeoutMs) })) as FileOutcome[];
        for (const o of outcomes) onDone?.(o);
        return outcomes;
      } catch {
        // Each file alone below.
      }
    }
    const outcomes: FileOutcome[] = [];
    for (const task of chunk) {
      const o = await this.runOne(task);
      onDone?.(o);
      outcomes.push(o);
    }
    return outcomes;
  }

  /**
   * Annotated copies, each a task of its own with the pool's time and memory limit: why each
   * copy was not made (a time-out, memory, or what the worker said), undefined where it was.
   */
  annotate(tasks: AnnotateTask[], lang: Lang, onDone?: () => void): Promise<(string | undefined)[]> {
    const { timeoutMs, memoryMb } = this.options;
    return this.lanes(tasks, async (task) => {
      try {
        return (await (await this.ready).run(task, { name: 'annotateFile', signal: AbortSignal.timeout(timeoutMs) })) as string | undefined;
      } catch (e) {
        const err = e as { name?: string; code?: string; message?: string };
        if (err.name === 'AbortError' || err.name === 'TimeoutError') return copyFailureText({ code: 'timeout', seconds: timeoutMs / 1000 }, lang);
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return copyFailureText({ code: 'out-of-memory', mb: memoryMb }, lang);
        return err.message ?? String(e);
      }
    }, onDone);
  }

  /** Each task started only when a worker is free for it, results in the order of the tasks. */
  private async lanes<T, R>(tasks: T[], one: (task: T) => Promise<R>, onDone?: (r: R) => void): Promise<R[]> {
    const results = new Array<R>(tasks.length);
    let next = 0;
    const lane = async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await one(tasks[i]!);
        onDone?.(results[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.jobs) }, lane));
    return results;
  }

  private async runOne(task: FileTask): Promise<FileOutcome> {
    const { timeoutMs, memoryMb } = this.options;
    try {
      return (await (await this.ready).run(task, { name: 'checkFile', signal: AbortSignal.timeout(timeoutMs) })) as FileOutcome;
    } catch (e) {
      const err = e as { name?: string; code?: string; message?: string };
      if (err.name === 'AbortError' || err.name === 'TimeoutError') return { path: task.path, ok: false, code: 'timeout', detail: `over ${timeoutMs} ms` };
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return { path: task.path, ok: false, code: 'too-large', detail: `over ${memoryMb} MB` };
      return { path: task.path, ok: false, code: 'corrupt', detail: err.message ?? String(e) };
    }
  }

  /** Tasks waiting in the pool's queue for a thread (none should: a task is given only to a free lane). */
  waiting(): number {
    return this.started?.queueSize ?? 0;
  }

  async destroy(): Promise<void> {
    await (await this.ready).destroy();
  }
}
