import { unitIdentity, unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'awards/one-per-unit',
  meta: {
    category: 'awards',
    description: {
      vi: 'Một đơn vị được đề nghị nhiều hơn một hình thức khen thưởng cho cùng một năm.',
      en: 'A unit proposed for more than one award for the same year.',
    },
    basis: 'Luật Thi đua, khen thưởng 2022, Điều 5',
    sheets: ['proposals'],
    messages: {
      twice: {
        vi: '"{unit}" đã được đề nghị "{first}" (dòng {firstRow}); không đề nghị thêm "{award}" cho cùng một thành tích. Hãy giữ một hình thức.',
        en: '"{unit}" is already proposed for "{first}" (row {firstRow}); do not also propose "{award}" for the same achievement. Keep one award.',
      },
    },
  },
  check(ctx) {
    const first = new Map<string, (typeof ctx.model.proposals)[number]>();
    for (const p of ctx.model.proposals) {
      const id = unitIdentity(p.unit);
      if (id === undefined || !p.unit) continue;
      const prev = first.get(id);
      if (!prev) {
        first.set(id, p);
        continue;
      }
      ctx.report({ at: p.award.at, messageId: 'twice', data: { unit: unitName(ctx, p.unit), first: prev.award.text, firstRow: prev.row, award: p.award.text } });
    }
  },
});
