/** The fake Excel's request context (see index.ts): what one `Excel.run` queues and each `sync` sends. */
import { EventSlot } from './formats';
import { FakeExcel } from './index';
import { FakeSheet, NotLoaded, RichApiError } from './model';
import { FakeWorksheet } from './worksheet';

export class FakeContext {
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
