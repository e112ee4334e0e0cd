/** The fake Excel's `Worksheet` (see index.ts). */
import { fromA1, parseRange } from '../../../engine/model/grid';
import { FakeContext } from './context';
import { EventSlot, FakeProtection } from './formats';
import { FakeSheet, Proxied, RichApiError } from './model';
import { FakeRange } from './range';

export class FakeWorksheet extends Proxied {
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
