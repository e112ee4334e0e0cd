/**
 * The desk's workers (see page.ts): the checking Web Workers (desk/worker.ts), as many as the
 * cores and at most 4, each file under a time limit; and the writer worker (desk/writer.ts,
 * ExcelJS), one task at a time. Both are made from the page's own code: file:// allows no
 * worker URL.
 */
import type { FileOutcome } from '../reader';
import type { DeskResult, DeskTask } from './worker';
import type { WriterJob, WriterResult, WriterTask } from './writer';

declare const WORKER_SOURCE: string;
declare const WRITER_SOURCE: string;

/** A file as received: its name in the report (folders kept when a folder was chosen) and its bytes. */
export interface Received {
  name: string;
  file: File;
}

/** Web Workers from the page's own code (file:// allows no worker URL), as many as the cores, at most 4. */
export class Pool {
  private readonly url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  private readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

  /**
   * Each file's outcome in the order given; `onDone` as each ends. Each worker has two files
   * at a time (it reads the next from the disk while it checks one). A worker that takes more
   * than 30 s on a file is ended and another started: that file is `timeout`, the file it held
   * besides is given to the new worker.
   */
  async run(files: Received[], onDone: () => void, day: string | undefined, timeoutMs = 30_000): Promise<FileOutcome[]> {
    const results: FileOutcome[] = new Array(files.length);
    let next = 0;
    const task = (i: number): DeskTask => ({ id: i, name: files[i]!.name, file: files[i]!.file, ...(day ? { today: day } : {}) });
    const lane = () =>
      new Promise<void>((finish) => {
        const pending: number[] = [];
        let timer: ReturnType<typeof setTimeout> | undefined;
        let worker: Worker;
        const start = () => {
          worker = new Worker(this.url);
          worker.onmessage = (e: MessageEvent<DeskResult>) => done(e.data.id, e.data.outcome);
          worker.onerror = (e) => {
            e.preventDefault();
            fail('corrupt', e.message);
          };
          for (const i of pending) worker.postMessage(task(i));
        };
        const arm = () => {
          if (timer) clearTimeout(timer);
          timer = pending.length > 0 ? setTimeout(() => fail('timeout', `over ${timeoutMs} ms`), timeoutMs) : undefined;
        };
        const fill = () => {
          while (pending.length < 4 && next < files.length) {
            const i = next++;
            pending.push(i);
            worker.postMessage(task(i));
          }
          arm();
          if (pending.length === 0) {
            worker.terminate();
            finish();
          }
        };
        const done = (i: number, outcome: FileOutcome) => {
          results[i] = outcome;
          pending.splice(pending.indexOf(i), 1);
          onDone();
          fill();
        };
        /** The file in hand failed the worker: its outcome said, the worker replaced, the rest given again. */
        const fail = (code: 'timeout' | 'corrupt', detail: string) => {
          worker.terminate();
          const i = pending.shift()!;
          results[i] = { path: files[i]!.name, ok: false, code, detail };
          onDone();
          start();
          fill();
        };
        start();
        fill();
      });
    await Promise.all(Array.from({ length: Math.min(this.size, files.length) }, lane));
    return results;
  }
}

/** The writer worker (ExcelJS), started at the first workbook asked for, one task at a time. */
export class Writer {
  private worker: Worker | undefined;
  private next = 0;
  private chain: Promise<unknown> = Promise.resolve();

  run(task: WriterJob, transfer: Transferable[] = []): Promise<WriterResult> {
    const work = this.chain.then(
      () =>
        new Promise<WriterResult>((resolve) => {
          this.worker ??= new Worker(URL.createObjectURL(new Blob([WRITER_SOURCE], { type: 'text/javascript' })));
          const id = ++this.next;
          this.worker.onmessage = (e: MessageEvent<WriterResult>) => resolve(e.data);
          this.worker.onerror = (e) => {
            e.preventDefault();
            this.worker?.terminate();
            this.worker = undefined;
            resolve({ id, reason: e.message });
          };
          this.worker.postMessage({ ...task, id } as WriterTask, transfer);
        }),
    );
    this.chain = work;
    return work;
  }
}

/** The desk's two kinds of worker, as the controller uses them. */
export interface WorkerResults {
  /** Each file's outcome in the order given (`day`: the date the checks take as today). */
  run(files: Received[], onDone: () => void, day: string | undefined): Promise<FileOutcome[]>;
  /** A workbook written by the writer worker. */
  write(job: WriterJob, transfer?: Transferable[]): Promise<WriterResult>;
}

export function deskWorkers(): WorkerResults {
  const writer = new Writer();
  return {
    run: (files, onDone, day) => new Pool().run(files, onDone, day),
    write: (job, transfer) => writer.run(job, transfer),
  };
}
