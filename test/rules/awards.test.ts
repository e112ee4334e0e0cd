import { hoiDacThu2021 as H, laiChauMttq as L, ninhThuanHoiDacThu as NB, ninhThuanMatTran as NA, quangNinhMttq as Q } from '../../samples/blocs';
import { parseProfile } from '../../engine/profiles';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

const GOV = 'Cờ thi đua của Chính phủ';

runRuleTests('awards/unknown-type', {
  valid: [
    { name: 'names and aliases of the catalog', bloc: NB },
    { name: 'the province named after "tỉnh"', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'C3', 'Cờ thi đua của UBND tỉnh Lai Châu'); } },
    { name: 'Ủy ban nhân dân written out', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'C4', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'); } },
  ],
  invalid: [
    {
      name: 'a misspelt award',
      bloc: L,
      edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'C4', 'Bằng khen của Chủ tich UBND tỉnh'); },
      errors: [{ messageId: 'unknownNear', data: { award: 'Bằng khen của Chủ tich UBND tỉnh', closest: 'Bằng khen của Chủ tịch UBND tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'C4', suggestion: 'Bằng khen của Chủ tịch UBND tỉnh' }],
    },
    {
      name: 'a name cut short still finds the award it means',
      bloc: L,
      edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'C3', 'Cờ thi đua UBND'); },
      errors: [{ messageId: 'unknownNear', data: { award: 'Cờ thi đua UBND', closest: 'Cờ thi đua của UBND tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'C3', suggestion: 'Cờ thi đua của UBND tỉnh' }],
    },
    {
      name: 'an unknown award over two candidate rows (merged) is reported once, where it is written',
      bloc: L,
      edit: (g) => {
        setCell(g, 'Bình xét', 'A4', 'Giấy khen');
        setCell(g, 'Bình xét', 'A5', undefined);
        g.sheets.find((s) => s.name === 'Bình xét')!.merges!.push('A4:A5');
      },
      errors: [{ messageId: 'unknown', sheet: 'Bình xét', cell: 'A4' }],
    },
    {
      name: 'an unknown award left blank on its second row is reported once',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'A4', 'Giấy khen'); setCell(g, 'Bình xét', 'A5', undefined); },
      errors: [{ messageId: 'unknown', sheet: 'Bình xét', cell: 'A4' }],
    },
    {
      name: 'a title, not an award (in Bình xét)',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'A3', 'Chiến sĩ thi đua'); },
      errors: [{ messageId: 'unknown', sheet: 'Bình xét', cell: 'A3' }],
    },
  ],
});

