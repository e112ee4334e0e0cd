/**
 * The office desk's Web Worker: one received file's bytes in, its outcome out, by the same
 * reader and engine as `thidua validate`'s workers (pool/worker.ts `checkBuffer`).
 */
// First: zod must not probe `new Function`, which the page's Content-Security-Policy forbids.
import '../engine/zod-jitless';
import { Buffer } from 'buffer';
import { checkBuffer, type FileOutcome } from '../reader';

export interface DeskTask {
  id: number;
  name: string;
  /** The file itself: the worker reads it, not the page. */
  file: Blob;
  today?: string;
}

export interface DeskResult {
  id: number;
  outcome: FileOutcome;
}

const scope = self as unknown as { onmessage: (e: MessageEvent<DeskTask>) => void; postMessage: (r: DeskResult) => void };

/**
 * Tasks are checked one after another, in the order given; each file's reading starts as soon
 * as its task arrives, so that the next file is read from the disk while this one is checked.
 */
let chain: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const { id, name, file, today } = e.data;
  const bytes = file.arrayBuffer();
  chain = chain.then(async () => {
    let outcome: FileOutcome;
    try {
      outcome = checkBuffer({ path: name, ...(today ? { today } : {}) }, Buffer.from(await bytes));
    } catch (err) {
      // What the command's pool reports for a worker that fails on a file: the file's, not the batch's.
      outcome = { path: name, ok: false, code: 'corrupt', detail: (err as Error).message ?? String(err) };
    }
    scope.postMessage({ id, outcome });
  });
};
