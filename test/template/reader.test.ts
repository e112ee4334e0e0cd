import { checkGrid } from '../../engine/check';
import { type Grid, sheetFromRows } from '../../engine/model/grid';
import { readBloc } from '../../engine/template/reader';
import { blocToGrid } from '../../engine/template/writer';
import { hoiDacThu2021, laiChauMttq as L } from '../../samples/blocs';
import { getSheet, setCell } from '../support/grid';
import { TODAY } from '../support/rule-tester';

const base = () => blocToGrid(structuredClone(L));
const ruleIds = (g: Grid) => checkGrid(g, { today: TODAY }).findings.map((f) => f.ruleId);

describe('sheets are found by name after normalisation', () => {
  test.each(['THANH VIEN', 'thanh_vien', 'Thành  viên ', 'Thành viên'.normalize('NFD'), 'thành-viên'])('%s is Thành viên', (name) => {
    const g = base();
    getSheet(g, 'Thành viên').name = name;
    const m = readBloc(g);
    expect(m.members).toHaveLength(6);
    expect(m.sheets.members?.view.name).toBe(name);
  });

  test('extra sheets are ignored and findings name the sheet as it stands in the file', () => {
    const g = base();
    g.sheets.unshift(sheetFromRows('Hướng dẫn', [['Điền các trang theo mẫu'], [1, 2, 3]]));
    getSheet(g, 'Bình xét').name = 'BINH XET';
    setCell(g, 'BINH XET', 'G3', 7);
    const r = checkGrid(g, { today: TODAY });
    expect(r.findings.find((f) => f.ruleId === 'votes/candidate-over-valid')?.sheet).toBe('BINH XET');
  });
});

describe('tables', () => {
  test('title rows above the header, and the header as late as row 15', () => {
    const g = base();
    const s = getSheet(g, 'Thành viên');
    s.rows.unshift(...Array.from({ length: 12 }, (_, i) => (i === 0 ? [{ kind: 'text' as const, value: 'UBND TỈNH LAI CHÂU' }] : [])));
    s.merges = [];
    const m = readBloc(g);
    expect(m.sheets.members?.headerRow).toBe(14);
    expect(m.members.map((x) => x.row)).toEqual([15, 16, 17, 18, 19, 20]);
  });

  test('a header below row 15 is not found', () => {
    const g = base();
    const s = getSheet(g, 'Đề nghị khen thưởng');
    s.rows.unshift(...Array.from({ length: 14 }, () => []));
    expect(readBloc(g).shape).toContainEqual(expect.objectContaining({ kind: 'missing-column', sheet: 'Đề nghị khen thưởng', column: 'Tên đơn vị' }));
  });

  test('columns in any order, synonyms, (*), ":" and units in brackets, unknown columns ignored', () => {
    const g = { sheets: [...base().sheets.filter((s) => s.name !== 'Đề nghị khen thưởng'), sheetFromRows('Đề nghị khen thưởng', [
      ['DANH SÁCH ĐỀ NGHỊ'],
      ['Hình thức (*)', 'Cột riêng của tỉnh', 'Đơn vị:', 'TT', 'Thành tích (tóm tắt)'],
      ['Cờ thi đua của UBND tỉnh', 'x', 'LĐLĐ tỉnh', 1, '…'],
      ['Bằng khen của Chủ tịch UBND tỉnh', 'y', 'Hội LHPN tỉnh', 2],
      ['Bằng khen của Chủ tịch UBND tỉnh', 'z', 'Hội Nông dân tỉnh', 3],
    ])] };
    const m = readBloc(g);
    expect(m.proposals.map((p) => [p.unit?.member, p.award.text])).toEqual([[1, 'Cờ thi đua của UBND tỉnh'], [2, 'Bằng khen của Chủ tịch UBND tỉnh'], [3, 'Bằng khen của Chủ tịch UBND tỉnh']]);
    expect(ruleIds(g)).toEqual([]);
  });

  test('a column-numbering row under the header ((1) (2) (3)) is not data', () => {
    const g = base();
    const s = getSheet(g, 'Đề nghị khen thưởng');
    s.rows.splice(2, 0, ['(1)', '(2)', '(3)', '(4)', '(5)'].map((v) => ({ kind: 'text' as const, value: v })));
    expect(readBloc(g).proposals).toHaveLength(3);
    expect(ruleIds(g)).toEqual([]);
  });

  test('column letters (A B C D E) under the header are not data either', () => {
    const g = base();
    getSheet(g, 'Thành viên').rows.splice(2, 0, ['A', 'B', 'C', 'D', 'E'].map((v) => ({ kind: 'text' as const, value: v })));
    expect(readBloc(g).members).toHaveLength(6);
    expect(ruleIds(g)).toEqual([]);
  });

  test('a data row holding only its STT is data, not a numbering row', () => {
    const g = base();
    setCell(g, 'Đề nghị khen thưởng', 'A6', 4);
    setCell(g, 'Đề nghị khen thưởng', 'C6', undefined);
    expect(ruleIds(g)).toEqual(['cell/required', 'cell/required']);
  });

  test('the Điểm tối đa row may come last', () => {
    const g = base();
    const s = getSheet(g, 'Chấm điểm');
    const maxRow = s.rows.splice(2, 1)[0]!;
    s.rows.push(maxRow);
    const m = readBloc(g);
    expect(m.criteria.map((c) => c.max?.value)).toEqual([20, 50, 20, 10]);
    expect(m.scores).toHaveLength(6);
  });

  test('data ends at the first blank row; a signature block below is ignored', () => {
    const g = base();
    setCell(g, 'Bình xét', 'F8', 'TM. TRƯỞNG KHỐI');
    setCell(g, 'Bình xét', 'F12', 'Hoàng Thọ Trung');
    expect(readBloc(g).votes).toHaveLength(3);
    expect(ruleIds(g)).toEqual([]);
  });
});

