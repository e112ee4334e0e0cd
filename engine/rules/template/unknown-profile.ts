import { defineRule } from '../types';

export default defineRule({
  id: 'template/unknown-profile',
  meta: {
    category: 'template',
    description: { vi: '"Bộ quy tắc" ghi tên một bộ quy tắc không có.', en: '"Bộ quy tắc" names no known profile.' },
    messages: {
      unknown: {
        vi: 'Không có bộ quy tắc "{profile}"; sổ được kiểm tra theo "{used}". Hãy ghi một trong: {known}, hoặc để trống.',
        en: 'There is no profile "{profile}"; the workbook was checked with "{used}". Write one of: {known}, or leave it blank.',
      },
    },
  },
  check(ctx) {
    const { requested, used, known } = ctx.profileChoice;
    if (requested && !requested.found) {
      ctx.report({ at: requested.at, messageId: 'unknown', data: { profile: requested.text, used, known: known.join(', ') } });
    }
  },
});
