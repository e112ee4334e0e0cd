import { z } from 'zod';
import { viNumber } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'stats/percent-mismatch',
  meta: {
    category: 'stats',
    description: { vi: '"Tỷ lệ (%)" lệch quá 0,5 so với Thực hiện ÷ Kế hoạch × 100.', en: '"Tỷ lệ (%)" differs from Thực hiện ÷ Kế hoạch × 100 by more than 0.5.' },
    sheets: ['stats'],
    options: z.object({ tolerance: z.number().min(0).default(0.5) }),
    messages: {
      mismatch: {
        vi: 'Tỷ lệ của chỉ tiêu "{indicator}" ghi {stated} %, nhưng {actual} ÷ {plan} × 100 = {expected} %. Hãy sửa thành {expected}.',
        en: 'The percentage for "{indicator}" says {stated} %, but {actual} ÷ {plan} × 100 = {expected} %. Correct it to {expected}.',
      },
    },
  },
  check(ctx) {
    const { tolerance } = ctx.options;
    for (const s of ctx.model.stats) {
      const { plan, actual, percent } = s;
      if (plan.value === undefined || actual.value === undefined || percent.value === undefined || plan.value === 0) continue;
      const expected = (actual.value / plan.value) * 100;
      if (Math.abs(percent.value - expected) <= tolerance + 1e-9) continue;
      ctx.report({
        at: percent.at,
        messageId: 'mismatch',
        data: { indicator: s.indicator, stated: Math.round(percent.value * 100) / 100, actual: actual.value, plan: plan.value, expected: Math.round(expected * 100) / 100 },
        suggestion: viNumber(expected),
      });
    }
  },
});
