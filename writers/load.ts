/**
 * ExcelJS, for writing only: the annotated copy is ExcelJS's rewrite of a workbook. The check
 * never reads through ExcelJS (reader/read-workbook.ts does), so its findings never depend on
 * ExcelJS's own reading errors (dates below serial 61 a day off, `t="d"` as a number, the
 * fixed part names it insists on).
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs';
import './exceljs-cached-empty';

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
