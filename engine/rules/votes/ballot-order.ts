import type { BallotKey } from '../../model/bloc';
import { defineRule } from '../types';
import { awardHeads } from './ballots';

const CHAIN: readonly (readonly [BallotKey, BallotKey | 'members', string])[] = [
  ['valid', 'returned', 'validOverReturned'],
  ['returned', 'issued', 'returnedOverIssued'],
  ['issued', 'present', 'issuedOverPresent'],
  ['present', 'members', 'presentOverMembers'],
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
      for (const [low, high, messageId] of CHAIN) {
        const lowValue = b[low]?.value;
        const highValue = high === 'members' ? (members > 0 ? members : undefined) : b[high]?.value;
        if (lowValue === undefined || highValue === undefined || lowValue <= highValue) continue;
        const data: Record<string, string | number> = { award: head.award.text, [low]: lowValue, [high]: highValue };
        ctx.report({ at: b[low]!.at, messageId, data });
      }
    }
  },
});
