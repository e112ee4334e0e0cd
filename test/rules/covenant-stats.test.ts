import { laiChauMttq as L, ninhThuanHoiDacThu as NB } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('covenant/unsigned', {
  valid: [
    { name: 'all signed', bloc: L },
    { name: 'a member\'s name showing #REF!: one cause, cell/formula-error\'s', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'B3', { kind: 'error', value: '#REF!', formula: { cached: true } }); } },
    { name: 'no covenant sheet', bloc: NB },
    { name: 'signed with x and ✓', bloc: L, edit: (g) => { setCell(g, 'Giao ước', 'C3', 'x'); setCell(g, 'Giao ước', 'C4', '✓'); } },
  ],
  invalid: [
    {
      name: 'one unit did not sign',
      bloc: L,
      edit: (g) => { setCell(g, 'Giao ước', 'C7', 'Không'); },
      errors: [{ messageId: 'unsigned', data: { name: 'Hội Cựu chiến binh tỉnh' }, sheet: 'Giao ước', cell: 'C7' }],
    },
    {
      name: 'one unit missing from the sheet',
      bloc: edited(L, (b) => { b.covenant!.pop(); }),
      errors: [{ messageId: 'absent', data: { name: 'Tỉnh đoàn' }, sheet: 'Giao ước', cell: null }],
    },
  ],
});

runRuleTests('stats/percent-mismatch', {
  valid: [
    { name: '159 % of the target: over 100 % is fine', bloc: L },
    { name: '106,7 for 106,67: within the rounding tolerance', bloc: L, edit: (g) => { setCell(g, 'Số liệu', 'F4', 106.7); } },
  ],
  invalid: [
    {
      name: 'the percentage of another line',
      bloc: L,
      edit: (g) => { setCell(g, 'Số liệu', 'F4', 159); },
      errors: [{ messageId: 'mismatch', data: { indicator: 'Tiền hỗ trợ mái ấm Công đoàn', stated: 159, actual: 48, plan: 45, expected: 106.67 }, sheet: 'Số liệu', cell: 'F4', suggestion: '106,67' }],
    },
  ],
});
