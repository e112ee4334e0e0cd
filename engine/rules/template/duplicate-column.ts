import { columnLetters } from '../../model/grid';
import { defineRule } from '../types';

export default defineRule({
  id: 'template/duplicate-column',
  meta: {
    category: 'template',
    description: { vi: 'Hai cột của một trang cùng chỉ một nội dung.', en: 'Two columns of one sheet map to the same field.' },
    messages: {
      duplicate: {
        vi: 'Cột này cũng là "{column}", trùng với cột {first}; chỉ cột {first} được đọc. Hãy xoá hoặc đổi tiêu đề một trong hai cột.',
        en: 'This column is also "{column}", like column {first}; only column {first} is read. Remove or rename one of them.',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.shape) {
      if (s.kind === 'duplicate-column') {
        ctx.report({ at: s.at, messageId: 'duplicate', data: { column: s.column, first: columnLetters(s.firstCol) } });
      }
    }
  },
});
