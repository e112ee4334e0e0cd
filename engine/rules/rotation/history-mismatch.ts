import type { UnitRef } from '../../model/bloc';
import { unitKey } from '../../text/abbreviations';
import { sameUnit } from '../helpers';
import { defineRule } from '../types';

/** Rotation entries may name former members: compare by member, else by normalised name. */
function same(a: UnitRef, b: UnitRef): boolean {
  if (a.member !== undefined && b.member !== undefined) return a.member === b.member;
  return unitKey(a.text) === unitKey(b.text);
}

export default defineRule({
  id: 'rotation/history-mismatch',
  meta: {
    category: 'rotation',
    description: { vi: 'Trang "Luân phiên" khác trang "Thông tin" ở năm nay hoặc năm sau.', en: '"Luân phiên" disagrees with "Thông tin" for this year or next year.' },
    sheets: ['info', 'rotation'],
    messages: {
      leader: {
        vi: 'Trang "Luân phiên" ghi Trưởng khối năm {year} là "{history}", nhưng trang "Thông tin" ghi "{info}". Hãy sửa cho thống nhất.',
        en: '"Luân phiên" says the leader for {year} is "{history}", but "Thông tin" says "{info}". Make them agree.',
      },
      deputy: {
        vi: 'Trang "Luân phiên" ghi Phó trưởng khối năm {year} là "{history}", nhưng trang "Thông tin" ghi "{info}". Hãy sửa cho thống nhất.',
        en: '"Luân phiên" says the deputy for {year} is "{history}", but "Thông tin" says "{info}". Make them agree.',
      },
    },
  },
  check(ctx) {
    const { info, rotation } = ctx.model;
    const y = info.year.value;
    if (y === undefined) return;
    const compare = (year: number, role: 'leader' | 'deputy', stated: UnitRef | undefined) => {
      if (!stated) return;
      for (const entry of rotation) {
        const hist = entry[role];
        if (entry.year.value !== year || !hist) continue;
        if (!same(hist, stated)) {
          ctx.report({ at: hist.at, messageId: role, data: { year, history: hist.text, info: stated.text }, suggestion: stated.text });
        }
      }
    };
    // A year whose leader and deputy name one unit in Thông tin is rotation/leader-is-deputy's:
    // which of the two is wrong is not known, and Luân phiên is not told to copy either.
    // (the very test rotation/leader-is-deputy makes)
    if (!sameUnit(info.leader, info.deputy)) {
      compare(y, 'leader', info.leader);
      compare(y, 'deputy', info.deputy);
    }
    if (!sameUnit(info.nextLeader, info.nextDeputy)) {
      compare(y + 1, 'leader', info.nextLeader);
      compare(y + 1, 'deputy', info.nextDeputy);
    }
  },
});
