import { unitName } from '../helpers';
import { defineRule } from '../types';
import { isGovernmentFlag, leadingUnits, matchAwardById } from './catalog';

export default defineRule({
  id: 'awards/leading-rank',
  meta: {
    category: 'awards',
    description: {
      vi: 'Hình thức "dẫn đầu" được đề nghị cho đơn vị không đứng đầu khối (theo Chấm điểm, nếu không có thì theo số phiếu).',
      en: 'A leading award is proposed for a unit that is not first (by Chấm điểm where present, else by votes).',
    },
    basis: 'Luật Thi đua, khen thưởng 2022, Điều 25',
    sheets: ['proposals'],
    messages: {
      byScores: {
        vi: '"{unit}" được đề nghị "{award}" nhưng không đứng đầu khối theo chấm điểm; đứng đầu là "{first}". Hình thức dẫn đầu chỉ dành cho đơn vị đứng đầu.',
        en: '"{unit}" is proposed for "{award}" but is not first by the scores; first is "{first}". A leading award goes to the first unit only.',
      },
      byVotes: {
        vi: '"{unit}" được đề nghị "{award}" nhưng không có số phiếu cao nhất; cao nhất là "{first}". Hình thức dẫn đầu chỉ dành cho đơn vị đứng đầu.',
        en: '"{unit}" is proposed for "{award}" but does not have the most votes; "{first}" does. A leading award goes to the first unit only.',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.proposals) {
      if (!p.award.leading || p.unit?.member === undefined || !p.award.id) continue;
      const award = matchAwardById(p.award.id, ctx.settings);
      // The Government flag has its own rule (awards/government-flag), which says the same.
      if (!award || isGovernmentFlag(award)) continue;
      const lead = leadingUnits(ctx, p);
      if (!lead || lead.members.length === 0 || lead.members.includes(p.unit.member)) continue;
      ctx.report({
        at: p.unit.at,
        messageId: lead.by === 'scores' ? 'byScores' : 'byVotes',
        data: { unit: unitName(ctx, p.unit), award: p.award.text, first: lead.members.map((m) => ctx.memberName(m)).join(', ') },
        ...(lead.members.length === 1 ? { suggestion: ctx.memberName(lead.members[0]!) } : {}),
      });
    }
  },
});
