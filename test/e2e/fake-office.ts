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
import type { Cell, Grid } from '../../engine/model/grid';
import { columnLetters, fromA1, parseRange, toA1 } from '../../engine/model/grid';

export interface FakeOptions {
  /** The ExcelApi version the host supports, as `1.N`. */
  api?: string;
  syncDelayMs?: number;
  eventDelayMs?: number;
  payloadLimit?: number;
  /** Where Excel runs: on the web a request or response over 5 MB is refused (desktop Excel has no such limit). */
  platform?: 'web' | 'desktop';
  /** Conditional formats already in the workbook (left by an earlier pane, or the user's). */
  formats?: { sheet: string; address: string; type: FakeCF['type']; formula?: string; fill?: string }[];
  /** Excel's calculation mode (`application.calculationMode`, ExcelApi 1.8); Automatic by default. */
  calculationMode?: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  /**
   * What `application.calculate()` makes of the formulas' cached values (the fake computes no
   * formula itself): a test in manual mode leaves a result stale and says here what it becomes.
   */
  calculated?: { sheet: string; address: string; value: number | string }[];
  /** A sheet whose adding fails (Excel refuses it: a name taken, a protected workbook). */
  failAdding?: string;
  /** The first syncs refused with this error code (`InactiveWorkbook`, `GeneralException`…), as `failNext` does later. */
  failSyncs?: { code: string; count: number };
}

type CellType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

interface FakeCell {
  value: string | number | boolean;
  type: CellType;
  format: string;
  /** The cell's own fill, as the user set it. */
  fill: string | null;
  /** The formula as Excel shows it (`=…`). */
  formula?: string;
}

export interface FakeCF {
  id: number;
  type: 'Custom' | 'ColorScale' | 'IconSet' | 'DataBar' | 'CellValue';
  /** The range it applies to, `B5` or `B5:C9`. */
  address: string;
  formula?: string;
  fill?: string;
}

interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  cfs: FakeCF[];
  merges: string[];
  /** What "Tạo mẫu" set up: data validation by range, frozen rows. */
  validations: Map<string, { rule?: unknown; prompt?: unknown }>;
  frozenRows: number;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  hiddenColumns?: string[];
  protected?: boolean;
}

type Handler = (e: Record<string, unknown>) => unknown;

class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = 'PropertyNotLoaded';
  }
}

/** Excel's date serial of a day (the 1900 system). */
const serialOf = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

function fromGridCell(c: Cell): FakeCell {
  const formula = c.formula ? { formula: '=1' } : {};
  switch (c.kind) {
    case 'number':
      return { value: c.value as number, type: 'Double', format: c.numFmt ?? 'General', fill: null, ...formula };
    case 'date': {
      const [y, m, d] = String(c.value).split('-').map(Number);
      return { value: serialOf(y!, m!, d!), type: 'Double', format: 'd/m/yyyy', fill: null, ...formula };
    }
    case 'boolean':
      return { value: c.value as boolean, type: 'Boolean', format: 'General', fill: null, ...formula };
    case 'error':
      return { value: String(c.value), type: 'Error', format: 'General', fill: null, ...formula };
    case 'text':
      return { value: String(c.value), type: 'String', format: 'General', fill: null, ...formula };
    default:
      return { value: '', type: 'Empty', format: 'General', fill: null, ...formula };
  }
}

/**
 * A value written as Excel takes what is typed (or written through `Range.values`) into a
 * cell of this format: see the module's comment.
 */
export function parseInput(input: unknown, format: string): Omit<FakeCell, 'fill'> {
  if (typeof input === 'number') return { value: input, type: 'Double', format };
  if (typeof input === 'boolean') return { value: input, type: 'Boolean', format };
  const s = String(input ?? '');
  if (s === '') return { value: '', type: 'Empty', format };
  if (s.startsWith("'")) return { value: s.slice(1), type: 'String', format };
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) return { value: Number(s), type: 'Double', format };
  if (/^[+-]?\d+(\.\d+)?%$/.test(s)) return { value: Number(s.slice(0, -1)) / 100, type: 'Double', format: format === 'General' ? '0%' : format };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (date) return { value: serialOf(Number(date[3]), Number(date[1]), Number(date[2])), type: 'Double', format: format === 'General' ? 'm/d/yyyy' : format };
  if (/^(true|false)$/i.test(s)) return { value: /^true$/i.test(s), type: 'Boolean', format };
  if (s.startsWith('=')) return { value: '', type: 'String', format, formula: s };
  // `-abc`, `+abc`, `@abc`: Excel takes them for a formula, which fails.
  if (/^[+\-@]/.test(s)) return { value: '#NAME?', type: 'Error', format, formula: s.startsWith('@') ? `=${s.slice(1)}` : `=${s}` };
  return { value: s, type: 'String', format };
}

