import type { BallotKey } from '../../model/bloc';
import { defineRule } from '../types';
import { awardHeads } from './ballots';

/** Each count against the next, lower first. */
const CHAIN: readonly (readonly [BallotKey, BallotKey | 'members'])[] = [
  ['valid', 'returned'],
  ['returned', 'issued'],
  ['issued', 'present'],
  ['present', 'members'],
];

export default defineRule({
  id: 'votes/ballot-order',
  meta: {
    category: 'votes',
    description: {
      vi: 'Số phiếu không theo thứ tự: hợp lệ ≤ thu về ≤ phát ra ≤ số thành viên dự ≤ số thành viên.',
      en: 'Ballot counts out of order: valid ≤ returned ≤ issued ≤ members present ≤ members.',
    },
    sheets: ['votes'],
    messages: {
      validOverReturned: { vi: 'Số phiếu hợp lệ ({valid}) lớn hơn số phiếu thu về ({returned}) khi bầu "{award}". Hãy kiểm tra biên bản kiểm phiếu.', en: 'Valid ballots ({valid}) exceed ballots returned ({returned}) for "{award}". Check the counting record.' },
      returnedOverIssued: { vi: 'Số phiếu thu về ({returned}) lớn hơn số phiếu phát ra ({issued}) khi bầu "{award}". Hãy kiểm tra biên bản kiểm phiếu.', en: 'Ballots returned ({returned}) exceed ballots issued ({issued}) for "{award}". Check the counting record.' },
      issuedOverPresent: { vi: 'Số phiếu phát ra ({issued}) lớn hơn số thành viên dự ({present}) khi bầu "{award}": mỗi đơn vị một phiếu. Hãy kiểm tra lại.', en: 'Ballots issued ({issued}) exceed members present ({present}) for "{award}": one unit, one vote. Check again.' },
      presentOverMembers: { vi: 'Số thành viên dự ({present}) lớn hơn số thành viên của khối ({members}) khi bầu "{award}". Hãy kiểm tra lại.', en: 'Members present ({present}) exceed the bloc\'s members ({members}) for "{award}". Check again.' },
    },
  },
  check(ctx) {
    const members = ctx.model.members.length;
    for (const head of awardHeads(ctx.model.votes)) {
      const b = head.ballots;
      for (const [low, high] of CHAIN) {
        const lowValue = b[low]?.value;
        const highValue = high === 'members' ? (members > 0 ? members : undefined) : b[high]?.value;
        if (lowValue === undefined || highValue === undefined || lowValue <= highValue) continue;
        const at = b[low]!.at;
        const award = head.award.text;
        if (low === 'valid') ctx.report({ at, messageId: 'validOverReturned', data: { award, valid: lowValue, returned: highValue } });
        else if (low === 'returned') ctx.report({ at, messageId: 'returnedOverIssued', data: { award, returned: lowValue, issued: highValue } });
        else if (low === 'issued') ctx.report({ at, messageId: 'issuedOverPresent', data: { award, issued: lowValue, present: highValue } });
        else ctx.report({ at, messageId: 'presentOverMembers', data: { award, present: lowValue, members: highValue } });
      }
    }
  },
});
