import { z } from 'zod';
import { unitName } from '../helpers';
import { formatNumberVi } from '../../template/values';
import { defineRule } from '../types';

/** The rule's options, with their defaults (the template's checks read them too). */
export const OPTIONS = z.object({ tolerance: z.number().min(0).default(0.01) });
/** The default, as the description quotes it: the schema's own. */
const { tolerance } = OPTIONS.parse({});

export default defineRule({
  id: 'scores/total-mismatch',
  meta: {
    description: { vi: `"Tổng điểm" không bằng tổng điểm các tiêu chí (sai số ${formatNumberVi(tolerance)}).`, en: `"Tổng điểm" is not the sum of the criteria (tolerance ${tolerance}).` },
    category: 'scores',
    sheets: ['scores'],
    options: OPTIONS,
    messages: {
      mismatch: {
        vi: 'Tổng điểm của "{unit}" ghi {total}, nhưng cộng các tiêu chí được {sum}. Hãy sửa tổng điểm thành {sum}.',
        en: 'The total of "{unit}" says {total}, but its criteria add up to {sum}. Correct the total to {sum}.',
      },
    },
  },
  check(ctx) {
    const { criteria, scores } = ctx.model;
    if (criteria.length === 0) return;
    const { tolerance } = ctx.options;
    for (const s of scores) {
      if (s.total.value === undefined || s.criteria.every((f) => f.value === undefined)) continue;
      // A criterion cell that shows an error cannot be summed: cell/formula-error reports it.
      if (s.criteria.some((f) => f.raw?.kind === 'error')) continue;
      const sum = s.criteria.reduce((acc, f) => acc + (f.value ?? 0), 0);
      if (Math.abs(sum - s.total.value) > tolerance + 1e-9) {
        ctx.report({ at: s.total.at, messageId: 'mismatch', data: { unit: unitName(ctx, s.unit), total: s.total.value, sum: Math.round(sum * 100) / 100 }, suggestion: formatNumberVi(sum) });
      }
    }
  },
});
