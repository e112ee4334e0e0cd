/**
 * `thidua template`: the blank template v1 as an .xlsx, from the engine's layout: widths,
 * frozen headers, borders round the input area, required headers marked `(*)` in red,
 * drop-downs and input prompts (each written once, over its whole range), `Tổng điểm` and
 * `Tỷ lệ (%)` as formulas, a hidden sheet of the lists too long to write inline, and a print
 * setup (A4 landscape, one page wide, the header row on every page); optionally pre-filled.
 */
import ExcelJS from 'exceljs';
import { BUILT_IN_PROFILES, columnLetters, currentNationalSettings, type LayoutSheet, REQUIRED_MARK, templateLayout, type TemplatePrefill, type Validation } from '../engine';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

function excelValidation(v: Validation, prompt: string, header: string): ExcelJS.DataValidation {
  const base = { allowBlank: true, showInputMessage: true, promptTitle: header.slice(0, 32), prompt: prompt.slice(0, 255), showErrorMessage: true, errorStyle: 'warning' };
  switch (v.type) {
    case 'list':
      // A list written inline must stay under Excel's 255 characters.
      return { ...base, type: 'list', formulae: [`"${v.values.join(',').replace(/"/g, '')}"`], error: 'Hãy chọn một giá trị trong danh sách.' };
    case 'members':
      return { ...base, type: 'list', formulae: [v.range], error: 'Hãy chọn một đơn vị trong trang "Thành viên".' };
    case 'range':
      return { ...base, type: 'list', formulae: [v.range], error: 'Hãy chọn một giá trị trong danh sách.' };
    case 'whole':
      return v.max !== undefined
        ? { ...base, type: 'whole', operator: 'between', formulae: [v.min, v.max], error: `Hãy nhập số nguyên từ ${v.min} đến ${v.max}.` }
        : { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [v.min], error: `Hãy nhập số nguyên từ ${v.min} trở lên.` };
    case 'decimal':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [v.min], error: `Hãy nhập số từ ${v.min} trở lên.` };
    case 'date':
      return { ...base, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))], error: 'Hãy nhập ngày dạng ngày/tháng/năm.' };
  }
}

/** A required header or label: its `(*)` in red, as Vietnamese forms mark one. */
function headerValue(text: string): ExcelJS.CellValue {
  if (!text.endsWith(REQUIRED_MARK)) return text;
  return { richText: [{ text: text.slice(0, -REQUIRED_MARK.length), font: { bold: true } }, { text: REQUIRED_MARK, font: { bold: true, color: { argb: 'FFC00000' } } }] };
}

/** A2:B2-style address of a block. */
const block = (row: number, col: number, rows: number, cols: number) => `${columnLetters(col)}${row}:${columnLetters(col + cols - 1)}${row + rows - 1}`;

/** ExcelJS's list of a sheet's validations by range (there, but not in its types). */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function writeSheet(wb: ExcelJS.Workbook, sheet: LayoutSheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.headerRow }], ...(sheet.hidden ? { state: 'hidden' as const } : {}) });
  const isInfo = sheet.valueValidations !== undefined;
  const width = sheet.columns.length;
  // The title across the table, wrapped when longer than the table is wide (a 13-point bold
  // letter takes about 1.3 of a column's character widths).
  const across = sheet.columns.reduce((n, c) => n + c.width, 0);
  ws.getCell(1, 1).value = sheet.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'middle' };
  ws.mergeCells(1, 1, 1, Math.max(2, width));
  ws.getRow(1).height = 20 * Math.ceil((sheet.title.length * 1.3) / Math.max(1, across));
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (isInfo) return;
    const cell = ws.getCell(sheet.headerRow, i + 1);
    cell.value = headerValue(c.header);
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    if (c.prompt) cell.note = c.prompt;
  });
  // Thông tin: labels in A (bold), values in B, from row 3.
  const firstRow = isInfo ? 3 : sheet.headerRow + 1;
  sheet.rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== undefined) ws.getCell(firstRow + r, c + 1).value = isInfo && c === 0 ? headerValue(String(v)) : v;
    });
    if (isInfo) ws.getCell(firstRow + r, 1).font = { bold: true };
  });
  // Borders round the area to fill in, so that a printed form shows its boxes.
  const rows = sheet.formRows;
  for (let r = firstRow; r < firstRow + rows; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = THIN;
  if (isInfo) {
    sheet.valueValidations!.forEach((v, r) => {
      if (v) ws.getCell(firstRow + r, 2).dataValidation = excelValidation(v.validation, v.prompt, String(sheet.rows[r]![0]).replace(REQUIRED_MARK, ''));
    });
  } else {
    sheet.columns.forEach((c, i) => {
      if (c.formula) {
        for (let r = firstRow; r < firstRow + sheet.formRows; r++) ws.getCell(r, i + 1).value = { formula: c.formula.replaceAll('{r}', String(r)), result: '' } as ExcelJS.CellFormulaValue;
      }
      if (c.numFmt) for (let r = firstRow; r < firstRow + sheet.formRows; r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
      // One validation over the column's whole range (per-cell ones, ExcelJS writes twice, overlapping).
      if (c.validation && sheet.inputRows > 0) validations(ws).add(block(firstRow, i + 1, sheet.inputRows, 1), excelValidation(c.validation, c.prompt, c.header.replace(REQUIRED_MARK, '')));
    });
    if (!sheet.hidden) ws.autoFilter = { from: { row: sheet.headerRow, column: 1 }, to: { row: sheet.headerRow, column: width } };
    ws.getRow(sheet.headerRow).height = 30;
  }
  // A4 across when the table is wider than a page is tall (about 100 characters at 11 points).
  ws.pageSetup = { paperSize: 9, orientation: across > 100 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${sheet.headerRow}:${sheet.headerRow}` };
}

export function templateWorkbook(prefill: TemplatePrefill = {}, today = new Date().toISOString().slice(0, 10)): ExcelJS.Workbook {
  const settings = currentNationalSettings();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  // The formulas' values are written blank, as they are while nothing is typed, and every
  // program is asked to compute them again as it opens the file.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of templateLayout(settings, prefill, { today, profiles: BUILT_IN_PROFILES.map((p) => p.id) })) writeSheet(wb, sheet);
  return wb;
}
