/**
 * The office desk (`dist/thidua.html`): `thidua validate` as one offline page a clerk of the
 * Sở Nội vụ double-clicks. Files chosen or dropped are checked in Web Workers by the same reader
 * and engine as the command (desk/worker.ts); the report is assembled, rendered and written by
 * the command's own code (formats/assemble.ts, formats/, reader/zip-writer.ts). Everything from
 * a workbook is shown with textContent: no HTML is built from it.
 */
// First: zod must not probe `new Function`, which the page's Content-Security-Policy forbids.
import '../engine/zod-jitless';
import { Buffer } from 'buffer';
import { assembleReport, formatCsv, formatHtml, perFileReports } from '../formats';
import { type FileOutcome, makeZip, passedOver, passedOverLine, uniqueNames } from '../reader';
import { type FileJson, type FindingJson, type GovernmentFlagTally, type ReportJson, STATUS_WORDS, SEVERITY_WORDS, TALLY_TEXT, tallyRows, tallyVerdict, type Lang } from '../engine';
import type { DeskResult, DeskTask } from './worker';
import type { WriterJob, WriterResult, WriterTask } from './writer';

declare const WORKER_SOURCE: string;
declare const WRITER_SOURCE: string;


const T = {
  vi: {
    title: 'Kiểm tra sổ thi đua',
    lead: 'Chọn hoặc kéo thả các sổ thi đua các khối, cụm gửi về (.xlsx). Sổ được kiểm tra ngay trên máy này: không gửi đi đâu.',
    files: 'Chọn các tệp sổ', folder: 'Hoặc chọn cả thư mục', drop: 'Kéo thả tệp hoặc thư mục vào đây',
    working: (done: number, all: number, rate: string, left: string) => `Đang kiểm tra ${done}/${all} tệp · ${rate} tệp/giây · còn khoảng ${left}`,
    done: (n: number) => `Đã kiểm tra ${n}/${n} tệp`,
    totals: (r: ReportJson) => `${r.counts.files} sổ: ${r.counts.valid} đạt, ${r.counts.invalid} không đạt, ${r.counts.unreadable} không đọc được; ${r.counts.error} lỗi, ${r.counts.warning} cảnh báo, ${r.counts.info} lưu ý`,
    head: ['Tệp', 'Tỉnh/Thành phố', 'Khối', 'Năm', 'Kết quả', 'Lỗi', 'Cảnh báo', 'Trưởng khối', 'Trưởng khối năm sau'],
    filter: 'Lọc theo tệp, tỉnh, khối', sort: 'Bấm tiêu đề cột để sắp xếp; bấm tên tệp để xem các phát hiện.',
    json: 'Tải báo cáo JSON', html: 'Tải báo cáo in (HTML)', csv: 'Tải bảng CSV', perFile: 'Tải báo cáo riêng từng sổ (.zip)',
    summary: 'Tải sổ tổng hợp (.xlsx)', copies: 'Tải bản đánh dấu các sổ (.zip)',
    writing: (done: number, all: number) => `Đang ghi ${done}/${all} sổ…`,
    noCopy: (name: string, why: string) => `Không ghi được bản đánh dấu của ${name}: ${why}`,
    cross: 'Giữa các sổ', none: 'Không có phát hiện nào.', suggestion: 'Gợi ý', workbook: 'Cả sổ', other: 'English', close: 'Đóng',
  },
  en: {
    title: 'Emulation workbook check',
    lead: 'Choose or drop the workbooks the blocs sent (.xlsx). They are checked on this computer: nothing is sent anywhere.',
    files: 'Choose workbook files', folder: 'Or choose a whole folder', drop: 'Drop files or folders here',
    working: (done: number, all: number, rate: string, left: string) => `Checking ${done}/${all} files · ${rate} files/s · about ${left} left`,
    done: (n: number) => `Checked ${n}/${n} files`,
    totals: (r: ReportJson) => `${r.counts.files} files: ${r.counts.valid} valid, ${r.counts.invalid} invalid, ${r.counts.unreadable} unreadable; ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} info`,
    head: ['File', 'Province', 'Bloc', 'Year', 'Result', 'Errors', 'Warnings', 'Leader', 'Next leader'],
    filter: 'Filter by file, province, bloc', sort: 'Click a column header to sort; click a file to see its findings.',
    json: 'Download JSON report', html: 'Download printable report (HTML)', csv: 'Download CSV', perFile: 'Download one report per workbook (.zip)',
    summary: 'Download the office summary (.xlsx)', copies: 'Download annotated copies (.zip)',
    writing: (done: number, all: number) => `Writing ${done}/${all} workbooks…`,
    noCopy: (name: string, why: string) => `No annotated copy of ${name}: ${why}`,
    cross: 'Across files', none: 'No findings.', suggestion: 'Suggestion', workbook: 'Workbook', other: 'Tiếng Việt', close: 'Close',
  },
} as const;

