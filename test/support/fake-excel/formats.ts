/** The fake Excel's conditional formats, events and sheet protection (see index.ts). */
import { parseRange } from '../../../engine/model/grid';
import { FakeContext } from './context';
import { FakeCF, FakeSheet, Handler, NotLoaded, Proxied, RichApiError, intersects, size } from './model';
import { FakeRange } from './range';

/** The conditional formats that intersect a range (ExcelApi 1.6). */
export class FakeCFCollection {
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

export class FakeCFItem {
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
export class EventSlot {
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
export class FakeProtection extends Proxied {
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
export function unlessProtected(sheet: FakeSheet): void {
  if (sheet.protected) throw new RichApiError('AccessDenied', 'The cell or chart that you are trying to change is protected and therefore read-only.');
}
