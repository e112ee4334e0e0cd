/**
 * The pane's logic, without Office and without the DOM: it asks a host (plain functions) for
 * sheets, keeps the last read of each sheet by Excel's id for it, re-reads only the sheets
 * that changed, debounced, and runs the engine. All Excel work goes through one queue, one
 * piece after another: two checks never overlap, and no change is ever dropped (a change
 * that comes while a check runs is read by the next one).
 */
import { checkGrid, type CheckOptions, type Finding, findingJson, type FindingJson, fixOf, fixValue, type Grid, type Lang, memberListRange, tableRows, currentNationalSettings, type BlocModel, fittingSheets, fromA1, parseCriteria, type Criterion } from '../../engine';
import type { Change, HostSheet, Mark, ReadResult, TemplateOutcome, WriteOutcome } from '../excel';

export type { Mark } from '../excel';

/** What the pane needs of Excel, as plain functions (addin/excel.ts implements them). */
export interface PaneHost {
  /**
   * One check as one piece of Excel work: read the sheets (by id; every sheet when `ids` is
   * undefined), let `decide` find the marks wanted from what was read, and make the
   * workbook's marks those (`marks: false`: leave them). Rejects with code `ItemNotFound`
   * when a sheet asked for is gone.
   */
  check(request: { ids?: readonly string[]; marks: boolean }, decide: (read: ReadResult) => Mark[]): Promise<void>;
  /** Call back with what changed. */
  onChange(handler: (change: Change) => void): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
  /** Excel calculates every formula again. */
  recalculate(): Promise<void>;
  /** Excel keeps the user's undo history across the pane's writes (false: each write clears it). */
  readonly undoKept?: boolean;
  write(sheet: string, cell: string, value: string | number): Promise<WriteOutcome>;
  /** "Tạo mẫu": add the template's sheets the workbook lacks (`criteria`: `Chấm điểm`'s, else the profile's). */
  createTemplate(memberList: string | undefined, names?: ReadonlyMap<string, string>, profile?: string, criteria?: readonly Criterion[]): Promise<TemplateOutcome>;
}

export interface PaneState {
  findings: FindingJson[];
  counts: { error: number; warning: number; info: number };
  checking: boolean;
  /** A check is running or waiting (a change not yet read). */
  busy: boolean;
  error?: string;
  /** What "Tạo mẫu" just did. */
  added?: string[];
  templateFailed?: { sheet: string; reason: string };
  /** The criteria typed for "Tạo mẫu" (blank: the profile's, or three to rename). */
  criteria: string;
  /** What is wrong with them, in both languages (nothing was created). */
  criteriaError?: { vi: string; en: string };
  /**
   * A check that failed and will be tried again (its edits kept): the attempt that failed, and
   * in how many milliseconds the next one starts.
   */
  retry?: { attempt: number; inMs: number };
  /** A fix waiting for the user to accept that it clears Excel's undo history (by finding: `sheet!cell rule`). */
  confirmUndo?: string;
  /** Excel is in manual calculation: totals and percentages may be stale until it calculates. */
  manualCalculation?: boolean;
  /** The workbook's protected sheets (by name): no marks, no fixes there. */
  protectedSheets?: string[];
  /** Excel did not let the pane listen for edits: what the user typed is read only on "Kiểm tra lại". */
  notListening?: string;
  /** Fixes not written, by finding (`sheet!cell rule`), and why. */
  refused: Record<string, 'formula' | 'gone' | 'protected'>;
}

export interface ControllerOptions {
  debounceMs?: number;
  check?: CheckOptions;
  lang?: Lang;
  onUpdate?: (state: PaneState) => void;
  /** For the benchmark: when a re-check after a change ends. */
  onChecked?: (ms: number) => void;
}

/** The key of a finding's fix: its cell and rule. */
export const fixKey = (f: { sheet?: string; cell?: string; ruleId: string }) => `${f.sheet}!${f.cell} ${f.ruleId}`;

export class PaneController {
  private sheets = new Map<string, HostSheet>();
  private pendingIds = new Set<string>();
  private pendingAll = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private findings: Finding[] = [];
  private model: BlocModel | undefined;
  private highlight = false;
  /** The user accepted, this session, that a fix clears Excel's undo history. */
  private undoAccepted = false;
  /** Excel listens for the pane's edits (its registration succeeded). */
  private listening = false;
  /** Checks failed one after another, and the timer of the next try. */
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Marks an earlier pane may have left are looked for at the first full read. */
  private swept = false;
  lang: Lang;
  state: PaneState = { findings: [], counts: { error: 0, warning: 0, info: 0 }, checking: false, busy: false, refused: {}, criteria: '' };

