/**
 * The pane's logic, without Office and without the DOM: it asks a host (plain functions) for
 * sheets, keeps the last read of each sheet by Excel's id for it, re-reads only the sheets
 * that changed, debounced, and runs the engine. All Excel work goes through one queue, one
 * piece after another: two checks never overlap, and no change is ever dropped (a change
 * that comes while a check runs is read by the next one).
 */
import { checkGrid, type CheckOptions, type Finding, findingJson, type FindingJson, fixOf, fixValue, type Grid, type Lang, memberListRange, tableRows, currentNationalSettings, type BlocModel, fittingSheets, fromA1, parseCriteria, type Criterion } from '../../engine';
import type { Change, CheckRequest, HostSheet, Mark, Probe, ReadResult, TemplateOutcome, WriteOutcome } from '../excel';

export type { Mark } from '../excel';

/** What the pane needs of Excel, as plain functions (addin/excel.ts implements them). */
export interface PaneHost {
  /**
   * One check as one piece of Excel work: read the sheets (by id; every sheet when `ids` is
   * undefined), let `decide` find the marks wanted from what was read, and make the
   * workbook's marks those (`marks: false`: leave them). Rejects with code `ItemNotFound`
   * when a sheet asked for is gone.
   */
  check(request: CheckRequest, decide: (read: ReadResult) => Mark[]): Promise<void>;
  /** A light look at the workbook (no check): what changed with no event to say so. */
  probe?(): Promise<Probe>;
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
  /**
   * What waits for the user to accept that it clears Excel's undo history: a fix (by finding,
   * `sheet!cell rule`), turning highlighting on, or removing old marks.
   */
  confirmUndo?: string;
  /** Excel has not answered for a while (most often: the user is typing in a cell); the edits wait, kept. */
  stalled?: boolean;
  /** Cells this pane's marks colour that it did not make now: left by an earlier pane (removed only when asked, below ExcelApi 1.20). */
  oldMarks?: number;
  /** Cells another user's pane marked (co-authoring): never removed but when asked. */
  foreignMarks?: number;
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
  /** Every so often, when idle, a light look for edits no event reported (none when undefined). */
  probeMs?: number;
  /** After so long with no answer from Excel, a piece of work is left to finish on its own and the queue goes on (10 s). */
  stallMs?: number;
}

/** Confirm keys that are not a finding's. */
export const CONFIRM_HIGHLIGHT = 'highlight';
export const CONFIRM_CLEAR_MARKS = 'clear-marks';

/** Excel did not answer within `stallMs`: the work goes on by itself; its result, when it comes, is not used. */
class Stalled extends Error {
  readonly code = 'Stalled';
}

