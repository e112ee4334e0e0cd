/**
 * One received workbook checked: sniffed, the template's sheets read, the engine run; whatever
 * goes wrong ends as this file's `unreadable` outcome. Used by the command's worker threads
 * (pool/worker.ts, which reads the file from disk) and by the office desk's Web Workers
 * (desk/worker.ts): it holds nothing of ExcelJS and nothing of Node.
 */
import { type BlocResult, type BlocSummary, checkGrid, type ErrorCode, type Grid, isTemplateSheetName, type Profile, summarize, type UnreadableVariant } from '../engine';
import { DEFAULT_LIMITS, type Limits, sniff } from './intake';
import { readWorkbook } from './read-workbook';
import { PartError } from './zip';

export interface FileTask {
  path: string;
  profile?: string | Profile;
  profiles?: Profile[];
  today?: string;
  limits?: Limits;
}

export type FileOutcome =
  | { path: string; ok: true; result: Omit<BlocResult, 'model' | 'settings'>; summary: BlocSummary }
  | { path: string; ok: false; code: ErrorCode; detail: string; variant?: UnreadableVariant };

/** The template's sheets (those `want` names) of a workbook in memory, or why they cannot be read. */
export function readBuffer(path: string, buf: Buffer, limits: Limits, want: (name: string) => boolean): { buf: Buffer; grid: Grid } | Extract<FileOutcome, { ok: false }> {
  const intake = sniff(buf, limits);
  if (!intake.ok) return { path, ok: false, code: intake.code, detail: intake.detail, ...(intake.variant ? { variant: intake.variant } : {}) };
  try {
    return { buf, grid: readWorkbook(intake.zip, want, limits, intake.workbook) };
  } catch (e) {
    // A part past a limit or damaged, or any other slip of reading: all the file's.
    if (e instanceof PartError) return { path, ok: false, code: e.code, detail: e.message };
    return { path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
  }
}

/** A workbook in memory checked (`task.path` names it in the report). */
export function checkBuffer(task: FileTask, buf: Buffer): FileOutcome {
  return checkRead(task, readBuffer(task.path, buf, task.limits ?? DEFAULT_LIMITS, isTemplateSheetName));
}

export function checkRead(task: FileTask, read: ReturnType<typeof readBuffer>): FileOutcome {
  if ('ok' in read) return read;
  const { model, settings: _settings, ...result } = checkGrid(read.grid, {
    ...(task.profile !== undefined ? { profile: task.profile } : {}),
    ...(task.profiles ? { profiles: task.profiles } : {}),
    ...(task.today ? { today: task.today } : {}),
  });
  return { path: task.path, ok: true, result, summary: summarize(model) };
}

