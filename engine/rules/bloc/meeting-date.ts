import { formatIsoDate } from '../../template/values';
import { defineRule } from '../types';

export default defineRule({
  id: 'bloc/meeting-date',
  meta: {
    category: 'bloc',
    figure: 'meetingWindow',
    description: {
      vi: 'Ngày hội nghị tổng kết nằm ngoài khoảng thời gian của bộ quy tắc (mặc định 1/10 năm Y đến 31/3 năm Y+1).',
      en: 'The conference date is outside the profile\'s window for year Y (default 1/10/Y to 31/3/Y+1).',
    },
    sheets: ['info'],
    messages: {
      outside: {
        vi: 'Ngày hội nghị {date} nằm ngoài khoảng {start} – {end} của năm thi đua {year}. Hãy kiểm tra lại ngày hội nghị hoặc năm thi đua.',
        en: 'The conference date {date} is outside {start} – {end} for the emulation year {year}. Check the conference date or the year.',
      },
    },
  },
  check(ctx) {
    const { meetingDate, year } = ctx.model.info;
    if (meetingDate.value === undefined || year.value === undefined) return;
    const w = ctx.settings.meetingWindow;
    const start = `${year.value}-${w.start}`;
    // The window ends in the next year when its end comes before its start in the calendar.
    const end = `${w.end < w.start ? year.value + 1 : year.value}-${w.end}`;
    if (meetingDate.value < start || meetingDate.value > end) {
      ctx.report({
        at: meetingDate.at,
        messageId: 'outside',
        data: { date: formatIsoDate(meetingDate.value), start: formatIsoDate(start), end: formatIsoDate(end), year: year.value },
        basis: w.basis,
      });
    }
  },
});
