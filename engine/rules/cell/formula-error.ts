import { defineRule } from '../types';

const ERRORS = ['#REF!', '#DIV/0!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

/** A text cell that shows an error value typed or pasted as text (`#REF!`). */
function looksLikeError(value: unknown): boolean {
  if (typeof value !== 'string' || !value.trimStart().startsWith('#')) return false;
  return ERRORS.includes(value.trim().toUpperCase());
}

export default defineRule({
  id: 'cell/formula-error',
  meta: {
    category: 'cell',
    description: { vi: 'Ô hiển thị lỗi công thức (#REF!, #DIV/0!…).', en: 'A used cell shows a formula error (#REF!, #DIV/0!…).' },
    messages: {
      error: {
        vi: 'Ô hiển thị lỗi {error}. Hãy sửa công thức hoặc ghi giá trị trực tiếp.',
        en: 'The cell shows the error {error}. Fix the formula or enter the value directly.',
      },
    },
  },
  check(ctx) {
    for (const view of ctx.views) {
      for (let r = 1; r <= view.rowCount; r++) {
        const row = view.sheet.rows[r - 1];
        if (!row) continue;
        row.forEach((cell, i) => {
          if (!cell) return;
          if (cell.kind === 'error' || (cell.kind === 'text' && looksLikeError(cell.value))) {
            ctx.report({ at: { sheet: view.name, row: r, col: i + 1 }, messageId: 'error', data: { error: String(cell.value) } });
          }
        });
      }
    }
  },
});
