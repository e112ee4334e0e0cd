import { laiChauMttq as L, ninhThuanMatTran as N } from '../../samples/blocs';
import { checkGrid } from '../../engine/check';
import { blocToGrid } from '../../engine/template/writer';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('bloc/unknown-province', {
  valid: [
    { name: 'Lai Châu in 2024', bloc: L },
    { name: 'Ninh Thuận before the merger', bloc: N },
    { name: '"Tỉnh Lai Châu" with the prefix', bloc: { ...L, province: 'Tỉnh Lai Châu' } },
    { name: 'Khánh Hòa after the merger, written Khánh Hoà', bloc: { ...N, province: 'Khánh Hoà', year: 2025, meetingDate: '2025-12-15' } },
    { name: 'TP. Hồ Chí Minh', bloc: { ...L, province: 'TP. Hồ Chí Minh' } },
    { name: 'Khánh Hòa existed before the merger too', bloc: { ...N, province: 'Khánh Hòa' } },
    { name: 'Huế in 2024 (Thừa Thiên Huế)', bloc: { ...L, province: 'Huế' } },
    { name: 'Huế after the merger', bloc: { ...L, province: 'Thành phố Huế', year: 2025, meetingDate: '2025-12-01' } },
  ],
  invalid: [
    {
      name: 'Ninh Thuận in a 2025 workbook after 1/7/2025',
      bloc: { ...N, year: 2025, meetingDate: '2025-12-15' },
      errors: [{ messageId: 'merged', data: { province: 'Ninh Thuận', into: 'Khánh Hòa', date: '15/12/2025' }, sheet: 'Thông tin', cell: 'B3', suggestion: 'Khánh Hòa', basis: 'Nghị quyết 202/2025/QH15' }],
    },
    {
      name: 'a typo',
      bloc: { ...L, province: 'Lai Chây' },
      errors: [{ messageId: 'unknownNear', data: { province: 'Lai Chây', closest: 'Lai Châu' }, suggestion: 'Lai Châu' }],
    },
    {
      name: 'a name that is no province',
      bloc: { ...L, province: 'Tây Bắc' },
      errors: [{ messageId: 'unknown', data: { province: 'Tây Bắc' } }],
    },
  ],
});

runRuleTests('bloc/meeting-date', {
  valid: [
    { name: '12/1/2024 for 2023', bloc: L },
    { name: 'the last day of the window', bloc: { ...L, meetingDate: '2024-03-31' } },
    { name: 'the first day of the window', bloc: { ...L, meetingDate: '2023-10-01' } },
  ],
  invalid: [
    {
      name: 'a conference in May of the next year',
      bloc: { ...L, meetingDate: '2024-05-10' },
      errors: [{ messageId: 'outside', data: { date: '10/5/2024', start: '1/10/2023', end: '31/3/2024', year: 2023 }, sheet: 'Thông tin', cell: 'B9' }],
    },
    {
      name: 'the year typed as the next year',
      bloc: { ...L, year: 2024 },
      errors: [{ messageId: 'outside', data: { date: '12/1/2024', start: '1/10/2024', end: '31/3/2025', year: 2024 } }],
    },
  ],
});

runRuleTests('bloc/member-count-mismatch', {
  valid: [
    { name: '6 stated, 6 listed', bloc: L },
    { name: 'count not stated', bloc: edited(L, (b) => { delete b.memberCount; }) },
    // The row of a name showing #REF! is still a member's: counted.
    { name: 'a member\'s name showing #REF!: one cause, cell/formula-error\'s', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'B3', { kind: 'error', value: '#REF!', formula: { cached: true } }); } },
  ],
  invalid: [
    {
      name: '7 stated, 6 listed',
      bloc: { ...L, memberCount: 7 },
      errors: [{ messageId: 'mismatch', data: { stated: 7, listed: 6 }, sheet: 'Thông tin', cell: 'B8', suggestion: '6' }],
    },
  ],
});

runRuleTests('bloc/size', {
  valid: [
    { name: '6 members', bloc: L },
    { name: '3 members, the fewest allowed', bloc: edited(L, (b) => { b.members = b.members.slice(0, 3); b.memberCount = 3; }) },
    { name: '40 members, the most allowed', bloc: edited(L, (b) => { for (let i = 0; i < 34; i++) b.members.push({ name: `Trường Trung học phổ thông số ${i + 1}` }); b.memberCount = 40; }) },
  ],
  invalid: [
    {
      name: 'two members',
      bloc: edited(L, (b) => { b.members = b.members.slice(0, 2); b.memberCount = 2; }),
      errors: [{ messageId: 'tooFew', data: { count: 2, min: 3 }, sheet: 'Thành viên', cell: null }],
    },
    {
      name: '41 members',
      bloc: edited(L, (b) => { for (let i = 0; i < 35; i++) b.members.push({ name: `Trường Trung học phổ thông số ${i + 1}` }); b.memberCount = 41; }),
      errors: [{ messageId: 'tooMany', data: { count: 41, max: 40 }, sheet: 'Thành viên' }],
    },
  ],
});

test('a blank province is cell/required\'s, not bloc/unknown-province\'s', () => {
  // Blank province is cell/required's; bloc/unknown-province stays silent.
  const grid = setCell(blocToGrid(L), 'Thông tin', 'B3', undefined);
  const ids = checkGrid(grid, { today: '2026-11-22' }).findings.map((f) => f.ruleId);
  expect(ids).toContain('cell/required');
  expect(ids).not.toContain('bloc/unknown-province');
});
