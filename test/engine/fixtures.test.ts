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
    [
      'Ninh Thuận (a): the leading flag voted and proposed for the unit ranked second',
      blocToGrid(edited(F.ninhThuanMatTran, (b) => { b.proposals[0]!.unit = 'Tỉnh đoàn'; b.votes[0]!.candidates[0]!.unit = 'Tỉnh đoàn'; b.members[5]!.rating = 'HTXSNV'; })),
      [['awards/leading-rank', 'error', 'Đề nghị khen thưởng!B3']],
    ],
    [
      'Ninh Thuận (b): a third flag for 13 members, a Bằng khen with 6 of 13 votes',
      blocToGrid(edited(F.ninhThuanHoiDacThu, (b) => {
        b.proposals[3]!.award = 'Cờ thi đua xuất sắc';
        b.votes[0]!.candidates.push({ unit: 'Liên minh HTX', votes: 11 });
        b.votes[1]!.candidates[0]!.votes = 6;
      })),
      [
        ['awards/quota', 'warning', 'Đề nghị khen thưởng!C6'],
        ['votes/below-threshold', 'error', 'Bình xét!G6'],
      ],
    ],
    [
      'Ninh Thuận (c): Truyền tải điện re-elected, and a total typed wrong',
      (() => {
        const g = blocToGrid({ ...F.ninhThuanTrungUong, nextLeader: 'Truyền tải điện Ninh Thuận' });
        return setCell(g, 'Chấm điểm', 'G6', 98.5);
      })(),
      [
        ['rotation/consecutive-term', 'warning', 'Thông tin!B11'],
        ['rotation/deputy-succession', 'info', 'Thông tin!B11'],
        ['scores/total-mismatch', 'error', 'Chấm điểm!G6'],
      ],
    ],
    [
      'Sóc Trăng: one unit has not signed, and the history names another leader for 2024',
      (() => {
        const g = setCell(blocToGrid(F.socTrangKhoi6), 'Giao ước', 'C9', 'Không');
        return setCell(g, 'Luân phiên', 'B6', 'Hội Chữ thập đỏ tỉnh');
      })(),
      [
        ['rotation/history-mismatch', 'error', 'Luân phiên!B6'],
        ['covenant/unsigned', 'warning', 'Giao ước!C9'],
      ],
    ],
    [
      'Quảng Ninh: only 3 of 6 present to vote the flag',
      blocToGrid(edited(F.quangNinhMttq, (b) => { Object.assign(b.votes[0]!, { present: 3, issued: 3, returned: 3, valid: 3 }); b.votes[0]!.candidates[0]!.votes = 3; })),
      [
        ['votes/quorum', 'error', 'Bình xét!B3'],
        ['votes/below-threshold', 'error', 'Bình xét!G3'],
      ],
    ],
    [
      'Seed 003: the member list with the article\'s "Hội Chữ thật đỏ"',
      blocToGrid(edited(F.hoiDacThu2021, (b) => { b.members[1]!.name = 'Hội Chữ thật đỏ'; })),
      [
        ['refs/unknown-unit', 'error', 'Bình xét!F8'],
        ['refs/unknown-unit', 'error', 'Đề nghị khen thưởng!B8'],
      ],
    ],
    [
      'Seed 003 under vi-du-tinh: a sixth Bằng khen for 15 members',
      blocToGrid(edited(F.hoiDacThu2021, (b) => {
        b.profile = 'vi-du-tinh';
        b.proposals.push({ unit: 'Hội Người mù', award: 'Bằng khen của Chủ tịch UBND tỉnh' });
        b.votes[1]!.candidates.push({ unit: 'Hội Người mù', votes: 9 });
      })),
      [['awards/quota', 'warning', 'Đề nghị khen thưởng!C10']],
    ],
    [
      'Lai Châu: an achievement pasted in decomposed Unicode with a double space',
      setCell(blocToGrid(F.laiChauMttq), 'Đề nghị khen thưởng', 'D4', 'Hoàn thành  xuất sắc nhiệm vụ'.normalize('NFD')),
      [
        ['text/not-nfc', 'warning', 'Đề nghị khen thưởng!D4'],
        ['text/whitespace', 'info', 'Đề nghị khen thưởng!D4'],
      ],
    ],
  ];

  test.each(cases)('%s', (_name, grid, expected) => {
    expect(flat(grid).sort()).toEqual([...expected].sort());
  });
});
