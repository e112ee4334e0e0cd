import type { RuleContext } from '../types';

/** Every text cell of the template's sheets (merged copies once, at their master). */
export function forEachText(ctx: RuleContext, visit: (text: string, at: { sheet: string; row: number; col: number }) => void): void {
  for (const view of ctx.views) {
    view.sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        if (cell?.kind === 'text' && typeof cell.value === 'string' && cell.value !== '') visit(cell.value, { sheet: view.name, row: r + 1, col: c + 1 });
      });
    });
  }
}
