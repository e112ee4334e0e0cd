/**
 * A fake Excel for the pane's browser tests, in place of Office.js. It is modelled on the
 * Excel JavaScript API reference and on how Excel is known to behave, its awkward parts
 * included, because the pane must survive those in real Excel:
 *
 * - Proxies: a property is readable only after `load()` and `context.sync()`
 *   (`PropertyNotLoaded` otherwise); every queued operation runs at the next sync.
 * - Each `context.sync()` is a round trip: it waits `syncDelayMs`, is counted, and fails whole
 *   with `RequestPayloadSizeLimitExceeded` or `ResponsePayloadSizeLimitExceeded` when what it
 *   sends or loads is over `payloadLimit` bytes of UTF-8 (5 MB on Excel on the web only,
 *   "Resource limits and performance optimization for Office Add-ins": `platform: 'web'`, or a
 *   limit the test sets); each refusal counted.
 * - Values written through `Range.values` are parsed as Excel parses what is typed: `=…` is a
 *   formula; `-x`, `+x` and `@x` are formulas too (`#NAME?` when not a number); `001` is the
 *   number 1; `50%` is 0.5 in a percentage format; `12/5/2024` a date; `TRUE` a boolean; a
 *   leading apostrophe keeps the rest as text. `formulas` is distinct from `values`. The fake
 *   calculates nothing: a formula reads back with the value it came with, or "".
 * - Conditional formats of every type, returned by `Range.conditionalFormats` when they
 *   intersect the range. Loading `custom` on a collection that holds another type fails the
 *   sync ("This operation is not permitted for the current object", office-js #2180);
 *   `customOrNullObject` does not.
 * - Events arrive `eventDelayMs` after the write that caused them, with `worksheetId`,
 *   `address`, `changeType`, `source` and, from ExcelApi 1.14, `triggerSource`.
 * - Rows inserted and deleted move cells and conditional formats and adjust the references
 *   in their formulas; sheets are renamed, added and deleted, with their events.
 * - Undo: from ExcelApi 1.19 a sync that writes is one undo record, and one `Excel.run` with
 *   `mergeUndoGroup` (ExcelApi 1.20) is one record for all its syncs; below 1.19 a write
 *   clears the undo stack.
 * - `isSetSupported` answers for the API version given (`api`, default 1.20), and an API of a
 *   newer set fails its request with `ApiNotFound` (data validation 1.8, merged areas 1.13,
 *   conditional formats 1.6, `getRangeByIndexes` and freeze panes 1.7, calculation mode 1.8).
 * - An event handler is registered by its request's sync, and not when that sync fails.
 * - `onChanged` fires for a format changed as for a value ("fires when either the format or
 *   value of the data changes"); conditional formats changed fire nothing (office-js-docs
 *   #1503); a co-author's edit comes with `source: Remote`; a pick from a drop-down list
 *   (office-js #420) and Text to Columns (#3729) fire nothing; in automatic calculation an
 *   edit is followed by the calculated event of the sheets whose formulas may read it.
 * - Cell-edit mode (`startEditing`/`stopEditing`): a request from `Excel.run` with
 *   `delayForCellEdit` is held until the user leaves the cell, else it fails with
 *   `InvalidOperationInCellEditMode` (office-js #806).
 * - `failNext(code, n)` (or `failSyncs` at start): the next syncs fail with Excel's error code.
 *
 * In a page, fake-office-page.ts installs it as `Office` and `Excel`; in Node, tests build it
 * and hand `officeHost` its `run` and `isSetSupported`.
 */
import type { Grid } from '../../../engine/model/grid';
import { columnLetters, fromA1, toA1 } from '../../../engine/model/grid';
import { FakeContext } from './context';
import { type FakeCF, type FakeCell, type FakeOptions, type FakeSheet, type Handler, fromGridCell, intersects, parseInput, shiftAddress, shiftRows } from './model';

