import { defineRule } from '../types';

export default defineRule({
  id: 'cell/formula-no-result',
  meta: {
    category: 'cell',
    description: { vi: 'Công thức chưa có kết quả được lưu.', en: 'A formula with no cached result.' },
    messages: {
      noResult: {
        vi: 'Ô có công thức nhưng tệp không lưu kết quả, nên không kiểm tra được. Hãy mở tệp bằng Excel, tính lại (F9) rồi lưu.',
        en: 'The cell has a formula but the file stores no result, so it cannot be checked. Open the file in Excel, recalculate (F9) and save.',
      },
    },
  },
  check(ctx) {
    for (const view of ctx.views) {
      view.sheet.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (cell?.formula && !cell.formula.cached) ctx.report({ at: { sheet: view.name, row: r + 1, col: c + 1 }, messageId: 'noResult' });
        });
      });
    }
  },
});
