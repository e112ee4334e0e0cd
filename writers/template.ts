/**
 * `thidua template`: the blank template v1 as an .xlsx, from the engine's layout: widths,
 * frozen headers, borders round the input area, required headers marked `(*)` in red,
 * drop-downs and input prompts (each written once, over its whole range), `Tổng điểm` and
 * `Tỷ lệ (%)` as formulas, a hidden sheet of the lists too long to write inline, and a print
 * setup (A4 landscape, one page wide, the header row on every page); optionally pre-filled.
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs';
import { SEVERITY_ARGB } from './sheet-layout';
import { CHECK_SHEET, checkSheetCells, HELPER_COLUMN, checkFormats, COLOUR_LEGEND, headerHeight, type Profile, checkedCells, columnLetters, fromA1, type LayoutSheet, REQUIRED_MARK, type Settings, type TemplateCheck, templateChecks, geometryOf, type Geometry, type TemplatePrefill, type Validation, templateFor } from '../engine';

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
/** The grey of a cell that computes itself (a formula), apart from the white of a cell to type in. */
const FORMULA_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

function excelValidation(v: Validation, prompt: string, header: string): ExcelJS.DataValidation {
  const base = { allowBlank: true, showInputMessage: true, promptTitle: header.slice(0, 32), prompt: prompt.slice(0, 255), showErrorMessage: true, errorStyle: 'warning' };
  switch (v.type) {
    case 'list':
      // A list written inline must stay under Excel's 255 characters.
      return { ...base, type: 'list', formulae: [`"${v.values.join(',').replace(/"/g, '')}"`], error: 'Hãy chọn một giá trị trong danh sách.' };
    case 'members':
      return v.othersAllowed
        ? { ...base, errorStyle: 'information', type: 'list', formulae: [v.range], error: 'Đơn vị không có trong trang "Thành viên": ghi được nếu là đơn vị cũ của khối.' }
        : { ...base, type: 'list', formulae: [v.range], error: 'Hãy chọn một đơn vị trong trang "Thành viên" (tên hoặc tên viết tắt).' };
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

/** A sheet the template has written: a check of a sheet it lacks is a fault of the template's, never dropped. */
function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`The template has no sheet "${name}" for its checks`);
  return ws;
}

/** A2:B2-style address of a block. */
const block = (row: number, col: number, rows: number, cols: number) => `${columnLetters(col)}${row}:${columnLetters(col + cols - 1)}${row + rows - 1}`;

