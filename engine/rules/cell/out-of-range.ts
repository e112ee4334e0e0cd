import type { Field } from '../../model/bloc';
import { BALLOT_KEYS } from '../../model/bloc';
import { z } from 'zod';
import { defineRule } from '../types';

/** The rule's options, with their defaults (the template's checks read them too). */
export const OPTIONS = z.object({ minYear: z.number().int().default(2000) });
/** The default, as the description quotes it: the schema's own. */
const { minYear } = OPTIONS.parse({});

export default defineRule({
  id: 'cell/out-of-range',
  meta: {
    description: { vi: `Giá trị ngoài khoảng hợp lý: số đếm âm, năm ngoài ${minYear}…(năm nay + 1), tỷ lệ phiếu trên 100 %.`, en: `A value out of range: a negative count, a year outside ${minYear}…(this year + 1), a vote percentage over 100.` },
    category: 'cell',
    options: OPTIONS,
    messages: {
      negative: { vi: '"{field}" là số đếm nên không thể âm ({value}). Hãy sửa lại.', en: '"{field}" is a count and cannot be negative ({value}). Correct it.' },
      year: {
        vi: 'Năm thi đua {value} nằm ngoài khoảng {min}–{max}. Hãy ghi năm được tổng kết, ví dụ {example}.',
        en: 'The emulation year {value} is outside {min}–{max}. Enter the year being reviewed, e.g. {example}.',
      },
      percent: {
        vi: 'Tỷ lệ phiếu {value} % vượt quá 100 %. Hãy tính lại: số phiếu đồng ý ÷ số thành viên × 100.',
        en: 'The vote percentage {value} % is over 100 %. Recompute it: votes ÷ members × 100.',
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    const negative = (f: Field<number> | undefined, field: string) => {
      if (f?.value !== undefined && f.value < 0) ctx.report({ at: f.at, messageId: 'negative', data: { field, value: f.value } });
    };
    negative(model.info.memberCount, 'Số đơn vị thành viên');
    const thisYear = Number(ctx.today.slice(0, 4));
    const y = model.info.year;
    const { minYear } = ctx.options;
    if (y.value !== undefined && (y.value < minYear || y.value > thisYear + 1)) {
      ctx.report({ at: y.at, messageId: 'year', data: { value: y.value, min: minYear, max: thisYear + 1, example: thisYear - 1 } });
    }
    for (const v of model.votes) {
      for (const k of BALLOT_KEYS) negative(v.stated[k], k === 'present' ? 'Số thành viên dự' : k === 'issued' ? 'Số phiếu phát ra' : k === 'returned' ? 'Số phiếu thu về' : 'Số phiếu hợp lệ');
      negative(v.votes, 'Số phiếu đồng ý');
      if (v.percent.value !== undefined && v.percent.value > 100 + 1e-9) ctx.report({ at: v.percent.at, messageId: 'percent', data: { value: v.percent.value } });
      else negative(v.percent, 'Tỷ lệ (%)');
    }
  },
});
