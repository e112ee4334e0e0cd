import { checkGrid } from '../../engine/check';
import type { Grid } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import * as F from '../../samples/blocs';
import { setCell } from '../helpers/grid';
import { TODAY, edited } from '../helpers/rule-tester';

/** Findings flattened to [ruleId, severity, sheet!cell], the way the report is asserted. */
function flat(grid: Grid) {
  return checkGrid(grid, { today: TODAY }).findings.map((f) => [f.ruleId, f.severity, `${f.sheet ?? ''}!${f.cell ?? f.row ?? ''}`]);
}

describe('the seven blocs of the source articles', () => {
  test.each(F.SEVEN_BLOCS.map((b) => [b.id, b.bloc] as const))('%s passes quoc-gia with no finding at all', (_id, bloc) => {
    const result = checkGrid(blocToGrid(bloc), { today: TODAY });
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.profile.id).toBe('quoc-gia');
  });

  test('each fixture is read whole (members, ballots, proposals)', () => {
    for (const { bloc } of F.SEVEN_BLOCS) {
      const { model } = checkGrid(blocToGrid(bloc), { today: TODAY });
      expect(model.members).toHaveLength(bloc.members.length);
      expect(model.proposals).toHaveLength(bloc.proposals.length);
      expect(model.votes).toHaveLength(bloc.votes.reduce((n, v) => n + v.candidates.length, 0));
      expect(model.proposals.every((p) => p.unit?.member !== undefined && p.award.id !== undefined)).toBe(true);
    }
  });

  test('the law in force follows the conference date', () => {
    expect(checkGrid(blocToGrid(F.ninhThuanMatTran), { today: TODAY }).profile.version).toBe('2018-01-01'); // 30/11/2023
    expect(checkGrid(blocToGrid(F.laiChauMttq), { today: TODAY }).profile.version).toBe('2024-01-01'); // 12/1/2024
    expect(checkGrid(blocToGrid({ ...F.laiChauMttq, year: 2025, meetingDate: '2025-12-20' }), { today: TODAY }).profile.version).toBe('2025-07-01');
  });
});

describe('realistic faulty variants produce exactly the expected findings', () => {
  const cases: [string, Grid, string[][]][] = [
    [
      'Lai Châu: "53.211" typed as text and the leader re-elected',
      (() => {
        const g = blocToGrid({ ...F.laiChauMttq, nextLeader: 'LĐLĐ tỉnh' });
        return setCell(g, 'Số liệu', 'E3', '53.211');
      })(),
      [
        ['rotation/consecutive-term', 'warning', 'Thông tin!B11'],
        ['rotation/repeat-before-all', 'warning', 'Thông tin!B11'],
        ['rotation/deputy-succession', 'info', 'Thông tin!B11'],
        ['rotation/history-mismatch', 'error', 'Luân phiên!B5'],
        ['cell/number-as-text', 'warning', 'Số liệu!E3'],
      ],
    ],
    [
      'Lai Châu: a vote count above the ballots',
      setCell(blocToGrid(F.laiChauMttq), 'Bình xét', 'G3', 7),
      [
        ['votes/candidate-over-valid', 'error', 'Bình xét!G3'],
        ['votes/percent-mismatch', 'error', 'Bình xét!H3'],
      ],
    ],
    [
      'Seed 003: the article\'s "Hội Chữ thật đỏ" in the proposals',
      blocToGrid(edited(F.hoiDacThu2021, (b) => { b.proposals[5]!.unit = 'Hội Chữ thật đỏ'; })),
      [
        ['refs/unknown-unit', 'error', 'Đề nghị khen thưởng!B8'],
        ['votes/missing', 'error', 'Đề nghị khen thưởng!B8'],
      ],
    ],
    [
      'Ninh Thuận (b): two awards for one unit',
      blocToGrid(edited(F.ninhThuanHoiDacThu, (b) => {
        b.proposals.push({ unit: 'Hội Đông y', award: 'Bằng khen của UBND tỉnh' });
        b.votes[1]!.candidates.push({ unit: 'Hội Đông y', votes: 9 });
      })),
      [['awards/one-per-unit', 'error', 'Đề nghị khen thưởng!C7']],
    ],
    [
      'Sóc Trăng: the venue typed in TCVN3',
      setCell(blocToGrid(F.socTrangKhoi6), 'Thông tin', 'B10', 'Héi Cùu chiÕn binh tØnh'),
      [['text/legacy-encoding', 'error', 'Thông tin!B10']],
    ],
    [
      'Sóc Trăng: a member typed in VNI is still the member its references name',
      setCell(blocToGrid(F.socTrangKhoi6), 'Thành viên', 'B4', 'Hoäi Noâng daân tænh'),
      [['text/legacy-encoding', 'error', 'Thành viên!B4']],
    ],
    [
      'Quảng Ninh: more valid ballots than returned, and Thủ tướng\'s Bằng khen to the wrong rank',
      blocToGrid(edited(F.quangNinhMttq, (b) => { b.votes[0]!.returned = 5; b.proposals[1]!.unit = 'Hội Nông dân tỉnh'; b.votes[1]!.candidates[0]!.unit = 'Hội Nông dân tỉnh'; })),
      [
        ['votes/ballot-order', 'error', 'Bình xét!E3'],
        ['awards/rating-required', 'error', 'Đề nghị khen thưởng!B4'],
      ],
    ],
    [
      'Ninh Thuận (c): the conference held in May, counted 8 members',
      blocToGrid({ ...F.ninhThuanTrungUong, meetingDate: '2024-05-10', memberCount: 8 }),
      [
        ['bloc/member-count-mismatch', 'error', 'Thông tin!B8'],
        ['bloc/meeting-date', 'warning', 'Thông tin!B9'],
      ],
    ],
    [
      'Ninh Thuận (a) in 2025: the province merged into Khánh Hòa, the flag under the 80 % threshold',
      blocToGrid(edited(F.ninhThuanMatTran, (b) => { b.year = 2025; b.meetingDate = '2025-12-12'; b.votes[0]!.candidates[0]!.votes = 4; })),
      [
        ['bloc/unknown-province', 'warning', 'Thông tin!B3'],
        ['votes/below-threshold', 'error', 'Bình xét!G3'],
      ],
    ],
  ];

  test.each(cases)('%s', (_name, grid, expected) => {
    expect(flat(grid).sort()).toEqual([...expected].sort());
  });
});
