import { laiChauMttq as L, socTrangKhoi6 as S } from '../../samples/blocs';
import { edited, runBatchRuleTests } from '../support/rule-tester';

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
  valid: [
    { name: 'the same members in both years', files: [['a', L], ['b', L2024]] },
    { name: 'a member written in capitals the next year is the same member', files: [['a', L], ['b', edited(L2024, (b) => { b.members[5]!.name = b.members[5]!.name.toUpperCase(); })]] },
  ],
  invalid: [
    {
      name: 'a unit joined',
      files: [['a', L], ['b', edited(L2024, (b) => { b.members.push({ name: 'Hội Chữ thập đỏ tỉnh' }); b.memberCount = 7; })]],
      errors: [{ messageId: 'changed', files: ['a', 'b'], en: 'Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu) in 2024 compared with 2023: joined Hội Chữ thập đỏ tỉnh; left —.' }],
    },
  ],
});

/**
 * Blocs of one province and year (Lai Châu, 2023, conferences in December 2023: under Nghị định
 * 91/2017), each proposing its leader for one flag.
 */
const GOV = 'Cờ thi đua của Chính phủ';
const PROVINCE_FLAG = 'Cờ thi đua của UBND tỉnh';
const bloc = (n: number, award: string, over: Partial<typeof L> = {}) =>
  edited(L, (b) => {
    b.blocName = `Khối thi đua số ${n}`;
    b.meetingDate = '2023-12-20';
    b.proposals = [{ unit: 'Liên đoàn Lao động tỉnh', award }, { unit: 'Hội Liên hiệp Phụ nữ tỉnh', award: 'Bằng khen của Chủ tịch UBND tỉnh' }];
    Object.assign(b, over);
  });
const blocs = (government: number, total: number, over: Partial<typeof L> = {}): [string, typeof L][] =>
  Array.from({ length: total }, (_, i) => [`khoi-${i + 1}.xlsx`, bloc(i + 1, i < government ? GOV : PROVINCE_FLAG, over)]);

runBatchRuleTests('batch/government-flag-share', {
  valid: [
    { name: 'one Government flag among five blocs\' flags (20 %)', files: blocs(1, 5) },
    { name: 'two Government flags among ten blocs\' flags: exactly 20 %', files: blocs(2, 10) },
    { name: 'one bloc alone says nothing of its province', files: blocs(1, 1) },
    { name: 'a bloc submitted twice counts once', files: [...blocs(1, 5), ['khoi-1-ban-sua.xlsx', bloc(1, GOV)]] },
    { name: 'Government flags of two provinces, one bloc each', files: [['lc.xlsx', bloc(1, GOV)], ['st.xlsx', edited(bloc(2, GOV), (b) => { b.province = 'Sóc Trăng'; })]] },
    { name: 'from 2024 no article of Nghị định 98/2023 read: the limit is off', files: blocs(3, 3, { year: 2024, meetingDate: '2025-01-10' }) },
    { name: 'year 2023 with conferences in January 2024: the law of 2024 applies', files: blocs(3, 3, { meetingDate: '2024-01-12' }) },
  ],
  invalid: [
    {
      name: 'three Government flags among ten blocs\' flags',
      files: blocs(3, 10),
      errors: [{ messageId: 'over', files: ['khoi-1.xlsx', 'khoi-2.xlsx', 'khoi-3.xlsx'], data: { province: 'Lai Châu', year: 2023, government: 3, blocs: 10, standard: 10, max: 20, allowed: 2, basis: 'Nghị định 91/2017/NĐ-CP, Điều 11' } }],
    },
    {
      name: 'every bloc proposes its leader for the Government flag, the province written two ways',
      files: [['a.xlsx', bloc(1, GOV)], ['b.xlsx', bloc(2, GOV, { province: 'Tỉnh Lai Châu' })]],
      errors: [{
        messageId: 'over',
        files: ['a.xlsx', 'b.xlsx'],
        vi: 'Lai Châu, năm 2023: 2 tập thể được đề nghị Cờ thi đua của Chính phủ trong 2 sổ của đợt này, vượt 20 % của 2 tập thể được đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ (tối đa 0). Nếu đợt này chưa có đủ các khối của tỉnh, hãy xét cùng các sổ còn lại; nếu đã đủ, chỉ giữ các tập thể tiêu biểu nhất. Căn cứ: Nghị định 91/2017/NĐ-CP, Điều 11.',
      }],
    },
  ],
});
