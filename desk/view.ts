/**
 * The desk's page drawn from its controller's state (see page.ts). Everything from a workbook
 * is shown with textContent: no HTML is built from it.
 */
import { type FileJson, type FindingJson, type Lang, type ReportJson, TALLY_TEXT, tallyRows, tallyVerdict, WORDS } from '../engine';
import { passedOverLine } from '../reader';
import type { DeskController, Download } from './controller';
import type { Received } from './pool';

const T = {
  vi: {
    title: 'Kiểm tra sổ thi đua',
    lead: 'Chọn hoặc kéo thả các sổ thi đua các khối, cụm gửi về (.xlsx). Sổ được kiểm tra ngay trên máy này: không gửi đi đâu.',
    files: 'Chọn các tệp sổ', folder: 'Hoặc chọn cả thư mục', drop: 'Kéo thả tệp hoặc thư mục vào đây',
    working: (done: number, all: number, rate: string, left: string) => `Đang kiểm tra ${done}/${all} tệp · ${rate} tệp/giây · còn khoảng ${left}`,
    done: (n: number) => `Đã kiểm tra ${n}/${n} tệp`,
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
    filter: 'Filter by file, province, bloc', sort: 'Click a column header to sort; click a file to see its findings.',
    json: 'Download JSON report', html: 'Download printable report (HTML)', csv: 'Download CSV', perFile: 'Download one report per workbook (.zip)',
    summary: 'Download the office summary (.xlsx)', copies: 'Download annotated copies (.zip)',
    writing: (done: number, all: number) => `Writing ${done}/${all} workbooks…`,
    noCopy: (name: string, why: string) => `No annotated copy of ${name}: ${why}`,
    cross: 'Across files', none: 'No findings.', suggestion: 'Suggestion', workbook: 'Workbook', other: 'Tiếng Việt', close: 'Close',
  },
} as const;

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


/** A file offered to the user to save. */
export function download({ name, data, type }: Download): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

export class DeskView {
  constructor(
    private readonly root: HTMLElement,
    private readonly desk: DeskController,
    /** Files chosen or dropped, to be checked. */
    private readonly check: (received: Received[]) => Promise<void>,
  ) {}

