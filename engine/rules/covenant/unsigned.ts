import { defineRule } from '../types';

export default defineRule({
  id: 'covenant/unsigned',
  meta: {
    category: 'covenant',
    description: { vi: 'Một thành viên chưa ký giao ước thi đua năm sau.', en: 'A member has not signed next year\'s covenant.' },
    basis: 'Hướng dẫn 1479/HD-BTĐKT (2016) của Ban Thi đua – Khen thưởng Trung ương, mục I.1: hằng năm ký kết giao ước thi đua giữa các đơn vị',
    sheets: ['covenant', 'members'],
    messages: {
      unsigned: {
        vi: '"{name}" chưa ký giao ước thi đua. Hãy ghi "Có" ở cột Ký kết nếu đơn vị đã ký.',
        en: '"{name}" has not signed the covenant. Write "Có" in the Ký kết column if it has.',
      },
      absent: {
        vi: '"{name}" là thành viên nhưng không có tên trong trang "Giao ước". Hãy bổ sung đơn vị và tình trạng ký kết.',
        en: '"{name}" is a member but is not in the "Giao ước" sheet. Add the unit and whether it signed.',
      },
    },
  },
  check(ctx) {
    const { covenant, members } = ctx.model;
    // An empty covenant sheet (the blank template has one) means the bloc did not record one.
    if (covenant.length === 0) return;
    const rows = new Map<number, (typeof covenant)[number]>();
    for (const c of covenant) if (c.unit?.member !== undefined && !rows.has(c.unit.member)) rows.set(c.unit.member, c);
    members.forEach((m, i) => {
      if (m.unnamed) return; // cell/formula-error's: one cause, one finding
      const row = rows.get(i);
      if (!row) ctx.report({ at: { sheet: ctx.model.sheets.covenant!.view.name }, messageId: 'absent', data: { name: m.name } });
      else if (row.signed.value === false) ctx.report({ at: row.signed.at, messageId: 'unsigned', data: { name: m.name } });
    });
  },
});
