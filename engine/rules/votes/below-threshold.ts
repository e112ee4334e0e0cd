import { matchAwardById } from '../awards/catalog';
import { unitName } from '../helpers';
import { defineRule } from '../types';
import { voteFor } from './ballots';

export default defineRule({
  id: 'votes/below-threshold',
  meta: {
    category: 'votes',
    figure: 'approval',
    description: {
      vi: 'Tỷ lệ đồng ý của đơn vị được đề nghị thấp hơn ngưỡng của bộ quy tắc cho hình thức đó (mặc định: cờ ≥ 80 %, hình thức khác > 50 % số thành viên).',
      en: 'A proposed unit\'s approval is below the profile\'s threshold for that award (default: flags ≥ 80 %, others > 50 % of members).',
    },
    sheets: ['votes', 'proposals', 'members'],
    messages: {
      belowFlag: {
        vi: '"{unit}" được {votes}/{members} phiếu ({percent} %) cho "{award}", chưa đạt ít nhất {threshold} % số thành viên. Đơn vị chưa đủ điều kiện để đề nghị.',
        en: '"{unit}" has {votes} of {members} votes ({percent} %) for "{award}", short of at least {threshold} % of members. It does not qualify for the proposal.',
      },
      belowOther: {
        vi: '"{unit}" được {votes}/{members} phiếu ({percent} %) cho "{award}", chưa quá {threshold} % số thành viên. Đơn vị chưa đủ điều kiện để đề nghị.',
        en: '"{unit}" has {votes} of {members} votes ({percent} %) for "{award}", not over {threshold} % of members. It does not qualify for the proposal.',
      },
    },
  },
  check(ctx) {
    const members = ctx.model.members.length;
    if (members === 0) return;
    const { flags, others, basis } = ctx.settings.approval;
    for (const p of ctx.model.proposals) {
      const award = p.award.id ? matchAwardById(p.award.id, ctx.settings) : undefined;
      const v = voteFor(ctx.model.votes, p);
      if (!award || !v || !p.unit || v.votes.value === undefined) continue;
      const share = v.votes.value / members;
      const isFlag = award.kind === 'flag';
      const ok = isFlag ? share >= flags - 1e-9 : share > others + 1e-9;
      if (ok) continue;
      ctx.report({
        at: v.votes.at,
        messageId: isFlag ? 'belowFlag' : 'belowOther',
        data: { unit: unitName(ctx, p.unit), votes: v.votes.value, members, percent: Math.round(share * 10000) / 100, award: p.award.text, threshold: Math.round((isFlag ? flags : others) * 10000) / 100 },
        basis,
      });
    }
  },
});
