import { sameUnit, unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'rotation/leader-is-deputy',
  meta: {
    category: 'rotation',
    description: { vi: 'Một đơn vị vừa là Trưởng khối vừa là Phó trưởng khối (năm nay hoặc năm sau).', en: 'One unit is both leader and deputy (this year or next year).' },
    sheets: ['info'],
    messages: {
      thisYear: {
        vi: '"{name}" vừa là Trưởng khối vừa là Phó trưởng khối năm nay. Hãy ghi đúng đơn vị Phó trưởng khối.',
        en: '"{name}" is both leader and deputy this year. Enter the right deputy.',
      },
      nextYear: {
        vi: '"{name}" vừa là Trưởng khối vừa là Phó trưởng khối năm sau. Hãy ghi đúng đơn vị Phó trưởng khối năm sau.',
        en: '"{name}" is both leader and deputy next year. Enter the right deputy for next year.',
      },
    },
  },
  check(ctx) {
    const { leader, deputy, nextLeader, nextDeputy } = ctx.model.info;
    if (leader && deputy && sameUnit(leader, deputy)) ctx.report({ at: deputy.at, messageId: 'thisYear', data: { name: unitName(ctx, leader) } });
    if (nextLeader && nextDeputy && sameUnit(nextLeader, nextDeputy)) ctx.report({ at: nextDeputy.at, messageId: 'nextYear', data: { name: unitName(ctx, nextLeader) } });
  },
});
