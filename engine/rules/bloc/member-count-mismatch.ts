import { defineRule } from '../types';

export default defineRule({
  id: 'bloc/member-count-mismatch',
  meta: {
    category: 'bloc',
    description: { vi: '"Số đơn vị thành viên" khác số đơn vị trong danh sách.', en: '"Số đơn vị thành viên" differs from the number of listed members.' },
    sheets: ['info', 'members'],
    messages: {
      mismatch: {
        vi: 'Ghi {stated} đơn vị thành viên, nhưng trang "Thành viên" liệt kê {listed} đơn vị. Hãy sửa số này hoặc bổ sung danh sách.',
        en: '{stated} member units are stated, but the "Thành viên" sheet lists {listed}. Correct the number or complete the list.',
      },
    },
  },
  check(ctx) {
    const stated = ctx.model.info.memberCount;
    const listed = ctx.model.members.length;
    if (stated.value !== undefined && stated.value !== listed) {
      ctx.report({ at: stated.at, messageId: 'mismatch', data: { stated: stated.value, listed }, suggestion: String(listed) });
    }
  },
});