/** A check whose result came after it was given up: nothing of it is used (not even its marks). */
class Abandoned extends Error {
  readonly code = 'Abandoned';
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
  /** What waits for the user to accept that it clears Excel's undo history. */
  private asked: (() => Promise<void>) | undefined;
  /** Work Excel has not answered yet, given up on (its result unused): sent again once it settles. */
  private stalls = 0;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
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
    await this.read(undefined);
    this.scheduleProbe();
  }

  /** The pane is closing: no probe and no retry left behind. */
  stop(): void {
    for (const t of [this.probeTimer, this.retryTimer, this.timer]) if (t) clearTimeout(t);
    this.probeTimer = this.retryTimer = this.timer = undefined;
    this.options.probeMs = undefined;
  }

  private scheduleProbe(): void {
    if (this.options.probeMs === undefined || !this.host.probe) return;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      void this.probe().finally(() => this.scheduleProbe());
    }, this.options.probeMs);
  }

  /**
   * A light look at the workbook, when nothing else is waiting: a sheet whose values, name or
   * protection differ from the last check's is checked again; sheets added or gone mean every
   * sheet; conditional formats changed with highlighting on (a mark undone, or pasted with its
   * cell) make the marks again. A probe that fails says nothing: the next one tries again.
   */
  private probe(): Promise<void> {
    if (this.queued > 0 || this.timer !== undefined || this.retryTimer !== undefined || this.stalls > 0) return Promise.resolve();
    const next = this.queue.then(async () => {
      let look: Probe;
      try {
        look = await this.timed(this.host.probe!());
      } catch {
        return;
      }
      const ids = new Set(look.sheets.map((s) => s.id));
      const known = new Set(this.sheets.keys());
      if (ids.size !== known.size || [...ids].some((id) => !known.has(id))) this.pendingAll = true;
      const guarded = new Set(this.state.protectedSheets ?? []);
      for (const s of look.sheets) {
        const last = this.sheets.get(s.id);
        if (!last) continue;
        if (last.name !== s.name) this.pendingAll = true;
        else if ((s.signature !== undefined && s.signature !== last.signature) || s.protected !== guarded.has(s.name)) this.pendingIds.add(s.id);
      }
      const formatsMoved = this.highlight && look.formatsMoved;
      if (look.manualCalculation !== (this.state.manualCalculation === true)) {
        this.state = { ...this.state, manualCalculation: look.manualCalculation };
        this.publish();
      }
      if (this.pendingAll || this.pendingIds.size > 0) void this.flush();
      else if (formatsMoved) void this.remark();
    });
    this.queue = next;
    return next;
  }

  /** Excel's answer, or `Stalled` after `stallMs`: the work then goes on alone, and a check waits for it to settle. */
  private timed<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.stallMs ?? 10_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Stalled('Excel has not answered')), ms);
    });
    return Promise.race([work, stalled]).finally(() => clearTimeout(timer)).catch((e: unknown) => {
      if (!(e instanceof Stalled)) throw e;
      // Given up on, not forgotten: once Excel answers (the user left the cell), the edits are read.
      this.stalls++;
      this.state = { ...this.state, stalled: true };
      this.publish();
      void work.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        this.stalls--;
        if (this.stalls > 0) return;
        delete this.state.stalled;
        if (this.retryTimer) clearTimeout(this.retryTimer);
        this.retryTimer = undefined;
        this.failures = 0;
        void this.flush();
      });
      throw e;
    });
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
      await this.timed(this.host.recalculate());
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
        // Work Excel still holds (a cell being typed in) is waited for: it settles, then this is read.
        if (this.stalls === 0) void this.flush();
        else this.publish();
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
        // Excel still holding the work is said as such (state.stalled), not as a failure.
        if (!(e instanceof Stalled)) this.state = { ...this.state, error: errorText(e, this.lang) };
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
    // The first full read looks for marks an earlier pane left: removed where that costs the user
    // nothing, counted and offered for removal where it would clear Excel's undo history.
    const first = ids === undefined && !this.swept;
    const marks = this.highlight || (first && this.host.undoKept !== false);
    try {
      // Marks kept are counted too; the first read counts them where it keeps none.
      await this.once({ ...(ids ? { ids } : {}), marks, countMarks: first });
    } catch (e) {
      if ((e as { code?: string }).code !== 'ItemNotFound' || ids === undefined) throw e;
      await this.once({ marks: this.highlight });
    }
    if (ids === undefined) this.swept = true;
  }

  /** One check through the host, given up after `stallMs`; a check given up on decides nothing when it comes. */
  private once(request: CheckRequest): Promise<void> {
    let abandoned = false;
    const work = this.host.check(request, (read) => {
      if (abandoned) throw new Abandoned('given up');
      return this.decide(read, request);
    });
    return this.timed(work).catch((e: unknown) => {
      if (e instanceof Stalled) abandoned = true;
      throw e;
    });
  }

  /** The engine over the sheets as now read; the marks to show. */
  private decide(read: ReadResult, request: CheckRequest): Mark[] {
    if (read.complete) this.sheets = new Map(read.sheets.map((s) => [s.id, s]));
    else for (const s of read.sheets) this.sheets.set(s.id, s);
    // Protection as last read: all of it after a full read, the sheets read otherwise.
    const before = read.complete ? [] : (this.state.protectedSheets ?? []).filter((n) => !read.sheets.some((s) => s.name === n));
    const guarded = [...new Set([...before, ...(read.protectedSheets ?? [])])];
    this.state = { ...this.state, protectedSheets: guarded, manualCalculation: read.manualCalculation === true };
    if (read.marksFound) {
      // Marks made now are this pane's own: old ones are those left where none is made.
      const old = request.marks ? 0 : read.marksFound.own;
      this.state = { ...this.state, oldMarks: old, foreignMarks: read.marksFound.foreign };
    }
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
    return this.enqueue(() => this.timed(this.host.select(f.sheet!, f.cell ?? `A${f.row ?? 1}`)));
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
    if (this.askFirst(fixKey(f), () => this.fix(f))) return Promise.resolve();
    const value = fixValue(fixOf(f.ruleId)!, f.suggestion!);
    return this.enqueue(async () => {
      const outcome = await this.timed(this.host.write(f.sheet!, f.cell!, value));
      if (!outcome.written) {
        this.state = { ...this.state, refused: { ...this.state.refused, [fixKey(f)]: outcome.reason } };
        return;
      }
      const sheet = [...this.sheets.values()].find((s) => s.name === f.sheet);
      await this.checked(sheet ? [sheet.id] : undefined);
    });
  }

  /**
   * Where Excel clears its undo history at each write of the pane (below ExcelApi 1.20) and the
   * user has not yet accepted that this session: `then` waits for the answer (true: asked).
   */
  private askFirst(key: string, then: () => Promise<void>): boolean {
    if (this.host.undoKept !== false || this.undoAccepted) return false;
    this.asked = then;
    this.state = { ...this.state, confirmUndo: key };
    this.publish();
    return true;
  }

  /** The user accepts that the pane's writes clear Excel's undo history (for the session); what was asked is done. */
  confirm(): Promise<void> {
    this.undoAccepted = true;
    const then = this.asked;
    this.asked = undefined;
    delete this.state.confirmUndo;
    this.publish();
    return then ? then() : Promise.resolve();
  }

  /** The user keeps the undo history: nothing written. */
  cancel(): void {
    this.asked = undefined;
    delete this.state.confirmUndo;
    this.publish();
  }

  /**
   * "Xoá dấu cũ": the marks an earlier pane left removed (with `others`, also those of other
   * users' panes), the current findings' kept where highlighting is on.
   */
  clearMarks(others = false): Promise<void> {
    if (this.askFirst(CONFIRM_CLEAR_MARKS, () => this.clearMarks(others))) return Promise.resolve();
    return this.remark(others);
  }

  /**
   * The workbook's marks made to match the findings (none with highlighting off), no sheet
   * read and no rule run again; with `others`, other users' panes' marks removed too.
   */
  private remark(others = false): Promise<void> {
    return this.enqueue(() =>
      this.timed(
        this.host.check({ ids: [], marks: true, takeOver: others }, (read) => {
          if (read.marksFound) this.state = { ...this.state, oldMarks: 0, foreignMarks: others ? 0 : read.marksFound.foreign };
          return this.highlight ? this.marks() : [];
        }),
      ),
    );
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
    // Marks are writes: where they clear the undo history, turning them on asks first.
    if (on && this.askFirst(CONFIRM_HIGHLIGHT, () => this.setHighlight(true))) return Promise.resolve();
    this.highlight = on;
    return this.remark();
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