describe('Thông tin', () => {
  test('labels with ":" or "(*)", synonyms, and the value in the first non-blank cell to the right', () => {
    const g = base();
    setCell(g, 'Thông tin', 'A5', 'Năm (*)');
    setCell(g, 'Thông tin', 'A6', 'Khối trưởng:');
    setCell(g, 'Thông tin', 'B6', undefined);
    setCell(g, 'Thông tin', 'D6', 'LĐLĐ tỉnh');
    const m = readBloc(g);
    expect(m.info.year.value).toBe(2023);
    expect(m.info.leader).toMatchObject({ text: 'LĐLĐ tỉnh', member: 1, at: { row: 6, col: 4 } });
    expect(ruleIds(g)).toEqual([]);
  });

  test('a label merged over A:B has its value in C', () => {
    const g = base();
    const s = getSheet(g, 'Thông tin');
    setCell(g, 'Thông tin', 'C3', 'Lai Châu');
    setCell(g, 'Thông tin', 'B3', undefined);
    s.merges = [...(s.merges ?? []), 'A3:B3'];
    expect(readBloc(g).info.province.value).toBe('Lai Châu');
  });
});

describe('merged cells and inherited ballot counts', () => {
  test('ballot counts merged over the award\'s rows', () => {
    const g = base();
    for (const c of ['B', 'C', 'D', 'E']) setCell(g, 'Bình xét', `${c}5`, undefined);
    getSheet(g, 'Bình xét').merges!.push('A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5');
    const m = readBloc(g);
    expect(m.votes[2]).toMatchObject({ award: { text: 'Bằng khen của Chủ tịch UBND tỉnh' }, first: false });
    expect(m.votes[2]!.ballots.valid?.value).toBe(6);
    expect(ruleIds(g)).toEqual([]);
  });

  test('blank counts on later rows inherit the award\'s first row, and a blank award continues the one above', () => {
    const g = base();
    setCell(g, 'Bình xét', 'A5', undefined);
    const m = readBloc(g);
    expect(m.votes[2]!.award.text).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(m.votes[2]!.ballots.present?.value).toBe(6);
    expect(m.votes[2]!.stated).toEqual({});
    expect(ruleIds(g)).toEqual([]);
  });
});

