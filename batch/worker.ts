/**
 * A worker thread's two jobs. `checkFile` (the default): sniff a file, read the template's
 * sheets, check them with the engine; whatever goes wrong ends as this file's `unreadable`
 * entry and the batch goes on. `annotateFile`: the annotated copy, a separate task run after
 * the check is final, with its own time and memory limit, so that a copy ExcelJS cannot make
 * (it refuses some valid packages and hangs on others) never costs a workbook its check.
 */
import type ExcelJS from 'exceljs';
import type { FileJson, Grid } from '../engine';
import { DEFAULT_LIMITS, type Limits, checkAllParts } from './intake';

export { checkBuffer, checkFile, type FileOutcome, type FileTask } from './check-file';
import { checkFile, readFile } from './check-file';

export interface AnnotateTask {
  path: string;
  out: string;
  lang: 'vi' | 'en';
  /** The file's entry in the report: its findings, result and counts. */
  entry: FileJson;
  /** When the batch was checked (ISO 8601), as the report says. */
  checkedAt: string;
  limits?: Limits;
}

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
 * The annotated copy: ExcelJS's rewrite of the workbook with the findings marked. Returns
 * why there is no copy, in the report's language, or undefined when it was written. A
 * workbook no spreadsheet program wrote (a cell past Excel's 32,767 characters), one past
 * 8 MB of XML, one ExcelJS refuses or reads otherwise than the check did gets no copy.
 */
export async function annotateFile(task: AnnotateTask): Promise<string | undefined> {
  const vi = task.lang === 'vi';
  const limits = task.limits ?? DEFAULT_LIMITS;
  const read = readFile(task.path, limits, () => true);
  if ('ok' in read) return vi ? `không đọc lại được sổ (${read.detail})` : `the workbook could not be read again (${read.detail})`;
  const parts = checkAllParts(read.buf, { ...limits, maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, ANNOTATE_MAX_BYTES) });
  if (!parts.ok && parts.code === 'too-large') {
    const mb = ANNOTATE_MAX_BYTES / 1024 / 1024;
    return vi ? `sổ quá lớn để ghi bản đánh dấu (hơn ${mb} MB dữ liệu); kết quả kiểm tra vẫn đầy đủ` : `the workbook is too large for an annotated copy (over ${mb} MB of data); the check is complete`;
  }
  if (!parts.ok) return vi ? `sổ có phần hỏng hoặc bất thường (${parts.detail}); kết quả kiểm tra vẫn đầy đủ` : `part of the workbook is damaged or odd (${parts.detail}); the check is complete`;
  const { values, longest } = census(read.grid);
  if (longest > EXCEL_MAX_TEXT) return vi ? `một ô dài ${longest} ký tự, quá giới hạn ${EXCEL_MAX_TEXT} của Excel` : `a cell of ${longest} characters, past Excel's limit of ${EXCEL_MAX_TEXT}`;
  try {
    const wb = await excelJsCopy(read.buf, values);
    if (!wb) return vi ? 'thư viện ghi bản sao (ExcelJS) không đọc được sổ này dù sổ đúng chuẩn; kết quả kiểm tra vẫn đầy đủ' : 'the copy writer (ExcelJS) cannot read this workbook, correct as it is; the check is complete';
    const { annotateWorkbook } = await import('./annotate');
    annotateWorkbook(wb, task.entry, task.lang, new Date(task.checkedAt));
    const { writeAtomic } = await import('./files');
    const { signNotes } = await import('./copy-package');
    writeAtomic(task.out, signNotes(Buffer.from(await wb.xlsx.writeBuffer()), read.buf));
    return undefined;
  } catch (e) {
    // The check stands; only the copy failed: a full disk or a folder not writable, said plainly.
    const code = (e as { code?: string }).code;
    const where = code === 'ENOSPC' ? (vi ? 'đĩa đã đầy' : 'the disk is full') : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? (vi ? 'thư mục không cho ghi' : 'the folder cannot be written') : vi ? 'lỗi khi ghi tệp' : 'the file could not be written';
    return vi ? `không ghi được bản sao (${where}); kết quả kiểm tra vẫn đầy đủ` : `the copy could not be written (${where}); the check is complete`;
  }
}

/**
 * The workbook as ExcelJS holds it for the copy, or undefined when ExcelJS cannot read it, or
 * reads less than the check did (a copy that lost sheets or cells would mislead whoever reads
 * it). The package as it is first (absolute targets made relative), then re-spelled.
 */
async function excelJsCopy(buf: Buffer, values: Map<string, number>): Promise<ExcelJS.Workbook | undefined> {
  const { canonicalPackage, excelJsReady, workbookWhereExcelJsLooks } = await import('./copy-package');
  const { loadWorkbook } = await import('./adapter');
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

export default checkFile;
