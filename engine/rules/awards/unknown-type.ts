import { suggestAward } from '../../profiles';
import { defineRule } from '../types';

export default defineRule({
  id: 'awards/unknown-type',
  meta: {
    category: 'awards',
    description: { vi: 'Tên hình thức khen thưởng không có trong bộ quy tắc.', en: 'An award name the profile does not know.' },
    messages: {
      unknownNear: {
        vi: 'Hình thức "{award}" không có trong danh mục khen thưởng. Có phải "{closest}"? Hãy chọn tên trong danh sách.',
        en: 'The award "{award}" is not in the catalog. Did you mean "{closest}"? Pick a name from the list.',
      },
      unknown: {
        vi: 'Hình thức "{award}" không có trong danh mục khen thưởng ({known}). Hãy chọn tên trong danh sách.',
        en: 'The award "{award}" is not in the catalog ({known}). Pick a name from the list.',
      },
    },
  },
  check(ctx) {
    const refs = [...ctx.model.votes.map((v) => v.award), ...ctx.model.proposals.map((p) => p.award)];
    for (const award of refs) {
      if (award.id !== undefined || award.inherited) continue;
      const closest = suggestAward(award.text, ctx.settings);
      if (closest) ctx.report({ at: award.at, messageId: 'unknownNear', data: { award: award.text, closest }, suggestion: closest });
      else ctx.report({ at: award.at, messageId: 'unknown', data: { award: award.text, known: ctx.settings.awards.map((a) => a.name).join('; ') } });
    }
  },
});