/** A formula's cell references moved by an inserted (n > 0) or deleted (n < 0) block of rows at `at`. */
export function shiftRows(formula: string, at: number, n: number): string {
  return formula.replace(/("(?:[^"]|"")*")|(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (m, str: string | undefined, d1: string, col: string, d2: string, row: string) => {
    if (str !== undefined) return m;
    const r = Number(row);
    if (r < at) return m;
    if (n < 0 && r < at - n) return '#REF!';
    return `${d1}${col}${d2}${r + n}`;
  });
}

/** `B5:C9` moved by rows inserted or deleted at `at`; undefined when it is deleted whole. */
function shiftAddress(address: string, at: number, n: number): string | undefined {
  const r = parseRange(address);
  if (!r) return address;
  const move = (row: number) => (row < at ? row : n < 0 && row < at - n ? undefined : row + n);
  let top = move(r.top);
  let bottom = move(r.bottom);
  if (top === undefined && bottom === undefined) return undefined;
  top ??= at;
  bottom ??= at - 1;
  if (bottom < top) return undefined;
  const a = toA1(top, r.left);
  const b = toA1(bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

const intersects = (a: string, b: string) => {
  const x = parseRange(a);
  const y = parseRange(b);
  return !!x && !!y && x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
};

/** What a value weighs in a request or response: its JSON in UTF-8 bytes (Vietnamese letters are 2–3 bytes). */
const size = (v: unknown) => new TextEncoder().encode(JSON.stringify(v ?? null)).length;

/** An object whose declared properties are readable only after load + sync. */
class Proxied {
  protected loaded = new Set<string>();
  protected store: Record<string, unknown> = {};

  constructor(protected readonly ctx: FakeContext) {}

  load(props: string | string[] = ''): this {
    const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.queue({ load: true }, () => this.loadNow(list));
    return this;
  }

  /** The properties' values, as a sync brings them. */
  loadNow(list: readonly string[]): void {
    for (const p of list) {
      this.store[p] = this.compute(p);
      this.ctx.responseBytes += size(this.store[p]);
      this.loaded.add(p);
    }
  }

  protected compute(prop: string): unknown {
    throw new Error(`fake Excel: ${this.constructor.name}.${prop} is not modelled`);
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return this.store[prop] as T;
  }
}

class FakeRange extends Proxied {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
    readonly top: number,
    readonly left: number,
    readonly rows: number,
    readonly cols: number,
    readonly isNullObject = false,
  ) {
    super(ctx);
  }

  private at(r: number, c: number): string {
    return toA1(this.top + r + 1, this.left + c + 1);
  }

  private block<T>(f: (c: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(this.sheet.cells.get(this.at(r, c)))));
  }

  get address(): string {
    return this.get('address');
  }
  private get a1(): string {
    const a = toA1(this.top + 1, this.left + 1);
    return this.rows === 1 && this.cols === 1 ? a : `${a}:${toA1(this.top + this.rows, this.left + this.cols)}`;
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
        return `'${this.sheet.name.replace(/'/g, "''")}'!${this.a1}`;
      default:
        return super.compute(prop);
    }
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', v);
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.sized(v);
    this.ctx.queue({ write: true, bytes: size(v) }, () =>
      v.forEach((row, r) =>
        row.forEach((format, c) => {
          const a = this.at(r, c);
          this.sheet.cells.set(a, { ...(this.sheet.cells.get(a) ?? { value: '', type: 'Empty', fill: null }), format });
        }),
      ),
    );
    // A format changed is a change too ("onChanged fires when either the format or value of the data changes").
    this.ctx.queue({}, () => this.ctx.changed(this.sheet, this.a1, 'RangeEdited'));
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

  private sized(v: unknown[][]): void {
    if (v.length !== this.rows || v.some((row) => row.length !== this.cols)) throw new RichApiError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }

  /** `values` and `formulas` parse what they are given as Excel does; the change event follows later. */
  private write(kind: 'values' | 'formulas', v: unknown[][]): void {
    this.sized(v);
    this.ctx.queue({ write: true, bytes: size(v) }, () => {
      unlessProtected(this.sheet);
      v.forEach((row, r) =>
        row.forEach((input, c) => {
          const a = this.at(r, c);
          const prev = this.sheet.cells.get(a);
          const parsed = parseInput(input, prev?.format ?? 'General');
          const cell: FakeCell = { ...parsed, fill: prev?.fill ?? null };
          if (kind === 'values' && parsed.formula === undefined) delete cell.formula;
          this.sheet.cells.set(a, cell);
        }),
      );
      this.ctx.changed(this.sheet, this.a1, 'RangeEdited');
    });
  }

  get format() {
    const queue = (work: () => void) => this.ctx.queue({ write: true, bytes: 64 }, work);
    const ctx = this.ctx;
    const sheet = this.sheet;
    const a1 = this.a1;
    const fill = (color: string) => this.each((a) => this.sheet.cells.set(a, { ...(this.sheet.cells.get(a) ?? { value: '', type: 'Empty', format: 'General' }), fill: color }));
    return {
      font: {
        set bold(_b: boolean) {
          queue(() => undefined);
        },
      },
      fill: {
        set color(color: string) {
          queue(() => {
            fill(color);
            ctx.changed(sheet, a1, 'RangeEdited');
          });
        },
      },
      set columnWidth(_w: number) {
        queue(() => undefined);
      },
    };
  }

  private each(f: (address: string) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) f(this.at(r, c));
  }

  get dataValidation() {
    this.ctx.requires(8);
    const key = this.a1;
    const sheet = this.sheet;
    const queue = (work: () => void) => this.ctx.queue({ write: true, bytes: 256 }, work);
    return {
      set rule(rule: unknown) {
        queue(() => sheet.validations.set(key, { ...sheet.validations.get(key), rule }));
      },
      set prompt(prompt: unknown) {
        queue(() => sheet.validations.set(key, { ...sheet.validations.get(key), prompt }));
      },
    };
  }

  set columnHidden(hidden: boolean) {
    this.ctx.queue({ write: true, bytes: 16 }, () => {
      const cols = Array.from({ length: this.cols }, (_, i) => columnLetters(this.left + i + 1));
      this.sheet.hiddenColumns = hidden ? [...new Set([...(this.sheet.hiddenColumns ?? []), ...cols])] : (this.sheet.hiddenColumns ?? []).filter((c) => !cols.includes(c));
    });
  }

  select(): void {
    this.ctx.queue({}, () => {
      this.ctx.fake.selection = { sheet: this.sheet.name, address: this.a1 };
    });
  }

  getMergedAreasOrNullObject(): { load(p: string): void; readonly isNullObject: boolean; readonly address: string } {
    this.ctx.requires(13);
    const sheet = this.sheet;
    const ctx = this.ctx;
    let loaded = false;
    const mine = () => sheet.merges.filter((m) => intersects(m, this.a1));
    return {
      load() {
        ctx.queue({ load: true }, () => (loaded = true));
      },
      get isNullObject() {
        if (!loaded) throw new NotLoaded('isNullObject');
        return mine().length === 0;
      },
      get address() {
        if (!loaded) throw new NotLoaded('address');
        return mine().map((m) => `'${sheet.name}'!${m}`).join(',');
      },
    };
  }

  get conditionalFormats(): FakeCFCollection {
    this.ctx.requires(6);
    return new FakeCFCollection(this.ctx, this.sheet, this.a1);
  }
}