/** The date the checks take as today: the computer's, or `#today=YYYY-MM-DD` (tests). */
function today(): string | undefined {
  const m = /today=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  return m?.[1];
}

/** A time left in words: `45 giây`, `3 phút`. */
function duration(seconds: number, lang: Lang): string {
  if (!Number.isFinite(seconds)) return '…';
  if (seconds < 60) return lang === 'vi' ? `${Math.ceil(seconds)} giây` : `${Math.ceil(seconds)} s`;
  return lang === 'vi' ? `${Math.ceil(seconds / 60)} phút` : `${Math.ceil(seconds / 60)} min`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A file as received: its name in the report (folders kept when a folder was chosen) and its bytes. */
interface Received {
  name: string;
  file: File;
}

/** Web Workers from the page's own code (file:// allows no worker URL), as many as the cores, at most 4. */
class Pool {
  private readonly url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  private readonly size = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));

  /**
   * Each file's outcome in the order given; `onDone` as each ends. Each worker has two files
   * at a time (it reads the next from the disk while it checks one). A worker that takes more
   * than 30 s on a file is ended and another started: that file is `timeout`, the file it held
   * besides is given to the new worker.
   */
  async run(files: Received[], onDone: () => void, timeoutMs = 30_000): Promise<FileOutcome[]> {
    const results: FileOutcome[] = new Array(files.length);
    let next = 0;
    const day = today();
    const task = (i: number): DeskTask => ({ id: i, name: files[i]!.name, file: files[i]!.file, ...(day ? { today: day } : {}) });
    const lane = () =>
      new Promise<void>((finish) => {
        const pending: number[] = [];
        let timer: ReturnType<typeof setTimeout> | undefined;
        let worker: Worker;
        const start = () => {
          worker = new Worker(this.url);
          worker.onmessage = (e: MessageEvent<DeskResult>) => done(e.data.id, e.data.outcome);
          worker.onerror = (e) => {
            e.preventDefault();
            fail('corrupt', e.message);
          };
          for (const i of pending) worker.postMessage(task(i));
        };
        const arm = () => {
          if (timer) clearTimeout(timer);
          timer = pending.length > 0 ? setTimeout(() => fail('timeout', `over ${timeoutMs} ms`), timeoutMs) : undefined;
        };
        const fill = () => {
          while (pending.length < 4 && next < files.length) {
            const i = next++;
            pending.push(i);
            worker.postMessage(task(i));
          }
          arm();
          if (pending.length === 0) {
            worker.terminate();
            finish();
          }
        };
        const done = (i: number, outcome: FileOutcome) => {
          results[i] = outcome;
          pending.splice(pending.indexOf(i), 1);
          onDone();
          fill();
        };
        /** The file in hand failed the worker: its outcome said, the worker replaced, the rest given again. */
        const fail = (code: 'timeout' | 'corrupt', detail: string) => {
          worker.terminate();
          const i = pending.shift()!;
          results[i] = { path: files[i]!.name, ok: false, code, detail };
          onDone();
          start();
          fill();
        };
        start();
        fill();
      });
    await Promise.all(Array.from({ length: Math.min(this.size, files.length) }, lane));
    return results;
  }
}

