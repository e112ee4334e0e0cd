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
import { readGridFast } from './fast-reader';
import { writeAtomic } from './files';
import { findingJson } from '../engine/report/json';
import { DEFAULT_LIMITS, type Limits, PartError, checkAllParts, sniff } from './intake';

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

/** ExcelJS is loaded only for an annotated copy (a worker starts faster without it). */
const exceljs = () => import('./adapter');

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
  const limits = task.limits ?? DEFAULT_LIMITS;
  let grid: Grid;
  try {
    // The template's sheets, read the same way with or without --annotate: the copy never changes the findings.
    grid = readGridFast(buf, isTemplateSheetName, inflated);
  } catch (e) {
    // A part past a limit or damaged, or any other slip of reading: all the file's.
    if (e instanceof PartError) return { path: task.path, ok: false, code: e.code, detail: e.message };
    return { path: task.path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
  }
  const { model, settings: _settings, ...result } = checkGrid(grid, {
    ...(task.profile !== undefined ? { profile: task.profile } : {}),
    ...(task.profiles ? { profiles: task.profiles } : {}),
    ...(task.today ? { today: task.today } : {}),
  });
  const annotateError = task.annotate ? await writeAnnotated(buf, grid, result.findings, task.annotate, limits) : undefined;
  return { path: task.path, ok: true, result, summary: summarize(model), ...(annotateError ? { annotateError } : {}) };
}

/**
 * Largest workbook (all parts inflated) ExcelJS is given to write an annotated copy of:
 * ExcelJS needs about 50 times a workbook's XML in memory (the 50,000-row workbook, 14 MB of
 * XML, took 736 MB), and a worker stays within 600 MB below about 8 MB.
 */
const ANNOTATE_MAX_BYTES = 8 * 1024 * 1024;
/** Excel's limit on a cell's text. */
const EXCEL_MAX_TEXT = 32767;

/**
 * The annotated copy: ExcelJS's rewrite of the workbook with the findings marked. ExcelJS
 * holds every part in memory, many times its size, so a workbook that no spreadsheet program
 * wrote (a cell past Excel's 32,767 characters) or one past 8 MB of XML gets no copy: its
 * check stands, and the reason is reported. Returns why there is no copy, or undefined.
 */
async function writeAnnotated(buf: Buffer, grid: Grid, findings: BlocResult['findings'], annotate: NonNullable<FileTask['annotate']>, limits: Limits): Promise<string | undefined> {
  const vi = annotate.lang === 'vi';
  const parts = checkAllParts(buf, { ...limits, maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, ANNOTATE_MAX_BYTES) });
  if (!parts.ok && parts.code === 'too-large') {
    const mb = ANNOTATE_MAX_BYTES / 1024 / 1024;
    return vi ? `sổ quá lớn để ghi bản đánh dấu (hơn ${mb} MB dữ liệu); kết quả kiểm tra vẫn đầy đủ` : `the workbook is too large for an annotated copy (over ${mb} MB of data); the check is complete`;
  }
  if (!parts.ok) return vi ? `sổ có phần hỏng hoặc bất thường (${parts.detail}); kết quả kiểm tra vẫn đầy đủ` : `part of the workbook is damaged or odd (${parts.detail}); the check is complete`;
  let longest = 0;
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      for (const c of row ?? []) if (c && typeof c.value === 'string' && c.value.length > longest) longest = c.value.length;
    }
  }
  if (longest > EXCEL_MAX_TEXT) return vi ? `một ô dài ${longest} ký tự, quá giới hạn ${EXCEL_MAX_TEXT} của Excel` : `a cell of ${longest} characters, past Excel's limit of ${EXCEL_MAX_TEXT}`;
  try {
    const { loadWorkbook } = await exceljs();
    const wb: ExcelJS.Workbook = await loadWorkbook(buf);
    const { annotateWorkbook } = await import('./annotate');
    annotateWorkbook(wb, findings.map((f) => findingJson(f, annotate.lang)), annotate.lang);
    writeAtomic(annotate.out, Buffer.from(await wb.xlsx.writeBuffer()));
    return undefined;
  } catch (e) {
    // The check stands; only the copy failed (ExcelJS refusing a sheet name, a full disk, a folder not writable).
    return (e as Error).message;
  }
}

export default checkFile;
