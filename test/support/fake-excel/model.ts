/** The fake Excel's model (see index.ts): its cells, conditional formats and sheets, Excel's errors, what Excel parses a typed value into, how rows moved change an address or a formula, and the proxy a property must be loaded on. */
import type { Cell } from '../../../engine/model/grid';
import { parseRange, toA1 } from '../../../engine/model/grid';
import { FakeContext } from './context';

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

export type CellType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export interface FakeCell {
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

export interface FakeSheet {
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

export type Handler = (e: Record<string, unknown>) => unknown;

export class RichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export class NotLoaded extends Error {
  constructor(prop: string) {
    super(`The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    this.name = 'PropertyNotLoaded';
  }
}

/** Excel's date serial of a day (the 1900 system). */
export const serialOf = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

export function fromGridCell(c: Cell): FakeCell {
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
export function shiftAddress(address: string, at: number, n: number): string | undefined {
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

export const intersects = (a: string, b: string) => {
  const x = parseRange(a);
  const y = parseRange(b);
  return !!x && !!y && x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
};

/** What a value weighs in a request or response: its JSON in UTF-8 bytes (Vietnamese letters are 2–3 bytes). */
export const size = (v: unknown) => new TextEncoder().encode(JSON.stringify(v ?? null)).length;

/** An object whose declared properties are readable only after load + sync. */
export class Proxied {
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
