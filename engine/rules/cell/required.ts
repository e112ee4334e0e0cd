import type { MessageData } from '../../report/finding';
import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/required',
  meta: {
    category: 'cell',
    description: { vi: 'Một ô bắt buộc bị bỏ trống.', en: 'A required value is blank.' },
    messages: {
      blank: { vi: 'Chưa ghi "{field}". Hãy điền giá trị vào ô này.', en: '"{field}" is blank. Fill in this cell.' },
      noLabel: {
        vi: 'Trang "{sheet}" không có dòng "{field}". Hãy thêm dòng có nhãn "{field}" ở cột A và giá trị ở cột B.',
        en: 'Sheet "{sheet}" has no line "{field}". Add a line labelled "{field}" in column A with its value in column B.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['required'], (i): { messageId: string; data: MessageData } => {
      if (i.at.row === undefined) return { messageId: 'noLabel', data: { field: i.field, sheet: i.at.sheet ?? '' } };
      return { messageId: 'blank', data: { field: i.field } };
    });
  },
});
