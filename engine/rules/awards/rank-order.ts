import { unitName } from '../helpers';
import { defineRule } from '../types';
import { precedence, scoreRanks } from './catalog';

export default defineRule({
  id: 'awards/rank-order',
  meta: {
    category: 'awards',
    figure: 'precedence',
    description: {
      vi: 'Đơn vị xếp hạng thấp hơn lại được đề nghị hình thức cao hơn đơn vị xếp trên (thứ bậc theo bộ quy tắc).',
      en: 'A unit ranked below another receives a higher award than it (order of awards: the profile\'s precedence).',
    },
    sheets: ['proposals', 'scores'],
    messages: {
      inverted: {
        vi: '"{unit}" (hạng {rank}) được đề nghị "{award}", cao hơn "{otherAward}" của "{other}" (hạng {otherRank}). Hãy kiểm tra lại thứ tự đề nghị theo kết quả chấm điểm.',
        en: '"{unit}" (rank {rank}) is proposed for "{award}", higher than "{otherAward}" for "{other}" (rank {otherRank}). Check the proposals against the scores.',
      },
    },
  },
  check(ctx) {
    const ranks = scoreRanks(ctx);
    if (!ranks) return;
    const ranked = ctx.model.proposals
      .filter((p) => p.unit?.member !== undefined && p.award.id !== undefined && ranks.has(p.unit.member))
      .map((p) => ({ p, rank: ranks.get(p.unit!.member!)!, level: precedence(p.award.id, ctx.settings) }));
    for (const b of ranked) {
      // The best-ranked unit above this one that got a lower award.
      const a = ranked.filter((x) => x.rank < b.rank && x.level > b.level).sort((x, y) => x.rank - y.rank)[0];
      if (!a) continue;
      ctx.report({
        at: b.p.award.at,
        messageId: 'inverted',
        data: { unit: unitName(ctx, b.p.unit!), rank: b.rank, award: b.p.award.text, other: unitName(ctx, a.p.unit!), otherRank: a.rank, otherAward: a.p.award.text },
        basis: ctx.settings.precedence.basis,
      });
    }
  },
});
