import { unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'votes/candidate-over-valid',
  meta: {
    category: 'votes',
    description: { vi: 'Số phiếu đồng ý của một đơn vị vượt số phiếu hợp lệ.', en: 'A candidate\'s votes exceed the valid ballots.' },
    sheets: ['votes'],
    messages: {
      over: {
        vi: '"{unit}" được {votes} phiếu đồng ý, nhiều hơn số phiếu hợp lệ ({valid}) khi bầu "{award}". Hãy kiểm tra biên bản kiểm phiếu.',
        en: '"{unit}" has {votes} votes, more than the valid ballots ({valid}) for "{award}". Check the counting record.',
      },
    },
  },
  check(ctx) {
    for (const v of ctx.model.votes) {
      const valid = v.ballots.valid?.value;
      if (v.votes.value === undefined || valid === undefined || v.votes.value <= valid) continue;
      ctx.report({ at: v.votes.at, messageId: 'over', data: { unit: v.unit ? unitName(ctx, v.unit) : '', votes: v.votes.value, valid, award: v.award.text } });
    }
  },
});
