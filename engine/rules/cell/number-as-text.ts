import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/number-as-text',
  meta: {
    category: 'cell',
    fix: 'number',
    description: { vi: 'Ô số được nhập dạng chữ (đọc được thành số).', en: 'A numeric field holds text that parses as a number.' },
    messages: {
      asText: {
        vi: '"{field}" được nhập dạng chữ "{text}", không phải dạng số; thidua đọc được là số {number}. Hãy nhập lại dạng số để công thức và sắp xếp đúng.',
        en: '"{field}" is typed as the text "{text}", not as a number; thidua reads it as the number {number}. Re-enter it as a number so formulas and sorting work.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['number-as-text'], (i) => {
      const value = typeof i.parsed === 'number' ? i.parsed : 0;
      // The suggestion is the number as a spreadsheet cell holds it (53211, 48,5): not the text again.
      return { messageId: 'asText', data: { field: i.field, text: i.text ?? '', number: value }, suggestion: String(value).replace('.', ',') };
    });
  },
});