describe('values', () => {
  test('numbers as Vietnamese text are read, with a warning', () => {
    const g = base();
    setCell(g, 'Số liệu', 'E3', '53.211');
    setCell(g, 'Số liệu', 'E4', '48');
    setCell(g, 'Số liệu', 'F5', '158,98%');
    const m = readBloc(g);
    expect(m.stats.map((s) => [s.actual.value, s.percent.value])).toEqual([[53211, 106.42], [48, 106.67], [3666, 158.98]]);
    expect(ruleIds(g)).toEqual(['cell/number-as-text', 'cell/number-as-text', 'cell/number-as-text']);
  });

  test('a percent-formatted fraction is a percentage', () => {
    const g = base();
    setCell(g, 'Bình xét', 'H4', { kind: 'number', value: 0.833333, numFmt: '0.00%' });
    expect(readBloc(g).votes[1]!.percent.value).toBeCloseTo(83.3333, 3);
    expect(ruleIds(g)).toEqual([]);
  });

  test.each([
    ['a real date', { date: '2024-01-12' }, false],
    ['a 1900 serial with a date format', { kind: 'number', value: 45303, numFmt: 'dd/mm/yyyy' }, false],
    ['a 1904 serial with a date format', { kind: 'number', value: 43841, numFmt: 'd/m/yyyy' }, true],
  ] as const)('%s', (_n, value, date1904) => {
    const g = base();
    g.date1904 = date1904;
    setCell(g, 'Thông tin', 'B9', value as never);
    expect(readBloc(g).info.meetingDate.value).toBe('2024-01-12');
    expect(ruleIds(g)).toEqual([]);
  });

  test.each(['12/1/2024', '12-01-2024', 'ngày 12 tháng 01 năm 2024', 'Ngày 12 tháng 1 năm 2024'])('the date text %s', (text) => {
    const g = base();
    setCell(g, 'Thông tin', 'B9', text);
    expect(readBloc(g).info.meetingDate.value).toBe('2024-01-12');
    expect(ruleIds(g)).toEqual(['cell/date-as-text']);
  });

  test('formulas are read by their cached result, including a cached 0', () => {
    const g = base();
    setCell(g, 'Chấm điểm', 'G4', { kind: 'number', value: 92, formula: { cached: true } });
    setCell(g, 'Bình xét', 'H3', { kind: 'number', value: 100, formula: { cached: true } });
    expect(ruleIds(g)).toEqual([]);
  });
});

describe('unit names', () => {
  test.each([
    ['case and spacing', 'liên  đoàn LAO ĐỘNG tỉnh'],
    ['old tone placement (Uỷ)', 'Uỷ ban MTTQ Việt Nam tỉnh'],
    ['decomposed Unicode', 'Hội Nông dân tỉnh'.normalize('NFD')],
    ['the abbreviation LĐLĐ', 'LĐLĐ tỉnh'],
    ['UB MTTQ with a space', 'UB MTTQ Việt Nam tỉnh'],
    ['Hội ND', 'Hội ND tỉnh'],
    ['without "tỉnh"', 'Hội Cựu chiến binh'],
    ['the member\'s Tên viết tắt', 'Hội CCB tỉnh'],
  ])('%s', (_n, name) => {
    const g = base();
    setCell(g, 'Giao ước', 'B7', name);
    expect(readBloc(g).covenant[4]!.unit?.member).toBeDefined();
  });

  test('diacritics are never dropped: Hội Chữ thật đỏ is not Hội Chữ thập đỏ', () => {
    const g = blocToGrid(structuredClone(hoiDacThu2021));
    setCell(g, 'Đề nghị khen thưởng', 'B8', 'Hội Chữ thật đỏ');
    setCell(g, 'Bình xét', 'F8', 'Hoi Chu thap do');
    const m = readBloc(g);
    expect(m.proposals[5]!.unit?.member).toBeUndefined();
    expect(m.votes[5]!.unit?.member).toBeUndefined();
  });
});

test('a grid with nothing in it reads as empty, with every required sheet missing', () => {
  const m = readBloc({ sheets: [] });
  expect(m.members).toEqual([]);
  expect(m.shape.filter((s) => s.kind === 'missing-sheet')).toHaveLength(4);
});
