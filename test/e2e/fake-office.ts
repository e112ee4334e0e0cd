/**
 * A test-only stand-in for Office.js in the browser: the part of the Excel API the pane uses,
 * with Excel's rules where they matter to the pane. Properties must be loaded and synced
 * before they are read (else it throws, as Excel does); writes take effect at sync;
 * worksheet change events fire after a cell is typed; conditional formats sit over the
 * cells' own formats. It is backed by a Grid read from a real workbook with the batch adapter
 * (window.__THIDUA_GRID__), and exposes `window.__fakeExcel` for the test to type and look.
 */
import type { Cell, Grid } from '../../engine/model/grid';
import { fromA1, parseRange, toA1 } from '../../engine/model/grid';

interface FakeCell {
  value: string | number | boolean;
  type: 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';
  format: string;
  /** The cell's own fill, as the user set it. */
  fill: string | null;
  /**
   * A formula written to the cell. The fake calculates nothing: a formula reads back as "",
   * which is what the template's formulas show on a row not yet filled in.
   */
  formula?: string;
}

interface ConditionalFormat {
  id: number;
  formula: string;
  fill: string;
}

interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  conditional: Map<string, ConditionalFormat[]>;
  handlers: ((e: unknown) => Promise<void> | void)[];
  /** What "Tạo mẫu" set up: data validation by range, frozen rows, bold ranges. */
  validations: Map<string, { rule: unknown; prompt?: unknown }>;
  frozenRows: number;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
}

function fromGridCell(c: Cell): FakeCell {
  switch (c.kind) {
    case 'number':
      return { value: c.value as number, type: 'Double', format: c.numFmt ?? 'General', fill: null };
    case 'date': {
      const [y, m, d] = String(c.value).split('-').map(Number);
      const serial = Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86400000);
      return { value: serial, type: 'Double', format: 'd/m/yyyy', fill: null };
    }
    case 'boolean':
      return { value: c.value as boolean, type: 'Boolean', format: 'General', fill: null };
    case 'error':
      return { value: String(c.value), type: 'Error', format: 'General', fill: null };
    case 'text':
      return { value: String(c.value), type: 'String', format: 'General', fill: null };
    default:
      return { value: '', type: 'Empty', format: 'General', fill: null };
  }
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = 'PropertyNotLoaded';
  }
}

/** An object whose declared properties are readable only after load + sync. */
class Proxied {
  protected loaded = new Set<string>();
  protected requested = new Set<string>();
  protected store: Record<string, unknown> = {};

  constructor(protected readonly ctx: FakeContext) {}

  load(props: string): this {
    for (const p of props.split(',')) this.requested.add(p.trim());
    this.ctx.pending.push(() => this.fill());
    return this;
  }

  /** Compute the requested values (at sync). */
  protected fill(): void {
    for (const p of this.requested) {
      this.store[p] = this.compute(p);
      this.loaded.add(p);
    }
    this.requested.clear();
  }

  protected compute(_prop: string): unknown {
    return undefined;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.store[prop] as T;
  }
}