/** The conditional formats that intersect a range (ExcelApi 1.6). */
class FakeCFCollection {
  items: FakeCFItem[] = [];
  private loadedItems = false;

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeSheet,
    private readonly address: string,
  ) {}

  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string } } } } {
    if (type !== 'Custom') throw new Error('fake Excel: the pane adds custom conditional formats only');
    const cf: FakeCF = { id: ++this.ctx.fake.ids, type: 'Custom', address: this.address };
    this.ctx.queue({ write: true, bytes: 128 }, () => {
      unlessProtected(this.sheet);
      this.sheet.cfs.push(cf);
    });
    return { custom: { rule: { set formula(f: string) { cf.formula = f; } } as { formula: string }, format: { fill: { set color(c: string) { cf.fill = c; } } as { color: string } } } };
  }

  load(props: string): void {
    const list = props.split(',').map((p) => p.trim());
    if (list.some((p) => !p.startsWith('items/'))) throw new Error(`fake Excel: load conditional formats by items/…, not ${props}`);
    this.ctx.queue({ load: true }, () => {
      const found = this.sheet.cfs.filter((cf) => intersects(cf.address, this.address));
      // Excel fails the whole request when `custom` is loaded and a format of another type is there.
      if (list.some((p) => p.startsWith('items/custom/')) && found.some((cf) => cf.type !== 'Custom')) throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.');
      this.items = found.map((cf) => new FakeCFItem(this.ctx, this.sheet, cf));
      this.ctx.responseBytes += size(found);
      this.loadedItems = true;
    });
  }

  get count(): number {
    if (!this.loadedItems) throw new NotLoaded('count');
    return this.items.length;
  }

  /** How many there are, as a ClientResult (ExcelApi 1.6): its `value` readable after the sync. */
  getCount(): { readonly value: number } {
    let n: number | undefined;
    this.ctx.queue({ load: true }, () => {
      n = this.sheet.cfs.filter((cf) => intersects(cf.address, this.address)).length;
      this.ctx.responseBytes += 8;
    });
    return {
      get value(): number {
        if (n === undefined) throw new NotLoaded('value');
        return n;
      },
    };
  }
}

