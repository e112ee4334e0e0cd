import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/invalid-date',
  meta: {
    category: 'cell',
    description: { vi: 'Ô ngày không đọc được thành ngày.', en: 'A date field does not parse as a date.' },
    messages: {
      invalid: {
        vi: '"{field}" không phải ngày hợp lệ: "{text}". Hãy ghi ngày dạng ngày/tháng/năm, ví dụ 13/3/2024.',
        en: '"{field}" is not a valid date: "{text}". Write the date as day/month/year, e.g. 13/3/2024.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['invalid-date'], (i) => ({ messageId: 'invalid', data: { field: i.field, text: i.text ?? '' } }));
  },
});
