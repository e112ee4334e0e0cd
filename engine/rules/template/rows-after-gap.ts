import { defineRule } from '../types';

export default defineRule({
  id: 'template/rows-after-gap',
  meta: {
    category: 'template',
    description: { vi: 'Có dòng giống dữ liệu nằm sau dòng trống kết thúc bảng.', en: 'Rows after the blank row that ends a table look like data.' },
    messages: {
      rows: {
        vi: 'Bảng kết thúc ở dòng trống phía trên, nhưng từ dòng {row} còn {count} dòng giống dữ liệu, không được kiểm tra. Hãy xoá dòng trống để nối các dòng này vào bảng.',
        en: 'The table ends at the blank row above, but from row {row} there are {count} more rows that look like data and are not checked. Delete the blank row to join them to the table.',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.shape) {
      if (s.kind === 'rows-after-gap') ctx.report({ at: s.at, messageId: 'rows', data: { row: s.at.row ?? 0, count: s.count } });
    }
  },
});
