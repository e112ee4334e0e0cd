/**
 * The office desk's Web Worker: one received file's bytes in, its outcome out, by the same
 * reader and engine as `thidua validate`'s workers (batch/worker.ts `checkBuffer`).
 */
// First: zod must not probe `new Function`, which the page's Content-Security-Policy forbids.
import '../addin/pane/zod-jitless';
import { Buffer } from 'buffer';
import { checkBuffer, type FileOutcome } from '../batch/check-file';

export interface DeskTask {
  id: number;
  name: string;
  bytes: ArrayBuffer;
  today?: string;
}

export interface DeskResult {
  id: number;
  outcome: FileOutcome;
}

const scope = self as unknown as { onmessage: (e: MessageEvent<DeskTask>) => void; postMessage: (r: DeskResult) => void };

scope.onmessage = (e) => {
  const { id, name, bytes, today } = e.data;
  let outcome: FileOutcome;
  try {
    outcome = checkBuffer({ path: name, ...(today ? { today } : {}) }, Buffer.from(bytes));
  } catch (err) {
    // What the command's pool reports for a worker that fails on a file: the file's, not the batch's.
    outcome = { path: name, ok: false, code: 'corrupt', detail: (err as Error).message ?? String(err) };
  }
  scope.postMessage({ id, outcome });
};
