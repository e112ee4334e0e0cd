/**
 * Grid → ExcelJS workbook, for the samples (scripts/make-samples.ts), benchmarks and tests: the
 * inverse of the reader, so that what the engine's writer lays out is what a real .xlsx holds.
 * Not used by the product (`thidua template` writes its workbook in writers/template.ts).
 */
import ExcelJS from 'exceljs';
import type { Cell, Grid } from '../../engine';

export function excelValue(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'blank':
      return null;
    case 'date': {
      const [y, m, d] = String(cell.value).split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    case 'error':
      return { error: String(cell.value) as ExcelJS.CellErrorValue['error'] };
    default:
      return cell.value as ExcelJS.CellValue;
  }
}

export interface WriteOptions {
  /** The row of each sheet that holds the headers, to make bold and freeze. */
  headerRow?: (sheetName: string) => number | undefined;
}

export function gridToWorkbook(grid: Grid, options: WriteOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  if (grid.date1904) wb.properties.date1904 = true;
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.formula) {
          target.value = cell.formula.cached ? ({ formula: 'NA()', result: excelValue(cell) } as ExcelJS.CellFormulaValue) : ({ formula: 'NA()' } as ExcelJS.CellFormulaValue);
        } else target.value = excelValue(cell);
        if (cell.kind === 'date') target.numFmt = 'd/m/yyyy';
        else if (cell.numFmt) target.numFmt = cell.numFmt;
      });
    });
    for (const m of sheet.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // An overlapping or malformed merge in test data: the grid keeps it, the file cannot.
      }
    }
    const header = options.headerRow?.(sheet.name);
    if (header !== undefined) {
      ws.getRow(header).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: header }];
    }
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.columns.forEach((col, i) => {
      let width = 8;
      // The title row spans the columns (merged): it does not size the first one.
      for (const row of sheet.rows.slice(1)) {
        const v = row?.[i];
        if (v && v.kind !== 'blank') width = Math.max(width, Math.min(60, String(v.value).length + 2));
      }
      col.width = width;
    });
  }
  return wb;
}
