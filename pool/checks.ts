/**
 * `--jobs N`: N files checked at once, the command's own thread one of the N. A typical
 * workbook is checked here, one at a time, the event loop running between two (the progress
 * bar, the workers' answers); N − 1 worker threads beside it take files a few at a time from
 * the other end of the same queue. A file larger than IN_PROCESS_MAX_BYTES, whose time and
 * memory limits may matter, is always checked on a worker: with `--jobs 1` one is started for
 * it, and the command waits for it as for any file.
 */
import { statSync } from 'node:fs';
import type { FileOutcome, FileTask } from '../reader';
import { CHUNK_MAX, type Checker, FilePool, type PoolOptions } from './pool';

/**
 * Largest file checked on the command's own thread. Every typical bloc workbook is under
 * 100 KB; at 1 MB the reader's passes over the parts take well under a second (the 2,000,000
 * cells of 8 MB take about one), so the pool's time limit could never matter.
 */
export const IN_PROCESS_MAX_BYTES = 1024 * 1024;

export interface ChecksOptions extends Omit<PoolOptions, 'jobs'> {
  /** Worker threads beside the command's own (`--jobs` − 1 at most; none for a short batch). */
  workers: number;
}

/** A file's size, or 0 when it cannot be read (the check says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Let the event loop run: the progress bar drawn, a worker's answer taken and its next files given. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Checks implements Checker {
  private pool: FilePool | undefined;

  constructor(private readonly options: ChecksOptions) {
    // Workers are started at once, so that their start-up overlaps the engine's loading here.
    if (options.workers > 0) this.pool = new FilePool({ ...options, jobs: options.workers });
  }

  /** The pool for files too large to check here (one worker with `--jobs 1`, made when first needed). */
  private workers(): FilePool {
    this.pool ??= new FilePool({ ...this.options, jobs: 1 });
    return this.pool;
  }

  async run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    const { checkFile } = await import('./worker');
    const { workers } = this.options;
    const results = new Array<FileOutcome>(tasks.length);
    const large = new Set(tasks.flatMap((t, i) => (sizeOf(t.path) > IN_PROCESS_MAX_BYTES ? [i] : [])));
    // With workers, the large files are theirs, first; the rest is one queue, this thread
    // taking from its front, the workers from its back.
    const first = workers > 0 ? [...large] : [];
    const queue = tasks.flatMap((_, i) => (workers > 0 && large.has(i) ? [] : [i]));
    let front = 0;
    let back = queue.length;
    const done = (i: number, o: FileOutcome) => {
      results[i] = o;
      onDone?.(o);
    };
    const checkHere = (task: FileTask): FileOutcome => {
      try {
        return checkFile(task);
      } catch (e) {
        // As the pool reports a worker's slip: the file's, never the run's.
        return { path: task.path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
      }
    };
    const here = async () => {
      while (front < back) {
        const i = queue[front++]!;
        // --jobs 1: a large file on a worker all the same, waited for.
        done(i, large.has(i) ? (await this.workers().check([tasks[i]!]))[0]! : checkHere(tasks[i]!));
        await turn();
      }
    };
    const worker = async (pool: FilePool) => {
      for (let i = first.shift(); i !== undefined; i = first.shift()) done(i, (await pool.check([tasks[i]!]))[0]!);
      while (front < back) {
        const size = Math.max(1, Math.min(CHUNK_MAX, Math.floor((back - front) / (workers + 1) / 4)));
        const from = Math.max(front, back - size);
        const chunk = queue.slice(from, back);
        back = from;
        const outcomes = await pool.check(chunk.map((i) => tasks[i]!));
        chunk.forEach((i, k) => done(i, outcomes[k]!));
      }
    };
    await Promise.all([here(), ...Array.from({ length: workers }, () => worker(this.workers()))]);
    return results;
  }

  async destroy(): Promise<void> {
    await this.pool?.destroy();
  }
}
