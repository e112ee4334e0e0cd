/** What the pane's Excel adapter takes and gives (see index.ts). */
import type { FindingSeverity, GridSheet } from '../../engine';

export interface ExcelHost {
  Excel: Pick<typeof Excel, 'run'>;
  /** `Office.context.requirements.isSetSupported`, or a stand-in in tests. */
  isSetSupported: (name: string, version: string) => boolean;
}

/** A sheet as read, with Excel's id for it (names change; ids do not). */
export interface HostSheet extends GridSheet {
  id: string;
  /** Its values as read, in short (valuesSignature): a probe that finds another knows the sheet changed. */
  signature?: string;
}

/** What a check asks of Excel. */
export interface CheckRequest {
  /** The sheets to read, by id (every sheet when undefined). */
  ids?: readonly string[];
  /** Make the workbook's marks of this pane those `decide` returns (false: leave them). */
  marks: boolean;
  /** Count the marks in the workbook (this pane's and other panes') without changing them. */
  countMarks?: boolean;
  /** With `marks`: other panes' marks removed too (the user asked). */
  takeOver?: boolean;
}

/**
 * A light look at the workbook, with no check: each sheet's name, the size of what is used
 * and its values in short, its protection and how many conditional formats it has; the
 * calculation mode. What it finds changed, no event having said so, is read again.
 */
export interface Probe {
  sheets: { id: string; name: string; signature?: string; protected: boolean }[];
  manualCalculation: boolean;
  /**
   * A sheet's conditional formats are not as many as this pane last left them (a mark undone,
   * cleared, or pasted with its cell): no event says so (office-js-docs #1503).
   */
  formatsMoved: boolean;
}

export interface Mark {
  sheet: string;
  cell: string;
  severity: FindingSeverity;
}

/** What changed in the workbook: cells of some sheets, or the sheets themselves. */
export type Change = { ids: string[] } | { structure: true };

/** What a check read: the sheets, whether that is every sheet, and the ids no longer there. */
export interface ReadResult {
  sheets: HostSheet[];
  complete: boolean;
  /** The sheets read that are protected (by name): the pane neither marks nor fixes there. */
  protectedSheets?: string[];
  /** Excel calculates only when asked (ExcelApi 1.8 tells): formula results may be stale. */
  manualCalculation?: boolean;
  /** Where the marks were looked at: the cells this pane had marked, and those other panes marked (co-authoring). */
  marksFound?: { own: number; foreign: number };
}

export type WriteOutcome = { written: true } | { written: false; reason: 'formula' | 'gone' | 'protected' };

export interface TemplateOutcome {
  added: string[];
  failed?: { sheet: string; reason: string };
}
