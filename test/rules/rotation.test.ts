import { laiChauMttq as L, ninhThuanTrungUong as NC, socTrangKhoi6 as S } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('rotation/leader-is-deputy', {
  valid: [
    { name: 'leader and deputy differ', bloc: L },
    { name: 'this year\'s leader is next year\'s deputy (other years, other places)', bloc: { ...L, nextDeputy: 'Liên đoàn Lao động tỉnh' } },
  ],
  invalid: [
    {
      name: 'the same unit this year',
      bloc: { ...L, deputy: 'LĐLĐ tỉnh' },
      errors: [{ messageId: 'thisYear', data: { name: 'Liên đoàn Lao động tỉnh' }, sheet: 'Thông tin', cell: 'B7' }],
    },
    {
      name: 'the same unit next year',
      bloc: { ...L, nextDeputy: 'Hội LHPN tỉnh' },
      errors: [{ messageId: 'nextYear', data: { name: 'Hội Liên hiệp Phụ nữ tỉnh' }, cell: 'B12' }],
    },
  ],
});

runRuleTests('rotation/consecutive-term', {
  valid: [
    { name: 'the deputy takes over', bloc: L },
    // The deputy typed as this year's leader too: leader-is-deputy's (one cause, one finding).
    { name: 'this year\'s leader and deputy one unit, leading next year', bloc: { ...L, leader: L.deputy!, nextLeader: L.deputy! } },
  ],
  invalid: [
    {
      name: 'the leader re-elected',
      bloc: { ...NC, nextLeader: 'Truyền tải điện Ninh Thuận' },
      errors: [{ messageId: 'again', data: { name: 'Truyền tải điện Ninh Thuận', year: 2023, next: 2024 }, sheet: 'Thông tin', cell: 'B11', suggestion: 'Cục Thống kê tỉnh' }],
    },
  ],
});

runRuleTests('rotation/deputy-succession', {
  valid: [
    { name: 'the deputy leads next year', bloc: L },
    { name: 'no deputy stated', bloc: edited(L, (b) => { delete b.deputy; }) },
    // One cause, one finding: rotation/consecutive-term owns a re-elected leader.
    { name: 'this year\'s leader re-elected: the consecutive term says it', bloc: { ...L, nextLeader: L.leader } },
    // One cause, one finding: the deputy typed as this year's leader is leader-is-deputy's.
    { name: 'this year\'s leader and deputy one unit: leader-is-deputy says it', bloc: { ...L, leader: L.deputy!, nextLeader: 'Tỉnh đoàn' } },
  ],
  invalid: [
    {
      name: 'another unit elected',
      bloc: { ...L, nextLeader: 'Tỉnh đoàn' },
      errors: [{ messageId: 'other', data: { deputy: 'Hội Liên hiệp Phụ nữ tỉnh', next: 'Tỉnh đoàn' }, cell: 'B11', suggestion: 'Hội Liên hiệp Phụ nữ tỉnh' }],
    },
  ],
});

runRuleTests('rotation/history-mismatch', {
  valid: [
    { name: 'history agrees', bloc: S },
    { name: 'history by abbreviation', bloc: S, edit: (g) => { setCell(g, 'Luân phiên', 'B5', 'Hội CCB tỉnh'); } },
    { name: 'a former member in an old year', bloc: S, edit: (g) => { setCell(g, 'Luân phiên', 'B3', 'Sở Nội vụ'); } },
    // The deputy typed as this year's leader: leader-is-deputy's; Luân phiên is not told to copy the slip.
    { name: 'this year\'s leader and deputy one unit in Thông tin', bloc: { ...S, leader: S.deputy! } },
  ],
  invalid: [
    {
      name: 'next year\'s leader differs',
      bloc: S,
      edit: (g) => { setCell(g, 'Luân phiên', 'B6', 'Hội Nông dân tỉnh'); },
      errors: [{ messageId: 'leader', data: { year: 2024, history: 'Hội Nông dân tỉnh', info: 'Tỉnh đoàn' }, sheet: 'Luân phiên', cell: 'B6', suggestion: 'Tỉnh đoàn' }],
    },
    {
      name: 'this year\'s deputy differs',
      bloc: S,
      edit: (g) => { setCell(g, 'Luân phiên', 'C5', 'Hội Chữ thập đỏ tỉnh'); },
      errors: [{ messageId: 'deputy', data: { year: 2023, history: 'Hội Chữ thập đỏ tỉnh', info: 'Tỉnh đoàn' }, cell: 'C5' }],
    },
  ],
});

runRuleTests('rotation/repeat-before-all', {
  valid: [
    { name: 'a unit that has not led yet', bloc: S },
    { name: 'no history sheet', bloc: edited(S, (b) => { delete b.rotation; }) },
    { name: 'this year\'s leader re-elected: the consecutive term says it', bloc: { ...S, nextLeader: S.leader } },
  ],
  invalid: [
    {
      name: 'Hội Nông dân again while four units never led',
      bloc: edited(S, (b) => {
        b.nextLeader = 'Hội Nông dân tỉnh';
        b.rotation = b.rotation!.slice(0, 3);
      }),
      errors: [{
        messageId: 'repeat',
        data: { name: 'Hội Nông dân tỉnh', ledIn: 2022, count: 4, waiting: 'Hội Liên hiệp Phụ nữ Việt Nam tỉnh, Tỉnh đoàn, Liên đoàn Lao động tỉnh, …' },
        sheet: 'Thông tin', cell: 'B11',
      }],
    },
  ],
});
