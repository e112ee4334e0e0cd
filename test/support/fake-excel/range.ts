/** The fake Excel's `Range` (see index.ts). */
import { columnLetters, toA1 } from '../../../engine/model/grid';
import { FakeContext } from './context';
import { FakeCFCollection, unlessProtected } from './formats';
import { FakeCell, FakeSheet, NotLoaded, Proxied, RichApiError, intersects, parseInput, size } from './model';

export class FakeRange extends Proxied {
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
