/**
 * A worker thread's two jobs. `checkFile` (the default): sniff a file, read the template's
 * sheets, check them with the engine; whatever goes wrong ends as this file's `unreadable`
 * entry and the batch goes on. `annotateFile`: the annotated copy, a separate task run after
 * the check is final, with its own time and memory limit, so that a copy ExcelJS cannot make
 * (it refuses some valid packages and hangs on others) never costs a workbook its check.
 */
import { readFileSync } from 'node:fs';
import { copyFailureText, type FileJson, isTemplateSheetName, type Lang } from '../engine';
import { writeAtomic } from './write-atomic';
import { checkRead, DEFAULT_LIMITS, type FileOutcome, type FileTask, type Limits, readBuffer } from '../reader';

/** The template's sheets of a file on disk (or, with `want`, the sheets it names), or why they cannot be read. */
function readFile(path: string, limits: Limits, want: (name: string) => boolean): ReturnType<typeof readBuffer> {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    return { path, ok: false, code: 'corrupt', detail: `cannot read: ${(e as Error).message}` };
  }
  return readBuffer(path, buf, limits, want);
}

/** A file on disk checked: what the pool runs for each received file. */
export function checkFile(task: FileTask): FileOutcome {
  return checkRead(task, readFile(task.path, task.limits ?? DEFAULT_LIMITS, isTemplateSheetName));
}

/** Files on disk checked one after another: what the pool gives a worker a few at a time. */
export function checkFiles(tasks: FileTask[]): FileOutcome[] {
  return tasks.map(checkFile);
}

export interface AnnotateTask {
  path: string;
  out: string;
  lang: Lang;
  /** The file's entry in the report: its findings, result and counts. */
  entry: FileJson;
  /** When the batch was checked (ISO 8601), as the report says. */
  checkedAt: string;
  limits?: Limits;
}

/**
 * The annotated copy written to `task.out`: returns why there is none, in the report's
 * language, or undefined when it was written.
 */
export async function annotateFile(task: AnnotateTask): Promise<string | undefined> {
  const limits = task.limits ?? DEFAULT_LIMITS;
  const read = readFile(task.path, limits, () => true);
  if ('ok' in read) return copyFailureText({ code: 'not-read-again', detail: read.detail }, task.lang);
  try {
    // The writers (ExcelJS) are loaded by the first copy, never by a check.
    const { annotateBuffer } = await import('../writers');
    const copy = await annotateBuffer(read.buf, read.grid, task.entry, task.lang, new Date(task.checkedAt), limits);
    if ('reason' in copy) return copy.reason;
    writeAtomic(task.out, copy.bytes);
    return undefined;
  } catch (e) {
    // The check stands; only the copy failed: a full disk or a folder not writable, said plainly.
    const code = (e as { code?: string }).code;
    const where = code === 'ENOSPC' ? 'disk-full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'read-only' : 'other';
    return copyFailureText({ code: 'not-written', where }, task.lang);
  }
}


export default checkFile;
