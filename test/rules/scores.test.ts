import { laiChauMttq as L } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('scores/over-max', {
  valid: [{ name: 'within the maxima', bloc: L }, { name: 'no Điểm tối đa row', bloc: L, edit: (g) => { setCell(g, 'Chấm điểm', 'B3', 'Tỉnh đoàn'); } }],
  invalid: [
    {
      name: '52 of 50 points',
      bloc: edited(L, (b) => { b.scores!.rows[1]!.scores[1] = 52; }),
      errors: [{ messageId: 'overMax', data: { unit: 'Liên đoàn Lao động tỉnh', criterion: 'Thực hiện nhiệm vụ chuyên môn', score: 52, max: 50 }, sheet: 'Chấm điểm', cell: 'D5', suggestion: '50' }],
    },
    {
      name: 'a negative score',
      bloc: edited(L, (b) => { b.scores!.rows[4]!.scores[3] = -1; }),
      errors: [{ messageId: 'negative', data: { unit: 'Hội Cựu chiến binh tỉnh', criterion: 'Công tác khen thưởng', score: -1 }, cell: 'F8' }],
    },
  ],
});

runRuleTests('scores/total-mismatch', {
  valid: [
    { name: 'totals add up', bloc: L },
    { name: 'within 0.01', bloc: L, edit: (g) => { setCell(g, 'Chấm điểm', 'G6', 95.505); } },
  ],
  invalid: [
    {
      name: 'a total typed wrong',
      bloc: L,
      edit: (g) => { setCell(g, 'Chấm điểm', 'G6', 96.5); },
      errors: [{ messageId: 'mismatch', data: { unit: 'Hội Liên hiệp Phụ nữ tỉnh', total: 96.5, sum: 95.5 }, sheet: 'Chấm điểm', cell: 'G6', suggestion: '95,5' }],
    },
  ],
});

runRuleTests('scores/rank-mismatch', {
  valid: [
    { name: 'ranks with a tie (5, 5)', bloc: L },
    { name: 'the tie broken by half a point: 6 and 5, as the totals say', bloc: L, edit: (g) => { setCell(g, 'Chấm điểm', 'F9', 9.5); setCell(g, 'Chấm điểm', 'G9', 91.5); setCell(g, 'Chấm điểm', 'H8', 6); setCell(g, 'Chấm điểm', 'H9', 5); } },
  ],
  invalid: [
    {
      name: 'a tie ranked 5 and 6',
      bloc: L,
      edit: (g) => { setCell(g, 'Chấm điểm', 'H9', 6); },
      errors: [{ messageId: 'mismatch', data: { unit: 'Tỉnh đoàn', rank: 6, total: 91, expected: 5 }, sheet: 'Chấm điểm', cell: 'H9', suggestion: '5' }],
    },
  ],
});

runRuleTests('scores/rank-mismatch', {
  valid: [{ name: 'a mistyped total does not move the ranks (one slip, one finding)', bloc: L, edit: (g) => { setCell(g, 'Chấm điểm', 'G4', 99.5); } }],
  invalid: [
    {
      name: 'ranks follow the true sums, not the mistyped total',
      bloc: L,
      edit: (g) => { setCell(g, 'Chấm điểm', 'G4', 99.5); setCell(g, 'Chấm điểm', 'H4', 1); },
      errors: [{ messageId: 'mismatch', data: { unit: 'Ủy ban MTTQ Việt Nam tỉnh', rank: 1, total: 92, expected: 4 }, cell: 'H4', suggestion: '4' }],
    },
  ],
});
