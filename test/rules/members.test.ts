import { hoiDacThu2021 as H, laiChauMttq as L, ninhThuanHoiDacThu as NB, ninhThuanTrungUong as NC } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, findingsOf, runRuleTests } from '../support/rule-tester';

runRuleTests('members/duplicate', {
  valid: [
    { name: 'distinct members', bloc: NB },
    { name: 'units differing only by number are distinct', bloc: edited(L, (b) => { b.members.push({ name: 'Trường THPT số 1' }, { name: 'Trường THPT số 2' }); b.memberCount = 8; }) },
  ],
  invalid: [
    {
      name: 'the same unit under its abbreviation',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'B9', 'LĐLĐ tỉnh'); },
      errors: [{ messageId: 'duplicate', data: { name: 'LĐLĐ tỉnh', first: 'Liên đoàn Lao động tỉnh', firstRow: 4 }, sheet: 'Thành viên', cell: 'B9' }],
    },
    {
      name: 'old and new tone placement (Uỷ / Ủy)',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'B9', 'Uỷ ban MTTQ Việt Nam tỉnh'); },
      errors: [{ messageId: 'duplicate', data: { name: 'Uỷ ban MTTQ Việt Nam tỉnh', first: 'Ủy ban MTTQ Việt Nam tỉnh', firstRow: 3 }, cell: 'B9' }],
    },
  ],
});

runRuleTests('members/similar-names', {
  valid: [
    { name: 'the 15 associations of seed 003', bloc: H },
    { name: 'the 13 associations of Ninh Thuận', bloc: NB },
    { name: 'Cục Thuế and Cục Thống kê are not alike enough', bloc: NC },
  ],
  invalid: [
    {
      name: 'Hội Chữ thật đỏ beside Hội Chữ thập đỏ',
      bloc: edited(H, (b) => { b.members.push({ name: 'Hội Chữ thật đỏ' }); b.memberCount = 16; }),
      errors: [{ messageId: 'similar', data: { name: 'Hội Chữ thật đỏ', other: 'Hội Chữ thập đỏ', otherRow: 4 }, sheet: 'Thành viên', cell: 'B18' }],
    },
    {
      name: 'a long name with two slips (two letters mistyped)',
      bloc: edited(L, (b) => { b.members.push({ name: 'Hội Đông y huyện Phong Thô' }, { name: 'Hội Đông y huyện Phóng Thổ' }); b.memberCount = 8; }),
      errors: [{ messageId: 'similar', data: { name: 'Hội Đông y huyện Phóng Thổ', other: 'Hội Đông y huyện Phong Thô', otherRow: 9 }, sheet: 'Thành viên', cell: 'B10' }],
    },
    {
      name: 'one name with and without "tỉnh"',
      bloc: edited(L, (b) => { b.members.push({ name: 'Hội Nông dân' }); b.memberCount = 7; }),
      errors: [{ messageId: 'similar', data: { name: 'Hội Nông dân', other: 'Hội Nông dân tỉnh', otherRow: 6 }, cell: 'B9' }],
    },
  ],
});

runRuleTests('refs/unknown-unit', {
  valid: [
    { name: 'abbreviations and Tên viết tắt match members', bloc: NB },
    { name: 'a reference without "tỉnh"', bloc: edited(L, (b) => { b.proposals[2]!.unit = 'Hội Nông dân'; }) },
    { name: 'a reference in the other tone placement', bloc: edited(L, (b) => { b.covenant![0]!.unit = 'Uỷ ban MTTQ Việt Nam tỉnh'; }) },
    { name: 'a member\'s name showing #REF!: one cause, cell/formula-error\'s', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'B3', { kind: 'error', value: '#REF!', formula: { cached: true } }); } },
  ],
  invalid: [
    {
      name: 'the article\'s typo "Hội Chữ thật đỏ" in a proposal',
      bloc: edited(H, (b) => { b.proposals[5]!.unit = 'Hội Chữ thật đỏ'; }),
      errors: [{ messageId: 'unknownNear', data: { name: 'Hội Chữ thật đỏ', closest: 'Hội Chữ thập đỏ' }, sheet: 'Đề nghị khen thưởng', cell: 'B8', suggestion: 'Hội Chữ thập đỏ' }],
    },
    {
      name: 'a unit from another bloc as next leader',
      bloc: { ...L, nextLeader: 'Sở Tài chính' },
      errors: [{ messageId: 'unknown', data: { name: 'Sở Tài chính' }, sheet: 'Thông tin', cell: 'B11' }],
    },
    {
      name: 'a mistyped unit in Chấm điểm',
      bloc: L,
      edit: (g) => { setCell(g, 'Chấm điểm', 'B9', 'Tỉnh Đoàng'); },
      errors: [{ messageId: 'unknownNear', data: { name: 'Tỉnh Đoàng', closest: 'Tỉnh đoàn' }, sheet: 'Chấm điểm', cell: 'B9' }],
    },
  ],
});

