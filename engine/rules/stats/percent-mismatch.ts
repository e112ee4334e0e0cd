import { z } from 'zod';
import { formatNumberVi } from '../../template/values';
import { defineRule } from '../types';

/** The rule's options, with their defaults (the template's checks read them too). */
export const OPTIONS = z.object({ tolerance: z.number().min(0).default(0.5) });
/** The default, as the description quotes it: the schema's own. */
const { tolerance } = OPTIONS.parse({});

export default defineRule({
  id: 'stats/percent-mismatch',
  meta: {
    description: { vi: `"Tỷ lệ (%)" lệch quá ${formatNumberVi(tolerance)} so với Thực hiện ÷ Kế hoạch × 100.`, en: `"Tỷ lệ (%)" differs from Thực hiện ÷ Kế hoạch × 100 by more than ${tolerance}.` },
    category: 'stats',
    fix: 'recomputed',
    sheets: ['stats'],
    options: OPTIONS,
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
        suggestion: formatNumberVi(expected),
      });
    }
  },
});
