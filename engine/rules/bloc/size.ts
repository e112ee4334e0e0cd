import { defineRule } from '../types';

export default defineRule({
  id: 'bloc/size',
  meta: {
    category: 'bloc',
    figure: 'blocSize',
    description: { vi: 'Số thành viên ít hơn hoặc nhiều hơn bộ quy tắc cho phép (mặc định 3…40).', en: 'Fewer or more members than the profile allows (default 3…40).' },
    sheets: ['members'],
    messages: {
      tooFew: {
        vi: 'Khối chỉ có {count} đơn vị thành viên, ít hơn {min}. Hãy kiểm tra danh sách thành viên.',
        en: 'The bloc has only {count} member units, fewer than {min}. Check the member list.',
      },
      tooMany: {
        vi: 'Khối có {count} đơn vị thành viên, nhiều hơn {max}. Hãy kiểm tra danh sách (có thể lẫn dòng không phải đơn vị).',
        en: 'The bloc has {count} member units, more than {max}. Check the list (it may include rows that are not units).',
      },
    },
  },
  check(ctx) {
    const count = ctx.model.members.length;
    const { min, max, basis } = ctx.settings.blocSize;
    const at = ctx.model.sheets.members ? { sheet: ctx.model.sheets.members.view.name } : undefined;
    if (count === 0) return; // an empty list is cell/required's and the template's business
    if (count < min) ctx.report({ ...(at ? { at } : {}), messageId: 'tooFew', data: { count, min }, basis });
    else if (count > max) ctx.report({ ...(at ? { at } : {}), messageId: 'tooMany', data: { count, max }, basis });
  },
});