runRuleTests('awards/one-per-unit', {
  valid: [
    { name: 'one award each', bloc: NB },
    { name: 'one award to two units (each once)', bloc: edited(NB, (b) => { b.proposals.push({ unit: 'Hội Khuyến học', award: 'Bằng khen của UBND tỉnh' }); }) },
  ],
  invalid: [
    {
      name: 'a flag and a Bằng khen for Hội Đông y',
      bloc: edited(NB, (b) => { b.proposals.push({ unit: 'Hội Đông y', award: 'Bằng khen của UBND tỉnh' }); }),
      // The conference was on 27/12/2023: the 2003 law applied (Luật 2022 took effect on 1/1/2024).
      errors: [{ messageId: 'twice', data: { unit: 'Hội Đông y', first: 'Cờ thi đua xuất sắc', firstRow: 3, award: 'Bằng khen của UBND tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'C7', basis: 'Luật Thi đua, khen thưởng 2003, Điều 6 (khoản 2 điểm b, sửa đổi bởi Luật 39/2013/QH13)' }],
    },
    {
      name: 'the same, at a conference in January 2024 (Luật 2022)',
      bloc: edited(NB, (b) => { b.meetingDate = '2024-01-10'; b.proposals.push({ unit: 'Hội Đông y', award: 'Bằng khen của UBND tỉnh' }); }),
      errors: [{ messageId: 'twice', data: { unit: 'Hội Đông y', first: 'Cờ thi đua xuất sắc', firstRow: 3, award: 'Bằng khen của UBND tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'C7', basis: 'Luật Thi đua, khen thưởng 2022, Điều 5' }],
    },
  ],
});

runRuleTests('awards/quota', {
  valid: [
    { name: '2 flags of 13 members (quota 2)', bloc: NB },
    { name: '5 Bằng khen of 15 under quoc-gia (no quota)', bloc: H },
    { name: '5 Bằng khen of 15 under vi-du-tinh (35 % = 5)', bloc: { ...H, profile: 'vi-du-tinh' } },
  ],
  invalid: [
    {
      name: 'a third flag of 13 members',
      bloc: edited(NB, (b) => { b.proposals[3]!.award = 'Cờ thi đua xuất sắc'; }),
      errors: [{ messageId: 'provinceFlags', data: { count: 3, max: 2, members: 13 }, sheet: 'Đề nghị khen thưởng', cell: 'C6' }],
    },
    {
      name: 'two leading flags',
      bloc: edited(NB, (b) => { b.proposals[0]!.award = 'Cờ thi đua dẫn đầu khối'; b.proposals[1]!.award = 'Cờ thi đua dẫn đầu khối'; }),
      errors: [{ messageId: 'leadingFlags', data: { count: 2, max: 1, members: 13 }, cell: 'C4' }],
    },
    {
      name: '6 Bằng khen of 15 under vi-du-tinh',
      bloc: edited(H, (b) => { b.profile = 'vi-du-tinh'; b.proposals.push({ unit: 'Hội Người mù', award: 'Bằng khen của Chủ tịch UBND tỉnh' }); }),
      errors: [{ messageId: 'certificates', data: { count: 6, max: 5, members: 15, share: 35 }, cell: 'C10', basis: 'ví dụ minh hoạ: Bằng khen không quá 35 % số thành viên' }],
    },
  ],
});

runRuleTests('awards/leading-rank', {
  valid: [
    { name: 'the leading flag to the first by scores', bloc: NA },
    { name: 'a plain flag to a unit not first', bloc: edited(L, (b) => { b.proposals[0]!.unit = 'Hội Nông dân tỉnh'; b.votes[0]!.candidates[0]!.unit = 'Hội Nông dân tỉnh'; b.proposals.splice(2, 1); b.votes[1]!.candidates.splice(1, 1); }) },
  ],
  invalid: [
    {
      name: 'the leading flag to the second by scores',
      bloc: edited(NA, (b) => { b.proposals[0]!.unit = 'Tỉnh đoàn'; b.votes[0]!.candidates[0]!.unit = 'Tỉnh đoàn'; }),
      errors: [{ messageId: 'byScores', data: { unit: 'Tỉnh đoàn', award: 'Cờ thi đua dẫn đầu khối', first: 'Ủy ban MTTQ Việt Nam tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'B3', suggestion: 'Ủy ban MTTQ Việt Nam tỉnh' }],
    },
    {
      name: 'without scores, the leading flag to fewer votes',
      bloc: edited(NB, (b) => { b.proposals[1]!.award = 'Cờ thi đua dẫn đầu khối'; b.votes[0]!.award = 'Cờ thi đua dẫn đầu khối'; b.proposals[0]!.award = 'Cờ thi đua dẫn đầu khối'; b.proposals.splice(0, 1); }),
      errors: [{ messageId: 'byVotes', data: { unit: 'Liên hiệp các Hội Khoa học và Kỹ thuật', award: 'Cờ thi đua dẫn đầu khối', first: 'Hội Đông y' }, cell: 'B3' }],
    },
  ],
});

runRuleTests('awards/government-flag', {
  valid: [
    { name: 'to the first by scores', bloc: edited(NA, (b) => { b.proposals[0]!.award = GOV; b.votes[0]!.award = GOV; }) },
    { name: 'the province\'s flag (not the Government\'s) to a unit not first', bloc: edited(Q, (b) => { b.proposals[1]!.award = 'Cờ thi đua của UBND tỉnh'; b.votes[1]!.award = 'Cờ thi đua của UBND tỉnh'; }) },
  ],
  invalid: [
    {
      name: 'to a unit not first',
      bloc: edited(Q, (b) => { b.proposals[1]!.award = GOV; b.votes[1]!.award = GOV; }),
      // A conference in 2023: the 2003 law, cited by its name only (no article of it was checked).
      errors: [{ messageId: 'notLeading', data: { unit: 'Tỉnh Đoàn', leader: 'Ủy ban MTTQ tỉnh' }, sheet: 'Đề nghị khen thưởng', cell: 'B4', suggestion: 'Ủy ban MTTQ tỉnh', basis: 'Luật Thi đua, khen thưởng 2003, Điều 25; Nghị định 91/2017/NĐ-CP, Điều 11' }],
    },
    {
      name: 'to two units',
      bloc: edited(Q, (b) => { b.proposals[0]!.award = GOV; b.proposals[1]!.award = GOV; b.votes[0]!.award = GOV; b.votes[0]!.candidates.push({ unit: 'Tỉnh Đoàn', votes: 5 }); }),
      errors: [{ messageId: 'second', data: { unit: 'Tỉnh Đoàn', first: 'Ủy ban MTTQ tỉnh' }, cell: 'B4' }],
    },
  ],
});

runRuleTests('awards/rank-order', {
  valid: [{ name: 'flag to rank 1, Bằng khen Thủ tướng to rank 2', bloc: Q }, { name: 'Lai Châu: flag to rank 1, Bằng khen to ranks 2 and 3', bloc: L }],
  invalid: [
    {
      name: 'the flag to rank 3, Bằng khen to rank 1',
      bloc: edited(L, (b) => {
        b.proposals[0]!.unit = 'Hội Nông dân tỉnh';
        b.proposals[2]!.unit = 'Liên đoàn Lao động tỉnh';
        b.votes[0]!.candidates[0]!.unit = 'Hội Nông dân tỉnh';
        b.votes[1]!.candidates[1]!.unit = 'Liên đoàn Lao động tỉnh';
      }),
      errors: [{
        messageId: 'inverted',
        data: { unit: 'Hội Nông dân tỉnh', rank: 3, award: 'Cờ thi đua của UBND tỉnh', other: 'Liên đoàn Lao động tỉnh', otherRank: 1, otherAward: 'Bằng khen của Chủ tịch UBND tỉnh' },
        sheet: 'Đề nghị khen thưởng', cell: 'C3',
      }],
    },
  ],
});

runRuleTests('awards/rating-required', {
  valid: [{ name: 'proposed units rated HTXSNV', bloc: L }, { name: 'ratings not filled', bloc: H }],
  invalid: [
    {
      name: 'a Bằng khen for a unit rated HTTNV',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'D6', 'HTTNV'); },
      errors: [{ messageId: 'notExcellent', data: { unit: 'Hội Nông dân tỉnh', award: 'Bằng khen của Chủ tịch UBND tỉnh', rating: 'HTTNV', ratingWords: 'Hoàn thành tốt nhiệm vụ' }, sheet: 'Đề nghị khen thưởng', cell: 'B5' }],
    },
  ],
});

/**
 * Off in quoc-gia (no national text caps a bloc's HTXSNV ratings): a province that sets the cap
 * turns it on in its own profile, with its own basis, and its findings cite that.
 */
const CAP_BASIS = 'Quyết định 99/2025/QĐ-UBND của UBND tỉnh (ví dụ trong kiểm thử), Điều 5';
const CAPPED = parseProfile({
  id: 'tinh-gioi-han-htxsnv',
  name: { vi: 'Tỉnh giới hạn HTXSNV', en: 'A province capping HTXSNV' },
  description: { vi: 'Kiểm thử', en: 'Test' },
  extends: 'quoc-gia',
  versions: [{ from: '2018-01-01', basis: CAP_BASIS, excellentShare: { max: 0.2, fromYear: 2025, basis: CAP_BASIS }, rules: { 'awards/excellent-share': 'warning' } }],
});
const capped = { profile: CAPPED };
const rated2025 = (excellent: number) => edited(L, (b) => { b.year = 2025; b.meetingDate = '2025-12-20'; b.members.forEach((m, i) => { m.rating = i >= 1 && i <= excellent ? 'HTXSNV' : 'HTTNV'; }); b.proposals.splice(1); b.votes.splice(1); });

runRuleTests('awards/excellent-share', {
  valid: [
    { name: 'the national profile: off, three of six rated HTXSNV is not a finding', bloc: edited(L, (b) => { b.year = 2025; b.meetingDate = '2025-12-20'; }) },
    { name: 'a province\'s cap, before its first year', bloc: L, options: capped },
    { name: 'a province\'s cap: one of six rated HTXSNV', bloc: rated2025(1), options: capped },
  ],
  invalid: [
    {
      name: 'a province\'s cap: three of six rated HTXSNV, citing the province\'s own decision',
      bloc: edited(L, (b) => { b.year = 2025; b.meetingDate = '2025-12-20'; }),
      options: capped,
      errors: [{ messageId: 'over', data: { excellent: 3, good: 6, max: 20, allowed: 1 }, sheet: 'Thành viên', cell: null, basis: CAP_BASIS }],
    },
  ],
});
