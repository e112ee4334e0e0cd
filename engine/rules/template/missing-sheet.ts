import { defineRule } from '../types';

export default defineRule({
  id: 'template/missing-sheet',
  meta: {
    category: 'template',
    description: { vi: 'Thiếu một trang tính bắt buộc của biểu mẫu.', en: 'A required sheet of the template is absent.' },
    messages: {
      missing: {
        vi: 'Sổ thiếu trang tính "{sheet}". Hãy thêm trang "{sheet}" theo biểu mẫu (lệnh thidua template tạo biểu mẫu trống).',
        en: 'The workbook has no sheet "{sheet}". Add the sheet "{sheet}" as in the template (thidua template writes a blank one).',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.shape) {
      if (s.kind === 'missing-sheet') ctx.report({ messageId: 'missing', data: { sheet: s.sheet } });
    }
  },
});
