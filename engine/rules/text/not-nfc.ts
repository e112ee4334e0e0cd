import { defineRule } from '../types';
import { forEachText } from './scan';

export default defineRule({
  id: 'text/not-nfc',
  meta: {
    category: 'text',
    fix: 'nfc',
    description: { vi: 'Chữ Unicode dạng tổ hợp (dấu tách rời).', en: 'Decomposed Unicode text (combining marks).' },
    messages: {
      decomposed: {
        vi: 'Chữ "{text}" dùng Unicode tổ hợp (dấu gõ rời khỏi chữ), dễ bị coi là khác tên. Hãy chuyển sang Unicode dựng sẵn: "{nfc}".',
        en: 'The text "{text}" uses decomposed Unicode (marks typed apart from letters) and may not match. Convert it to precomposed Unicode: "{nfc}".',
      },
    },
  },
  check(ctx) {
    forEachText(ctx, (text, sheet, row, col) => {
      const nfc = text.normalize('NFC');
      if (nfc !== text) ctx.report({ at: { sheet, row, col }, messageId: 'decomposed', data: { text: nfc, nfc }, suggestion: nfc });
    });
  },
});
