import { BALLOT_KEYS } from '../../model/bloc';
import { defineRule } from '../types';

const LABEL = { present: 'Số thành viên dự', issued: 'Số phiếu phát ra', returned: 'Số phiếu thu về', valid: 'Số phiếu hợp lệ' } as const;

export default defineRule({
  id: 'votes/inconsistent-ballots',
  meta: {
    category: 'votes',
    description: { vi: 'Các dòng của cùng một hình thức ghi số phiếu khác nhau.', en: 'Rows of one award state different ballot counts.' },
    sheets: ['votes'],
    messages: {
      differs: {
        vi: '"{field}" của "{award}" ở dòng này là {value}, khác dòng đầu ({firstRow}) ghi {first}. Mỗi hình thức chỉ có một lần bỏ phiếu: hãy ghi cùng một số, hoặc để trống.',
        en: '"{field}" for "{award}" is {value} here, but {first} on its first row ({firstRow}). An award has one ballot: write the same number, or leave it blank.',
      },
    },
  },
  check(ctx) {
    // The reader decides which rows belong to one award (and inherit its first row's counts).
    const heads = new Map(ctx.model.votes.filter((v) => v.first).map((v) => [v.row, v]));
    for (const v of ctx.model.votes) {
      const head = heads.get(v.headRow);
      if (!head || head === v) continue;
      for (const k of BALLOT_KEYS) {
        const here = v.stated[k];
        const first = head.stated[k];
        if (here?.value === undefined || first?.value === undefined || here.value === first.value) continue;
        ctx.report({ at: here.at, messageId: 'differs', data: { field: LABEL[k], award: v.award.text, value: here.value, first: first.value, firstRow: head.row }, suggestion: String(first.value) });
      }
    }
  },
});
