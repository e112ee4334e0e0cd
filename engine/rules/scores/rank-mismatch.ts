import { competitionRanks, trueTotal, unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'scores/rank-mismatch',
  meta: {
    category: 'scores',
    description: { vi: '"Xếp hạng" không khớp với tổng điểm (xếp hạng đồng hạng 1, 2, 2, 4).', en: '"Xếp hạng" disagrees with the totals (competition ranking 1, 2, 2, 4).' },
    sheets: ['scores'],
    messages: {
      mismatch: {
        vi: '"{unit}" ghi xếp hạng {rank}, nhưng theo tổng điểm {total} thì đứng hạng {expected}. Hãy sửa thành {expected}.',
        en: '"{unit}" is ranked {rank}, but with a total of {total} its rank is {expected}. Correct it to {expected}.',
      },
    },
  },
  check(ctx) {
    const rows = ctx.model.scores.map((s) => ({ s, total: trueTotal(s) })).filter((x): x is { s: typeof x.s; total: number } => x.total !== undefined);
    const ranks = competitionRanks(rows.map((x) => x.total));
    rows.forEach(({ s, total }, i) => {
      const expected = ranks[i]!;
      if (s.rank.value !== undefined && s.rank.value !== expected) {
        ctx.report({ at: s.rank.at, messageId: 'mismatch', data: { unit: unitName(ctx, s.unit), rank: s.rank.value, total, expected }, suggestion: String(expected) });
      }
    });
  },
});
