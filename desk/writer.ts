/**
 * The office desk's writer worker, started only when the clerk asks for a workbook: the office
 * summary and the annotated copies, by the command's own code (writers/summary.ts,
 * writers/annotate-copy.ts) and ExcelJS's browser build, off the page's thread.
 */
import '../engine/zod-jitless';
import { Buffer } from 'buffer';
import { annotateBuffer, summaryWorkbook, workbookBytes } from '../writers';
import { DEFAULT_LIMITS, type FileOutcome, readBuffer } from '../reader';
import type { FileJson, GovernmentFlagTally, ReportJson, Lang } from '../engine';

export type WriterTask =
  | { id: number; kind: 'summary'; report: ReportJson; outcomes: FileOutcome[]; governmentFlags: GovernmentFlagTally[]; lang: Lang; checkedAt: string }
  | { id: number; kind: 'copy'; name: string; bytes: ArrayBuffer; entry: FileJson; lang: Lang; checkedAt: string };

/** A task as the page asks it (the id is the writer's to give). */
export type WriterJob = WriterTask extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

export type WriterResult = { id: number; bytes: ArrayBuffer } | { id: number; reason: string };

const scope = self as unknown as { onmessage: (e: MessageEvent<WriterTask>) => void; postMessage: (r: WriterResult, transfer?: Transferable[]) => void };

const out = (id: number, b: Buffer) => {
  const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  scope.postMessage({ id, bytes }, [bytes]);
};

scope.onmessage = async (e) => {
  const task = e.data;
  try {
    if (task.kind === 'summary') {
      out(task.id, await workbookBytes(summaryWorkbook(task.report, task.outcomes, task.lang, { checkedAt: new Date(task.checkedAt), governmentFlags: task.governmentFlags })));
      return;
    }
    const read = readBuffer(task.name, Buffer.from(task.bytes), DEFAULT_LIMITS, () => true);
    if ('ok' in read) {
      scope.postMessage({ id: task.id, reason: read.detail });
      return;
    }
    const copy = await annotateBuffer(read.buf, read.grid, task.entry, task.lang, new Date(task.checkedAt));
    if ('reason' in copy) scope.postMessage({ id: task.id, reason: copy.reason });
    else out(task.id, copy.bytes);
  } catch (err) {
    scope.postMessage({ id: task.id, reason: (err as Error).message ?? String(err) });
  }
};