  constructor(
    private readonly host: PaneHost,
    private readonly options: ControllerOptions = {},
  ) {
    this.lang = options.lang ?? 'vi';
  }

  /** Read everything, check, and listen for changes. */
  async start(): Promise<void> {
    await this.listen();
    await this.recheckAll();
  }

  /**
   * Listening is Excel work too: in the queue, before a check. Where Excel refuses, the pane
   * says so until listening works (each "Kiểm tra lại" tries again), not only until the next check.
   */
  private listen(): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.host.onChange((change) => this.changed(change));
        this.listening = true;
        delete this.state.notListening;
      } catch (e) {
        this.state = { ...this.state, notListening: errorText(e, this.lang) };
      }
    });
  }

  /** "Tính lại và kiểm tra" (manual calculation): Excel calculates, then every sheet is read again. */
  recalculate(): Promise<void> {
    return this.enqueue(async () => {
      await this.host.recalculate();
      await this.checked(undefined);
    });
  }

  /** "Kiểm tra lại": read every sheet again (and listen for edits, where Excel refused before). */
  async recheckAll(): Promise<void> {
    if (!this.listening && this.state.notListening !== undefined) await this.listen();
    return this.read(undefined);
  }

  private changed(change: Change): void {
    if ('structure' in change) this.pendingAll = true;
    else for (const id of change.ids) this.pendingIds.add(id);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.debounceMs ?? 300);
    this.publish();
  }

  /** The changes so far, read by the next check in the queue (taken when it starts, not before). */
  private flush(): Promise<void> {
    const started = Date.now();
    return this.enqueue(async () => {
      if (!this.pendingAll && this.pendingIds.size === 0) return;
      const ids = this.pendingAll ? undefined : [...this.pendingIds];
      this.pendingAll = false;
      this.pendingIds.clear();
      await this.checked(ids);
      this.options.onChecked?.(Date.now() - started);
    });
  }

  /** A check of these sheets (all: `undefined`) as a piece of Excel work. */
  private read(ids: readonly string[] | undefined): Promise<void> {
    return this.enqueue(() => this.checked(ids));
  }

  /**
   * A check whose edits are not lost: where it fails, what it was to read is pending again and
   * read by a check tried again after 1, 2, 4… seconds (at most 30), the pane saying so; the
   * error still reaches the pane.
   */
  private async checked(ids: readonly string[] | undefined): Promise<void> {
    try {
      await this.checkNow(ids);
      this.failures = 0;
      delete this.state.retry;
    } catch (e) {
      if (ids === undefined) this.pendingAll = true;
      else for (const id of ids) this.pendingIds.add(id);
      this.failures++;
      const inMs = Math.min(30_000, 1000 * 2 ** (this.failures - 1));
      this.state = { ...this.state, retry: { attempt: this.failures, inMs } };
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.flush();
      }, inMs);
      throw e;
    }
  }

  /** Excel work, one piece at a time, in the order asked. */
  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queued++;
    this.publish();
    const next = this.queue.then(async () => {
      this.state = { ...this.state, checking: true };
      this.publish();
      try {
        await work();
        delete this.state.error;
      } catch (e) {
        this.state = { ...this.state, error: errorText(e, this.lang) };
      } finally {
        this.queued--;
        this.state = { ...this.state, checking: this.queued > 0 };
        this.publish();
      }
    });
    this.queue = next;
    return next;
  }

  /** Read (some sheets, or all), check, and keep the marks; a sheet gone since means all. */
  private async checkNow(ids: readonly string[] | undefined): Promise<void> {
    const marks = this.highlight || (ids === undefined && !this.swept);
    try {
      await this.host.check({ ...(ids ? { ids } : {}), marks }, (read) => this.decide(read));
    } catch (e) {
      if ((e as { code?: string }).code !== 'ItemNotFound' || ids === undefined) throw e;
      await this.host.check({ marks: this.highlight }, (read) => this.decide(read));
    }
    if (ids === undefined) this.swept = true;
  }

  /** The engine over the sheets as now read; the marks to show. */
  private decide(read: ReadResult): Mark[] {
    if (read.complete) this.sheets = new Map(read.sheets.map((s) => [s.id, s]));
    else for (const s of read.sheets) this.sheets.set(s.id, s);
    // Protection as last read: all of it after a full read, the sheets read otherwise.
    const before = read.complete ? [] : (this.state.protectedSheets ?? []).filter((n) => !read.sheets.some((s) => s.name === n));
    const guarded = [...new Set([...before, ...(read.protectedSheets ?? [])])];
    this.state = { ...this.state, protectedSheets: guarded, manualCalculation: read.manualCalculation === true };
    const grid: Grid = { sheets: [...this.sheets.values()] };
    const result = checkGrid(grid, this.options.check ?? {});
    this.findings = result.findings;
    this.model = result.model;
    this.state = { ...this.state, counts: result.counts };
    this.publish();
    return this.highlight ? this.marks() : [];
  }

  private publish(): void {
    this.state = { ...this.state, findings: this.findings.map((f) => findingJson(f, this.lang)), busy: this.queued > 0 || this.timer !== undefined || this.retryTimer !== undefined };
    this.options.onUpdate?.(this.state);
  }

  private marks(): Mark[] {
    return this.findings.filter((f) => f.sheet !== undefined && f.cell !== undefined).map((f) => ({ sheet: f.sheet!, cell: f.cell!, severity: f.severity }));
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.publish();
  }

  setProfile(profile: string | undefined): Promise<void> {
    this.options.check = { ...this.options.check, ...(profile ? { profile } : {}) };
    if (!profile && this.options.check) delete this.options.check.profile;
    return this.enqueue(() => this.checkNow([]));
  }

  select(f: FindingJson): Promise<void> {
    if (f.sheet === undefined) return Promise.resolve();
    return this.enqueue(() => this.host.select(f.sheet!, f.cell ?? `A${f.row ?? 1}`));
  }

  /** Whether the finding's cell holds a formula, as last read (a fix would overwrite it). */
  isFormula(f: FindingJson): boolean {
    if (f.sheet === undefined || f.cell === undefined) return false;
    const sheet = [...this.sheets.values()].find((s) => s.name === f.sheet);
    const at = fromA1(f.cell);
    return sheet !== undefined && at !== undefined && sheet.rows[at.row - 1]?.[at.col - 1]?.formula !== undefined;
  }

  /** Whether the finding's sheet is protected, as last read (Excel would refuse the fix). */
  isProtected(f: FindingJson): boolean {
    return f.sheet !== undefined && (this.state.protectedSheets ?? []).includes(f.sheet);
  }

  canFix(f: FindingJson): boolean {
    // What a finding may fix is the rule's to say (`meta.fix`), not a list kept here.
    return fixOf(f.ruleId) !== undefined && f.suggestion !== undefined && f.sheet !== undefined && f.cell !== undefined && !this.isFormula(f) && !this.isProtected(f);
  }

  /** Write the suggestion into the cell (never over a formula), then read that sheet again. */
  fix(f: FindingJson): Promise<void> {
    if (!this.canFix(f)) return Promise.resolve();
    // Where a write clears the user's undo history, the first fix of the session asks first.
    if (this.host.undoKept === false && !this.undoAccepted) {
      this.state = { ...this.state, confirmUndo: fixKey(f) };
      this.publish();
      return Promise.resolve();
    }
    const value = fixValue(fixOf(f.ruleId)!, f.suggestion!);
    return this.enqueue(async () => {
      const outcome = await this.host.write(f.sheet!, f.cell!, value);
      if (!outcome.written) {
        this.state = { ...this.state, refused: { ...this.state.refused, [fixKey(f)]: outcome.reason } };
        return;
      }
      const sheet = [...this.sheets.values()].find((s) => s.name === f.sheet);
      await this.checked(sheet ? [sheet.id] : undefined);
    });
  }

  /** The user accepts that fixes clear Excel's undo history (for the session), and the fix asked for is written. */
  confirmFix(f: FindingJson): Promise<void> {
    this.undoAccepted = true;
    delete this.state.confirmUndo;
    return this.fix(f);
  }

  /** The user keeps the undo history: nothing written. */
  cancelFix(): void {
    delete this.state.confirmUndo;
    this.publish();
  }

  /** The criteria typed for "Tạo mẫu" (kept as typed: the pane redraws itself). */
  setCriteria(text: string): void {
    this.state = { ...this.state, criteria: text };
  }

  createTemplate(): Promise<void> {
    // The criteria typed, read as `thidua template --criteria` reads them; wrong, nothing is made.
    const parsed = this.state.criteria.trim() === '' ? undefined : parseCriteria(this.state.criteria);
    if (parsed && 'error' in parsed) {
      this.state = { ...this.state, criteriaError: parsed.error };
      this.options.onUpdate?.(this.state);
      return Promise.resolve();
    }
    delete this.state.criteriaError;
    return this.enqueue(async () => {
      const members = this.model?.sheets.members;
      // The workbook's own member list, over as many rows as the template's tables have.
      const rows = tableRows(currentNationalSettings(), this.model?.members.length ?? 0);
      const memberList = members && members.columns.unit !== undefined ? memberListRange(members.view.name, members.columns.unit, members.firstRow, rows) : undefined;
      // The checks read the workbook's sheets that are laid out as the template's, by their names.
      const profile = typeof this.options.check?.profile === 'string' ? this.options.check.profile : this.options.check?.profile?.id;
      const outcome = await this.host.createTemplate(memberList, this.model ? fittingSheets(this.model) : new Map(), profile, parsed?.criteria);
      this.state = { ...this.state, added: outcome.added };
      if (outcome.failed) this.state.templateFailed = outcome.failed;
      else delete this.state.templateFailed;
      await this.checked(undefined);
    });
  }

  get highlighted(): boolean {
    return this.highlight;
  }

  setHighlight(on: boolean): Promise<void> {
    this.highlight = on;
    // No sheet read: only the marks made to match the findings (none when off).
    return this.enqueue(() => this.host.check({ ids: [], marks: true }, () => (this.highlight ? this.marks() : [])));
  }
}

