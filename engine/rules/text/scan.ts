import type { RuleContext } from '../types';

/**
 * Every text cell of the template's sheets (merged copies once, at their master), with where
 * it is. The place comes as its parts, not as an object: most cells are fine, and an object
 * per cell in each of three rules was most of those rules' garbage on a large workbook.
 */
export function forEachText(ctx: RuleContext, visit: (text: string, sheet: string, row: number, col: number) => void): void {
  for (const view of ctx.views) {
    const sheet = view.name;
    view.sheet.rows.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell?.kind === 'text' && typeof cell.value === 'string' && cell.value !== '') visit(cell.value, sheet, r + 1, c + 1);
      });
    });
  }
}
