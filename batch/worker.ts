/**
 * One file, in a worker thread: sniff, read the template's sheets (the lean reader, ExcelJS
 * where it cannot follow or a copy is to be annotated), check with the engine. Whatever
 * goes wrong ends as this file's `unreadable` entry; the batch goes on.
 */
import { readFileSync } from 'node:fs';
import { checkGrid } from '../engine/check';
import { type BlocSummary, summarize } from '../engine/model/bloc';
import type { Profile } from '../engine/profiles/schema';
import type { BlocResult } from '../engine/check';
import type { ErrorCode } from '../engine/report/schema';
import type ExcelJS from 'exceljs';
import type { Grid } from '../engine/model/grid';
import { isTemplateSheetName } from '../engine/template/locate';
import { XlsxFormatError, readGridFast } from './fast-reader';
import { writeAtomic } from './files';
import { findingJson } from '../engine/report/json';
import { DEFAULT_LIMITS, type Limits, checkAllParts, sniff } from './intake';

export interface FileTask {
  path: string;
  profile?: string | Profile;
  profiles?: Profile[];
  today?: string;
  limits?: Limits;
  /** Write an annotated copy there, with messages in this language. */
  annotate?: { out: string; lang: 'vi' | 'en' };
}

export type FileOutcome =
  | { path: string; ok: true; result: Omit<BlocResult, 'model' | 'settings'>; summary: BlocSummary; annotateError?: string }
  | { path: string; ok: false; code: ErrorCode; detail: string };

/** ExcelJS is loaded only when a file needs it (a worker starts faster without it). */
const exceljs = () => import('./adapter');

/** A part that inflates past what its zip header says: a bomb, never a workbook. */
class TooLarge extends Error {}

/**
 * The template's sheets with the lean reader; a structure it cannot follow goes to ExcelJS.
 * A part that inflates past its declared size is the file's fault, and never reaches ExcelJS
 * (which would inflate all of it).
 */
async function readTemplateSheets(buf: Buffer, inflated: ReadonlyMap<string, Buffer>, limits: Limits): Promise<Grid> {
  try {
    return readGridFast(buf, isTemplateSheetName, inflated);
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge((e as Error).message);
    if (!(e instanceof XlsxFormatError)) throw e;
    const parts = checkAllParts(buf, limits);
    if (!parts.ok) throw parts.code === 'too-large' ? new TooLarge(parts.detail) : new Error(parts.detail);
    const { loadWorkbook, workbookToGrid } = await exceljs();
    return workbookToGrid(await loadWorkbook(buf));
  }
}

export async function checkFile(task: FileTask): Promise<FileOutcome> {
  let buf: Buffer;
  try {
    buf = readFileSync(task.path);
  } catch (e) {
    return { path: task.path, ok: false, code: 'corrupt', detail: `cannot read: ${(e as Error).message}` };
  }
  const inflated = new Map<string, Buffer>();
  const intake = sniff(buf, task.limits ?? DEFAULT_LIMITS, inflated);
  if (!intake.ok) return { path: task.path, ok: false, code: intake.code, detail: intake.detail };
  let wb: ExcelJS.Workbook | undefined;
  let grid: Grid;
  try {
    if (task.annotate) {
      // The annotated copy is ExcelJS's rewrite of the workbook: load it once, for both.
      const parts = checkAllParts(buf, task.limits ?? DEFAULT_LIMITS);
      if (!parts.ok) return { path: task.path, ok: false, code: parts.code, detail: parts.detail };
      const { loadWorkbook, workbookToGrid } = await exceljs();
      wb = await loadWorkbook(buf);
      grid = workbookToGrid(wb);
    } else {
      grid = await readTemplateSheets(buf, inflated, task.limits ?? DEFAULT_LIMITS);
    }
  } catch (e) {
    if (e instanceof TooLarge) return { path: task.path, ok: false, code: 'too-large', detail: e.message };
    // ExcelJS and the lean reader throw on broken XML, missing parts and the odd internal slip: all the file's.
    return { path: task.path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
  }
  const { model, settings: _settings, ...result } = checkGrid(grid, {
    ...(task.profile !== undefined ? { profile: task.profile } : {}),
    ...(task.profiles ? { profiles: task.profiles } : {}),
    ...(task.today ? { today: task.today } : {}),
  });
  let annotateError: string | undefined;
  if (task.annotate && wb) {
    try {
      const { annotateWorkbook } = await import('./annotate');
      annotateWorkbook(wb, result.findings.map((f) => findingJson(f, task.annotate!.lang)), task.annotate.lang);
      writeAtomic(task.annotate.out, Buffer.from(await wb.xlsx.writeBuffer()));
    } catch (e) {
      // The check stands; only the copy failed (a full disk, a folder not writable).
      annotateError = (e as Error).message;
    }
  }
  return { path: task.path, ok: true, result, summary: summarize(model), ...(annotateError ? { annotateError } : {}) };
}

export default checkFile;
