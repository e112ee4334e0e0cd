import { z } from 'zod';
import { unitName } from '../helpers';
import { formatNumberVi } from '../../template/values';
import { defineRule } from '../types';

/** The rule's options, with their defaults (the template's checks read them too). */
export const OPTIONS = z.object({ tolerance: z.number().min(0).default(0.5) });
/** The default, as the description quotes it: the schema's own. */
const { tolerance } = OPTIONS.parse({});

export default defineRule({
  id: 'votes/percent-mismatch',
  meta: {
    description: { vi: `"Tỷ lệ (%)" lệch quá ${formatNumberVi(tolerance)} so với số phiếu ÷ mẫu số × 100 (mẫu số theo bộ quy tắc, mặc định số thành viên).`, en: `"Tỷ lệ (%)" differs from votes ÷ denominator × 100 by more than ${tolerance} (denominator from the profile: members by default).` },
    category: 'votes',
    figure: 'percentDenominator',
    fix: 'recomputed',
    sheets: ['votes'],
    options: OPTIONS,
    messages: {
      members: {
        vi: 'Tỷ lệ của "{unit}" ghi {stated} %, nhưng {votes} phiếu ÷ {base} thành viên × 100 = {expected} %. Hãy sửa thành {expected}.',
        en: 'The percentage for "{unit}" says {stated} %, but {votes} votes ÷ {base} members × 100 = {expected} %. Correct it to {expected}.',
      },
      present: {
        vi: 'Tỷ lệ của "{unit}" ghi {stated} %, nhưng {votes} phiếu ÷ {base} thành viên dự × 100 = {expected} %. Hãy sửa thành {expected}.',
        en: 'The percentage for "{unit}" says {stated} %, but {votes} votes ÷ {base} members present × 100 = {expected} %. Correct it to {expected}.',
      },
      valid: {
        vi: 'Tỷ lệ của "{unit}" ghi {stated} %, nhưng {votes} phiếu ÷ {base} phiếu hợp lệ × 100 = {expected} %. Hãy sửa thành {expected}.',
        en: 'The percentage for "{unit}" says {stated} %, but {votes} votes ÷ {base} valid ballots × 100 = {expected} %. Correct it to {expected}.',
      },
    },
  },
  check(ctx) {
    const { of, basis } = ctx.settings.percentDenominator;
    const { tolerance } = ctx.options;
    for (const v of ctx.model.votes) {
      if (v.percent.value === undefined || v.votes.value === undefined) continue;
      const base = of === 'members' ? ctx.model.members.length : v.ballots[of]?.value;
      if (!base) continue;
      // More votes than the base: the votes are wrong (votes/candidate-over-valid, votes/ballot-order
      // say so), not the percentage; one cause, one finding, and never a fix past 100 %.
      if (v.votes.value > base) continue;
      const expected = (v.votes.value / base) * 100;
      if (Math.abs(v.percent.value - expected) <= tolerance + 1e-9) continue;
      const shown = Math.round(expected * 100) / 100;
      ctx.report({
        at: v.percent.at,
        messageId: of,
        data: { unit: v.unit ? unitName(ctx, v.unit) : '', stated: Math.round(v.percent.value * 100) / 100, votes: v.votes.value, base, expected: shown },
        suggestion: formatNumberVi(expected),
        basis,
      });
    }
  },
});