class FakeRange extends Proxied {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
    readonly isNullObject = false,
  ) {
    super(ctx);
  }

  private block<T>(f: (c: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(this.sheet.cells.get(toA1(this.top + r + 1, this.left + c + 1)))));
  }

  protected override compute(prop: string): unknown {
    switch (prop) {
      case 'values':
        return this.block((c) => c?.value ?? '');
      case 'valueTypes':
        return this.block((c) => c?.type ?? 'Empty');
      case 'numberFormat':
        return this.block((c) => c?.format ?? 'General');
      case 'formulas':
        return this.block((c) => c?.formula ?? c?.value ?? '');
      case 'rowIndex':
        return this.top;
      case 'columnIndex':
        return this.left;
      case 'rowCount':
        return this.rows;
      case 'columnCount':
        return this.cols;
      case 'address':
        return `'${this.sheet.name}'!${toA1(this.top + 1, this.left + 1)}`;
      default:
        throw new Error(`fake Excel: property ${prop} is not modelled`);
    }
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.ctx.pending.push(() => {
      v.forEach((row, r) =>
        row.forEach((value, c) => {
          const address = toA1(this.top + r + 1, this.left + c + 1);
          const prev = this.sheet.cells.get(address);
          const type = typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : value === '' ? 'Empty' : 'String';
          this.sheet.cells.set(address, { value: value as FakeCell['value'], type, format: prev?.format ?? 'General', fill: prev?.fill ?? null });
        }),
      );
      this.ctx.fake.fire(this.sheet);
    });
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.ctx.pending.push(() => {
      v.forEach((row, r) =>
        row.forEach((f, c) => {
          const address = toA1(this.top + r + 1, this.left + c + 1);
          const prev = this.sheet.cells.get(address);
          if (typeof f !== 'string' || !f.startsWith('=')) throw new Error(`fake Excel: formulas takes "=…" strings here, not ${JSON.stringify(f)}`);
          this.sheet.cells.set(address, { value: '', type: 'String', format: prev?.format ?? 'General', fill: prev?.fill ?? null, formula: f });
        }),
      );
      this.ctx.fake.fire(this.sheet);
    });
  }
  set numberFormat(v: string[][]) {
    if (v.length !== this.rows || v.some((row) => row.length !== this.cols)) throw new Error('InvalidArgument: numberFormat must match the range\'s size');
    this.ctx.pending.push(() =>
      v.forEach((row, r) =>
        row.forEach((format, c) => {
          const address = toA1(this.top + r + 1, this.left + c + 1);
          this.sheet.cells.set(address, { ...(this.sheet.cells.get(address) ?? { value: '', type: 'Empty', fill: null }), format });
        }),
      ),
    );
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  private get address(): string {
    const a = toA1(this.top + 1, this.left + 1);
    return this.rows === 1 && this.cols === 1 ? a : `${a}:${toA1(this.top + this.rows, this.left + this.cols)}`;
  }

  get format() {
    const push = (work: () => void) => this.ctx.pending.push(work);
    const each = (f: (address: string) => void) => {
      for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) f(toA1(this.top + r + 1, this.left + c + 1));
    };
    const sheet = this.sheet;
    return {
      font: { set bold(_b: boolean) {} },
      fill: {
        set color(color: string) {
          push(() => each((a) => sheet.cells.set(a, { ...(sheet.cells.get(a) ?? { value: '', type: 'Empty', format: 'General' }), fill: color })));
        },
      },
      set columnWidth(_w: number) {},
    };
  }

  get dataValidation() {
    const key = this.address;
    const sheet = this.sheet;
    const push = (work: () => void) => this.ctx.pending.push(work);
    return {
      set rule(rule: unknown) {
        push(() => sheet.validations.set(key, { ...sheet.validations.get(key), rule }));
      },
      set prompt(prompt: unknown) {
        push(() => sheet.validations.set(key, { rule: sheet.validations.get(key)?.rule, prompt }));
      },
    };
  }

  select(): void {
    this.ctx.pending.push(() => {
      this.ctx.fake.selection = { sheet: this.sheet.name, address: toA1(this.top + 1, this.left + 1) };
    });
  }

  get conditionalFormats() {
    const address = toA1(this.top + 1, this.left + 1);
    const sheet = this.sheet;
    const ctx = this.ctx;
    return {
      add: (type: string) => {
        if (type !== 'Custom') throw new Error('fake Excel: only custom conditional formats');
        const cf: ConditionalFormat = { id: ++ctx.fake.ids, formula: '', fill: '' };
        ctx.pending.push(() => sheet.conditional.set(address, [...(sheet.conditional.get(address) ?? []), cf]));
        return { custom: { rule: { set formula(f: string) { cf.formula = f; } }, format: { fill: { set color(c: string) { cf.fill = c; } } } } };
      },
      items: [] as unknown[],
      load(this: { items: unknown[] }, props: string) {
        if (!/items\//.test(props)) throw new Error('fake Excel: load conditional formats by items/...');
        ctx.pending.push(() => {
          this.items = (sheet.conditional.get(address) ?? []).map((cf) => ({
            type: 'Custom',
            custom: { rule: { formula: cf.formula } },
            delete: () => ctx.pending.push(() => sheet.conditional.set(address, (sheet.conditional.get(address) ?? []).filter((x) => x !== cf))),
          }));
        });
      },
    };
  }
}

class FakeWorksheet extends Proxied {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
  ) {
    super(ctx);
  }

  protected override compute(prop: string): unknown {
    if (prop === 'name') return this.sheet.name;
    if (prop === 'visibility') return this.sheet.visibility ?? 'Visible';
    throw new Error(`fake Excel: worksheet property ${prop} is not modelled`);
  }

  get name(): string {
    return this.get('name');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.pending.push(() => (this.sheet.visibility = v));
  }

  getUsedRangeOrNullObject(): FakeRange {
    let rows = 0;
    let cols = 0;
    for (const [a, c] of this.sheet.cells) {
      if (c.type === 'Empty') continue;
      const at = fromA1(a)!;
      rows = Math.max(rows, at.row);
      cols = Math.max(cols, at.col);
    }
    return new FakeRange(this.ctx, this.sheet, 0, 0, rows, cols, rows === 0);
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    this.ctx.fake.requests.push(rows * cols);
    return new FakeRange(this.ctx, this.sheet, top, left, rows, cols);
  }

  getRange(address: string): FakeRange {
    const r = parseRange(address)!;
    return new FakeRange(this.ctx, this.sheet, r.top - 1, r.left - 1, r.bottom - r.top + 1, r.right - r.left + 1);
  }

  activate(): void {}

  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.pending.push(() => (this.sheet.frozenRows = n)) };
  }

  get onChanged() {
    return { add: (handler: (e: unknown) => void) => this.sheet.handlers.push(handler) };
  }
}

