import { defineBatchRule } from '../types';
import { blocIdentity, blocLabel } from './identity';
import { consecutiveYears } from './years';

export default defineBatchRule({
  id: 'batch/membership-change',
  meta: {
    category: 'batch',
    description: { vi: 'Thành viên của khối thay đổi giữa hai năm liền nhau.', en: 'Members joined or left between consecutive years of one bloc.' },
    messages: {
      changed: {
        vi: '{bloc}, năm {next} so với năm {year}: thêm {joined}; bớt {left}.',
        en: '{bloc} in {next} compared with {year}: joined {joined}; left {left}.',
      },
    },
  },
  check(ctx) {
    for (const [before, after] of consecutiveYears(ctx.files, blocIdentity)) {
      const old = new Map(before.bloc.members.map((m) => [m.key, m.name]));
      const now = new Map(after.bloc.members.map((m) => [m.key, m.name]));
      const joined = [...now].filter(([k]) => !old.has(k)).map(([, n]) => n);
      const left = [...old].filter(([k]) => !now.has(k)).map(([, n]) => n);
      if (joined.length === 0 && left.length === 0) continue;
      const year = before.bloc.year!;
      ctx.report({
        files: [before.id, after.id],
        messageId: 'changed',
        data: { bloc: blocLabel(before.bloc), year, next: year + 1, joined: joined.join(', ') || '—', left: left.join(', ') || '—' },
      });
    }
  },
});
