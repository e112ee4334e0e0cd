/**
 * `thidua template`: the blank template v1 as an .xlsx, from the engine's layout, with
 * widths, frozen headers, drop-downs and input prompts; optionally pre-filled.
 */
import ExcelJS from 'exceljs';
import { currentNationalSettings, type LayoutSheet, MEMBER_LIST_RANGE, templateLayout, type TemplatePrefill, type Validation } from '../engine';

function excelValidation(v: Validation, prompt: string, header: string): ExcelJS.DataValidation {
  const base = { allowBlank: true, showInputMessage: true, promptTitle: header.slice(0, 32), prompt: prompt.slice(0, 255), showErrorMessage: true, errorStyle: 'warning' };
  switch (v.type) {
    case 'list':
      // A list written inline must stay under Excel's 255 characters.
      return { ...base, type: 'list', formulae: [`"${v.values.join(',').replace(/"/g, '')}"`], error: 'Hãy chọn một giá trị trong danh sách.' };
    case 'members':
      return { ...base, type: 'list', formulae: [MEMBER_LIST_RANGE], error: 'Hãy chọn một đơn vị trong trang "Thành viên".' };
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

function writeSheet(wb: ExcelJS.Workbook, sheet: LayoutSheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.headerRow }] });
  const isInfo = sheet.name === 'Thông tin';
  ws.getCell(1, 1).value = sheet.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, Math.max(2, sheet.columns.length));
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    if (isInfo) return;
    const cell = ws.getCell(sheet.headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.note = c.prompt;
  });
  // Thông tin: labels in A (bold), values in B, from row 3.
  const firstRow = isInfo ? 3 : sheet.headerRow + 1;
  sheet.rows.forEach((values, r) => {
    values.forEach((v, c) => {
      if (v !== undefined) ws.getCell(firstRow + r, c + 1).value = v;
    });
    if (isInfo) ws.getCell(firstRow + r, 1).font = { bold: true };
  });
  if (isInfo) {
    const rows = sheet.rows.length;
    for (let r = 0; r < rows; r++) ws.getCell(firstRow + r, 2).dataValidation = infoValidation(String(sheet.rows[r]![0]));
    return;
  }
  sheet.columns.forEach((c, i) => {
    if (!c.validation) return;
    const v = excelValidation(c.validation, c.prompt, c.header);
    for (let r = firstRow; r < firstRow + sheet.inputRows; r++) ws.getCell(r, i + 1).dataValidation = v;
  });
  ws.autoFilter = { from: { row: sheet.headerRow, column: 1 }, to: { row: sheet.headerRow, column: sheet.columns.length } };
  ws.getRow(sheet.headerRow).height = 30;
}

function infoValidation(label: string): ExcelJS.DataValidation {
  const prompt = { allowBlank: true, showInputMessage: true, promptTitle: label.slice(0, 32) };
  if (label === 'Năm thi đua') return { ...prompt, type: 'whole', operator: 'between', formulae: [2000, 2100], prompt: 'Năm được tổng kết, ví dụ 2023' };
  if (label === 'Ngày hội nghị tổng kết') return { ...prompt, type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(2000, 0, 1))], prompt: 'Ngày/tháng/năm' };
  if (label === 'Số đơn vị thành viên') return { ...prompt, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], prompt: 'Số đơn vị trong trang "Thành viên"' };
  if (/Trưởng khối|Phó trưởng khối/.test(label)) return { ...prompt, type: 'list', formulae: [MEMBER_LIST_RANGE], prompt: 'Chọn đơn vị trong danh sách thành viên' };
  return { ...prompt, type: 'textLength', operator: 'lessThanOrEqual', formulae: [255], prompt: label };
}

export function templateWorkbook(prefill: TemplatePrefill = {}): ExcelJS.Workbook {
  const settings = currentNationalSettings();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  for (const sheet of templateLayout(settings, prefill)) writeSheet(wb, sheet);
  return wb;
}
