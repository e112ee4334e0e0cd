import { formatNumberVi } from '../../template/values';
import { unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'scores/over-max',
  meta: {
    category: 'scores',
    description: { vi: 'Điểm một tiêu chí vượt điểm tối đa, hoặc âm.', en: 'A criterion score above its maximum, or below 0.' },
    sheets: ['scores'],
    messages: {
      overMax: {
        vi: '"{unit}" được {score} điểm ở tiêu chí "{criterion}", vượt điểm tối đa {max}. Hãy chấm lại.',
        en: '"{unit}" has {score} points for "{criterion}", above the maximum of {max}. Correct the score.',
      },
      negative: {
        vi: '"{unit}" có điểm âm ({score}) ở tiêu chí "{criterion}". Điểm phải từ 0 trở lên.',
        en: '"{unit}" has a negative score ({score}) for "{criterion}". Scores must be 0 or more.',
      },
    },
  },
  check(ctx) {
    const { criteria, scores } = ctx.model;
    for (const s of scores) {
      s.criteria.forEach((f, i) => {
        const c = criteria[i]!;
        if (f.value === undefined) return;
        const unit = unitName(ctx, s.unit);
        if (f.value < 0) ctx.report({ at: f.at, messageId: 'negative', data: { unit, criterion: c.name, score: f.value } });
        else if (c.max?.value !== undefined && f.value > c.max.value + 1e-9) {
          ctx.report({ at: f.at, messageId: 'overMax', data: { unit, criterion: c.name, score: f.value, max: c.max.value }, suggestion: formatNumberVi(c.max.value) });
        }
      });
    }
  },
});
