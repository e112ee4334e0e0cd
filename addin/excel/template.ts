/**
 * "Tạo mẫu" carried out in Excel (see index.ts): the engine decides what to add
 * (engine/template/additions.ts); this adds it, a sheet per request.
 */
import { CHECK_SHEET, checkAdditions, type LayoutSheet, LISTS_SHEET, listsFit, listsHeader, REQUIRED_MARK, SEVERITY_FILL, type Settings, sheetsToAdd, type Validation } from '../../engine';
import type { ExcelHost, TemplateOutcome } from './types';

/** Office.js data validation rule for a template column (ExcelApi 1.8). */
function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'members':
    case 'range':
      return { list: { inCellDropDown: true, source: `=${v.range}` } };
    case 'whole':
      return v.max !== undefined
        ? { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } }
        : { wholeNumber: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } };
    case 'decimal':
      return { decimal: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } };
    case 'date':
      return { date: { formula1: '2000-01-01', operator: 'GreaterThan' } };
  }
}

/** One template sheet, added and set up: what one request may do. */
function buildSheet(worksheets: Excel.WorksheetCollection, sheet: LayoutSheet, validation: boolean): void {
  const ws = worksheets.add(sheet.name);
  const isInfo = sheet.valueValidations !== undefined;
  ws.getRange('A1').values = [[sheet.title]];
  ws.getRange('A1').format.font.bold = true;
  const width = sheet.columns.length;
  if (!isInfo) {
    const header = ws.getRangeByIndexes(sheet.headerRow - 1, 0, 1, width);
    header.values = [sheet.columns.map((c) => c.header)];
    header.format.font.bold = true;
    header.format.fill.color = '#DDEBF7';
  }
  sheet.columns.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = c.width * 6;
  });
  const first = isInfo ? 2 : sheet.headerRow;
  if (sheet.rows.length > 0) {
    const cols = Math.max(...sheet.rows.map((r) => r.length));
    ws.getRangeByIndexes(first, 0, sheet.rows.length, cols).values = sheet.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
  }
  // Tổng điểm, Tỷ lệ (%): formulas the user may type over, below what is pre-filled.
  sheet.columns.forEach((c, i) => {
    if (sheet.formRows === 0) return;
    const range = ws.getRangeByIndexes(first, i, sheet.formRows, 1);
    if (c.formula) range.formulas = Array.from({ length: sheet.formRows }, (_, k) => [`=${c.formula!.replaceAll('{r}', String(first + k + 1))}`]);
    if (c.numFmt) range.numberFormat = Array.from({ length: sheet.formRows }, () => [c.numFmt!]);
  });
  // Thông tin's dates, as Vietnamese write them.
  sheet.valueValidations?.forEach((v, r) => {
    if (v?.numFmt) ws.getRangeByIndexes(first + r, 1, 1, 1).numberFormat = [[v.numFmt]];
  });
  // Cells that compute (Danh mục's list of units gathered from Thành viên).
  for (const c of sheet.cells ?? []) ws.getRange(c.address).formulas = [[`=${c.formula}`]];
  ws.freezePanes.freezeRows(sheet.headerRow);
  if (sheet.hidden) ws.visibility = 'Hidden' as Excel.SheetVisibility;
  if (!validation) return;
  const rule = (range: Excel.Range, v: Validation, title: string, message: string) => {
    range.dataValidation.rule = validationRule(v);
    range.dataValidation.prompt = { showPrompt: true, title: title.replace(REQUIRED_MARK, '').slice(0, 32), message: message.slice(0, 255) };
  };
  sheet.valueValidations?.forEach((v, r) => {
    if (v) rule(ws.getRangeByIndexes(first + r, 1, 1, 1), v.validation, String(sheet.rows[r]![0]), v.prompt);
  });
  if (!isInfo) {
    sheet.columns.forEach((c, i) => {
      if (c.validation && sheet.inputRows > 0) rule(ws.getRangeByIndexes(sheet.headerRow, i, sheet.inputRows, 1), c.validation, c.header, c.prompt);
    });
  }
}

/**
 * "Tạo mẫu": add the template's sheets that the workbook lacks (by the reader's name
 * matching), each in a request of its own: a sheet Excel refuses is removed again, the ones
 * before it stand, and the outcome says which. Drop-downs (ExcelApi 1.8) as `thidua template`;
 * then the template's own checks, as the engine decides them (checkAdditions).
 */
export async function createTemplateSheets(host: ExcelHost, layout: LayoutSheet[], settings: Settings, names: ReadonlyMap<string, string> = new Map()): Promise<TemplateOutcome> {
  const validation = host.isSetSupported('ExcelApi', '1.8');
  return host.Excel.run({ delayForCellEdit: true } as Excel.RunOptions, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const added: string[] = [];
    let listsMade = false;
    for (const sheet of sheetsToAdd(layout, worksheets.items.map((w) => w.name))) {
      try {
        buildSheet(worksheets, sheet, validation);
        await context.sync();
      } catch (e) {
        // Nothing half-built is left: the sheet goes if Excel made it before failing.
        const left = worksheets.getItemOrNullObject(sheet.name);
        await context.sync();
        if (!left.isNullObject) {
          left.delete();
          await context.sync();
        }
        return { added, failed: { sheet: sheet.name, reason: e instanceof Error ? e.message : String(e) } };
      }
      // The hidden sheet of lists is none the user needs to hear of.
      if (!sheet.hidden) added.push(sheet.name);
      else listsMade = true;
    }
    worksheets.load('items/name');
    await context.sync();
    const existing = worksheets.items.map((w) => w.name);
    // The lists the checks look up: made now, or an earlier template's with the same columns.
    let fit = listsMade;
    const at = listsHeader(layout);
    if (!listsMade && at && existing.includes(LISTS_SHEET)) {
      const header = worksheets.getItem(LISTS_SHEET).getRangeByIndexes(at.row, 0, 1, at.columns);
      header.load('values');
      await context.sync();
      fit = listsFit(layout, header.values[0]!);
    }
    const { formats, checkSheet } = checkAdditions(layout, settings, { made: added, existing, names, listsFit: fit });
    for (const f of formats) {
      const cf = worksheets.getItem(f.sheet).getRange(f.ref).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = f.formula;
      cf.custom.format.fill.color = `#${SEVERITY_FILL[f.severity]}`;
      cf.priority = 0;
    }
    if (checkSheet) {
      const ks = worksheets.add(CHECK_SHEET);
      for (const [address, value] of checkSheet.cells) {
        const range = ks.getRange(address);
        if (typeof value === 'string' && value.startsWith('=')) range.formulas = [[value]];
        else range.values = [[value]];
      }
      ks.getRange(checkSheet.hiddenColumns).columnHidden = true;
      ks.protection.protect();
      added.push(CHECK_SHEET);
    }
    await context.sync();
    return { added };
  });
}
