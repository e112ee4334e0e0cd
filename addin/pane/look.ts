/**
 * What the pane's controller (controller.ts) decides from what it last read, without Excel:
 * what a light look (a Probe) finds changed, whether a cell holds a formula, the marks of the
 * findings, and the user's consent to writes that clear Excel's undo history.
 */
import { type Finding, fromA1 } from '../../engine';
import type { HostSheet, Mark, Probe } from '../excel';

/**
 * Sheets added or gone, or one renamed, mean every sheet (`all`); a sheet whose values or
 * protection differ from the last read is read again (`ids`).
 */
export function sheetsMoved(look: Probe, last: ReadonlyMap<string, HostSheet>, protectedSheets: readonly string[]): { all: boolean; ids: string[] } {
  const ids = new Set(look.sheets.map((s) => s.id));
  let all = ids.size !== last.size || [...ids].some((id) => !last.has(id));
  const guarded = new Set(protectedSheets);
  const changed: string[] = [];
  for (const s of look.sheets) {
    const before = last.get(s.id);
    if (!before) continue;
    if (before.name !== s.name) all = true;
    else if ((s.signature !== undefined && s.signature !== before.signature) || s.protected !== guarded.has(s.name)) changed.push(s.id);
  }
  return { all, ids: changed };
}

/** Whether a cell holds a formula, as last read (a fix would overwrite it). */
export function formulaAt(sheets: Iterable<HostSheet>, sheet: string, cell: string): boolean {
  const read = [...sheets].find((s) => s.name === sheet);
  const at = fromA1(cell);
  return read !== undefined && at !== undefined && read.rows[at.row - 1]?.[at.col - 1]?.formula !== undefined;
}

/** The marks of findings that name a cell. */
export function marksOf(findings: readonly Finding[]): Mark[] {
  return findings.filter((f) => f.sheet !== undefined && f.cell !== undefined).map((f) => ({ sheet: f.sheet!, cell: f.cell!, severity: f.severity }));
}

/**
 * Where Excel clears its undo history at each write of the pane (below ExcelApi 1.20): whether
 * the user accepted that this session, and what waits for the answer.
 */
export class UndoConsent {
  private accepted = false;
  private waiting: (() => Promise<void>) | undefined;

  /** True when `then` must wait for the user's answer (Excel does not keep undo, and the user has not accepted). */
  ask(undoKept: boolean | undefined, then: () => Promise<void>): boolean {
    if (undoKept !== false || this.accepted) return false;
    this.waiting = then;
    return true;
  }

  /** Accepted for the session: what waited, to be done now. */
  accept(): (() => Promise<void>) | undefined {
    this.accepted = true;
    const then = this.waiting;
    this.waiting = undefined;
    return then;
  }

  decline(): void {
    this.waiting = undefined;
  }
}