class FakeContext {
  pending: (() => void)[] = [];
  constructor(readonly fake: FakeExcel) {}

  get workbook() {
    const items = this.fake.sheets.map((s) => new FakeWorksheet(this, s));
    const push = (work: () => void) => this.pending.push(work);
    return {
      worksheets: {
        _items: items,
        _loaded: false,
        load(props: string) {
          for (const p of props.split(',')) {
            const [head, sub] = p.trim().split('/');
            if (head !== 'items' || !sub) throw new Error(`fake Excel: load ${p} on a collection`);
            for (const ws of items) ws.load(sub);
          }
          push(() => (this._loaded = true));
        },
        get items() {
          if (!this._loaded) throw new NotLoaded('items');
          return items;
        },
        add: (name: string) => {
          const sheet: FakeSheet = { name, cells: new Map(), conditional: new Map(), handlers: [], validations: new Map(), frozenRows: 0 };
          push(() => this.fake.sheets.push(sheet));
          return new FakeWorksheet(this, sheet);
        },
        getItem(name: string) {
          const ws = items.find((w) => w.sheet.name === name);
          if (!ws) throw new Error(`ItemNotFound: ${name}`);
          return ws;
        },
      },
    };
  }

  async sync(): Promise<void> {
    this.fake.syncs++;
    // A round trip to Excel takes a little while.
    await new Promise((r) => setTimeout(r, 1));
    const work = this.pending;
    this.pending = [];
    for (const w of work) w();
  }
}

export class FakeExcel {
  sheets: FakeSheet[];
  selection: { sheet: string; address: string } | undefined;
  ids = 0;
  syncs = 0;
  requests: number[] = [];

  constructor(grid: Grid) {
    this.sheets = grid.sheets.map((s) => {
      const cells = new Map<string, FakeCell>();
      s.rows.forEach((row, r) => row?.forEach((c, col) => c && cells.set(toA1(r + 1, col + 1), fromGridCell(c))));
      return { name: s.name, cells, conditional: new Map(), handlers: [], validations: new Map(), frozenRows: 0 };
    });
  }

  run<T>(optionsOrBatch: unknown, maybeBatch?: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const batch = (typeof optionsOrBatch === 'function' ? optionsOrBatch : maybeBatch) as (ctx: FakeContext) => Promise<T>;
    return batch(new FakeContext(this));
  }

  fire(sheet: FakeSheet): void {
    setTimeout(() => {
      for (const h of sheet.handlers) void h({ worksheetId: sheet.name, changeType: 'RangeEdited' });
    }, 0);
  }

  /** The test types into a cell, as a user would. */
  type(sheet: string, address: string, value: string | number): void {
    const s = this.sheets.find((x) => x.name === sheet)!;
    const prev = s.cells.get(address);
    const type = typeof value === 'number' ? 'Double' : value === '' ? 'Empty' : 'String';
    s.cells.set(address, { value, type, format: prev?.format ?? 'General', fill: prev?.fill ?? null });
    this.fire(s);
  }

  setOwnFill(sheet: string, address: string, fill: string): void {
    const s = this.sheets.find((x) => x.name === sheet)!;
    const prev = s.cells.get(address) ?? { value: '', type: 'Empty' as const, format: 'General', fill: null };
    s.cells.set(address, { ...prev, fill });
  }

  /** Every cell's own format and every conditional format, to compare before and after. */
  formats(): string {
    return JSON.stringify(this.sheets.map((s) => ({ name: s.name, cells: [...s.cells].map(([a, c]) => [a, c.format, c.fill]), conditional: [...s.conditional].filter(([, l]) => l.length > 0) })));
  }

  /** A sheet's set-up: validations by range and frozen rows. */
  setup(sheet: string): { validations: [string, unknown][]; frozenRows: number; visibility: string; formulas: [string, string][] } | undefined {
    const s = this.sheets.find((x) => x.name === sheet);
    return s && { validations: [...s.validations], frozenRows: s.frozenRows, visibility: s.visibility ?? 'Visible', formulas: [...s.cells].flatMap(([a, c]) => (c.formula ? [[a, c.formula] as [string, string]] : [])) };
  }

  marks(): { sheet: string; address: string; fill: string }[] {
    return this.sheets.flatMap((s) => [...s.conditional].flatMap(([address, list]) => list.map((cf) => ({ sheet: s.name, address, fill: cf.fill }))));
  }
}

const page = window as unknown as Record<string, unknown> & { __THIDUA_GRID__: Grid };
const fake = new FakeExcel(page.__THIDUA_GRID__);
page.__fakeExcel = fake;
page.Excel = { run: fake.run.bind(fake) };
page.Office = {
  onReady: (cb: () => void) => {
    setTimeout(cb, 0);
    return Promise.resolve({ host: 'Excel', platform: 'PC' });
  },
  context: {
    displayLanguage: 'vi-VN',
    // Like Excel 2019: ExcelApi up to 1.12 (data validation yes, merged areas no).
    requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= 12 },
  },
};
