import { sameUnit, unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'rotation/deputy-succession',
  meta: {
    category: 'rotation',
    figure: 'rotation',
    // The same next leader: the rule that owns the cause speaks, this one adds nothing.
    defersTo: ['rotation/consecutive-term', 'rotation/leader-is-deputy'],
    description: {
      vi: 'Bộ quy tắc mong Phó trưởng khối năm nay làm Trưởng khối năm sau, nhưng khối bầu đơn vị khác.',
      en: 'The profile expects the deputy to lead next year, and another unit was elected.',
    },
    sheets: ['info'],
    messages: {
      other: {
        vi: 'Phó trưởng khối năm nay là "{deputy}", nhưng Trưởng khối năm sau là "{next}". Thông thường Phó trưởng khối sẽ làm Trưởng khối năm sau; nếu khối đã thống nhất khác, có thể bỏ qua.',
        en: 'This year\'s deputy is "{deputy}", but next year\'s leader is "{next}". Usually the deputy leads next year; if the bloc agreed otherwise, this can be ignored.',
      },
    },
  },
  check(ctx) {
    if (!ctx.settings.rotation.deputySucceeds) return;
    const { leader, deputy, nextLeader } = ctx.model.info;
    // This year's leader and deputy one unit: which is this year's deputy is rotation/leader-is-deputy's question.
    if (sameUnit(leader, deputy)) return;
    if (deputy && nextLeader && !sameUnit(deputy, nextLeader)) {
      ctx.report({ at: nextLeader.at, messageId: 'other', data: { deputy: unitName(ctx, deputy), next: unitName(ctx, nextLeader) }, suggestion: unitName(ctx, deputy), basis: ctx.settings.rotation.basis });
    }
  },
});
