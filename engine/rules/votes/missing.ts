import { unitName } from '../helpers';
import { defineRule } from '../types';
import { voteFor } from './ballots';

export default defineRule({
  id: 'votes/missing',
  meta: {
    category: 'votes',
    description: { vi: 'Một đề nghị khen thưởng không có dòng bình xét tương ứng (cùng đơn vị, cùng hình thức).', en: 'A proposal has no vote row for that unit and award.' },
    sheets: ['votes', 'proposals'],
    messages: {
      missing: {
        vi: '"{unit}" được đề nghị "{award}" nhưng trang "Bình xét" không có kết quả bỏ phiếu cho đơn vị và hình thức này. Hãy bổ sung kết quả bình xét hoặc bỏ đề nghị.',
        en: '"{unit}" is proposed for "{award}" but the "Bình xét" sheet has no ballot for this unit and award. Add the ballot result or withdraw the proposal.',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.proposals) {
      if (!p.unit) continue;
      if (!voteFor(ctx.model.votes, p)) ctx.report({ at: p.unit.at, messageId: 'missing', data: { unit: unitName(ctx, p.unit), award: p.award.text } });
    }
  },
});
