/**
 * Office.js → Grid: the only module that reads the workbook through `Excel.run`. It reads
 * each wanted sheet's used range from A1 (so that addresses stay true) in chunks that keep
 * every request well under Excel's payload limits, with values, number formats and value
 * types, and merged areas where the host supports them (ExcelApi 1.13).
 */
/// <reference types="office-js" />
import type { Cell, Grid, GridSheet } from '../engine/model/grid';

export interface ExcelHost {
  Excel: Pick<typeof Excel, 'run'>;
  /** `Office.context.requirements.isSetSupported`, or a stand-in in tests. */
  isSetSupported: (name: string, version: string) => boolean;
}

export interface ReadOptions {
  /** Only these sheets (by name as in the workbook); all when absent. */
  sheets?: readonly string[];
  /** Cells per request: Excel refuses payloads over a few MB; 20,000 cells stay far below. */
  chunkCells?: number;
}

const DEFAULT_CHUNK = 20_000;

/** A value as Office.js gives it, with its type and format, to a cell of the grid. */
export function toCell(value: unknown, type: string, format: string, formula: unknown): Cell | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=');
  let cell: Cell | undefined;
  switch (type) {
    case 'Empty':
      cell = undefined;
      break;
    case 'Error':
      cell = { kind: 'error', value: String(value) };
      break;
    case 'Boolean':
      cell = { kind: 'boolean', value: Boolean(value) };
      break;
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      // Dates come as serials: the format tells the reader so (as ExcelJS's dates do).
      const keepFormat = /%|[dmy]/i.test(format) && !/^General$/i.test(format);
      cell = keepFormat ? { kind: 'number', value: n, numFmt: format } : { kind: 'number', value: n };
      break;
    }
    default:
      cell = value === '' || value === null || value === undefined ? undefined : { kind: 'text', value: String(value) };
  }
  if (!isFormula) return cell;
  // A formula in a live workbook always has a result (Excel calculates before it answers).
  return { ...(cell ?? { kind: 'blank', value: null }), formula: { cached: true } };
}

/** `'Bình xét'!B4:B5, 'Bình xét'!E4:E5` → [`B4:B5`, `E4:E5`] (sheet names may hold commas). */
export function areaAddresses(address: string): string[] {
  return [...address.matchAll(/(?:'(?:[^']|'')+'|[^',!\s][^',!]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)].map((m) => m[1]!.replace(/\$/g, ''));
}

export async function readWorkbook(host: ExcelHost, options: ReadOptions = {}): Promise<Grid> {
  const chunkCells = options.chunkCells ?? DEFAULT_CHUNK;
  const merges = host.isSetSupported('ExcelApi', '1.13');
  const runOptions = { delayForCellEdit: true } as Excel.RunOptions;
  return host.Excel.run(runOptions, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync();
    const wanted = worksheets.items.filter((ws) => !options.sheets || options.sheets.includes(ws.name));
    const used = wanted.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
    await context.sync();
    const sheets: GridSheet[] = [];
    for (let i = 0; i < wanted.length; i++) {
      const ws = wanted[i]!;
      const range = used[i]!;
      const sheet: GridSheet = { name: ws.name, rows: [], ...(ws.visibility !== 'Visible' ? { hidden: true } : {}) };
      sheets.push(sheet);
      if (range.isNullObject) continue;
      const rows = range.rowIndex + range.rowCount;
      const cols = range.columnIndex + range.columnCount;
      const step = Math.max(1, Math.floor(chunkCells / cols));
      for (let top = 0; top < rows; top += step) {
        const count = Math.min(step, rows - top);
        const chunk = ws.getRangeByIndexes(top, 0, count, cols);
        chunk.load('values,numberFormat,valueTypes,formulas');
        await context.sync();
        for (let r = 0; r < count; r++) {
          const out: (Cell | undefined)[] = [];
          for (let c = 0; c < cols; c++) {
            const cell = toCell(chunk.values[r]![c], String(chunk.valueTypes[r]![c]), String(chunk.numberFormat[r]![c] ?? ''), chunk.formulas[r]![c]);
            if (cell) out[c] = cell;
          }
          sheet.rows[top + r] = out;
        }
      }
      if (merges) {
        const areas = range.getMergedAreasOrNullObject();
        areas.load('address');
        await context.sync();
        if (!areas.isNullObject) {
          const list = areaAddresses(areas.address);
          if (list.length > 0) sheet.merges = list;
        }
      }
    }
    return { sheets };
  });
}
