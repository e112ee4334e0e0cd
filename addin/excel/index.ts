/**
 * The pane's Excel: the only code that calls `Excel.run`, composed of its reads (read.ts), its
 * marks (marks.ts), Excel's events (events.ts), its writes (writes.ts) and "Tạo mẫu"
 * (template.ts), over one session of what it remembers (session.ts). Written against the
 * Office.js reference and its known issues (docs/decisions.md, "The add-in in real Excel"):
 *
 * - A check is one `Excel.run`: one round trip reads the changed sheets (and the marks, when
 *   they are kept), the engine runs, and one more writes the marks that differ, as one undo
 *   record where ExcelApi 1.20 allows it (`mergeUndoGroup`).
 * - Marks are conditional formats whose formula names their cell (`=ISREF($G$3)+N("thidua")`):
 *   found in the workbook itself by a later pane, moved by Excel with their cell, diffed rather
 *   than cleared and re-added. The first version's `=ISLOGICAL(TRUE)` is recognised and removed.
 * - Reads that Excel on the web refuses for their size (5 MB) are retried in smaller pieces.
 * - A fix is written as the cell takes it: text as text, a percentage in the cell's own
 *   format, and never over a formula.
 */
/// <reference types="office-js" />
import { type Criterion, findProfile, templateFor } from '../../engine';
import { onChange } from './events';
import { applyMarks, marksIn } from './marks';
import { probe, read } from './read';
import { openSession } from './session';
import { createTemplateSheets } from './template';
import type { Change, CheckRequest, ExcelHost, Mark, Probe, ReadResult, WriteOutcome } from './types';
import { recalculate, select, write } from './writes';

export { areaAddresses, needsQuote, toCell, ValuesSignature } from './cells';
export { createTemplateSheets } from './template';
export type { Change, CheckRequest, ExcelHost, HostSheet, Mark, Probe, ReadResult, TemplateOutcome, WriteOutcome } from './types';

/** The pane's host on real Excel (see pane/controller.ts, PaneHost). */
export function officeHost(host: ExcelHost, options: { chunkCells?: number; owner?: string } = {}) {
  const session = openSession(host, options);
  return {
    /** Excel keeps the user's undo history across the pane's writes (ExcelApi 1.20); older Excel clears it at each. */
    undoKept: session.undoGroup,
    /**
     * One check: read, let the engine decide, keep the marks (`marks: false` leaves them as
     * they are). Throws `ItemNotFound` when a sheet asked for is gone: read everything then.
     */
    check: async (request: CheckRequest, decide: (read: ReadResult) => Mark[]) => {
      const looked = request.marks || request.countMarks === true;
      // Nothing to read and no mark to keep or count (a profile changed): no round trip to Excel.
      if (request.ids?.length === 0 && !looked) {
        decide({ sheets: [], complete: false });
        return;
      }
      await session.run(async (context) => {
        const { result, formats } = await read(session, context, request.ids, looked);
        const found = looked ? marksIn(session, formats) : undefined;
        const seen: ReadResult = found ? { ...result, marksFound: { own: found.own.size, foreign: found.foreign.size } } : result;
        // No mark on a protected sheet: Excel would refuse it, and the sheet is the user's to guard.
        const wanted = decide(seen).filter((m) => !result.protectedSheets?.includes(m.sheet));
        if (found && !request.marks) for (const [id, cfs] of formats) session.formatCounts.set(id, cfs.items.length);
        if (request.marks && found && applyMarks(session, context, found, wanted, request.takeOver === true)) await context.sync();
      });
    },
    probe: (): Promise<Probe> => probe(session),
    onChange: (handler: (change: Change) => void) => onChange(session, handler),
    recalculate: () => recalculate(session),
    select: (sheet: string, cell: string) => select(session, sheet, cell),
    write: (sheet: string, cell: string, value: string | number): Promise<WriteOutcome> => write(session, sheet, cell, value),
    /**
     * "Tạo mẫu", its member drop-downs reading `memberList` when the workbook has its member
     * sheet, its checks reading the workbook's sheets laid out as the template's (`names`) and
     * following the profile picked in the pane (else the national one), as in force today.
     */
    createTemplate: (memberList: string | undefined, names: ReadonlyMap<string, string> = new Map(), profile?: string, criteria?: readonly Criterion[]) => {
      const picked = profile ? findProfile(profile) : undefined;
      const { settings, layout } = templateFor(criteria ? { criteria: [...criteria] } : {}, { today: new Date().toISOString().slice(0, 10), ...(picked ? { profile: picked } : {}), ...(memberList ? { memberList } : {}) });
      return createTemplateSheets(host, layout, settings, names);
    },
  };
}
