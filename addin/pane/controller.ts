/**
 * The pane's logic, without Office and without the DOM: it asks a host (plain functions)
 * for sheets, keeps the last read of each sheet, re-reads only the sheets that changed,
 * debounced, and runs the engine. Events caused by its own writes are ignored.
 */
import { checkGrid, type CheckOptions, type Finding, findingJson, type FindingJson, fixOf, fixValue, type Grid, type GridSheet, type Lang } from '../../engine';

export interface Mark {
  sheet: string;
  cell: string;
  severity: Finding['severity'];
}

/** What the pane needs of Excel, as plain functions (addin/excel.ts implements them). */
export interface PaneHost {
  /** Sheets by name (all when absent), read as the engine's Grid. */
  readSheets(names?: readonly string[]): Promise<Grid>;
  /** Call back with the names of the sheets whose cells changed. */
  onChange(handler: (sheets: string[]) => void): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  writeCell(sheet: string, cell: string, value: string | number): Promise<void>;
  /** Show marks over the cells without touching their own format; replaces earlier marks. */
  showMarks(marks: Mark[]): Promise<void>;
  clearMarks(): Promise<void>;
  /** "Tạo mẫu": add the template's sheets the workbook lacks; the names added. */
  createTemplate(): Promise<string[]>;
}


export interface PaneState {
  findings: FindingJson[];
  counts: { error: number; warning: number; info: number };
  checking: boolean;
  error?: string;
  /** Sheets that "Tạo mẫu" just added. */
  added?: string[];
}

export interface ControllerOptions {
  debounceMs?: number;
  check?: CheckOptions;
  lang?: Lang;
  onUpdate?: (state: PaneState) => void;
  /** For the benchmark: when a re-check after a change ends. */
  onChecked?: (ms: number) => void;
}

export class PaneController {
  private sheets = new Map<string, GridSheet>();
  private order: string[] = [];
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ownWrites = 0;
  private findings: Finding[] = [];
  private highlight = false;
  lang: Lang;
  state: PaneState = { findings: [], counts: { error: 0, warning: 0, info: 0 }, checking: false };

  constructor(
    private readonly host: PaneHost,
    private readonly options: ControllerOptions = {},
  ) {
    this.lang = options.lang ?? 'vi';
  }

  /** Read everything, check, and listen for changes. */
  async start(): Promise<void> {
    await this.host.onChange((names) => this.changed(names));
    await this.recheckAll();
  }

  /** "Kiểm tra lại": read every sheet again. */
  async recheckAll(): Promise<void> {
    await this.guard(async () => {
      const grid = await this.host.readSheets();
      this.sheets = new Map(grid.sheets.map((s) => [s.name, s]));
      this.order = grid.sheets.map((s) => s.name);
      await this.check();
    });
  }

  private changed(names: string[]): void {
    // Our own writes (a fix, a mark) raise change events too: they are not the user's edits.
    if (this.ownWrites > 0) return;
    for (const n of names) this.pending.add(n);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs ?? 300);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const names = [...this.pending];
    this.pending.clear();
    if (names.length === 0) return;
    const started = Date.now();
    await this.guard(async () => {
      const grid = await this.host.readSheets(names);
      for (const s of grid.sheets) {
        if (!this.sheets.has(s.name)) this.order.push(s.name);
        this.sheets.set(s.name, s);
      }
      await this.check();
    });
    this.options.onChecked?.(Date.now() - started);
  }

  private async check(): Promise<void> {
    const grid: Grid = { sheets: this.order.map((n) => this.sheets.get(n)!).filter(Boolean) };
    const result = checkGrid(grid, this.options.check ?? {});
    this.findings = result.findings;
    this.publish(result.counts);
    if (this.highlight) await this.own(() => this.host.showMarks(this.marks()));
  }

  private publish(counts = this.state.counts): void {
    this.state = { ...this.state, findings: this.findings.map((f) => findingJson(f, this.lang)), counts };
    this.options.onUpdate?.(this.state);
  }

  private marks(): Mark[] {
    return this.findings.filter((f) => f.sheet !== undefined && f.cell !== undefined).map((f) => ({ sheet: f.sheet!, cell: f.cell!, severity: f.severity }));
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    this.state = { ...this.state, checking: true };
    this.options.onUpdate?.(this.state);
    try {
      await work();
      delete this.state.error;
    } catch (e) {
      this.state = { ...this.state, error: e instanceof Error ? e.message : String(e) };
    } finally {
      this.state = { ...this.state, checking: false };
      this.options.onUpdate?.(this.state);
    }
  }

  /** Run a write of ours with its change events ignored. */
  private async own(write: () => Promise<void>): Promise<void> {
    this.ownWrites++;
    try {
      await write();
    } finally {
      // Excel delivers the change events of a write after it resolves.
      setTimeout(() => this.ownWrites--, 50);
    }
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.publish();
  }

  setProfile(profile: string | undefined): Promise<void> {
    this.options.check = { ...this.options.check, ...(profile ? { profile } : {}) };
    if (!profile && this.options.check) delete this.options.check.profile;
    return this.guard(() => this.check());
  }

  select(f: FindingJson): Promise<void> {
    if (f.sheet === undefined) return Promise.resolve();
    return this.host.select(f.sheet, f.cell ?? `A${f.row ?? 1}`);
  }

  canFix(f: FindingJson): boolean {
    // What a finding may fix is the rule's to say (`meta.fix`), not a list kept here.
    return fixOf(f.ruleId) !== undefined && f.suggestion !== undefined && f.sheet !== undefined && f.cell !== undefined;
  }

  /** Write the suggestion into the cell, then re-read that sheet. */
  async fix(f: FindingJson): Promise<void> {
    if (!this.canFix(f)) return;
    const value = fixValue(fixOf(f.ruleId)!, f.suggestion!);
    await this.own(() => this.host.writeCell(f.sheet!, f.cell!, value));
    this.pending.add(f.sheet!);
    await this.flush();
  }

  async createTemplate(): Promise<void> {
    let added: string[] = [];
    await this.own(async () => {
      added = await this.host.createTemplate();
    });
    this.state = { ...this.state, added };
    await this.recheckAll();
  }

  async setHighlight(on: boolean): Promise<void> {
    this.highlight = on;
    await this.own(() => (on ? this.host.showMarks(this.marks()) : this.host.clearMarks()));
  }
}
