import { defineRule } from '../types';

export default defineRule({
  id: 'members/not-scored',
  meta: {
    category: 'members',
    description: { vi: 'Một thành viên không có dòng trong trang "Chấm điểm".', en: 'A member has no row in "Chấm điểm".' },
    sheets: ['members', 'scores'],
    messages: {
      notScored: {
        vi: '"{name}" là thành viên nhưng không có dòng trong trang "Chấm điểm". Hãy bổ sung điểm của đơn vị này.',
        en: '"{name}" is a member but has no row in the "Chấm điểm" sheet. Add its scores.',
      },
    },
  },
  check(ctx) {
    // A scoring sheet left empty (the blank template has one) means the bloc did not score.
    if (ctx.model.scores.length === 0) return;
    const scored = new Set(ctx.model.scores.map((s) => s.unit.member));
    ctx.model.members.forEach((m, i) => {
      // An unnamed member (#REF!) is cell/formula-error's: one cause, one finding.
      if (!scored.has(i) && !m.unnamed) ctx.report({ at: m.at, messageId: 'notScored', data: { name: m.name } });
    });
  },
});
