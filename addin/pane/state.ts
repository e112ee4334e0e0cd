/**
 * What the pane's controller (controller.ts) needs of Excel, what it tells the view, and the
 * options it is made with.
 */
import type { CheckOptions, Criterion, FindingJson, Lang } from '../../engine';
import type { Change, CheckRequest, Mark, Probe, ReadResult, TemplateOutcome, WriteOutcome } from '../excel';

/** What the pane needs of Excel, as plain functions (addin/excel/ implements them). */
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

/** The key of a finding's fix: its cell and rule. */
export const fixKey = (f: { sheet?: string; cell?: string; ruleId: string }) => `${f.sheet}!${f.cell} ${f.ruleId}`;
