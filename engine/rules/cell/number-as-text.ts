import { reportIssues, viNumber } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/number-as-text',
  meta: {
    category: 'cell',
    fix: 'number',
    description: { vi: 'Ô số được nhập dạng chữ (đọc được thành số).', en: 'A numeric field holds text that parses as a number.' },
    messages: {
      asText: {
        vi: '"{field}" được nhập dạng chữ "{text}"; đã đọc là {value}. Hãy nhập lại dạng số để công thức và sắp xếp đúng.',
        en: '"{field}" is typed as text "{text}"; read as {value}. Re-enter it as a number so formulas and sorting work.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['number-as-text'], (i) => {
      const value = typeof i.parsed === 'number' ? i.parsed : 0;
      return { messageId: 'asText', data: { field: i.field, text: i.text ?? '', value }, suggestion: viNumber(value, 10) };
    });
  },
});