class FakeCFItem {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeSheet,
    private readonly cf: FakeCF,
  ) {}
  get type(): string {
    return this.cf.type;
  }
  get custom() {
    if (this.cf.type !== 'Custom') throw new RichApiError('InvalidOperation', 'This operation is not permitted for the current object.');
    return { rule: { formula: this.cf.formula ?? '' }, format: { fill: { color: this.cf.fill ?? '' } } };
  }
  get customOrNullObject() {
    if (this.cf.type !== 'Custom') return { isNullObject: true, rule: { formula: '' }, format: { fill: { color: '' } } };
    return { isNullObject: false, ...this.custom };
  }
  getRange() {
    const r = parseRange(this.cf.address)!;
    const range = new FakeRange(this.ctx, this.sheet, r.top - 1, r.left - 1, r.bottom - r.top + 1, r.right - r.left + 1);
    return range;
  }
  delete(): void {
    this.ctx.queue({ write: true, bytes: 32 }, () => {
      unlessProtected(this.sheet);
      this.sheet.cfs = this.sheet.cfs.filter((x) => x !== this.cf);
    });
  }
}

/** An event of the reference: a handler added is registered by the request's sync, and only if that sync succeeds. */
class EventSlot {
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
    private readonly minor: number,
  ) {}
  add(handler: Handler): void {
    const fake = this.ctx.fake;
    this.ctx.queue({}, () => {
      if (fake.minor < this.minor) throw new RichApiError('ApiNotFound', `The event ${this.key} needs ExcelApi 1.${this.minor}.`);
      fake.handlers.push({ key: this.key, handler });
    });
  }
}

/** A sheet's protection (ExcelApi 1.2). */
class FakeProtection extends Proxied {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet,
  ) {
    super(ctx);
  }

  protected override compute(prop: string): unknown {
    if (prop === 'protected') return this.sheet.protected ?? false;
    return super.compute(prop);
  }

  get protected(): boolean {
    return this.get('protected');
  }

  protect(): void {
    this.ctx.queue({ write: true, bytes: 16 }, () => (this.sheet.protected = true));
  }
}

