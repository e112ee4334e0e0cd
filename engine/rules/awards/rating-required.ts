import { RATINGS } from '../../template/spec';
import { unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'awards/rating-required',
  meta: {
    category: 'awards',
    description: {
      vi: 'Đơn vị được đề nghị cờ hoặc Bằng khen nhưng năm nay không xếp loại "Hoàn thành xuất sắc nhiệm vụ" (khi cột Xếp loại có ghi).',
      en: 'A unit proposed for a flag or a certificate is not rated HTXSNV this year (where Xếp loại is filled).',
    },
    sheets: ['proposals', 'members'],
    messages: {
      notExcellent: {
        vi: '"{unit}" được đề nghị "{award}" nhưng năm nay xếp loại {rating} ({ratingWords}), không phải Hoàn thành xuất sắc nhiệm vụ. Hãy kiểm tra lại xếp loại hoặc đề nghị.',
        en: '"{unit}" is proposed for "{award}" but is rated {rating} ({ratingWords}) this year, not HTXSNV (Hoàn thành xuất sắc nhiệm vụ). Check the rating or the proposal.',
      },
    },
  },
  check(ctx) {
    for (const p of ctx.model.proposals) {
      if (p.unit?.member === undefined || p.award.id === undefined) continue;
      const rating = ctx.model.members[p.unit.member]?.rating?.value;
      if (rating === undefined || rating === 'HTXSNV') continue;
      ctx.report({ at: p.unit.at, messageId: 'notExcellent', data: { unit: unitName(ctx, p.unit), award: p.award.text, rating, ratingWords: RATINGS[rating] } });
    }
  },
});
