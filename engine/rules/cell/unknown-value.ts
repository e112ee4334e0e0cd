import { reportIssues } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'cell/unknown-value',
  meta: {
    category: 'cell',
    description: { vi: 'Giá trị ngoài danh sách cho phép (Xếp loại, Ký kết).', en: 'A value outside its list (Xếp loại, Ký kết).' },
    messages: {
      unknown: {
        vi: '"{field}" ghi "{text}", không thuộc danh sách cho phép. Hãy ghi một trong: {allowed}.',
        en: '"{field}" says "{text}", which is not an allowed value. Write one of: {allowed}.',
      },
    },
  },
  check(ctx) {
    reportIssues(ctx, ['unknown-value'], (i) => ({ messageId: 'unknown', data: { field: i.field, text: i.text ?? '', allowed: i.allowed ?? '' } }));
  },
});