/** An Excel error in the user's words: what happened and what to do. */
export function errorText(e: unknown, lang: Lang): string {
  const code = (e as { code?: string }).code;
  const vi = lang === 'vi';
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return vi ? 'Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi bấm "Kiểm tra lại".' : 'Excel is editing a cell: press Enter or Esc, then "Check again".';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return vi ? 'Sổ quá lớn để Excel trên web gửi một lần: hãy kiểm tra bằng Excel trên máy tính hoặc trang kiểm tra của Sở.' : 'The workbook is too large for Excel on the web to send at once: check it in desktop Excel or with the office desk page.';
    case 'ItemNotFound':
      return vi ? 'Một trang vừa bị xoá hoặc đổi tên: hãy bấm "Kiểm tra lại".' : 'A sheet was just deleted or renamed: click "Check again".';
    case 'AccessDenied':
      return vi ? 'Excel không cho ghi vào sổ (trang được bảo vệ, hoặc sổ chỉ được đọc): hãy bỏ bảo vệ trang (Review → Unprotect Sheet) hoặc mở sổ để sửa, rồi bấm "Kiểm tra lại". Các phát hiện vẫn được liệt kê.' : 'Excel does not let the add-in write to the workbook (a protected sheet, or a read-only workbook): unprotect the sheet (Review → Unprotect Sheet) or open it for editing, then click "Check again". The findings are still listed.';
    case 'InactiveWorkbook':
      return vi ? 'Sổ này không còn là sổ đang mở trước mặt (đang xem sổ khác): hãy quay lại cửa sổ của sổ này rồi bấm "Kiểm tra lại".' : 'This workbook is not the active one (another workbook is in front): go back to its window, then click "Check again".';
    case 'RangeExceedsLimit':
    case 'OperationCellsExceedLimit':
      return vi ? 'Vùng ô quá lớn để Excel xử lý một lần: phần bổ trợ sẽ đọc từng phần; nếu vẫn lỗi, hãy kiểm tra bằng trang kiểm tra của Sở.' : 'The range is too large for Excel to handle at once: the add-in reads it in pieces; if this persists, check it with the office desk page.';
    case 'UndoNotSupported':
      return vi ? 'Excel này không ghi được thao tác của phần bổ trợ vào Hoàn tác (Undo): ô đã sửa vẫn giữ, nhưng Ctrl+Z sẽ không đưa về như cũ; hãy sửa lại bằng tay nếu cần.' : 'This Excel cannot record the add-in\'s change for Undo: the cell keeps its new value, but Ctrl+Z will not bring the old one back; change it by hand if needed.';
    case 'Conflict':
      return vi ? 'Một người khác đang sửa cùng chỗ trong sổ (đồng soạn thảo): chờ một lát rồi bấm "Kiểm tra lại".' : 'Someone else is editing the same place (co-authoring): wait a moment, then click "Check again".';
    case 'RequestAborted':
      return vi ? 'Excel đã huỷ yêu cầu (sổ đang được lưu, tính toán hoặc đồng bộ): phần bổ trợ tự thử lại.' : 'Excel cancelled the request (the workbook is saving, calculating or syncing): the add-in tries again.';
    case 'ItemAlreadyExists':
      return vi ? 'Sổ đã có một trang trùng tên: hãy đổi tên trang đó rồi bấm "Tạo mẫu" lại.' : 'The workbook already has a sheet of that name: rename it, then click "Create template" again.';
    case 'FormulaLengthExceedsLimit':
      return vi ? 'Excel này không nhận một công thức dài của biểu mẫu: hãy dùng biểu mẫu tạo bằng thidua template.' : 'This Excel refuses one of the template\'s long formulas: use the template written by thidua template.';
    default:
      return vi ? `Excel báo lỗi (${code ?? 'không rõ'}): hãy bấm "Kiểm tra lại"; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn kiểm tra.` : `Excel reported an error (${code ?? 'unknown'}): click "Check again"; if it persists, close and reopen the pane.`;
  }
}
