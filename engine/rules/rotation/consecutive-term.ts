import { sameUnit, unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'rotation/consecutive-term',
  meta: {
    category: 'rotation',
    figure: 'rotation',
    description: { vi: 'Trưởng khối năm sau cũng là Trưởng khối năm nay (không luân phiên).', en: 'Next year\'s leader is this year\'s leader (no rotation).' },
    sheets: ['info'],
    messages: {
      again: {
        vi: '"{name}" làm Trưởng khối năm {year} và lại được bầu làm Trưởng khối năm {next}, trái nguyên tắc luân phiên. Hãy kiểm tra kết quả bầu Trưởng khối năm sau.',
        en: '"{name}" leads in {year} and was elected leader again for {next}, against the rotation. Check the election of next year\'s leader.',
      },
    },
  },
  check(ctx) {
    if (!ctx.settings.rotation.noConsecutiveTerm) return;
    const { leader, deputy, nextLeader, year } = ctx.model.info;
    // This year's leader and deputy one unit: which of them leads this year is rotation/leader-is-deputy's question.
    if (sameUnit(leader, deputy)) return;
    if (leader && nextLeader && sameUnit(leader, nextLeader)) {
      const y = year.value;
      ctx.report({
        at: nextLeader.at,
        messageId: 'again',
        data: { name: unitName(ctx, leader), year: y ?? '?', next: y !== undefined ? y + 1 : '?' },
        // The deputy, when the profile expects it to take over and it is another unit.
        ...(ctx.settings.rotation.deputySucceeds && deputy && !sameUnit(deputy, leader) ? { suggestion: unitName(ctx, deputy) } : {}),
        basis: ctx.settings.rotation.basis,
      });
    }
  },
});
