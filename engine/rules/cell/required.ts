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
    // A label missing from Thông tin (no row) or a blank value in its place.
    reportIssues(ctx, ['required'], (i) => (i.at.row === undefined ? { messageId: 'noLabel', data: { field: i.field, sheet: i.at.sheet ?? '' } } : { messageId: 'blank', data: { field: i.field } as { field: string } }));
  },
});
