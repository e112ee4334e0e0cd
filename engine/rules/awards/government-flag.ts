import { unitName } from '../helpers';
import { defineRule } from '../types';
import { isGovernmentFlag, leadingUnits, matchAwardById } from './catalog';

export default defineRule({
  id: 'awards/government-flag',
  meta: {
    category: 'awards',
    description: {
      vi: 'Cờ thi đua của Chính phủ được đề nghị cho hơn một đơn vị, hoặc cho đơn vị không dẫn đầu khối.',
      en: 'The Government emulation flag is proposed for more than one unit, or for a unit that is not the bloc\'s leading unit.',
    },
    basis: 'Luật Thi đua, khen thưởng 2022, Điều 25',
    sheets: ['proposals'],
    messages: {
      second: {
        vi: 'Cờ thi đua của Chính phủ đã được đề nghị cho "{first}"; mỗi khối chỉ đề nghị một đơn vị dẫn đầu. Hãy bỏ đề nghị cho "{unit}".',
        en: 'The Government flag is already proposed for "{first}"; a bloc proposes only its one leading unit. Withdraw the proposal for "{unit}".',
      },
      notLeading: {
        vi: '"{unit}" được đề nghị Cờ thi đua của Chính phủ nhưng không dẫn đầu khối; dẫn đầu là "{leader}". Cờ của Chính phủ chỉ dành cho đơn vị dẫn đầu khối.',
        en: '"{unit}" is proposed for the Government flag but does not lead the bloc; "{leader}" does. The Government flag goes to the bloc\'s leading unit only.',
      },
    },
  },
  check(ctx) {
    let first: string | undefined;
    for (const p of ctx.model.proposals) {
      const award = p.award.id ? matchAwardById(p.award.id, ctx.settings) : undefined;
      if (!award || !isGovernmentFlag(award) || !p.unit) continue;
      const unit = unitName(ctx, p.unit);
      if (first !== undefined) {
        // "One a bloc" is the quota, not the law's words: its basis is the quota's.
        ctx.report({ at: p.unit.at, messageId: 'second', data: { unit, first }, basis: ctx.settings.quota.governmentFlag.basis });
        continue;
      }
      first = unit;
      const lead = p.unit.member !== undefined ? leadingUnits(ctx, p) : undefined;
      if (lead && lead.members.length > 0 && !lead.members.includes(p.unit.member!)) {
        ctx.report({
          at: p.unit.at,
          messageId: 'notLeading',
          data: { unit, leader: lead.members.map((m) => ctx.memberName(m)).join(', ') },
          ...(lead.members.length === 1 ? { suggestion: ctx.memberName(lead.members[0]!) } : {}),
        });
      }
    }
  },
});
