/**
 * The annotated copy of a workbook, made by ExcelJS once the check is final. Used by the
 * command's worker threads (pool/worker.ts, which writes it to a file) and by the office
 * desk's writer worker (desk/writer.ts, which hands it to the page to download).
 */
import type ExcelJS from 'exceljs';
import { copyFailureText, type FileJson, type Grid, type Lang } from '../engine';
import { canonicalPackage, checkAllParts, DEFAULT_LIMITS, excelJsReady, type Limits, signNotes, workbookWhereExcelJsLooks } from '../reader';
import { workbookBytes } from './exceljs';

/**
 * Largest workbook (all parts inflated) ExcelJS is given to write an annotated copy of:
 * ExcelJS needs about 50 times a workbook's XML in memory (the 50,000-row workbook, 14 MB of
 * XML, took 736 MB), and a worker stays within 600 MB below about 8 MB.
 */
const ANNOTATE_MAX_BYTES = 8 * 1024 * 1024;
/** Excel's limit on a cell's text. */
const EXCEL_MAX_TEXT = 32767;

/** Text cells and the longest text of a Grid's sheets (to compare with what ExcelJS read). */
function census(grid: Grid): { values: Map<string, number>; longest: number } {
  const values = new Map<string, number>();
  let longest = 0;
  for (const sheet of grid.sheets) {
    let n = 0;
    for (const row of sheet.rows) {
      for (const c of row ?? []) {
        if (!c || c.kind === 'blank') continue;
        n++;
        if (typeof c.value === 'string' && c.value.length > longest) longest = c.value.length;
      }
    }
    values.set(sheet.name, n);
  }
  return { values, longest };
}

/**
 * The annotated copy of a workbook already read (its bytes and its grid): ExcelJS's rewrite
 * with the findings marked, or why there is none, in the report's language. A workbook no
 * spreadsheet program wrote (a cell past Excel's 32,767 characters), one past 8 MB of XML, one
 * ExcelJS refuses or reads otherwise than the check did gets no copy.
 */
export async function annotateBuffer(buf: Buffer, grid: Grid, entry: FileJson, lang: Lang, checkedAt: Date, limits: Limits = DEFAULT_LIMITS): Promise<{ bytes: Buffer } | { reason: string }> {
  const parts = checkAllParts(buf, { ...limits, maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, ANNOTATE_MAX_BYTES) });
  if (!parts.ok && parts.code === 'too-large') {
    const mb = ANNOTATE_MAX_BYTES / 1024 / 1024;
    return { reason: copyFailureText({ code: 'too-large', mb }, lang) };
  }
  if (!parts.ok) return { reason: copyFailureText({ code: 'damaged', detail: parts.detail }, lang) };
  const { values, longest } = census(grid);
  if (longest > EXCEL_MAX_TEXT) return { reason: copyFailureText({ code: 'cell-too-long', length: longest, max: EXCEL_MAX_TEXT }, lang) };
  const wb = await excelJsCopy(buf, values);
  if (!wb) return { reason: copyFailureText({ code: 'exceljs-refused' }, lang) };
  const { annotateWorkbook } = await import('./annotate');
  annotateWorkbook(wb, entry, lang, checkedAt);
  return { bytes: signNotes(await workbookBytes(wb), buf) };
}

/**
 * The workbook as ExcelJS holds it for the copy, or undefined when ExcelJS cannot read it, or
 * reads less than the check did (a copy that lost sheets or cells would mislead whoever reads
 * it). The package as it is first (absolute targets made relative), then re-spelled.
 */
async function excelJsCopy(buf: Buffer, values: Map<string, number>): Promise<ExcelJS.Workbook | undefined> {
  const { loadWorkbook } = await import('./load');
  const faithful = (wb: ExcelJS.Workbook) =>
    [...values].every(([name, n]) => {
      const ws = wb.getWorksheet(name);
      if (!ws) return false;
      let m = 0;
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, () => void m++));
      return m >= n;
    });
  const light = excelJsReady(buf);
  if (workbookWhereExcelJsLooks(light)) {
    try {
      const wb = await loadWorkbook(light);
      if (faithful(wb)) return wb;
    } catch {
      // Read again below, re-spelled.
    }
  }
  try {
    const wb = await loadWorkbook(canonicalPackage(buf));
    return faithful(wb) ? wb : undefined;
  } catch {
    return undefined;
  }
}
