/**
 * Excel's events as changes for the controller (see index.ts): cells of a sheet edited (the
 * pane's own writes told apart), sheets added, deleted or renamed, formulas calculated.
 */
import type { Session } from './session';
import type { Change } from './types';

export function onChange(session: Session, handler: (change: Change) => void): Promise<void> {
  return session.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const edited = (e: { worksheetId: string; address?: string; triggerSource?: string; source?: string }) => {
      // The pane's own writes: told apart by Excel (ExcelApi 1.14), else by where they went;
      // a co-author's edit (`source: Remote`) is never one, wherever it went.
      if (e.triggerSource === 'ThisLocalAddin') return;
      if (e.triggerSource === undefined && e.source !== 'Remote' && e.address !== undefined && session.echoes.delete(`${e.worksheetId}|${e.address}`)) return;
      handler({ ids: [e.worksheetId] });
    };
    const structure = () => handler({ structure: true });
    const watch = (ws: Excel.Worksheet) => ws.onChanged.add(async (e) => edited(e as unknown as { worksheetId: string; address?: string; triggerSource?: string; source?: string }));
    if (session.supports(9)) worksheets.onChanged.add(async (e) => edited(e as unknown as { worksheetId: string; address?: string; triggerSource?: string; source?: string }));
    else {
      worksheets.load('items/id');
      await context.sync();
      for (const ws of worksheets.items) watch(ws);
    }
    worksheets.onAdded.add(async (e) => {
      if (!session.supports(9)) await session.run(async (c) => {
        watch(c.workbook.worksheets.getItem(e.worksheetId));
        await c.sync();
      });
      structure();
    });
    worksheets.onDeleted.add(async () => structure());
    if (session.supports(17)) worksheets.onNameChanged.add(async () => structure());
    // Formulas whose results changed with no cell of their sheet edited (ExcelApi 1.8).
    if (session.supports(8)) worksheets.onCalculated.add(async (e) => handler({ ids: [e.worksheetId] }));
    await context.sync();
  });
}
