import { toA1 } from '../model/grid';
import type { Place } from '../model/bloc';

export type FindingSeverity = 'error' | 'warning' | 'info';

/** The fill that marks a cell by its worst finding (RGB), the same in the annotated copy and the pane. */
export const SEVERITY_FILL: Record<FindingSeverity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

/** Values a message is built from; also the "values it compared" of the report. */
export type MessageData = Record<string, string | number>;

/**
 * One finding, as data. Its place is typed by level: workbook (no sheet), sheet (no row),
 * row (no col), cell (row and col, and then `cell` is the A1 address of the same place).
 */
export interface Finding {
  ruleId: string;
  severity: FindingSeverity;
  messageId: string;
  data: MessageData;
  sheet?: string;
  row?: number;
  /** Column letters, with `cell`. */
  column?: string;
  cell?: string;
  /** The corrected value or the name meant ("did you mean"), as plain text. */
  suggestion?: string;
  basis?: string;
}

export function placeFields(at: Place | undefined): Pick<Finding, 'sheet' | 'row' | 'column' | 'cell'> {
  if (!at || at.sheet === undefined) return {};
  if (at.row === undefined) return { sheet: at.sheet };
  if (at.col === undefined) return { sheet: at.sheet, row: at.row };
  const cell = toA1(at.row, at.col);
  return { sheet: at.sheet, row: at.row, column: cell.replace(/\d+$/, ''), cell };
}

/** The graver first: errors, warnings, then notes. */
export const SEVERITY_ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by sheet (as given), then row, column, then severity and rule. */
export function sortFindings(findings: Finding[], sheetOrder: readonly string[]): Finding[] {
  const sheetIndex = (s?: string) => (s === undefined ? -1 : sheetOrder.indexOf(s) === -1 ? sheetOrder.length : sheetOrder.indexOf(s));
  const colIndex = (c?: string) => (c === undefined ? 0 : [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
  return [...findings].sort(
    (a, b) =>
      sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      colIndex(a.column) - colIndex(b.column) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
