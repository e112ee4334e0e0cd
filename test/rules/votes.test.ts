import { hoiDacThu2021 as H, laiChauMttq as L, ninhThuanHoiDacThu as NB } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('votes/ballot-order', {
  valid: [
    { name: 'all equal', bloc: L },
    { name: 'fewer present than members', bloc: edited(L, (b) => { b.votes[0]!.present = 5; b.votes[0]!.issued = 5; b.votes[0]!.returned = 5; b.votes[0]!.valid = 4; }) },
  ],
  invalid: [
    {
      name: 'more valid ballots than returned',
      bloc: edited(L, (b) => { b.votes[1]!.returned = 5; }),
      errors: [{ messageId: 'validOverReturned', data: { award: 'Bằng khen của Chủ tịch UBND tỉnh', valid: 6, returned: 5 }, sheet: 'Bình xét', cell: 'E4' }],
    },
    {
      name: 'more present than members',
      bloc: edited(L, (b) => { b.votes[0]!.present = 7; }),
      errors: [{ messageId: 'presentOverMembers', data: { award: 'Cờ thi đua của UBND tỉnh', present: 7, members: 6 }, cell: 'B3' }],
    },
    {
      name: 'more issued than present',
      bloc: edited(L, (b) => { b.votes[0]!.present = 5; }),
      errors: [{ messageId: 'issuedOverPresent', data: { award: 'Cờ thi đua của UBND tỉnh', issued: 6, present: 5 }, cell: 'C3' }],
    },
  ],
});

runRuleTests('votes/inconsistent-ballots', {
  valid: [
    { name: 'blank on later rows', bloc: L },
    { name: 'repeated on later rows', bloc: L, edit: (g) => { for (const c of ['B', 'C', 'D', 'E']) setCell(g, 'Bình xét', `${c}5`, 6); } },
    { name: 'merged over the award\'s rows', bloc: L, edit: (g) => { g.sheets.find((s) => s.name === 'Bình xét')!.merges!.push('B4:B5', 'E4:E5'); } },
  ],
  invalid: [
    {
      name: 'a later row states other counts',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'E5', 5); },
      errors: [{ messageId: 'differs', data: { field: 'Số phiếu hợp lệ', award: 'Bằng khen của Chủ tịch UBND tỉnh', value: 5, first: 6, firstRow: 4 }, sheet: 'Bình xét', cell: 'E5', suggestion: '6' }],
    },
  ],
});

runRuleTests('votes/quorum', {
  valid: [{ name: 'all present', bloc: L }, { name: 'exactly 2/3 (4 of 6)', bloc: edited(L, (b) => { Object.assign(b.votes[1]!, { present: 4, issued: 4, returned: 4, valid: 4 }); b.votes[1]!.candidates.forEach((c) => { c.votes = 4; c.percent = 66.67; }); }) }],
  invalid: [
    {
      name: '3 of 6 present',
      bloc: edited(L, (b) => { Object.assign(b.votes[1]!, { present: 3, issued: 3, returned: 3, valid: 3 }); }),
      errors: [{ messageId: 'below', data: { present: 3, members: 6, needed: 4, share: '2/3', award: 'Bằng khen của Chủ tịch UBND tỉnh' }, sheet: 'Bình xét', cell: 'B4' }],
    },
  ],
});

runRuleTests('votes/candidate-over-valid', {
  valid: [
    { name: 'within the valid ballots', bloc: L },
    { name: 'as many votes as valid ballots, both fewer', bloc: L, edit: (g) => { setCell(g, 'Bình xét', 'E3', 5); setCell(g, 'Bình xét', 'G3', 5); } },
  ],
  invalid: [
    {
      name: '7 votes of 6 ballots',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'G3', 7); },
      errors: [{ messageId: 'over', data: { unit: 'Liên đoàn Lao động tỉnh', votes: 7, valid: 6, award: 'Cờ thi đua của UBND tỉnh' }, sheet: 'Bình xét', cell: 'G3' }],
    },
    {
      name: 'over the valid ballots inherited by a later row',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'E4', 4); setCell(g, 'Bình xét', 'G4', 4); setCell(g, 'Bình xét', 'H4', 66.67); },
      errors: [{ messageId: 'over', data: { unit: 'Hội Nông dân tỉnh', votes: 5, valid: 4, award: 'Bằng khen của Chủ tịch UBND tỉnh' }, cell: 'G5' }],
    },
  ],
});

