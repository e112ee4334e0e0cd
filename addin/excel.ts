/**
 * Office.js → Grid: the only module that reads the workbook through `Excel.run`. It reads
 * each wanted sheet's used range from A1 (so that addresses stay true) in chunks that keep
 * every request well under Excel's payload limits, with values, number formats and value
 * types, and merged areas where the host supports them (ExcelApi 1.13).
 */
/// <reference types="office-js" />
import { BUILT_IN_PROFILES, type Cell, currentNationalSettings, type FindingSeverity, type Grid, type GridSheet, headerKey, type LayoutSheet, MEMBER_LIST_RANGE, numberFormatKind, REQUIRED_MARK, SEVERITY_FILL, templateLayout, type Validation } from '../engine';

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
      const kind = numberFormatKind(format);
      const keepFormat = kind === 'percent' || kind === 'date';
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
const MARK_COLOUR = Object.fromEntries(Object.entries(SEVERITY_FILL).map(([k, rgb]) => [k, `#${rgb}`])) as Record<FindingSeverity, string>;

/** The pane's host on real Excel (see pane/controller.ts, PaneHost). */
export function officeHost(host: ExcelHost) {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => host.Excel.run({ delayForCellEdit: true } as Excel.RunOptions, batch);
  let marked: { sheet: string; cell: string }[] = [];
  let onChanged: ((sheets: string[]) => void) | undefined;
  const watched = new Set<string>();
  // Worksheet.onChanged is ExcelApi 1.7, the manifest's minimum; sheets added later are watched too.
  const watchNewSheets = async (context: Excel.RequestContext) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    for (const ws of sheets.items) {
      const name = ws.name;
      if (watched.has(name) || !onChanged) continue;
      watched.add(name);
      const handler = onChanged;
      ws.onChanged.add(async () => handler([name]));
    }
    await context.sync();
  };
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
    onChange: (handler: (sheets: string[]) => void) => {
      onChanged = handler;
      return run(watchNewSheets);
    },
    createTemplate: async () => {
      const added = await createTemplateSheets(host, templateLayout(currentNationalSettings(), {}, { today: new Date().toISOString().slice(0, 10), profiles: BUILT_IN_PROFILES.map((p) => p.id) }));
      await run(watchNewSheets);
      return added;
    },
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

/** Office.js data validation rule for a template column (ExcelApi 1.8). */
function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'members':
      return { list: { inCellDropDown: true, source: `=${MEMBER_LIST_RANGE}` } };
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

/**
 * "Tạo mẫu": add the template's sheets that the workbook lacks (by the reader's name
 * matching), with titles, headers, widths, frozen headers, and — where the host has
 * ExcelApi 1.8 — the same drop-downs and input prompts as `thidua template`.
 */
export async function createTemplateSheets(host: ExcelHost, layout: LayoutSheet[]): Promise<string[]> {
  const validation = host.isSetSupported('ExcelApi', '1.8');
  return host.Excel.run({ delayForCellEdit: true } as Excel.RunOptions, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const present = new Set(worksheets.items.map((w) => headerKey(w.name)));
    const added: string[] = [];
    // The hidden sheet of lists first: the drop-downs of the others refer to it.
    for (const sheet of [...layout].sort((a, b) => Number(b.hidden ?? false) - Number(a.hidden ?? false))) {
      if (present.has(headerKey(sheet.name))) continue;
      const ws = worksheets.add(sheet.name);
      // The hidden sheet of lists is none the user needs to hear of.
      if (!sheet.hidden) added.push(sheet.name);
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
        if (!c.formula || sheet.formRows === 0) return;
        const range = ws.getRangeByIndexes(first, i, sheet.formRows, 1);
        range.formulas = Array.from({ length: sheet.formRows }, (_, k) => [`=${c.formula!.replaceAll('{r}', String(first + k + 1))}`]);
        if (c.numFmt) range.numberFormat = Array.from({ length: sheet.formRows }, () => [c.numFmt!]);
      });
      ws.freezePanes.freezeRows(sheet.headerRow);
      if (sheet.hidden) ws.visibility = 'Hidden';
      if (validation) {
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
    }
    await context.sync();
    return added;
  });
}
