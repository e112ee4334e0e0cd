import { RATINGS } from '../../template/spec';
import { unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'members/rating-mismatch',
  meta: {
    category: 'members',
    description: {
      vi: 'Một đơn vị có hai xếp loại khác nhau: ở trang "Chấm điểm" và ở trang "Thành viên".',
      en: 'A unit has two different ratings: in "Chấm điểm" and in "Thành viên".',
    },
    sheets: ['members', 'scores'],
    messages: {
      differs: {
        vi: '"{unit}" xếp loại {rating} ở trang "Chấm điểm" nhưng {memberRating} ở trang "Thành viên". Mỗi đơn vị một xếp loại: hãy ghi cho khớp (xếp loại quyết định việc đề nghị khen thưởng).',
        en: '"{unit}" is rated {rating} in "Chấm điểm" but {memberRating} in "Thành viên". A unit has one rating: make them agree (the rating decides the award proposals).',
      },
    },
  },
  check(ctx) {
    for (const s of ctx.model.scores) {
      const rating = s.rating?.value;
      const member = s.unit.member === undefined ? undefined : ctx.model.members[s.unit.member];
      const memberRating = member?.rating?.value;
      // Where either is blank or unreadable, there is nothing to disagree (cell rules say the rest).
      if (rating === undefined || memberRating === undefined || rating === memberRating) continue;
      // No suggestion: which of the two is right, only the bloc knows.
      ctx.report({ at: s.rating!.at, messageId: 'differs', data: { unit: unitName(ctx, s.unit), rating: `${rating} (${RATINGS[rating]})`, memberRating: `${memberRating} (${RATINGS[memberRating]})` } });
    }
  },
});
