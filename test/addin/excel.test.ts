import { OfficeMockObject } from 'office-addin-mock';
import { type ExcelHost, areaAddresses, readWorkbook, toCell } from '../../addin/excel';
import { checkGrid } from '../../engine/check';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';

/** What Excel would answer for a sheet: values, types and formats of every cell from A1. */
interface MockSheet {
  name: string;
  values: unknown[][];
  types?: string[][];
  formats?: string[][];
  formulas?: unknown[][];
  merges?: string[];
}

function mockHost(sheets: MockSheet[], options: { merges: boolean; calls?: number[] }): ExcelHost {
  // office-addin-mock checks load/sync like Excel: objects a method returns must already be in
  // the mock's tree, so each sheet carries its used range and a window that getRangeByIndexes fills.
  const items = sheets.map((s) => {
    const rows = s.values.length;
    const cols = Math.max(0, ...s.values.map((r) => r.length));
    const at = <T>(grid: T[][] | undefined, r: number, c: number, fallback: T) => grid?.[r]?.[c] ?? fallback;
    const typeOf = (v: unknown) => (v === '' || v === undefined ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
    return {
      name: s.name,
      visibility: 'Visible',
      used: {
        isNullObject: rows === 0,
        rowIndex: 0,
        columnIndex: 0,
        rowCount: rows,
        columnCount: cols,
        merged: { isNullObject: !s.merges, address: (s.merges ?? []).map((a) => `'${s.name}'!${a}`).join(', ') },
        getMergedAreasOrNullObject: function () {
          return (this as unknown as { merged: unknown }).merged;
        },
      },
      window: { values: [[]], valueTypes: [[]], numberFormat: [[]], formulas: [[]] },
      getUsedRangeOrNullObject: function () {
        return (this as unknown as { used: unknown }).used;
      },
      getRangeByIndexes: function (top: number, left: number, count: number, width: number) {
        options.calls?.push(count * width);
        const block = <T>(f: (r: number, c: number) => T) => Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, c) => f(top + r, left + c)));
        const w = (this as unknown as { window: Record<string, unknown> }).window;
        w.values = block((r, c) => at(s.values, r, c, ''));
        w.valueTypes = block((r, c) => at(s.types, r, c, typeOf(at(s.values, r, c, ''))));
        w.numberFormat = block((r, c) => at(s.formats, r, c, 'General'));
        w.formulas = block((r, c) => at(s.formulas, r, c, at(s.values, r, c, '')));
        return w;
      },
    };
  });
  // Collections are arrays of mocks: each sheet is its own OfficeMockObject, synced with the context.
  const sheetMocks = items.map((item) => new OfficeMockObject(item));
  // `isNullObject` needs no load in Excel: it is known once the request is synced.
  sheetMocks.forEach((m, i) => {
    const used = (m as unknown as { used: { merged: object } }).used;
    Object.defineProperty(used, 'isNullObject', { value: items[i]!.used.isNullObject });
    Object.defineProperty(used.merged, 'isNullObject', { value: items[i]!.used.merged.isNullObject });
  });
  const excel = new OfficeMockObject({
    context: { workbook: { worksheets: { items: [] } } },
    run: async function (this: { context: unknown }, _options: unknown, callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  }) as unknown as { context: { sync: () => Promise<void>; workbook: { worksheets: { items: unknown[] } } } } & ExcelHost['Excel'];
  const contextSync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    await contextSync();
    for (const m of sheetMocks) await m.sync();
  };
  Object.defineProperty(excel.context.workbook.worksheets, 'items', { get: () => sheetMocks });
  // `worksheets.load('items/name')` loads `name` on every sheet, as in Excel; nothing else is loaded.
  (excel.context.workbook.worksheets as unknown as { load: (p: string) => void }).load = (props: string) => {
    for (const prop of props.split(',')) {
      const [head, ...rest] = prop.trim().split('/');
      if (head !== 'items' || rest.length === 0) throw new Error(`unexpected load "${prop}" on a collection`);
      for (const m of sheetMocks) m.load(rest.join('/'));
    }
  };
  return { Excel: excel, isSetSupported: (_name, version) => options.merges || Number(version.split('.')[1]) < 13 };
}

