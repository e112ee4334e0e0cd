import { detectLegacy } from '../../text/legacy';
import { defineRule } from '../types';
import { forEachText } from './scan';

const FONT = { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI (phông VNI-Times)' } as const;

export default defineRule({
  id: 'text/legacy-encoding',
  meta: {
    category: 'text',
    description: {
      vi: 'Chữ gõ bằng bảng mã cũ (TCVN3/ABC, VNI) thay vì Unicode.',
      en: 'Text typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI) instead of Unicode.',
    },
    messages: {
      legacy: {
        vi: 'Chữ "{text}" được gõ bằng bảng mã {encoding}, máy khác sẽ hiển thị sai và không so khớp được. Hãy gõ lại bằng Unicode: "{unicode}".',
        en: 'The text "{text}" is typed in the {encoding} encoding; other computers show it wrongly and it cannot be matched. Retype it in Unicode: "{unicode}".',
      },
    },
  },
  check(ctx) {
    forEachText(ctx, (text, sheet, row, col) => {
      const hit = detectLegacy(text);
      if (hit) ctx.report({ at: { sheet, row, col }, messageId: 'legacy', data: { text, encoding: FONT[hit.encoding], unicode: hit.unicode }, suggestion: hit.unicode });
    });
  },
});
