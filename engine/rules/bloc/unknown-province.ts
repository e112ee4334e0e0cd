import { formatIsoDate } from '../../template/values';
import { MERGER_BASIS, checkProvince } from '../../profiles/provinces';
import { defineRule } from '../types';

export default defineRule({
  id: 'bloc/unknown-province',
  meta: {
    category: 'bloc',
    description: {
      vi: 'Tỉnh/thành phố không tồn tại vào ngày hội nghị (63 tỉnh đến 30/6/2025, 34 tỉnh từ 1/7/2025).',
      en: 'The province did not exist on the conference date (63 provinces until 30/6/2025, 34 from 1/7/2025).',
    },
    basis: MERGER_BASIS,
    sheets: ['info'],
    messages: {
      merged: {
        vi: 'Tỉnh {province} đã hợp nhất vào tỉnh/thành phố {into} từ 1/7/2025, trước ngày {date}. Hãy ghi "{into}".',
        en: '{province} was merged into {into} on 1/7/2025, before {date}. Write "{into}".',
      },
      unknownNear: {
        vi: 'Không có tỉnh/thành phố "{province}". Có phải "{closest}"?',
        en: 'There is no province "{province}". Did you mean "{closest}"?',
      },
      unknown: {
        vi: 'Không có tỉnh/thành phố "{province}". Hãy ghi đúng tên tỉnh/thành phố.',
        en: 'There is no province "{province}". Enter the province\'s correct name.',
      },
    },
  },
  check(ctx) {
    const { province, meetingDate, year } = ctx.model.info;
    if (province.value === undefined) return;
    const onDate = meetingDate.value ?? (year.value !== undefined ? `${year.value}-12-31` : ctx.today);
    const r = checkProvince(province.value, onDate);
    const date = formatIsoDate(onDate);
    switch (r.status) {
      case 'ok':
        return;
      case 'merged':
        ctx.report({ at: province.at, messageId: 'merged', data: { province: r.name, into: r.into, date }, suggestion: r.into });
        return;
      case 'unknown':
        if (r.closest) ctx.report({ at: province.at, messageId: 'unknownNear', data: { province: province.value, closest: r.closest }, suggestion: r.closest });
        else ctx.report({ at: province.at, messageId: 'unknown', data: { province: province.value } });
    }
  },
});