/** The grid of a fixture, as Excel would show it (dates as serials with a date format). */
function asExcel(): MockSheet[] {
  return blocToGrid(laiChauMttq).sheets.map((s) => ({
    name: s.name,
    values: s.rows.map((r) => Array.from(r, (c) => (c === undefined ? '' : c.kind === 'date' ? 45303 : c.value))),
    formats: s.rows.map((r) => Array.from(r, (c) => (c?.kind === 'date' ? 'd/m/yyyy' : 'General'))),
    ...(s.merges ? { merges: s.merges } : {}),
  }));
}

describe('the Office adapter', () => {
  test('reads a workbook into the same Grid the engine checks clean', async () => {
    const grid = await readWorkbook(mockHost(asExcel(), { merges: true }));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Thành viên', 'Luân phiên', 'Chấm điểm', 'Bình xét', 'Đề nghị khen thưởng', 'Giao ước', 'Số liệu']);
    expect(checkGrid(grid, { today: '2026-11-22' }).findings).toEqual([]);
    expect(grid.sheets[0]!.merges).toEqual(['A1:B1']);
  });

  test('reads in chunks that stay under the payload limit, and only the sheets asked for', async () => {
    const calls: number[] = [];
    const grid = await readWorkbook(mockHost(asExcel(), { merges: false, calls }), { sheets: ['Bình xét'], chunkCells: 16 });
    expect(grid.sheets.map((s) => s.name)).toEqual(['Bình xét']);
    expect(Math.max(...calls)).toBeLessThanOrEqual(16);
    expect(calls.length).toBeGreaterThan(1);
    expect(grid.sheets[0]!.rows[2]!.slice(0, 3)).toEqual([{ kind: 'text', value: 'Cờ thi đua của UBND tỉnh' }, { kind: 'number', value: 6 }, { kind: 'number', value: 6 }]);
  });

  test('merged areas only where the host supports them (ExcelApi 1.13)', async () => {
    const grid = await readWorkbook(mockHost(asExcel(), { merges: false }));
    expect(grid.sheets[0]!.merges).toBeUndefined();
  });

  test('cells by value type: errors, booleans, percentages, dates by format, formulas', () => {
    expect(toCell('#DIV/0!', 'Error', 'General', '=1/0')).toEqual({ kind: 'error', value: '#DIV/0!', formula: { cached: true } });
    expect(toCell(true, 'Boolean', 'General', true)).toEqual({ kind: 'boolean', value: true });
    expect(toCell(0.8333, 'Double', '0.00%', 0.8333)).toEqual({ kind: 'number', value: 0.8333, numFmt: '0.00%' });
    expect(toCell(45303, 'Double', 'dd/mm/yyyy', 45303)).toEqual({ kind: 'number', value: 45303, numFmt: 'dd/mm/yyyy' });
    expect(toCell(6, 'Double', 'General', '=COUNTA(B3:B8)')).toEqual({ kind: 'number', value: 6, formula: { cached: true } });
    expect(toCell('', 'Empty', 'General', '')).toBeUndefined();
    expect(toCell('Hội Nông dân', 'String', '@', 'Hội Nông dân')).toEqual({ kind: 'text', value: 'Hội Nông dân' });
  });

  test('merged areas\' addresses, sheet names with quotes and commas', () => {
    expect(areaAddresses("'Bình xét'!B4:B5, 'Bình xét'!$E$4:$E$5")).toEqual(['B4:B5', 'E4:E5']);
    expect(areaAddresses("'Khối 6, năm ''23'!A1:C1")).toEqual(['A1:C1']);
    expect(areaAddresses('Sheet1!A1')).toEqual(['A1']);
  });
});
