/**
 * What the pane writes besides marks (see index.ts): a fix, as the cell takes it and never over
 * a formula; the selection of a finding's cell; a full calculation asked for.
 */
import { numberFormatKind } from '../../engine';
import { needsQuote } from './cells';
import type { Session } from './session';
import type { WriteOutcome } from './types';

/** Excel calculates every formula again (the user asked, in manual calculation). */
export function recalculate(session: Session): Promise<void> {
  return session.run(async (context) => {
    context.workbook.application.calculate('Full' as Excel.CalculationType);
    await context.sync();
  });
}

/** The cell of a finding selected, its sheet shown. */
export function select(session: Session, sheet: string, cell: string): Promise<void> {
  return session.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** A fix written as the cell takes it; refused over a formula. */
export function write(session: Session, sheet: string, cell: string, value: string | number): Promise<WriteOutcome> {
  return session.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('id');
    const protection = ws.protection;
    protection.load('protected');
    const range = ws.getRange(cell);
    range.load('formulas,numberFormat');
    await context.sync();
    if (ws.isNullObject) return { written: false, reason: 'gone' } as const;
    // Excel would refuse it (AccessDenied): said as such, the user's protection left alone.
    if (protection.protected) return { written: false, reason: 'protected' } as const;
    const formula = range.formulas[0]![0];
    if (typeof formula === 'string' && formula.startsWith('=')) return { written: false, reason: 'formula' } as const;
    const format = String(range.numberFormat[0]![0] ?? 'General');
    // A percentage cell holds a fraction: the engine's 83.33 is 0.8333 there.
    const typed = typeof value === 'number' ? (numberFormatKind(format) === 'percent' ? Number((value / 100).toPrecision(12)) : value) : needsQuote(value) ? `'${value}` : value;
    range.values = [[typed]];
    session.echoes.add(`${ws.id}|${cell}`);
    await context.sync();
    return { written: true } as const;
  });
}