runRuleTests('votes/percent-mismatch', {
  valid: [
    { name: 'rounded to two decimals', bloc: L },
    { name: 'a percent-formatted fraction (0.8333 shown as 83,33%)', bloc: L, edit: (g) => { setCell(g, 'Bình xét', 'H4', { kind: 'number', value: 0.8333, numFmt: '0.00%' }); } },
    { name: 'within 0.5', bloc: L, edit: (g) => { setCell(g, 'Bình xét', 'H4', 83); } },
  ],
  invalid: [
    {
      name: 'votes ÷ valid ballots instead of members',
      bloc: edited(L, (b) => { Object.assign(b.votes[1]!, { present: 5, issued: 5, returned: 5, valid: 5 }); b.votes[1]!.candidates[0]!.percent = 100; b.votes[1]!.candidates[0]!.votes = 5; }),
      errors: [{ messageId: 'members', data: { unit: 'Hội Liên hiệp Phụ nữ tỉnh', stated: 100, votes: 5, base: 6, expected: 83.33 }, sheet: 'Bình xét', cell: 'H4', suggestion: '83,33' }],
    },
  ],
});

runRuleTests('votes/missing', {
  valid: [{ name: 'every proposal has its ballot', bloc: NB }, { name: 'alias and abbreviation on the ballot', bloc: L }],
  invalid: [
    {
      name: 'a proposal nobody voted on',
      bloc: edited(L, (b) => { b.proposals.push({ unit: 'Tỉnh đoàn', award: 'Bằng khen của Chủ tịch UBND tỉnh' }); }),
      errors: [{ messageId: 'missing', data: { unit: 'Tỉnh đoàn', award: 'Bằng khen của Chủ tịch UBND tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'B6' }],
    },
    {
      name: 'voted for one award, proposed for another',
      bloc: edited(H, (b) => { b.proposals[6]!.award = 'Cờ thi đua của UBND tỉnh'; }),
      errors: [{ messageId: 'missing', data: { unit: 'Hội Người cao tuổi', award: 'Cờ thi đua của UBND tỉnh' }, cell: 'B9' }],
    },
  ],
});

runRuleTests('votes/below-threshold', {
  valid: [
    { name: 'flag 6/6, Bằng khen 5/6', bloc: L },
    { name: 'flag at exactly 80 % (12 of 15)', bloc: edited(H, (b) => { b.votes[0]!.candidates[1]!.votes = 12; }) },
  ],
  invalid: [
    {
      name: 'a flag with 4 of 6 votes',
      bloc: edited(L, (b) => { b.votes[0]!.candidates[0]!.votes = 4; }),
      errors: [{ messageId: 'belowFlag', data: { unit: 'Liên đoàn Lao động tỉnh', votes: 4, members: 6, percent: 66.67, award: 'Cờ thi đua của UBND tỉnh', threshold: 80 }, sheet: 'Bình xét', cell: 'G3' }],
    },
    {
      name: 'a Bằng khen with exactly half',
      bloc: edited(L, (b) => { b.votes[1]!.candidates[1]!.votes = 3; }),
      errors: [{ messageId: 'belowOther', data: { unit: 'Hội Nông dân tỉnh', votes: 3, members: 6, percent: 50, award: 'Bằng khen của Chủ tịch UBND tỉnh', threshold: 50 }, cell: 'G5' }],
    },
  ],
});