/** ExcelJS's list of a sheet's validations by range (there, but not in its types). */
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void; model: Record<string, ExcelJS.DataValidation> } }).dataValidations;

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
  // What the colours mean, under Thông tin's labels.
  if (isInfo) {
    const at = firstRow + sheet.rows.length + 1;
    ws.getCell(at, 1).value = 'Chú thích màu';
    ws.getCell(at, 1).font = { bold: true };
    COLOUR_LEGEND.forEach(([severity, text], k) => {
      ws.getCell(at + 1 + k, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_ARGB[severity] } };
      ws.getCell(at + 1 + k, 2).value = text;
    });
    ws.getCell(at + 1 + COLOUR_LEGEND.length, 1).fill = FORMULA_FILL;
    ws.getCell(at + 1 + COLOUR_LEGEND.length, 2).value = 'Ô nền xám: tự tính bằng công thức (Tổng điểm, Tỷ lệ %).';
    ws.getCell(at + 2 + COLOUR_LEGEND.length, 2).value = 'Trang "Kiểm tra" đếm các vấn đề của cả sổ; số 0 là không thấy vấn đề nào biểu mẫu tự kiểm tra được.';
  }
  // Borders round the area to fill in, so that a printed form shows its boxes.
  const rows = sheet.formRows;
  for (let r = firstRow; r < firstRow + rows; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = THIN;
  if (isInfo) {
    sheet.valueValidations!.forEach((v, r) => {
      if (v) ws.getCell(firstRow + r, 2).dataValidation = excelValidation(v.validation, v.prompt, String(sheet.rows[r]![0]).replace(REQUIRED_MARK, ''));
      if (v?.numFmt) ws.getCell(firstRow + r, 2).numFmt = v.numFmt;
    });
  } else {
    sheet.columns.forEach((c, i) => {
      if (c.formula) {
        for (let r = firstRow; r < firstRow + sheet.formRows; r++) {
          ws.getCell(r, i + 1).value = { formula: c.formula.replaceAll('{r}', String(r)), result: '' } as ExcelJS.CellFormulaValue;
          ws.getCell(r, i + 1).fill = FORMULA_FILL;
        }
      }
      if (c.numFmt) for (let r = firstRow; r < firstRow + sheet.formRows; r++) ws.getCell(r, i + 1).numFmt = c.numFmt;
      // One validation over the column's whole range (per-cell ones, ExcelJS writes twice, overlapping).
      if (c.validation && sheet.inputRows > 0) validations(ws).add(block(firstRow, i + 1, sheet.inputRows, 1), excelValidation(c.validation, c.prompt, c.header.replace(REQUIRED_MARK, '')));
    });
    if (!sheet.hidden) ws.autoFilter = { from: { row: sheet.headerRow, column: 1 }, to: { row: sheet.headerRow, column: width } };
    ws.getRow(sheet.headerRow).height = headerHeight(sheet.columns);
    // Names and texts wrap in their cells: printed whole, never cut at the column's edge.
    sheet.columns.forEach((c, i) => {
      if (c.width >= 20 || c.criterion) for (let r = firstRow; r < firstRow + sheet.formRows; r++) ws.getCell(r, i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  // Cells that compute (the list of units gathered from Thành viên).
  for (const c of sheet.cells ?? []) ws.getCell(c.address).value = { formula: c.formula, ...(c.array ? { shareType: 'array', ref: c.address } : {}) } as ExcelJS.CellFormulaValue;
  // The lists the drop-downs read: not to be typed over by mistake (protected, no password).
  if (sheet.hidden) void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  // A4 across when the table is much wider than a page (about 100 characters at 11 points): a
  // table a little wider prints upright, a little smaller, its 30-row form on one page.
  ws.pageSetup = { paperSize: 9, orientation: across > 100 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${sheet.headerRow}:${sheet.headerRow}` };
}

/**
 * A check's rule in the input message of the cells it tests: added to the message of the
 * drop-down or check already over them, or as a message of its own (a validation that allows
 * any value). Excel shows at most 255 characters.
 */
function promptChecks(wb: ExcelJS.Workbook, check: TemplateCheck, g: Geometry): void {
  const ws = sheetOf(wb, g.name(check.sheet));
  const model = validations(ws).model;
  const cells = checkedCells(check, g);
  const cols = new Set(cells.map(([c]) => c));
  const add = (v: ExcelJS.DataValidation) => {
    if (v.prompt?.includes(check.message)) return;
    v.prompt = `${v.prompt ? `${v.prompt} ` : ''}Kiểm tra: ${check.message}`.slice(0, 255);
    v.showInputMessage = true;
  };
  /** The validation over a cell already (one column's range), whichever range it was written for. */
  const over = (col: string, row: number) =>
    Object.keys(model).find((k) => {
      const [a, b = a] = k.split(':') as [string, string?];
      const [from, to] = [fromA1(a), fromA1(b!)];
      return from !== undefined && to !== undefined && from.col === to.col && columnLetters(from.col) === col && from.row <= row && row <= to.row;
    });
  if ('info' in check.cells) {
    for (const [col, row] of cells) {
      const key = over(col, row);
      if (key) {
        add(model[key]!);
        continue;
      }
      const v = { type: 'any', allowBlank: true } as unknown as ExcelJS.DataValidation;
      add(v);
      ws.getCell(`${col}${row}`).dataValidation = v;
    }
    return;
  }
  for (const col of cols) {
    // A table's validations start on its first row (3): a check from a later row shares them.
    const rows = cells.filter(([c]) => c === col).map(([, r]) => r);
    const [from, to] = [Math.min(...rows), Math.max(...rows)];
    const key = over(col, from) ?? over(col, 3);
    if (key) add(model[key]!);
    else validations(ws).add(`${col}${Math.min(3, from)}:${col}${to}`, { type: 'any', allowBlank: true, showInputMessage: true, promptTitle: 'Kiểm tra', prompt: `Kiểm tra: ${check.message}`.slice(0, 255) } as unknown as ExcelJS.DataValidation);
  }
}

/**
 * The template's own checks: each a conditional format on the cells it tests (coloured as the
 * annotated copy colours a finding), and `Kiểm tra` counting each rule's problems from the
 * helper cells in its hidden columns, with a total at the top and the rules only thidua or
 * the add-in can check beside. The sheet is protected, without a password.
 */
function writeChecks(wb: ExcelJS.Workbook, settings: Settings, g: Geometry): void {
  const { checks, others } = templateChecks(settings);
  // One format per block of cells, its rules gravest first with the lowest priority number:
  // where two checks colour one cell, the graver's colour shows.
  let priority = 0;
  for (const { sheet, ref, rules } of checkFormats(checks, g, settings)) {
    sheetOf(wb, g.name(sheet)).addConditionalFormatting({ ref, rules: rules.map(({ check, test }) => ({ type: 'expression', priority: ++priority, formulae: [test], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: SEVERITY_ARGB[check.severity] } } } })) });
  }
  // Its formulas carry no stored result: every program computes them as it opens the file
  // (LibreOffice keeps a stored result unless told otherwise). The engine never reads this sheet.
  checks.forEach((check) => promptChecks(wb, check, g));
  const ks = wb.addWorksheet(CHECK_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const [address, value] of checkSheetCells(checks, others, g, settings)) {
    const helper = (fromA1(address)?.col ?? 0) >= HELPER_COLUMN;
    ks.getCell(address).value = typeof value === 'string' && value.startsWith('=') ? ({ formula: value.slice(1), ...(helper ? { shareType: 'array', ref: address } : {}) } as ExcelJS.CellFormulaValue) : value;
  }
  ks.getRow(1).font = { bold: true };
  ks.getCell('E3').font = { bold: true };
  checks.forEach((_, i) => (ks.getColumn(HELPER_COLUMN + i).hidden = true));
  // Rule, description, count, severity; then the totals and the rules only thidua checks.
  [30, 70, 11, 10, 34, 70].forEach((w, i) => (ks.getColumn(i + 1).width = w));
  // Each row's id, description and count on one line: all at the top of the row.
  [1, 3, 4, 5].forEach((c) => (ks.getColumn(c).alignment = { vertical: 'top' }));
  ks.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  ks.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  // Descriptions wrap to two lines: rows as tall, written (LibreOffice keeps a row one line tall otherwise).
  const lastRow = Math.max(others.length + 3, new Set(checks.map((c) => c.ruleId)).size + 1);
  for (let r = 2; r <= lastRow; r++) ks.getRow(r).height = 30;
  ks.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: `A1:F${lastRow}`, printTitlesRow: '1:1' };
  // Protected without a password: not to be typed over by mistake, free to unprotect.
  void ks.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
}

/** The template (the engine's templateFor says which profile and which layout). */
export function templateWorkbook(prefill: TemplatePrefill = {}, today = new Date().toISOString().slice(0, 10), profile?: Profile): ExcelJS.Workbook {
  const { settings, layout } = templateFor(prefill, { today, ...(profile ? { profile } : {}) });
  const wb = new Workbook();
  wb.creator = 'thidua';
  // The formulas' values are written blank, as they are while nothing is typed, and every
  // program is asked to compute them again as it opens the file.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of layout.filter((s) => !s.hidden)) writeSheet(wb, sheet);
  writeChecks(wb, settings, geometryOf(layout));
  for (const sheet of layout.filter((s) => s.hidden)) writeSheet(wb, sheet);
  return wb;
}
