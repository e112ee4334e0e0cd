import { checkBatch, checkGrid } from '../../engine/check';
import { summarize } from '../../engine/model/bloc';
import { renderMessage } from '../../engine/report/render';
import { type BlocData, blocToGrid } from '../../engine/template/writer';
import { laiChauMttq as L, socTrangKhoi6 as S } from '../../samples/blocs';
import { TODAY, edited } from '../helpers/rule-tester';

/** The workbooks of one run, as the batch front end hands them to the engine. */
function run(files: [string, BlocData][]) {
  return checkBatch(files.map(([id, bloc]) => {
    const r = checkGrid(blocToGrid(bloc), { today: TODAY });
    return { id, bloc: summarize(r.model), settings: r.settings };
  }));
}

const L2024 = edited(L, (b) => {
  b.year = 2024;
  b.meetingDate = '2025-01-10';
  b.leader = 'Hội Liên hiệp Phụ nữ tỉnh';
  b.deputy = 'Hội Nông dân tỉnh';
  b.nextLeader = 'Hội Nông dân tỉnh';
});

describe('batch/duplicate-submission', () => {
  test('one workbook per bloc and year: nothing', () => {
    expect(run([['lc-2023.xlsx', L], ['lc-2024.xlsx', L2024], ['st.xlsx', S]]).filter((f) => f.ruleId === 'batch/duplicate-submission')).toEqual([]);
  });
  test('the same bloc and year twice, the province written differently', () => {
    const found = run([['a.xlsx', L], ['b.xlsx', { ...L, province: 'Tỉnh Lai Châu' }]]).filter((f) => f.ruleId === 'batch/duplicate-submission');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'duplicate', files: ['a.xlsx', 'b.xlsx'], data: { count: 2, year: 2023 } });
    expect(renderMessage(found[0]!, 'vi')).toContain('Có 2 sổ cho cùng khối');
  });
});

describe('batch/rotation-continuity', () => {
  test('the 2024 workbook names the leader elected in 2023: nothing', () => {
    expect(run([['a', L], ['b', L2024]]).filter((f) => f.ruleId === 'batch/rotation-continuity')).toEqual([]);
  });
  test('elected by abbreviation, named in full: nothing', () => {
    expect(run([['a', { ...L, nextLeader: 'Hội LHPN tỉnh' }], ['b', L2024]]).filter((f) => f.ruleId === 'batch/rotation-continuity')).toEqual([]);
  });
  test('the 2024 workbook names another leader', () => {
    const found = run([['2023.xlsx', L], ['2024.xlsx', { ...L2024, leader: 'Tỉnh đoàn' }]]).filter((f) => f.ruleId === 'batch/rotation-continuity');
    expect(found).toEqual([
      expect.objectContaining({ severity: 'error', messageId: 'broken', files: ['2023.xlsx', '2024.xlsx'], data: expect.objectContaining({ elected: 'Hội Liên hiệp Phụ nữ tỉnh', leader: 'Tỉnh đoàn', year: 2023, next: 2024 }) }),
    ]);
  });
});

describe('batch/membership-change', () => {
  test('same members: nothing', () => {
    expect(run([['a', L], ['b', L2024]]).filter((f) => f.ruleId === 'batch/membership-change')).toEqual([]);
  });
  test('a unit joined', () => {
    const grown = edited(L2024, (b) => { b.members.push({ name: 'Hội Chữ thập đỏ tỉnh' }); b.memberCount = 7; });
    const found = run([['a', L], ['b', grown]]).filter((f) => f.ruleId === 'batch/membership-change');
    expect(found).toEqual([expect.objectContaining({ severity: 'info', data: expect.objectContaining({ joined: 'Hội Chữ thập đỏ tỉnh', left: '—' }) })]);
    expect(renderMessage(found[0]!, 'en')).toBe('Bloc Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh (Lai Châu) in 2024 compared with 2023: joined Hội Chữ thập đỏ tỉnh; left —.');
  });
});