/** The writer worker (ExcelJS), started at the first workbook asked for, one task at a time. */
class Writer {
  private worker: Worker | undefined;
  private next = 0;
  private chain: Promise<unknown> = Promise.resolve();

  run(task: WriterJob, transfer: Transferable[] = []): Promise<WriterResult> {
    const work = this.chain.then(
      () =>
        new Promise<WriterResult>((resolve) => {
          this.worker ??= new Worker(URL.createObjectURL(new Blob([WRITER_SOURCE], { type: 'text/javascript' })));
          const id = ++this.next;
          this.worker.onmessage = (e: MessageEvent<WriterResult>) => resolve(e.data);
          this.worker.onerror = (e) => {
            e.preventDefault();
            this.worker?.terminate();
            this.worker = undefined;
            resolve({ id, reason: e.message });
          };
          this.worker.postMessage({ ...task, id } as WriterTask, transfer);
        }),
    );
    this.chain = work;
    return work;
  }
}

function download(name: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

class Desk {
  private lang: Lang = 'vi';
  private report: ReportJson | undefined;
  private checkedAt = new Date();
  private passed = 0;
  private progress = { done: 0, all: 0, started: 0 };
  private filter = '';
  private order: { col: number; down: boolean } | undefined;
  private open: string | undefined;
  private received: Received[] = [];
  private writing: string | undefined;
  private notes: string[] = [];
  private readonly writer = new Writer();

  constructor(private readonly root: HTMLElement) {}

  /** The office summary, by the command's code, in the writer worker. */
  private async summary(report: ReportJson): Promise<void> {
    const t = T[this.lang];
    this.writing = t.writing(0, 1);
    this.render();
    const r = await this.writer.run({ kind: 'summary', report, outcomes: this.outcomes ?? [], governmentFlags: this.flags, lang: this.lang, checkedAt: this.checkedAt.toISOString() });
    this.writing = undefined;
    if ('bytes' in r) download('tong-hop.xlsx', new Uint8Array(r.bytes), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    else this.notes = [r.reason];
    this.render();
  }

  /** Each readable workbook's annotated copy, then all of them as one .zip. */
  private async copies(report: ReportJson): Promise<void> {
    const t = T[this.lang];
    const names = uniqueNames(report.files.map((f) => f.path), '.kiem-tra.xlsx');
    const made: { name: string; data: Buffer }[] = [];
    const notes: string[] = [];
    const readable = report.files.map((f, i) => ({ f, i })).filter(({ f }) => f.status !== 'unreadable');
    let done = 0;
    for (const { f, i } of readable) {
      this.writing = t.writing(done, readable.length);
      this.render();
      const file = this.received.find((r) => r.name === f.path);
      if (!file) continue;
      const bytes = await file.file.arrayBuffer();
      const r = await this.writer.run({ kind: 'copy', name: f.path, bytes, entry: f, lang: this.lang, checkedAt: this.checkedAt.toISOString() }, [bytes]);
      if ('bytes' in r) made.push({ name: names[i]!, data: Buffer.from(r.bytes) });
      else notes.push(t.noCopy(f.path, r.reason));
      done++;
    }
    this.writing = undefined;
    this.notes = notes;
    if (made.length > 0) download('ban-danh-dau.zip', makeZip(made), 'application/zip');
    this.render();
  }

  render(): void {
    const t = T[this.lang];
    document.documentElement.lang = this.lang;
    document.title = t.title;
    this.root.replaceChildren();
    const header = el('header');
    header.append(el('h1', {}, t.title));
    const lang = el('button', { type: 'button', id: 'lang' }, t.other);
    lang.addEventListener('click', () => {
      this.lang = this.lang === 'vi' ? 'en' : 'vi';
      if (this.report && this.outcomes) this.report = assembleReport(this.outcomes, this.lang).report;
      this.render();
    });
    header.append(lang);
    this.root.append(header, el('p', { class: 'lead' }, t.lead));

    const pick = el('section', { class: 'pick' });
    const files = el('input', { type: 'file', id: 'tep', multiple: '', accept: '.xlsx,.xlsm,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const folder = el('input', { type: 'file', id: 'thu-muc', webkitdirectory: '', multiple: '' });
    files.addEventListener('change', () => void this.check(Array.from(files.files ?? []).map((f) => ({ name: f.name, file: f }))));
    folder.addEventListener('change', () => void this.check(Array.from(folder.files ?? []).map((f) => ({ name: f.webkitRelativePath || f.name, file: f }))));
    pick.append(el('label', { for: 'tep' }, t.files), files, el('label', { for: 'thu-muc' }, t.folder), folder);
    const drop = el('div', { class: 'drop', tabindex: '0' }, t.drop);
    drop.addEventListener('dragover', (e) => e.preventDefault());
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      void this.dropped(e.dataTransfer);
    });
    pick.append(drop);
    this.root.append(pick);

    const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const p = this.progress;
    if (p.all > 0 && p.done < p.all) {
      const seconds = (performance.now() - p.started) / 1000;
      const rate = p.done / Math.max(0.001, seconds);
      status.textContent = t.working(p.done, p.all, rate.toFixed(1), duration((p.all - p.done) / Math.max(rate, 0.001), this.lang));
      const bar = el('progress', { max: String(p.all), value: String(p.done) });
      this.root.append(bar);
    } else if (p.all > 0) status.textContent = t.done(p.all);
    this.root.append(status);
    if (!this.report) return;
    const report = this.report;
    this.root.append(el('p', { class: 'totals' }, t.totals(report)));
    if (this.passed > 0) this.root.append(el('p', {}, passedOverLine(this.passed, this.lang)));

    const actions = el('p', { class: 'downloads' });
    const button = (label: string, id: string, act: () => void) => {
      const b = el('button', { type: 'button', id }, label);
      b.addEventListener('click', act);
      actions.append(b);
    };
    button(t.json, 'tai-json', () => download('bao-cao.json', `${JSON.stringify(report, null, 2)}\n`, 'application/json'));
    button(t.html, 'tai-html', () => download('bao-cao.html', formatHtml(report, this.lang, this.checkedAt), 'text/html'));
    button(t.csv, 'tai-csv', () => download('bao-cao.csv', formatCsv(report, this.lang), 'text/csv'));
    button(t.summary, 'tai-tong-hop', () => void this.summary(report));
    button(t.copies, 'tai-danh-dau', () => void this.copies(report));
    button(t.perFile, 'tai-rieng', () => {
      const names = uniqueNames(report.files.map((f) => f.path), '.bao-cao.html');
      const pages = perFileReports(report, this.lang, this.checkedAt);
      download('bao-cao-tung-so.zip', makeZip(pages.map((html, i) => ({ name: names[i]!, data: Buffer.from(html, 'utf8') }))), 'application/zip');
    });
    this.root.append(actions);
    if (this.writing) this.root.append(el('p', { class: 'writing', role: 'status' }, this.writing));
    for (const note of this.notes) this.root.append(el('p', { class: 'note' }, note));
    this.root.append(this.table(report));
    if (this.open !== undefined) {
      const file = report.files.find((f) => f.path === this.open);
      if (file) this.root.append(this.details(file));
    }
    if (report.crossFile.length > 0) {
      const cross = el('section', { class: 'cross' });
      cross.append(el('h2', {}, t.cross));
      const ul = el('ul');
      for (const c of report.crossFile) {
        const li = el('li', { class: c.severity });
        li.append(el('span', { class: 'sev' }, SEVERITY_WORDS[this.lang][c.severity]), el('code', {}, c.ruleId), el('span', {}, c.message), el('span', { class: 'files' }, c.files.join('; ')));
        ul.append(li);
      }
      cross.append(ul);
      this.root.append(cross);
    }
    const flags = this.governmentFlags();
    if (flags) this.root.append(flags);
  }

  /** The Government flags of each province and year against the province-wide limit, as the summary workbook has them. */
  private governmentFlags(): HTMLElement | undefined {
    const tally = this.flags;
    if (tally.length === 0) return undefined;
    const g = TALLY_TEXT[this.lang];
    const section = el('section', { class: 'government-flags' });
    section.append(el('h2', {}, g.title), el('p', { class: 'hint' }, g.note));
    const table = el('table', { id: 'co-chinh-phu' });
    const head = el('tr');
    for (const h of g.head) head.append(el('th', { scope: 'col' }, h));
    const body = el('tbody');
    tallyRows(tally, this.lang).forEach((cells, i) => {
      const tr = el('tr', { class: tallyVerdict(tally[i]!) === 'over' ? 'invalid' : '' });
      for (const c of cells) tr.append(el('td', {}, String(c)));
      body.append(tr);
    });
    const thead = el('thead');
    thead.append(head);
    table.append(thead, body);
    section.append(table);
    return section;
  }

  private outcomes: FileOutcome[] | undefined;
  /** The Government flags of each province and year, assembled with the report (language-free). */
  private flags: GovernmentFlagTally[] = [];

  private table(report: ReportJson): HTMLElement {
    const t = T[this.lang];
    const section = el('section', { class: 'files' });
    const filter = el('input', { type: 'search', id: 'loc', placeholder: t.filter, 'aria-label': t.filter, value: this.filter });
    filter.addEventListener('input', () => {
      this.filter = filter.value;
      this.render();
      (document.getElementById('loc') as HTMLInputElement | null)?.focus();
    });
    section.append(filter, el('p', { class: 'hint' }, t.sort));
    const table = el('table', { id: 'tong-quan' });
    const head = el('tr');
    t.head.forEach((h, col) => {
      const th = el('th', { scope: 'col', tabindex: '0', ...(this.order?.col === col ? { 'aria-sort': this.order.down ? 'descending' : 'ascending' } : {}) }, h);
      const sort = () => {
        this.order = { col, down: this.order?.col === col ? !this.order.down : false };
        this.render();
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => e.key === 'Enter' && sort());
      head.append(th);
    });
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    const byPath = new Map((this.outcomes ?? []).map((o) => [o.path, o]));
    const cells = (f: FileJson): string[] => {
      const o = byPath.get(f.path);
      const summary = o && o.ok ? o.summary : undefined;
      const read = f.status !== 'unreadable';
      return [f.path, f.bloc?.province ?? '', f.bloc?.name ?? '', String(f.bloc?.year ?? ''), STATUS_WORDS[this.lang][f.status], read ? String(f.counts.error) : '', read ? String(f.counts.warning) : '', summary?.leader ?? '', summary?.nextLeader ?? ''];
    };
    let rows = report.files.map((f) => ({ f, c: cells(f) }));
    const q = this.filter.trim().toLowerCase();
    if (q) rows = rows.filter((r) => r.c.join(' ').toLowerCase().includes(q));
    if (this.order) {
      const { col, down } = this.order;
      rows.sort((a, b) => (down ? -1 : 1) * a.c[col]!.localeCompare(b.c[col]!, this.lang, { numeric: true }));
    }
    for (const { f, c } of rows) {
      const tr = el('tr', { class: f.status });
      c.forEach((text, i) => {
        const td = el('td', {}, i === 0 ? undefined : text);
        if (i === 0) {
          const open = el('button', { type: 'button', class: 'open' }, text);
          open.addEventListener('click', () => {
            this.open = this.open === f.path ? undefined : f.path;
            this.render();
            document.getElementById('chi-tiet')?.scrollIntoView();
          });
          td.append(open);
        }
        tr.append(td);
      });
      table.tBodies[0]!.append(tr);
    }
    section.append(table);
    return section;
  }

  private details(file: FileJson): HTMLElement {
    const t = T[this.lang];
    const section = el('section', { id: 'chi-tiet', class: 'details' });
    const title = el('h2', {}, file.path);
    const close = el('button', { type: 'button', class: 'close' }, t.close);
    close.addEventListener('click', () => {
      this.open = undefined;
      this.render();
    });
    section.append(title, close);
    if (file.bloc) section.append(el('p', {}, [file.bloc.name, file.bloc.province, file.bloc.year].filter((x) => x !== undefined).join(' — ')));
    if (file.status === 'unreadable') {
      section.append(el('p', { class: 'unreadable' }, file.error?.message ?? ''));
      return section;
    }
    if (file.findings.length === 0) section.append(el('p', {}, t.none));
    const bySheet = new Map<string, FindingJson[]>();
    for (const f of file.findings) bySheet.set(f.sheet ?? t.workbook, [...(bySheet.get(f.sheet ?? t.workbook) ?? []), f]);
    for (const [sheet, list] of bySheet) {
      section.append(el('h3', {}, sheet));
      const ul = el('ul');
      for (const f of list) {
        const li = el('li', { class: `finding ${f.severity}`, 'data-rule': f.ruleId });
        const place = f.cell ?? (f.row !== undefined ? `${f.row}:${f.row}` : '');
        li.append(el('span', { class: 'place' }, place), el('span', { class: 'sev' }, SEVERITY_WORDS[this.lang][f.severity]), el('span', { class: 'message' }, f.message));
        if (f.suggestion !== undefined) li.append(el('p', { class: 'suggestion' }, `${t.suggestion}: ${f.suggestion}`));
        if (f.basis !== undefined) li.append(el('p', { class: 'basis' }, f.basis));
        ul.append(li);
      }
      section.append(ul);
    }
    return section;
  }

  /** Files and folders dropped: every file in them (folders read through the entries API). */
  private async dropped(data: DataTransfer | null): Promise<void> {
    if (!data) return;
    const out: Received[] = [];
    const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
      if (entry.isFile) {
        const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
        out.push({ name: `${path}${file.name}`, file });
      } else if (entry.isDirectory) {
        const reader = (entry as FileSystemDirectoryEntry).createReader();
        for (;;) {
          const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
          if (batch.length === 0) break;
          for (const e of batch) await walk(e, `${path}${entry.name}/`);
        }
      }
    };
    const entries = Array.from(data.items).map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
    if (entries.length === 0) for (const f of Array.from(data.files)) out.push({ name: f.name, file: f });
    for (const e of entries) await walk(e, '');
    await this.check(out);
  }

  /** Every received file checked, lock and hidden files passed over (and counted), in a stable order. */
  async check(received: Received[]): Promise<void> {
    const isPassed = (r: Received) => r.name.split('/').some((part) => passedOver(part));
    const files = received.filter((r) => !isPassed(r)).sort((a, b) => a.name.localeCompare(b.name));
    this.passed = received.length - files.length;
    this.received = files;
    this.notes = [];
    this.report = undefined;
    this.open = undefined;
    this.progress = { done: 0, all: files.length, started: performance.now() };
    this.render();
    if (files.length === 0) return;
    let last = 0;
    const outcomes = await new Pool().run(files, () => {
      this.progress.done++;
      // The page stays responsive: redrawn at most ten times a second.
      const now = performance.now();
      if (now - last > 100 || this.progress.done === this.progress.all) {
        last = now;
        this.render();
      }
    });
    this.outcomes = outcomes;
    this.checkedAt = new Date();
    ({ report: this.report, governmentFlags: this.flags } = assembleReport(outcomes, this.lang));
    // The report and its table in two tasks, so that the page answers in between.
    await new Promise((r) => setTimeout(r, 0));
    this.render();
    // For the benchmark: when the check began, and how long it took to the report shown.
    document.body.setAttribute('data-check-start', String(this.progress.started));
    document.body.setAttribute('data-check-ms', String(Math.round(performance.now() - this.progress.started)));
  }
}

const desk = new Desk(document.getElementById('app')!);
desk.render();
