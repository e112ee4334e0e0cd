import { unitName } from '../helpers';
import { defineRule } from '../types';

export default defineRule({
  id: 'rotation/repeat-before-all',
  meta: {
    category: 'rotation',
    figure: 'rotation',
    // The same next leader: the rule that owns the cause speaks, this one adds nothing.
    defersTo: ['rotation/consecutive-term'],
    description: {
      vi: 'Trưởng khối năm sau đã làm Trưởng khối trong vòng luân phiên này, trong khi còn thành viên chưa làm lần nào (theo trang "Luân phiên").',
      en: 'Next year\'s leader already led in the current round while some member never has (by "Luân phiên").',
    },
    sheets: ['info', 'rotation', 'members'],
    messages: {
      repeat: {
        vi: '"{name}" đã làm Trưởng khối năm {ledIn} trong vòng luân phiên này, trong khi {count} đơn vị chưa làm lần nào ({waiting}). Hãy xem xét để đơn vị chưa làm Trưởng khối đảm nhận.',
        en: '"{name}" already led in {ledIn} in this round, while {count} units never have ({waiting}). Consider a unit that has not led yet.',
      },
    },
  },
  check(ctx) {
    const { info, rotation, members } = ctx.model;
    const next = info.nextLeader;
    const year = info.year.value;
    if (!next || next.member === undefined || year === undefined || rotation.length === 0 || members.length === 0) return;
    // Who led in each year up to this one (Thông tin counts for this year when history stops short).
    const led = new Map<number, number | undefined>();
    for (const e of rotation) if (e.year.value !== undefined && e.year.value <= year && e.leader) led.set(e.year.value, e.leader.member);
    if (!led.has(year) && info.leader) led.set(year, info.leader.member);
    // A round closes when every current member has led; the current round is what follows.
    let round = new Map<number, number>();
    for (const y of [...led.keys()].sort((a, b) => a - b)) {
      const m = led.get(y);
      if (m === undefined) continue;
      round.set(m, y);
      if (round.size === members.length) round = new Map();
    }
    const ledIn = round.get(next.member);
    if (ledIn === undefined) return;
    const waiting = members.map((_, i) => i).filter((i) => !round.has(i));
    if (waiting.length === 0) return;
    const names = waiting.slice(0, 3).map((i) => ctx.memberName(i)).join(', ') + (waiting.length > 3 ? ', …' : '');
    ctx.report({
      at: next.at,
      messageId: 'repeat',
      data: { name: unitName(ctx, next), ledIn, count: waiting.length, waiting: names },
      basis: ctx.settings.rotation.basis,
    });
  },
});