/** Excel refuses to change a protected sheet's cells or their formats ("The cell or chart you're trying to change is on a protected sheet"). */
function unlessProtected(sheet: FakeSheet): void {
  if (sheet.protected) throw new RichApiError('AccessDenied', 'The cell or chart that you are trying to change is protected and therefore read-only.');
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
    if (prop === 'id') return this.sheet.id;
    if (prop === 'visibility') return this.sheet.visibility;
    return super.compute(prop);
  }

  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.queue({ write: true, bytes: 16 }, () => (this.sheet.visibility = v));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [a, c] of this.sheet.cells) {
      if (c.type === 'Empty' && c.formula === undefined && (valuesOnly || (c.format === 'General' && !c.fill))) continue;
      const at = fromA1(a)!;
      top = Math.min(top, at.row);
      left = Math.min(left, at.col);
      bottom = Math.max(bottom, at.row);
      right = Math.max(right, at.col);
    }
    if (bottom === 0) return new FakeRange(this.ctx, this.sheet, 0, 0, 0, 0, true);
    return new FakeRange(this.ctx, this.sheet, top - 1, left - 1, bottom - top + 1, right - left + 1);
  }

  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    this.ctx.requires(7);
    this.ctx.fake.requests.push(rows * cols);
    return new FakeRange(this.ctx, this.sheet, top, left, rows, cols);
  }

  /** An address (`B3`, `B3:C9`, whole columns `J:Z`), or the whole sheet. */
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, this.sheet, 0, 0, 1048576, 16384);
    const cols = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(address);
    if (cols) {
      const a = fromA1(`${cols[1]}1`)!.col;
      const b = fromA1(`${cols[2]}1`)!.col;
      return new FakeRange(this.ctx, this.sheet, 0, a - 1, 1048576, b - a + 1);
    }
    const r = parseRange(address.replace(/\$/g, ''));
    if (!r) throw new RichApiError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`);
    return new FakeRange(this.ctx, this.sheet, r.top - 1, r.left - 1, r.bottom - r.top + 1, r.right - r.left + 1);
  }

  activate(): void {
    this.ctx.queue({}, () => undefined);
  }

  delete(): void {
    this.ctx.queue({ write: true, bytes: 16 }, () => this.ctx.fake.removeSheet(this.sheet, 'ThisLocalAddin'));
  }

  /** Protection without a password (ExcelApi 1.2): `protected` to load, `protect()`. */
  get protection(): FakeProtection {
    return new FakeProtection(this.ctx, this.sheet);
  }

  get freezePanes() {
    this.ctx.requires(7);
    return { freezeRows: (n: number) => this.ctx.queue({ write: true, bytes: 16 }, () => (this.sheet.frozenRows = n)) };
  }

  get onChanged() {
    return new EventSlot(this.ctx, `changed:${this.sheet.id}`, 7);
  }
  get onCalculated() {
    return new EventSlot(this.ctx, `calculated:${this.sheet.id}`, 8);
  }
}

class FakeContext {
  private ops: { kind: { load?: boolean; write?: boolean; bytes?: number }; work: () => void }[] = [];
  responseBytes = 0;
  /** Writes in this Excel.run (for undo). */
  wrote = false;

  constructor(
    readonly fake: FakeExcel,
    readonly mergeUndo: boolean,
    /** `Excel.run`'s `delayForCellEdit`: wait while the user types in a cell, rather than fail. */
    readonly delayForCellEdit = false,
  ) {}

  queue(kind: { load?: boolean; write?: boolean; bytes?: number }, work: () => void): void {
    this.ops.push({ kind, work });
  }

  /**
   * An API of a newer requirement set than the host's: the request fails at its sync, as
   * Excel's does (office.js has the method; the host does not).
   */
  requires(minor: number): void {
    if (this.fake.minor >= minor) return;
    this.queue({}, () => {
      throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
    });
  }

  /** A change made by this add-in: its event follows, later, as Excel's do. */
  changed(sheet: FakeSheet, address: string, changeType: string): void {
    this.fake.later(sheet, { address, changeType, source: 'Local', triggerSource: 'ThisLocalAddin' });
  }

  get workbook() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the collection's getters below have a `this` of their own
    const ctx = this;
    const fake = this.fake;
    const items = () => fake.sheets.map((s) => new FakeWorksheet(ctx, s));
    let listed: FakeWorksheet[] | undefined;
    return {
      /** The application (ExcelApi 1.1; `calculationMode` 1.8): its calculation mode, and calculate(). */
      application: {
        loaded: false,
        load(props: string) {
          if (props.trim() !== 'calculationMode') throw new Error(`fake Excel: application.${props} is not modelled`);
          if (fake.minor < 8) throw new RichApiError('ApiNotFound', 'The API you are trying to use could not be found. It may be available in a newer version of Excel.');
          ctx.queue({ load: true }, () => (this.loaded = true));
        },
        get calculationMode(): string {
          if (!this.loaded) throw new NotLoaded('calculationMode');
          return fake.options.calculationMode ?? 'Automatic';
        },
        calculate(type: string) {
          ctx.queue({ write: true, bytes: 16 }, () => {
            fake.calculations.push(type);
            for (const c of fake.options.calculated ?? []) {
              const cell = fake.cell(c.sheet, c.address);
              if (cell) cell.value = c.value;
            }
          });
        },
      },
      worksheets: {
        load(props: string) {
          const list = props.split(',').map((p) => p.trim());
          const subs = list.map((p) => {
            const [head, sub] = p.split('/');
            if (head !== 'items' || !sub) throw new Error(`fake Excel: load ${p} on a collection`);
            return sub;
          });
          ctx.queue({ load: true }, () => {
            listed = items();
            for (const ws of listed) ws.loadNow(subs);
          });
        },
        get items(): FakeWorksheet[] {
          if (!listed) throw new NotLoaded('items');
          return listed;
        },
        add(name: string) {
          const sheet: FakeSheet = { id: `{${++fake.ids}}`, name, cells: new Map(), cfs: [], merges: [], validations: new Map(), frozenRows: 0, visibility: 'Visible' };
          ctx.queue({ write: true, bytes: 64 }, () => {
            if (fake.options.failAdding === name) throw new RichApiError('GeneralException', 'An internal error has occurred.');
            fake.addSheet(sheet, 'ThisLocalAddin');
          });
          return new FakeWorksheet(ctx, sheet);
        },
        /** By name or id; a sheet not there fails the request at its sync, as Excel's ItemNotFound does. */
        getItem(key: string) {
          const s = fake.sheets.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
          if (s) return new FakeWorksheet(ctx, s);
          ctx.queue({}, () => {
            throw new RichApiError('ItemNotFound', "The requested resource doesn't exist.");
          });
          return new FakeWorksheet(ctx, { id: '', name: key, cells: new Map(), cfs: [], merges: [], validations: new Map(), frozenRows: 0, visibility: 'Visible' });
        },
        getItemOrNullObject(key: string) {
          const s = fake.sheets.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
          const ws = s ? new FakeWorksheet(ctx, s) : undefined;
          return ws ?? Object.assign(new FakeWorksheet(ctx, { id: '', name: key, cells: new Map(), cfs: [], merges: [], validations: new Map(), frozenRows: 0, visibility: 'Visible' }), { isNullObject: true });
        },
        get onAdded() {
          return new EventSlot(ctx, 'added', 7);
        },
        get onDeleted() {
          return new EventSlot(ctx, 'deleted', 7);
        },
        get onChanged() {
          return new EventSlot(ctx, 'changed', 9);
        },
        get onCalculated() {
          return new EventSlot(ctx, 'calculated', 8);
        },
        get onNameChanged() {
          return new EventSlot(ctx, 'nameChanged', 17);
        },
      },
    };
  }

  async sync(): Promise<void> {
    // A cell being typed in: Excel holds the request until the user leaves it (Enter, Esc, a
    // click elsewhere), or, asked not to wait, fails it (office-js #806).
    while (this.fake.editing) {
      if (!this.delayForCellEdit) throw new RichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
      this.fake.held++;
      await this.fake.editing.done;
      this.fake.held--;
    }
    const ops = this.ops;
    this.ops = [];
    this.fake.syncs++;
    const failing = this.fake.failing;
    if (failing && failing.count > 0) {
      failing.count--;
      await new Promise((r) => setTimeout(r, this.fake.options.syncDelayMs ?? 1));
      throw new RichApiError(failing.code, `fake Excel: ${failing.code}`);
    }
    this.fake.onSync?.();
    await new Promise((r) => setTimeout(r, this.fake.options.syncDelayMs ?? 1));
    const request = ops.reduce((n, o) => n + (o.kind.bytes ?? 0), 0);
    if (request > this.fake.payloadLimit) {
      this.fake.refusals++;
      throw new RichApiError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    this.responseBytes = 0;
    const writes = ops.some((o) => o.kind.write);
    for (const o of ops) o.work();
    if (this.responseBytes > this.fake.payloadLimit) {
      this.fake.refusals++;
      throw new RichApiError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
    if (writes) this.fake.undoRecord(this);
  }

  trackedObjects = { add: () => undefined, remove: () => undefined };
}

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
