import { defineRule } from '../types';

export default defineRule({
  id: 'template/missing-column',
  meta: {
    category: 'template',
    description: { vi: 'Thiếu một cột bắt buộc trong trang tính.', en: 'A required column header is absent from a sheet.' },
    messages: {
      missing: {
        vi: 'Trang "{sheet}" thiếu cột "{column}". Hãy thêm cột có tiêu đề "{column}" vào dòng tiêu đề.',
        en: 'Sheet "{sheet}" has no column "{column}". Add a column headed "{column}" to the header row.',
      },
      noHeader: {
        vi: 'Không tìm thấy dòng tiêu đề của trang "{sheet}" (trong 15 dòng đầu), nên thiếu cột "{column}". Hãy ghi tiêu đề cột như biểu mẫu.',
        en: 'No header row found in sheet "{sheet}" (within the first 15 rows), so column "{column}" is missing. Write the column headers as in the template.',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.shape) {
      if (s.kind !== 'missing-column') continue;
      ctx.report({
        at: s.headerRow !== undefined ? { sheet: s.sheet, row: s.headerRow } : { sheet: s.sheet },
        messageId: s.headerRow !== undefined ? 'missing' : 'noHeader',
        data: { sheet: s.sheet, column: s.column },
      });
    }
  },
});
