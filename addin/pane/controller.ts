/**
 * The pane's logic, without Office and without the DOM: it asks a host (plain functions) for
 * sheets, keeps the last read of each sheet by Excel's id for it, re-reads only the sheets
 * that changed, debounced, and runs the engine. All Excel work goes through one queue, one
 * piece after another: two checks never overlap, and no change is ever dropped (a change
 * that comes while a check runs is read by the next one).
 */
import { checkGrid, type Finding, findingJson, type FindingJson, fixOf, fixValue, type Grid, type Lang, type BlocModel, parseCriteria, workbookForTemplate } from '../../engine';
import type { Change, CheckRequest, HostSheet, Mark, Probe, ReadResult } from '../excel';
import { errorText } from './excel-errors';
import { formulaAt, marksOf, sheetsMoved, UndoConsent } from './look';
import { CONFIRM_CLEAR_MARKS, CONFIRM_HIGHLIGHT, type ControllerOptions, fixKey, type PaneHost, type PaneState } from './state';
import { Abandoned, ExcelWork, Stalled } from './work';

export type { Mark } from '../excel';

export class PaneController {
  private sheets = new Map<string, HostSheet>();
  private pendingIds = new Set<string>();
  private pendingAll = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private findings: Finding[] = [];
  private model: BlocModel | undefined;
  private highlight = false;
  /** Whether the user accepted, this session, that the pane's writes clear Excel's undo history. */
  private readonly consent = new UndoConsent();
  /** Excel listens for the pane's edits (its registration succeeded). */
  private listening = false;
  /** Checks failed one after another, and the timer of the next try. */
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Marks an earlier pane may have left are looked for at the first full read. */
  private swept = false;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly work: ExcelWork;
  lang: Lang;
  state: PaneState = { findings: [], counts: { error: 0, warning: 0, info: 0 }, checking: false, busy: false, refused: {}, criteria: '' };

  constructor(
    private readonly host: PaneHost,
    private readonly options: ControllerOptions = {},
  ) {
    this.lang = options.lang ?? 'vi';
    this.work = new ExcelWork(
      {
        queued: () => this.publish(),
        started: () => {
          this.state = { ...this.state, checking: true };
          this.publish();
        },
        ended: (how) => {
          if ('done' in how) delete this.state.error;
          else if ('failed' in how) this.state = { ...this.state, error: errorText(how.failed, this.lang) };
          this.state = { ...this.state, checking: this.work.queued > 0 };
          this.publish();
        },
        stalled: () => {
          this.state = { ...this.state, stalled: true };
          this.publish();
        },
        settled: () => {
          delete this.state.stalled;
          if (this.retryTimer) clearTimeout(this.retryTimer);
          this.retryTimer = undefined;
          this.failures = 0;
          void this.flush();
        },
      },
      () => this.options.stallMs ?? 10_000,
    );
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
    if (this.work.queued > 0 || this.timer !== undefined || this.retryTimer !== undefined || this.work.stalls > 0) return Promise.resolve();
    return this.work.after(async () => {
      let look: Probe;
      try {
        look = await this.work.timed(this.host.probe!());
      } catch {
        return;
      }
      const moved = sheetsMoved(look, this.sheets, this.state.protectedSheets ?? []);
      if (moved.all) this.pendingAll = true;
      for (const id of moved.ids) this.pendingIds.add(id);
      const formatsMoved = this.highlight && look.formatsMoved;
      if (look.manualCalculation !== (this.state.manualCalculation === true)) {
        this.state = { ...this.state, manualCalculation: look.manualCalculation };
        this.publish();
      }
      if (this.pendingAll || this.pendingIds.size > 0) void this.flush();
      else if (formatsMoved) void this.remark();
    });
  }

  /**
   * Listening is Excel work too: in the queue, before a check. Where Excel refuses, the pane
   * says so until listening works (each "Kiểm tra lại" tries again), not only until the next check.
   */
  private listen(): Promise<void> {
    return this.work.enqueue(async () => {
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
    return this.work.enqueue(async () => {
      await this.work.timed(this.host.recalculate());
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
    return this.work.enqueue(async () => {
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
    return this.work.enqueue(() => this.checked(ids));
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
        if (this.work.stalls === 0) void this.flush();
        else this.publish();
      }, inMs);
      throw e;
    }
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
    return this.work.timed(work).catch((e: unknown) => {
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
    return this.highlight ? marksOf(this.findings) : [];
  }

  private publish(): void {
    this.state = { ...this.state, findings: this.findings.map((f) => findingJson(f, this.lang)), busy: this.work.queued > 0 || this.timer !== undefined || this.retryTimer !== undefined };
    this.options.onUpdate?.(this.state);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.publish();
  }

  setProfile(profile: string | undefined): Promise<void> {
    this.options.check = { ...this.options.check, ...(profile ? { profile } : {}) };
    if (!profile && this.options.check) delete this.options.check.profile;
    return this.work.enqueue(() => this.checkNow([]));
  }

  select(f: FindingJson): Promise<void> {
    if (f.sheet === undefined) return Promise.resolve();
    return this.work.enqueue(() => this.work.timed(this.host.select(f.sheet!, f.cell ?? `A${f.row ?? 1}`)));
  }

  /** Whether the finding's cell holds a formula, as last read (a fix would overwrite it). */
  isFormula(f: FindingJson): boolean {
    return f.sheet !== undefined && f.cell !== undefined && formulaAt(this.sheets.values(), f.sheet, f.cell);
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
    return this.work.enqueue(async () => {
      const outcome = await this.work.timed(this.host.write(f.sheet!, f.cell!, value));
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
    if (!this.consent.ask(this.host.undoKept, then)) return false;
    this.state = { ...this.state, confirmUndo: key };
    this.publish();
    return true;
  }

  /** The user accepts that the pane's writes clear Excel's undo history (for the session); what was asked is done. */
  confirm(): Promise<void> {
    const then = this.consent.accept();
    delete this.state.confirmUndo;
    this.publish();
    return then ? then() : Promise.resolve();
  }

  /** The user keeps the undo history: nothing written. */
  cancel(): void {
    this.consent.decline();
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
    return this.work.enqueue(() =>
      this.work.timed(
        this.host.check({ ids: [], marks: true, takeOver: others }, (read) => {
          if (read.marksFound) this.state = { ...this.state, oldMarks: 0, foreignMarks: others ? 0 : read.marksFound.foreign };
          return this.highlight ? marksOf(this.findings) : [];
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
    return this.work.enqueue(async () => {
      const { memberList, names } = workbookForTemplate(this.model);
      const profile = typeof this.options.check?.profile === 'string' ? this.options.check.profile : this.options.check?.profile?.id;
      const outcome = await this.host.createTemplate(memberList, names, profile, parsed?.criteria);
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
