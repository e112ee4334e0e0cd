import { defineBatchRule } from '../types';
import { blocIdentity, blocLabel } from './identity';

export default defineBatchRule({
  id: 'batch/duplicate-submission',
  meta: {
    category: 'batch',
    description: { vi: 'Hai sổ của cùng một tỉnh, cùng khối, cùng năm.', en: 'Two workbooks for the same province, bloc and year.' },
    messages: {
      duplicate: {
        vi: 'Có {count} sổ cho cùng một khối, năm {year}: {bloc}. Hãy giữ bản đúng và bỏ các bản còn lại.',
        en: '{count} workbooks are for the same bloc and year {year}: {bloc}. Keep the right one and drop the others.',
      },
    },
  },
  check(ctx) {
    const groups = new Map<string, typeof ctx.files[number][]>();
    for (const f of ctx.files) {
      const id = blocIdentity(f.bloc);
      const year = f.bloc.year;
      if (id === undefined || year === undefined) continue;
      const key = `${id}|${year}`;
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      ctx.report({ files: list.map((f) => f.id), messageId: 'duplicate', data: { count: list.length, bloc: blocLabel(list[0]!.bloc), year: list[0]!.bloc.year! } });
    }
  },
});