export class FakeExcel {
  sheets: FakeSheet[];
  selection: { sheet: string; address: string } | undefined;
  ids = 0;
  syncs = 0;
  requests: number[] = [];
  handlers: { key: string; handler: Handler }[] = [];
  /** Undo records, newest last: "user" for typing, "addin" for the add-in's writes. */
  undoStack: string[] = [];
  readonly minor: number;
  readonly payloadLimit: number;
  /** Syncs refused for their size. */
  refusals = 0;
  /** `application.calculate()` calls, by calculation type. */
  calculations: string[] = [];
  onSync?: () => void;
  /** Excel.run batches running now, and the most ever at once. */
  running = 0;
  mostRunning = 0;
  /** The cell the user is typing in (cell-edit mode), and when they leave it. */
  editing: { sheet: string; address: string; done: Promise<void>; leave: () => void } | undefined;
  /** Syncs held now by cell-edit mode. */
  held = 0;
  /** Syncs still to refuse, and with what. */
  failing: { code: string; count: number } | undefined;

  constructor(
    grid: Grid,
    readonly options: FakeOptions = {},
  ) {
    this.minor = Number((options.api ?? '1.20').split('.')[1]);
    if (options.failSyncs) this.failing = { ...options.failSyncs };
    this.payloadLimit = options.payloadLimit ?? (options.platform === 'web' ? 5 * 1024 * 1024 : Infinity);
    this.sheets = grid.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.rows.forEach((row, r) => row?.forEach((c, col) => c && cells.set(toA1(r + 1, col + 1), fromGridCell(c))));
      return { id: `{${++this.ids}}`, name: s.name, cells, cfs: [], merges: [...(s.merges ?? [])], validations: new Map(), frozenRows: 0, visibility: s.hidden ? 'Hidden' : 'Visible' };
    });
    for (const f of options.formats ?? []) this.sheet(f.sheet).cfs.push({ id: ++this.ids, type: f.type, address: f.address, ...(f.formula ? { formula: f.formula } : {}), ...(f.fill ? { fill: f.fill } : {}) });
  }

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && Number(version.split('.')[0]) === 1 && Number(version.split('.')[1] ?? 0) <= this.minor;
  }

  run<T>(optionsOrBatch: unknown, maybeBatch?: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const batch = (typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch) as (ctx: FakeContext) => Promise<T>;
    const options = (typeof optionsOrBatch === 'object' ? optionsOrBatch : {}) as { mergeUndoGroup?: boolean; delayForCellEdit?: boolean };
    const ctx = new FakeContext(this, options.mergeUndoGroup === true && this.minor >= 20, options.delayForCellEdit === true);
    this.running++;
    this.mostRunning = Math.max(this.mostRunning, this.running);

    return batch(ctx).finally(() => this.running--);
  }

  undoRecord(ctx: FakeContext): void {
    if (this.minor < 19) {
      this.undoStack = []; // the add-in's write clears what the user could undo
      return;
    }
    if (ctx.mergeUndo && ctx.wrote) return; // one record for the whole run
    ctx.wrote = true;
    this.undoStack.push('addin');
  }

  /** An event, `eventDelayMs` after what caused it. */
  later(sheet: FakeSheet, args: Record<string, unknown>, key = 'changed'): void {
    const payload: Record<string, unknown> = { type: key === 'changed' ? 'WorksheetChanged' : key, worksheetId: sheet.id, ...args };
    if (this.minor < 14) delete payload.triggerSource;
    setTimeout(() => {
      for (const h of this.handlers) if (h.key === key || h.key === `${key}:${sheet.id}`) void h.handler(payload);
    }, this.options.eventDelayMs ?? 20);
  }

  private sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake Excel: no sheet ${name}`);
    return s;
  }

  /**
   * The test types into a cell, as a user would: parsed as Excel parses it, an undo record, the
   * change event; in automatic calculation, then the calculated event of each sheet whose
   * formulas may read it (the fake computes no formula: those on this sheet or naming it).
   */
  type(sheet: string, address: string, value: string | number, source: 'Local' | 'Remote' = 'Local'): void {
    const s = this.put(sheet, address, value);
    if (source === 'Local') this.undoStack.push('user');
    this.later(s, { address, changeType: 'RangeEdited', source, triggerSource: 'Unknown' });
    this.calculatedAfter(s);
  }

  /** A co-author's edit, arriving from Excel's service (`source: Remote`); not in this user's undo. */
  remoteType(sheet: string, address: string, value: string | number): void {
    this.type(sheet, address, value, 'Remote');
  }

  /** A value picked from a cell's drop-down list: on some platforms no change event comes (office-js #420). */
  pickFromList(sheet: string, address: string, value: string): void {
    this.put(sheet, address, value);
    this.undoStack.push('user');
  }

  /** Data → Text to Columns over cells: the values split, and no change event (office-js #3729). */
  textToColumns(sheet: string, cells: Record<string, string | number>): void {
    for (const [address, value] of Object.entries(cells)) this.put(sheet, address, value);
    this.undoStack.push('user');
  }

  /** The next `count` syncs fail with `code`, whatever they carry (Excel busy, another workbook in front…). */
  failNext(code: string, count = 1): void {
    this.failing = { code, count };
  }

  /** A mark of the pane's gone with no event (the user's Ctrl+Z of it, or Clear Rules): conditional formats have no change event (office-js-docs #1503). */
  dropFormats(sheet: string, cell: string): number {
    const s = this.sheet(sheet);
    const before = s.cfs.length;
    s.cfs = s.cfs.filter((cf) => !intersects(cf.address, cell));
    return before - s.cfs.length;
  }

  /** The user changes a cell's number format (Home → Number): a change event, as for a value. */
  userFormat(sheet: string, address: string, format: string): void {
    this.setFormat(sheet, address, format);
    this.undoStack.push('user');
    this.later(this.sheet(sheet), { address, changeType: 'RangeEdited', source: 'Local', triggerSource: 'Unknown' });
  }

  /** The user starts typing in a cell (F2, or a key on a cell): Excel holds every request until they leave it. */
  startEditing(sheet: string, address: string): void {
    let leave: () => void = () => undefined;
    const done = new Promise<void>((r) => {
      leave = r;
    });
    this.editing = { sheet, address, done, leave };
  }

  /** The user leaves the cell: with Enter, what they typed is the cell's (its change event follows); with Esc, nothing. */
  stopEditing(value?: string | number): void {
    const editing = this.editing;
    if (!editing) throw new Error('fake Excel: no cell is being edited');
    this.editing = undefined;
    if (value !== undefined) this.type(editing.sheet, editing.address, value);
    editing.leave();
  }

  private put(sheet: string, address: string, value: string | number): FakeSheet {
    const s = this.sheet(sheet);
    const prev = s.cells.get(address);
    s.cells.set(address, { ...parseInput(value, prev?.format ?? 'General'), fill: prev?.fill ?? null });
    return s;
  }

  /** Automatic calculation after an edit of `edited`: the calculated event of each sheet whose formulas may read it. */
  private calculatedAfter(edited: FakeSheet): void {
    if ((this.options.calculationMode ?? 'Automatic') === 'Manual') return;
    const names = (f: string) => f.includes(`'${edited.name.replace(/'/g, "''")}'!`) || f.includes(`${edited.name}!`);
    for (const s of this.sheets) {
      const formulas = [...s.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
      if (formulas.length > 0 && (s === edited || formulas.some(names))) this.later(s, {}, 'calculated');
    }
  }

  /** A formula with the value Excel calculated for it. */
  setFormula(sheet: string, address: string, formula: string, value: number | string): void {
    const s = this.sheet(sheet);
    const prev = s.cells.get(address);
    s.cells.set(address, { value, type: typeof value === 'number' ? 'Double' : 'String', format: prev?.format ?? 'General', fill: prev?.fill ?? null, formula });
  }

  setFormat(sheet: string, address: string, format: string): void {
    const s = this.sheet(sheet);
    s.cells.set(address, { ...(s.cells.get(address) ?? { value: '', type: 'Empty', fill: null }), format });
  }

  /** Excel recalculated a sheet (its formulas may show new results). */
  recalculated(sheet: string, address: string, value: number | string): void {
    const s = this.sheet(sheet);
    const prev = s.cells.get(address)!;
    s.cells.set(address, { ...prev, value, type: typeof value === 'number' ? 'Double' : 'String' });
    this.later(s, { address }, 'calculated');
  }

  setOwnFill(sheet: string, address: string, fill: string): void {
    const s = this.sheet(sheet);
    const prev = s.cells.get(address) ?? { value: '', type: 'Empty' as const, format: 'General', fill: null };
    s.cells.set(address, { ...prev, fill });
  }

  /** The user's own conditional format (a colour scale, an icon set, …). */
  addUserFormat(sheet: string, address: string, type: FakeCF['type'], formula?: string): void {
    this.sheet(sheet).cfs.push({ id: ++this.ids, type, address, ...(formula ? { formula } : {}) });
  }

  /** Rows inserted (n > 0) or deleted (n < 0) at `at`: cells and formats move, formulas follow. */
  shiftRows(sheet: string, at: number, n: number): void {
    const s = this.sheet(sheet);
    const cells = new Map<string, FakeCell>();
    for (const [a, c] of s.cells) {
      const p = fromA1(a)!;
      const moved = shiftAddress(a, at, n);
      if (moved === undefined) continue;
      cells.set(p.row < at ? a : moved, c.formula ? { ...c, formula: shiftRows(c.formula, at, n) } : c);
    }
    s.cells = cells;
    s.cfs = s.cfs.flatMap((cf) => {
      const address = shiftAddress(cf.address, at, n);
      return address === undefined ? [] : [{ ...cf, address, ...(cf.formula ? { formula: shiftRows(cf.formula, at, n) } : {}) }];
    });
    this.undoStack.push('user');
    const rows = `${at}:${at + Math.abs(n) - 1}`;
    this.later(s, { address: rows, changeType: n > 0 ? 'RowInserted' : 'RowDeleted', source: 'Local', triggerSource: 'Unknown' });
  }

  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    s.name = to;
    this.later(s, { nameBefore: from, nameAfter: to, source: 'Local' }, 'nameChanged');
  }

  addSheet(sheet: FakeSheet, trigger: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): void {
    this.sheets.push(sheet);
    this.later(sheet, { source: 'Local', triggerSource: trigger }, 'added');
  }

  /** The user adds a sheet with these rows. */
  userAddsSheet(name: string, rows: (string | number)[][]): void {
    const cells = new Map<string, FakeCell>();
    rows.forEach((row, r) => row.forEach((v, c) => v !== '' && cells.set(`${columnLetters(c + 1)}${r + 1}`, { ...parseInput(v, 'General'), fill: null })));
    this.addSheet({ id: `{${++this.ids}}`, name, cells, cfs: [], merges: [], validations: new Map(), frozenRows: 0, visibility: 'Visible' });
  }

  removeSheet(sheet: FakeSheet, trigger: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.later(sheet, { source: 'Local', triggerSource: trigger }, 'deleted');
  }

  /** The user protects a sheet (Review → Protect Sheet), or lifts its protection. */
  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  deleteSheet(name: string): void {
    this.removeSheet(this.sheet(name));
  }

  /** Ctrl+Z: the newest undo record is undone (here only counted). */
  undo(): string | undefined {
    return this.undoStack.pop();
  }

  /** Every cell's own format and every conditional format, to compare before and after. */
  formats(): string {
    return JSON.stringify(this.sheets.map((s) => ({ name: s.name, cells: [...s.cells].map(([a, c]) => [a, c.format, c.fill]), conditional: s.cfs })));
  }

  /** A sheet's set-up: validations by range, frozen rows, visibility, formulas, the values typed (not computed). */
  setup(sheet: string): { validations: [string, unknown][]; frozenRows: number; visibility: string; formulas: [string, string][]; values: [string, unknown][]; hiddenColumns: string[]; protected: boolean } | undefined {
    const s = this.sheets.find((x) => x.name === sheet);
    return s && {
      validations: [...s.validations],
      frozenRows: s.frozenRows,
      visibility: s.visibility,
      formulas: [...s.cells].flatMap(([a, c]) => (c.formula ? [[a, c.formula] as [string, string]] : [])),
      values: [...s.cells].flatMap(([a, c]) => (c.formula === undefined && c.type !== 'Empty' ? [[a, c.value] as [string, unknown]] : [])),
      hiddenColumns: s.hiddenColumns ?? [],
      protected: s.protected ?? false,
    };
  }

  /** The workbook's sheets' names, in order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The custom conditional formats (thidua's marks and any other), by sheet and range. */
  marks(): { sheet: string; address: string; fill: string; formula: string }[] {
    return this.sheets.flatMap((s) => s.cfs.filter((cf) => cf.type === 'Custom').map((cf) => ({ sheet: s.name, address: cf.address, fill: cf.fill ?? '', formula: cf.formula ?? '' })));
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    return this.sheets.find((s) => s.name === sheet)?.cells.get(address);
  }
}
export type { FakeCF, FakeOptions } from './model';
export { parseInput, shiftRows } from './model';
