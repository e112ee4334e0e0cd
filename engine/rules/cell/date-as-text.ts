import { formatIsoDate } from '../../template/values';
import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/date-as-text',
  meta: {
    category: 'cell',
    description: { vi: 'Ô ngày được nhập dạng chữ (đọc được thành ngày).', en: 'A date field is text that parses as a date.' },
    messages: {
      asText: {
        vi: '"{field}" được nhập dạng chữ "{text}"; đã đọc là ngày {date}. Hãy nhập lại dạng ngày của Excel.',
        en: '"{field}" is typed as text "{text}"; read as {date}. Re-enter it as an Excel date.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['date-as-text'], (i) => {
      const date = formatIsoDate(String(i.parsed ?? ''));
      return { messageId: 'asText', data: { field: i.field, text: i.text ?? '', date }, suggestion: date };
    });
  },
});
