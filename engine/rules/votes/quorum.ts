import { defineRule } from '../types';
import { awardHeads } from './ballots';

export default defineRule({
  id: 'votes/quorum',
  meta: {
    category: 'votes',
    figure: 'quorum',
    description: { vi: 'Số thành viên dự dưới mức tối thiểu của bộ quy tắc (mặc định 2/3 số thành viên).', en: 'Members present below the profile\'s quorum (default 2/3 of members).' },
    sheets: ['votes', 'members'],
    messages: {
      below: {
        vi: 'Chỉ {present}/{members} thành viên dự khi bầu "{award}", dưới mức tối thiểu {needed} ({share} số thành viên). Kết quả bỏ phiếu không đủ điều kiện; hãy kiểm tra lại số thành viên dự.',
        en: 'Only {present} of {members} members were present for "{award}", below the quorum of {needed} ({share} of members). The ballot is not valid; check the number present.',
      },
    },
  },
  check(ctx) {
    const members = ctx.model.members.length;
    if (members === 0) return;
    const { share, basis } = ctx.settings.quorum;
    const needed = Math.ceil(share * members - 1e-9);
    for (const head of awardHeads(ctx.model.votes)) {
      const present = head.ballots.present;
      if (present?.value === undefined || present.value >= needed) continue;
      const shareText = Math.abs(share - 2 / 3) < 1e-9 ? '2/3' : `${Math.round(share * 100)} %`;
      ctx.report({ at: present.at, messageId: 'below', data: { present: present.value, members, needed, share: shareText, award: head.award.text }, basis });
    }
  },
});