runRuleTests('members/not-scored', {
  valid: [
    { name: 'every member scored', bloc: L },
    { name: 'a member\'s name showing #REF!: one cause, cell/formula-error\'s', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'B3', { kind: 'error', value: '#REF!', formula: { cached: true } }); } },
    { name: 'no Chấm điểm sheet', bloc: NB },
    { name: 'an empty Chấm điểm sheet (blank template)', bloc: edited(L, (b) => { b.scores!.rows = []; }) },
  ],
  invalid: [
    {
      name: 'Tỉnh đoàn has no score row',
      bloc: edited(L, (b) => { b.scores!.rows.pop(); }),
      errors: [{ messageId: 'notScored', data: { name: 'Tỉnh đoàn' }, sheet: 'Thành viên', cell: 'B8' }],
    },
  ],
});

test('members/similar-names on a list far longer than a bloc (the indexed search) finds the one-edit pair', () => {
  const names = Array.from({ length: 450 }, (_, i) => `Đơn vị thành viên mã ${String(i + 1).padStart(4, '0')} khu vực ${['Bắc', 'Trung', 'Nam'][i % 3]}`);
  names.push('Đơn vị thành viên mã 0007 khu vục Bắc');
  const found = findingsOf('members/similar-names', { name: 'long list', bloc: edited(L, (b) => { b.members = names.map((name) => ({ name })); b.memberCount = names.length; delete b.scores; }) });
  expect(found.map((f) => [f.cell, f.data.other])).toEqual([['B453', 'Đơn vị thành viên mã 0007 khu vực Bắc']]);
});

test.each([
  ['a bloc-sized list (every pair compared)', 0],
  ['a list far longer than a bloc (the indexed search)', 450],
])('members/similar-names on %s: a name listed twice is paired once with its mistyped copy, numbered units never', (_, extra) => {
  const filler = Array.from({ length: extra }, (_, i) => `Trường Tiểu học số ${i + 1}`);
  const names = [...filler, 'Hội Cựu chiến binh tỉnh', 'Hội Cựu chiến binh tỉnh', 'Hội Cựu chiến bình tỉnh'];
  const found = findingsOf('members/similar-names', { name: 'twice', bloc: edited(L, (b) => { b.members = names.map((name) => ({ name })); b.memberCount = names.length; delete b.scores; }) });
  expect(found.map((f) => [f.cell, f.data.otherRow])).toEqual([[`B${names.length + 2}`, extra + 3]]);
});

// `Chấm điểm` with a `Xếp loại` column of its own (I; the spec allows it, the template writes one in Thành viên only).

runRuleTests('members/rating-mismatch', {
  valid: [
    { name: 'no Xếp loại in Chấm điểm', bloc: L },
    { name: 'the same rating in both, by code or by its words', bloc: L, edit: (g) => { setCell(setCell(setCell(g, 'Chấm điểm', 'I2', 'Xếp loại'), 'Chấm điểm', 'I4', 'HTTNV'), 'Chấm điểm', 'I5', 'Hoàn thành xuất sắc nhiệm vụ'); } },
    { name: 'blank in Chấm điểm', bloc: L, edit: (g) => { setCell(g, 'Chấm điểm', 'I2', 'Xếp loại'); } },
    { name: 'a member with no rating in Thành viên', bloc: edited(L, (b) => { delete b.members[0]!.rating; }), edit: (g) => { setCell(setCell(g, 'Chấm điểm', 'I2', 'Xếp loại'), 'Chấm điểm', 'I4', 'HTXSNV'); } },
  ],
  invalid: [
    {
      name: 'rated HTTNV in Thành viên and HTXSNV in Chấm điểm',
      bloc: L,
      edit: (g) => { setCell(setCell(setCell(g, 'Chấm điểm', 'I2', 'Xếp loại'), 'Chấm điểm', 'I4', 'HTXSNV'), 'Chấm điểm', 'I5', 'HTXSNV'); },
      errors: [{ messageId: 'differs', data: { unit: 'Ủy ban MTTQ Việt Nam tỉnh', rating: 'HTXSNV (Hoàn thành xuất sắc nhiệm vụ)', memberRating: 'HTTNV (Hoàn thành tốt nhiệm vụ)' }, sheet: 'Chấm điểm', cell: 'I4' }],
    },
  ],
});