  render(): void {
    const s = this.desk.state;
    const t = T[s.lang];
    document.documentElement.lang = s.lang;
    document.title = t.title;
    this.root.replaceChildren();
    const header = el('header');
    header.append(el('h1', {}, t.title));
    const lang = el('button', { type: 'button', id: 'lang' }, t.other);
    lang.addEventListener('click', () => this.desk.setLang(s.lang === 'vi' ? 'en' : 'vi'));
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
    const p = s.progress;
    if (p.all > 0 && p.done < p.all) {
      const seconds = (performance.now() - p.started) / 1000;
      const rate = p.done / Math.max(0.001, seconds);
      status.textContent = t.working(p.done, p.all, rate.toFixed(1), duration((p.all - p.done) / Math.max(rate, 0.001), s.lang));
      const bar = el('progress', { max: String(p.all), value: String(p.done) });
      this.root.append(bar);
    } else if (p.all > 0) status.textContent = t.done(p.all);
    this.root.append(status);
    if (!s.report) return;
    const report = s.report;
    this.root.append(el('p', { class: 'totals' }, WORDS[s.lang].runTotals(report.counts)));
    if (s.passed > 0) this.root.append(el('p', {}, passedOverLine(s.passed, s.lang)));

    const actions = el('p', { class: 'downloads' });
    const button = (label: string, id: string, act: () => void) => {
      const b = el('button', { type: 'button', id }, label);
      b.addEventListener('click', act);
      actions.append(b);
    };
    button(t.json, 'tai-json', () => this.desk.report('json'));
    button(t.html, 'tai-html', () => this.desk.report('html'));
    button(t.csv, 'tai-csv', () => this.desk.report('csv'));
    button(t.summary, 'tai-tong-hop', () => void this.desk.summary());
    button(t.copies, 'tai-danh-dau', () => void this.desk.copies());
    button(t.perFile, 'tai-rieng', () => this.desk.perFile());
    this.root.append(actions);
    if (s.writing) this.root.append(el('p', { class: 'writing', role: 'status' }, t.writing(s.writing.done, s.writing.all)));
    for (const note of s.notes) this.root.append(el('p', { class: 'note' }, note.file === undefined ? note.why : t.noCopy(note.file, note.why)));
    this.root.append(this.table(report));
    if (s.open !== undefined) {
      const file = report.files.find((f) => f.path === s.open);
      if (file) this.root.append(this.details(file));
    }
    if (report.crossFile.length > 0) {
      const cross = el('section', { class: 'cross' });
      cross.append(el('h2', {}, t.cross));
      const ul = el('ul');
      for (const c of report.crossFile) {
        const li = el('li', { class: c.severity });
        li.append(el('span', { class: 'sev' }, WORDS[s.lang].severity[c.severity]), el('code', {}, c.ruleId), el('span', {}, c.message), el('span', { class: 'files' }, c.files.join('; ')));
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
    const { flags: tally, lang } = this.desk.state;
    if (tally.length === 0) return undefined;
    const g = TALLY_TEXT[lang];
    const section = el('section', { class: 'government-flags' });
    section.append(el('h2', {}, g.title), el('p', { class: 'hint' }, g.note));
    const table = el('table', { id: 'co-chinh-phu' });
    const head = el('tr');
    for (const h of g.head) head.append(el('th', { scope: 'col' }, h));
    const body = el('tbody');
    tallyRows(tally, lang).forEach((cells, i) => {
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

  private table(report: ReportJson): HTMLElement {
    const s = this.desk.state;
    const t = T[s.lang];
    const section = el('section', { class: 'files' });
    const filter = el('input', { type: 'search', id: 'loc', placeholder: t.filter, 'aria-label': t.filter, value: s.filter });
    filter.addEventListener('input', () => {
      this.desk.setFilter(filter.value);
      (document.getElementById('loc') as HTMLInputElement | null)?.focus();
    });
    section.append(filter, el('p', { class: 'hint' }, t.sort));
    const table = el('table', { id: 'tong-quan' });
    const head = el('tr');
    const w = WORDS[s.lang];
    [w.column.file, w.column.province, w.column.bloc, w.column.year, w.column.result, w.severityColumn.error, w.severityColumn.warning, w.column.leader, w.column.nextLeader].forEach((h, col) => {
      const th = el('th', { scope: 'col', tabindex: '0', ...(s.order?.col === col ? { 'aria-sort': s.order.down ? 'descending' : 'ascending' } : {}) }, h);
      const sort = () => this.desk.sortBy(col);
      th.addEventListener('click', sort);
      th.addEventListener('keydown', (e) => e.key === 'Enter' && sort());
      head.append(th);
    });
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    const byPath = new Map((s.outcomes ?? []).map((o) => [o.path, o]));
    const cells = (f: FileJson): string[] => {
      const o = byPath.get(f.path);
      const summary = o && o.ok ? o.summary : undefined;
      const read = f.status !== 'unreadable';
      return [f.path, f.bloc?.province ?? '', f.bloc?.name ?? '', String(f.bloc?.year ?? ''), WORDS[s.lang].status[f.status], read ? String(f.counts.error) : '', read ? String(f.counts.warning) : '', summary?.leader ?? '', summary?.nextLeader ?? ''];
    };
    let rows = report.files.map((f) => ({ f, c: cells(f) }));
    const q = s.filter.trim().toLowerCase();
    if (q) rows = rows.filter((r) => r.c.join(' ').toLowerCase().includes(q));
    if (s.order) {
      const { col, down } = s.order;
      rows.sort((a, b) => (down ? -1 : 1) * a.c[col]!.localeCompare(b.c[col]!, s.lang, { numeric: true }));
    }
    for (const { f, c } of rows) {
      const tr = el('tr', { class: f.status });
      c.forEach((text, i) => {
        const td = el('td', {}, i === 0 ? undefined : text);
        if (i === 0) {
          const open = el('button', { type: 'button', class: 'open' }, text);
          open.addEventListener('click', () => {
            this.desk.toggle(f.path);
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
    const lang = this.desk.state.lang;
    const t = T[lang];
    const section = el('section', { id: 'chi-tiet', class: 'details' });
    const title = el('h2', {}, file.path);
    const close = el('button', { type: 'button', class: 'close' }, t.close);
    close.addEventListener('click', () => this.desk.toggle(undefined));
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
        li.append(el('span', { class: 'place' }, place), el('span', { class: 'sev' }, WORDS[lang].severity[f.severity]), el('span', { class: 'message' }, f.message));
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
}
