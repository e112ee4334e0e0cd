import { defineRule } from '../types';

export default defineRule({
  id: 'members/duplicate',
  meta: {
    category: 'members',
    description: {
      vi: 'Một đơn vị được liệt kê hai lần (sau khi chuẩn hoá tên và chữ viết tắt).',
      en: 'The same unit is listed twice (after name normalisation and abbreviations).',
    },
    sheets: ['members'],
    messages: {
      duplicate: {
        vi: '"{name}" trùng với đơn vị ở dòng {firstRow} ("{first}"). Hãy xoá dòng trùng.',
        en: '"{name}" is the same unit as row {firstRow} ("{first}"). Delete the duplicate row.',
      },
    },
  },
  check(ctx) {
    const seen = new Map<string, { row: number; name: string }>();
    for (const m of ctx.model.members) {
      const first = seen.get(m.key);
      if (first) ctx.report({ at: m.at, messageId: 'duplicate', data: { name: m.name, first: first.name, firstRow: first.row } });
      else seen.set(m.key, { row: m.row, name: m.name });
    }
  },
});
