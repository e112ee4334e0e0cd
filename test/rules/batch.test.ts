import { laiChauMttq as L, socTrangKhoi6 as S } from '../../samples/blocs';
import { edited, runBatchRuleTests } from '../helpers/rule-tester';

const L2024 = edited(L, (b) => {
  b.year = 2024;
  b.meetingDate = '2025-01-10';
  b.leader = 'Hội Liên hiệp Phụ nữ tỉnh';
  b.deputy = 'Hội Nông dân tỉnh';
  b.nextLeader = 'Hội Nông dân tỉnh';
});

runBatchRuleTests('batch/duplicate-submission', {
  valid: [
    { name: 'one workbook per bloc and year', files: [['lc-2023.xlsx', L], ['lc-2024.xlsx', L2024], ['st.xlsx', S]] },
    { name: 'one workbook alone', files: [['lc-2023.xlsx', L]] },
  ],
  invalid: [
    {
      name: 'the same bloc and year twice, the province written differently',
      files: [['a.xlsx', L], ['b.xlsx', { ...L, province: 'Tỉnh Lai Châu' }]],
      errors: [{ messageId: 'duplicate', files: ['a.xlsx', 'b.xlsx'], data: { count: 2, bloc: 'Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu)', year: 2023 } }],
    },
    {
      name: 'three copies of one bloc beside another bloc',
      files: [['a.xlsx', L], ['st.xlsx', S], ['b.xlsx', L], ['c.xlsx', L]],
      errors: [{ messageId: 'duplicate', files: ['a.xlsx', 'b.xlsx', 'c.xlsx'], vi: 'Có 3 sổ cho cùng một khối, năm 2023: Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu). Hãy giữ bản đúng và bỏ các bản còn lại.' }],
    },
  ],
});

runBatchRuleTests('batch/rotation-continuity', {
  valid: [
    { name: 'the 2024 workbook names the leader elected in 2023', files: [['a', L], ['b', L2024]] },
    { name: 'elected by abbreviation, named in full', files: [['a', { ...L, nextLeader: 'Hội LHPN tỉnh' }], ['b', L2024]] },
    { name: 'years that do not follow each other', files: [['a', L], ['b', { ...L2024, year: 2025, meetingDate: '2026-01-10', leader: 'Tỉnh đoàn' }]] },
  ],
  invalid: [
    {
      name: 'the 2024 workbook names another leader',
      files: [['2023.xlsx', L], ['2024.xlsx', { ...L2024, leader: 'Tỉnh đoàn' }]],
      errors: [{ messageId: 'broken', files: ['2023.xlsx', '2024.xlsx'], data: { bloc: 'Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu)', year: 2023, elected: 'Hội Liên hiệp Phụ nữ tỉnh', next: 2024, leader: 'Tỉnh đoàn' } }],
    },
  ],
});

runBatchRuleTests('batch/membership-change', {
  valid: [{ name: 'the same members in both years', files: [['a', L], ['b', L2024]] }],
  invalid: [
    {
      name: 'a unit joined',
      files: [['a', L], ['b', edited(L2024, (b) => { b.members.push({ name: 'Hội Chữ thập đỏ tỉnh' }); b.memberCount = 7; })]],
      errors: [{ messageId: 'changed', files: ['a', 'b'], en: 'Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu) in 2024 compared with 2023: joined Hội Chữ thập đỏ tỉnh; left —.' }],
    },
  ],
});
