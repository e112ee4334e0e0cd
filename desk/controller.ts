/**
 * The desk's logic, without the DOM (see page.ts): the files received, their check in the
 * workers, the report assembled by the command's own code, the table's filter, order and open
 * file, and what each download holds. The view (view.ts) draws its state and calls it back.
 */
import { Buffer } from 'buffer';
import { assembleReport, formatCsv, formatHtml, perFileReports } from '../formats';
import { type FileOutcome, makeZip, passedOver, uniqueNames } from '../reader';
import type { GovernmentFlagTally, Lang, ReportJson } from '../engine';
import type { Received, WorkerResults } from './pool';

/** A file for the user to save: its name, its bytes or text, its type. */
export interface Download {
  name: string;
  data: string | Uint8Array;
  type: string;
}

/** A note under the downloads: why a file could not be written (of a workbook, when `file`). */
export interface Note {
  file?: string;
  why: string;
}

export interface DeskState {
  lang: Lang;
  report?: ReportJson;
  outcomes?: FileOutcome[];
  /** The Government flags of each province and year, assembled with the report (language-free). */
  flags: GovernmentFlagTally[];
  checkedAt: Date;
  /** Lock and hidden files passed over. */
  passed: number;
  progress: { done: number; all: number; started: number };
  filter: string;
  order?: { col: number; down: boolean };
  /** The file whose findings are shown. */
  open?: string;
  /** Workbooks being written by the writer worker. */
  writing?: { done: number; all: number };
  notes: Note[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class DeskController {
  state: DeskState = { lang: 'vi', flags: [], checkedAt: new Date(), passed: 0, progress: { done: 0, all: 0, started: 0 }, filter: '', notes: [] };
  private received: Received[] = [];

  constructor(
    private readonly workers: WorkerResults,
    private readonly save: (file: Download) => void,
    private readonly onUpdate: () => void,
    private readonly options: { today?: string; now: () => number },
  ) {}

  private update(change: Partial<DeskState>): void {
    this.state = { ...this.state, ...change };
    this.onUpdate();
  }

  setLang(lang: Lang): void {
    const report = this.state.report && this.state.outcomes ? assembleReport(this.state.outcomes, lang).report : this.state.report;
    this.update({ lang, ...(report ? { report } : {}) });
  }

  setFilter(filter: string): void {
    this.update({ filter });
  }

  /** A column's header clicked: sorted by it, the other way on a second click. */
  sortBy(col: number): void {
    this.update({ order: { col, down: this.state.order?.col === col ? !this.state.order.down : false } });
  }

  /** A file's findings shown, or hidden when they are. */
  toggle(path: string | undefined): void {
    const { open: _open, ...rest } = this.state;
    this.state = path === undefined || this.state.open === path ? rest : { ...rest, open: path };
    this.onUpdate();
  }

  /** Every received file checked, lock and hidden files passed over (and counted), in a stable order. */
  async check(received: Received[]): Promise<void> {
    const isPassed = (r: Received) => r.name.split('/').some((part) => passedOver(part));
    const files = received.filter((r) => !isPassed(r)).sort((a, b) => a.name.localeCompare(b.name));
    this.received = files;
    const { report: _r, open: _o, outcomes: _out, ...rest } = this.state;
    this.state = { ...rest, passed: received.length - files.length, notes: [], progress: { done: 0, all: files.length, started: this.options.now() } };
    this.onUpdate();
    if (files.length === 0) return;
    let last = 0;
    const outcomes = await this.workers.run(
      files,
      () => {
        this.state.progress.done++;
        // The page stays responsive: redrawn at most ten times a second.
        const now = this.options.now();
        if (now - last > 100 || this.state.progress.done === this.state.progress.all) {
          last = now;
          this.onUpdate();
        }
      },
      this.options.today,
    );
    const { report, governmentFlags } = assembleReport(outcomes, this.state.lang);
    this.state = { ...this.state, outcomes, checkedAt: new Date(), report, flags: governmentFlags };
    // The report and its table in two tasks, so that the page answers in between.
    await new Promise((r) => setTimeout(r, 0));
    this.onUpdate();
  }

  /** The report as JSON, HTML or CSV, as the command writes it. */
  report(format: 'json' | 'html' | 'csv'): void {
    const { report, lang, checkedAt } = this.state;
    if (!report) return;
    if (format === 'json') this.save({ name: 'bao-cao.json', data: `${JSON.stringify(report, null, 2)}\n`, type: 'application/json' });
    else if (format === 'html') this.save({ name: 'bao-cao.html', data: formatHtml(report, lang, checkedAt), type: 'text/html' });
    else this.save({ name: 'bao-cao.csv', data: formatCsv(report, lang), type: 'text/csv' });
  }

  /** One printable report per workbook, all in one .zip. */
  perFile(): void {
    const { report, lang, checkedAt } = this.state;
    if (!report) return;
    const names = uniqueNames(report.files.map((f) => f.path), '.bao-cao.html');
    const pages = perFileReports(report, lang, checkedAt);
    this.save({ name: 'bao-cao-tung-so.zip', data: makeZip(pages.map((html, i) => ({ name: names[i]!, data: Buffer.from(html, 'utf8') }))), type: 'application/zip' });
  }

  /** The office summary, by the command's code, in the writer worker. */
  async summary(): Promise<void> {
    const { report, outcomes, flags, lang, checkedAt } = this.state;
    if (!report) return;
    this.update({ writing: { done: 0, all: 1 } });
    const r = await this.workers.write({ kind: 'summary', report, outcomes: outcomes ?? [], governmentFlags: flags, lang, checkedAt: checkedAt.toISOString() });
    const { writing: _w, ...rest } = this.state;
    this.state = rest;
    if ('bytes' in r) this.save({ name: 'tong-hop.xlsx', data: new Uint8Array(r.bytes), type: XLSX });
    else this.state = { ...this.state, notes: [{ why: r.reason }] };
    this.onUpdate();
  }

  /** Each readable workbook's annotated copy, then all of them as one .zip. */
  async copies(): Promise<void> {
    const { report, lang, checkedAt } = this.state;
    if (!report) return;
    const names = uniqueNames(report.files.map((f) => f.path), '.kiem-tra.xlsx');
    const made: { name: string; data: Buffer }[] = [];
    const notes: Note[] = [];
    const readable = report.files.map((f, i) => ({ f, i })).filter(({ f }) => f.status !== 'unreadable');
    let done = 0;
    for (const { f, i } of readable) {
      this.update({ writing: { done, all: readable.length } });
      const file = this.received.find((r) => r.name === f.path);
      if (!file) continue;
      const bytes = await file.file.arrayBuffer();
      const r = await this.workers.write({ kind: 'copy', name: f.path, bytes, entry: f, lang, checkedAt: checkedAt.toISOString() }, [bytes]);
      if ('bytes' in r) made.push({ name: names[i]!, data: Buffer.from(r.bytes) });
      else notes.push({ file: f.path, why: r.reason });
      done++;
    }
    const { writing: _w, ...rest } = this.state;
    this.state = { ...rest, notes };
    if (made.length > 0) this.save({ name: 'ban-danh-dau.zip', data: makeZip(made), type: 'application/zip' });
    this.onUpdate();
  }
}
