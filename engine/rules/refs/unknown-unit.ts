import type { UnitRef } from '../../model/bloc';
import { defineRule } from '../types';

export default defineRule({
  id: 'refs/unknown-unit',
  meta: {
    category: 'refs',
    description: {
      vi: 'Một đơn vị được nêu (Thông tin, Chấm điểm, Bình xét, Đề nghị khen thưởng, Giao ước) không có trong danh sách thành viên.',
      en: 'A unit named in Thông tin, Chấm điểm, Bình xét, Đề nghị khen thưởng or Giao ước is not a member.',
    },
    sheets: ['members'],
    messages: {
      unknownNear: {
        vi: '"{name}" không có trong danh sách thành viên. Có phải "{closest}"? Hãy ghi đúng tên như trang "Thành viên".',
        en: '"{name}" is not in the member list. Did you mean "{closest}"? Write the name as in the "Thành viên" sheet.',
      },
      unknown: {
        vi: '"{name}" không có trong danh sách thành viên. Hãy ghi đúng tên như trang "Thành viên", hoặc bổ sung đơn vị vào danh sách.',
        en: '"{name}" is not in the member list. Write the name as in the "Thành viên" sheet, or add the unit to the list.',
      },
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.members.length === 0) return;
    const { info } = model;
    const refs: (UnitRef | undefined)[] = [
      info.leader, info.deputy, info.nextLeader, info.nextDeputy,
      ...model.scores.map((s) => s.unit),
      ...model.votes.map((v) => v.unit),
      ...model.proposals.map((p) => p.unit),
      ...model.covenant.map((c) => c.unit),
    ];
    // A member whose name shows an error (#REF!) may be any unit named nowhere else: a name
    // that is close to no readable member is then that cause's (cell/formula-error), not a new one.
    const someUnnamed = model.members.some((m) => m.unnamed);
    for (const ref of refs) {
      if (!ref || ref.member !== undefined) continue;
      const near = ctx.suggestMember(ref.text);
      if (!near && someUnnamed) continue;
      if (near) ctx.report({ at: ref.at, messageId: 'unknownNear', data: { name: ref.text, closest: near.name }, suggestion: near.name });
      else ctx.report({ at: ref.at, messageId: 'unknown', data: { name: ref.text } });
    }
  },
});
