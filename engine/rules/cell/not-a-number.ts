import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/not-a-number',
  meta: {
    category: 'cell',
    description: { vi: 'Ô số chứa chữ không đọc được thành số.', en: 'A numeric field holds text that does not parse as a number.' },
    messages: {
      notNumber: { vi: '"{field}" phải là số, nhưng ô ghi "{text}". Hãy ghi một số.', en: '"{field}" must be a number, but the cell says "{text}". Enter a number.' },
      notInteger: {
        vi: '"{field}" phải là số nguyên, nhưng ô ghi "{text}". Hãy ghi số nguyên (không có phần thập phân).',
        en: '"{field}" must be a whole number, but the cell says "{text}". Enter a whole number.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['not-a-number', 'not-an-integer'], (i) => ({
      messageId: i.kind === 'not-a-number' ? 'notNumber' : 'notInteger',
      data: { field: i.field, text: i.text ?? '' },
    }));
  },
});
