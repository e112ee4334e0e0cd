import type { Grid } from '../engine/model/grid';
import { setCell } from '../engine/model/grid';
import { type BlocData, blocToGrid } from '../engine/template/writer';
import { hoiDacThu2021, laiChauMttq, ninhThuanHoiDacThu, ninhThuanMatTran, ninhThuanTrungUong, quangNinhMttq, socTrangKhoi6 } from './blocs';

/**
 * Realistic mistakes in the seven blocs of the source articles, each with exactly the
 * findings it must produce ([rule id, severity, sheet!cell]). The engine tests assert them;
 * `samples/faulty/` holds them as workbooks, and the batch tests check those files too.
 */
export interface FaultyVariant {
  id: string;
  title: string;
  grid: () => Grid;
  expected: string[][];
}

/** A fixture edited on a deep copy. */
export function edited(bloc: BlocData, edit: (b: BlocData) => void): BlocData {
  const copy = structuredClone(bloc);
  edit(copy);
  return copy;
}

export const FAULTY: readonly FaultyVariant[] = [
  {
    id: 'lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep',
    title: 'Lai Châu: "53.211" typed as text and the leader re-elected',
    grid: () => (() => {
        const g = blocToGrid({ ...laiChauMttq, nextLeader: 'LĐLĐ tỉnh' });
        return setCell(g, 'Số liệu', 'E3', '53.211');
      })(),
    expected: [
        // One wrong next leader: the consecutive term owns it (repeat-before-all and
        // deputy-succession defer to it at that cell); Luân phiên's disagreement is another fault.
        ['rotation/consecutive-term', 'warning', 'Thông tin!B11'],
        ['rotation/history-mismatch', 'error', 'Luân phiên!B5'],
        ['cell/number-as-text', 'warning', 'Số liệu!E3'],
      ],
  },
  {
    id: 'lai-chau-phieu-vuot-phieu-hop-le',
    title: 'Lai Châu: a vote count above the ballots',
    grid: () => setCell(blocToGrid(laiChauMttq), 'Bình xét', 'G3', 7),
    // One cause, one finding: the percentage is not the fault when the votes are.
    expected: [['votes/candidate-over-valid', 'error', 'Bình xét!G3']],
  },
  {
    id: 'hoi-dac-thu-2021-chu-that-do-trong-de-nghi',
    title: 'Seed 003: the article\'s "Hội Chữ thật đỏ" in the proposals',
    grid: () => blocToGrid(edited(hoiDacThu2021, (b) => { b.proposals[5]!.unit = 'Hội Chữ thật đỏ'; })),
    expected: [
        ['refs/unknown-unit', 'error', 'Đề nghị khen thưởng!B8'],
        ['votes/missing', 'error', 'Đề nghị khen thưởng!B8'],
      ],
  },
  {
    id: 'ninh-thuan-hoi-dac-thu-hai-hinh-thuc',
    title: 'Ninh Thuận (b): two awards for one unit',
    grid: () => blocToGrid(edited(ninhThuanHoiDacThu, (b) => {
        b.proposals.push({ unit: 'Hội Đông y', award: 'Bằng khen của UBND tỉnh' });
        b.votes[1]!.candidates.push({ unit: 'Hội Đông y', votes: 9 });
      })),
    expected: [['awards/one-per-unit', 'error', 'Đề nghị khen thưởng!C7']],
  },
  {
    id: 'soc-trang-dia-diem-tcvn3',
    title: 'Sóc Trăng: the venue typed in TCVN3',
    grid: () => setCell(blocToGrid(socTrangKhoi6), 'Thông tin', 'B10', 'Héi Cùu chiÕn binh tØnh'),
    expected: [['text/legacy-encoding', 'error', 'Thông tin!B10']],
  },
  {
    id: 'soc-trang-thanh-vien-vni',
    title: 'Sóc Trăng: a member typed in VNI is still the member its references name',
    grid: () => setCell(blocToGrid(socTrangKhoi6), 'Thành viên', 'B4', 'Hoäi Noâng daân tænh'),
    expected: [['text/legacy-encoding', 'error', 'Thành viên!B4']],
  },
  {
    id: 'quang-ninh-phieu-hop-le-vuot-thu-ve',
    title: 'Quảng Ninh: more valid ballots than returned, and Thủ tướng\'s Bằng khen to the wrong rank',
    grid: () => blocToGrid(edited(quangNinhMttq, (b) => { b.votes[0]!.returned = 5; b.proposals[1]!.unit = 'Hội Nông dân tỉnh'; b.votes[1]!.candidates[0]!.unit = 'Hội Nông dân tỉnh'; })),
    expected: [
        ['votes/ballot-order', 'error', 'Bình xét!E3'],
        ['awards/rating-required', 'error', 'Đề nghị khen thưởng!B4'],
      ],
  },
  {
    id: 'ninh-thuan-trung-uong-hoi-nghi-thang-5',
    title: 'Ninh Thuận (c): the conference held in May, counted 8 members',
    grid: () => blocToGrid({ ...ninhThuanTrungUong, meetingDate: '2024-05-10', memberCount: 8 }),
    expected: [
        ['bloc/member-count-mismatch', 'error', 'Thông tin!B8'],
        ['bloc/meeting-date', 'warning', 'Thông tin!B9'],
      ],
  },
  {
    id: 'ninh-thuan-mat-tran-2025-sau-sap-nhap',
    title: 'Ninh Thuận (a) in 2025: the province merged into Khánh Hòa, the flag under the 80 % threshold',
    grid: () => blocToGrid(edited(ninhThuanMatTran, (b) => { b.year = 2025; b.meetingDate = '2025-12-12'; b.votes[0]!.candidates[0]!.votes = 4; })),
    expected: [
        ['bloc/unknown-province', 'warning', 'Thông tin!B3'],
        ['votes/below-threshold', 'error', 'Bình xét!G3'],
      ],
  },
  {
    id: 'ninh-thuan-mat-tran-co-dan-dau-sai-hang',
    title: 'Ninh Thuận (a): the leading flag voted and proposed for the unit ranked second',
    grid: () => blocToGrid(edited(ninhThuanMatTran, (b) => { b.proposals[0]!.unit = 'Tỉnh đoàn'; b.votes[0]!.candidates[0]!.unit = 'Tỉnh đoàn'; b.members[5]!.rating = 'HTXSNV'; })),
    expected: [['awards/leading-rank', 'error', 'Đề nghị khen thưởng!B3']],
  },
  {
    id: 'ninh-thuan-hoi-dac-thu-vuot-chi-tieu-co',
    title: 'Ninh Thuận (b): a third flag for 13 members, a Bằng khen with 6 of 13 votes',
    grid: () => blocToGrid(edited(ninhThuanHoiDacThu, (b) => {
        b.proposals[3]!.award = 'Cờ thi đua xuất sắc';
        b.votes[0]!.candidates.push({ unit: 'Liên minh HTX', votes: 11 });
        b.votes[1]!.candidates[0]!.votes = 6;
      })),
    expected: [
        ['awards/quota', 'warning', 'Đề nghị khen thưởng!C6'],
        ['votes/below-threshold', 'error', 'Bình xét!G6'],
      ],
  },
  {
    id: 'ninh-thuan-trung-uong-tai-cu-va-tong-sai',
    title: 'Ninh Thuận (c): Truyền tải điện re-elected, and a total typed wrong',
    grid: () => (() => {
        const g = blocToGrid({ ...ninhThuanTrungUong, nextLeader: 'Truyền tải điện Ninh Thuận' });
        return setCell(g, 'Chấm điểm', 'G6', 98.5);
      })(),
    expected: [
        ['rotation/consecutive-term', 'warning', 'Thông tin!B11'], // deputy-succession defers to it
        ['scores/total-mismatch', 'error', 'Chấm điểm!G6'],
      ],
  },
  {
    id: 'soc-trang-chua-ky-giao-uoc',
    title: 'Sóc Trăng: one unit has not signed, and the history names another leader for 2024',
    grid: () => (() => {
        const g = setCell(blocToGrid(socTrangKhoi6), 'Giao ước', 'C9', 'Không');
        return setCell(g, 'Luân phiên', 'B6', 'Hội Chữ thập đỏ tỉnh');
      })(),
    expected: [
        ['rotation/history-mismatch', 'error', 'Luân phiên!B6'],
        ['covenant/unsigned', 'warning', 'Giao ước!C9'],
      ],
  },
  {
    id: 'quang-ninh-thieu-nguoi-du',
    title: 'Quảng Ninh: only 3 of 6 present to vote the flag',
    grid: () => blocToGrid(edited(quangNinhMttq, (b) => { Object.assign(b.votes[0]!, { present: 3, issued: 3, returned: 3, valid: 3 }); b.votes[0]!.candidates[0]!.votes = 3; })),
    expected: [
        ['votes/quorum', 'error', 'Bình xét!B3'],
        ['votes/below-threshold', 'error', 'Bình xét!G3'],
      ],
  },
  {
    id: 'hoi-dac-thu-2021-danh-sach-chu-that-do',
    title: 'Seed 003: the member list with the article\'s "Hội Chữ thật đỏ"',
    grid: () => blocToGrid(edited(hoiDacThu2021, (b) => { b.members[1]!.name = 'Hội Chữ thật đỏ'; })),
    expected: [
        ['refs/unknown-unit', 'error', 'Bình xét!F8'],
        ['refs/unknown-unit', 'error', 'Đề nghị khen thưởng!B8'],
      ],
  },
  {
    id: 'hoi-dac-thu-2021-vi-du-tinh-bang-khen',
    title: 'Seed 003 under vi-du-tinh: a sixth Bằng khen for 15 members',
    grid: () => blocToGrid(edited(hoiDacThu2021, (b) => {
        b.profile = 'vi-du-tinh';
        b.proposals.push({ unit: 'Hội Người mù', award: 'Bằng khen của Chủ tịch UBND tỉnh' });
        b.votes[1]!.candidates.push({ unit: 'Hội Người mù', votes: 9 });
      })),
    expected: [['awards/quota', 'warning', 'Đề nghị khen thưởng!C10']],
  },
  {
    id: 'lai-chau-unicode-to-hop',
    title: 'Lai Châu: an achievement pasted in decomposed Unicode with a double space',
    grid: () => setCell(blocToGrid(laiChauMttq), 'Đề nghị khen thưởng', 'D4', 'Hoàn thành  xuất sắc nhiệm vụ'.normalize('NFD')),
    expected: [
        ['text/not-nfc', 'warning', 'Đề nghị khen thưởng!D4'],
        ['text/whitespace', 'info', 'Đề nghị khen thưởng!D4'],
      ],
  },
];
