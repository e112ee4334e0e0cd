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

/** Our highlight is a conditional format with this formula: the user's own formats stay as they are. */
export const MARK_FORMULA = '=ISLOGICAL(TRUE)';
const MARK_COLOUR: Record<'error' | 'warning' | 'info', string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** The pane's host on real Excel (see pane/controller.ts, PaneHost). */
export function officeHost(host: ExcelHost) {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => host.Excel.run({ delayForCellEdit: true } as Excel.RunOptions, batch);
  let marked: { sheet: string; cell: string }[] = [];
  const clear = () =>
    run(async (context) => {
      const formats = marked.map((m) => {
        const cf = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).conditionalFormats;
        cf.load('items/type,items/custom/rule/formula');
        return cf;
      });
      await context.sync();
      for (const cf of formats) for (const item of cf.items) if (item.type === 'Custom' && item.custom.rule.formula === MARK_FORMULA) item.delete();
      await context.sync();
      marked = [];
    });
  return {
    readSheets: (names?: readonly string[]) => readWorkbook(host, names ? { sheets: names } : {}),
    onChange: (handler: (sheets: string[]) => void) =>
      run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        // Worksheet.onChanged is ExcelApi 1.7, the manifest's minimum.
        for (const ws of sheets.items) {
          const name = ws.name;
          ws.onChanged.add(async () => handler([name]));
        }
        await context.sync();
      }),
    select: (sheet: string, cell: string) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    writeCell: (sheet: string, cell: string, value: string | number) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
        await context.sync();
      }),
    showMarks: async (marks: { sheet: string; cell: string; severity: 'error' | 'warning' | 'info' }[]) => {
      await clear();
      await run(async (context) => {
        for (const m of marks) {
          const cf = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_COLOUR[m.severity];
        }
        await context.sync();
        marked = marks.map((m) => ({ sheet: m.sheet, cell: m.cell }));
      });
    },
    clearMarks: clear,
  };
}
