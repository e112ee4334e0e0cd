/**
 * The Office adapter (addin/excel/) against the fake Excel that behaves as Excel does
 * (test/support/fake-excel/), in Node: reads, marks, writes and events, each with the awkward
 * part of the real host that it must survive.
 */
import { LEGACY_MARK_FORMULA, markFormula, readMark } from '../../engine/report/marks';
import { type Change, type Mark, needsQuote, officeHost, ValuesSignature, type ReadResult, areaAddresses, toCell } from '../../addin/excel';
import { checkGrid } from '../../engine/check';
import type { Grid } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';
import { templateWorkbook } from '../../writers/template';
import { readXlsx } from '../../reader/read-workbook';
import { readBloc } from '../../engine/template/reader';
import { fittingSheets, templateChecks } from '../../engine/template/checks';
import { FakeExcel, type FakeOptions } from '../support/fake-excel';

function excel(grid: Grid = blocToGrid(laiChauMttq), options: FakeOptions = {}) {
  const fake = new FakeExcel(grid, { syncDelayMs: 0, eventDelayMs: 0, ...options });
  const host = officeHost({ Excel: { run: fake.run.bind(fake) } as unknown as typeof Excel, isSetSupported: (n, v) => fake.isSetSupported(n, v) });
  /** One check: what was read, and the marks `want` asks for. */
  const check = async (ids: string[] | undefined, marks: boolean, want: Mark[] = []) => {
    let read: ReadResult | undefined;
    await host.check({ ...(ids ? { ids } : {}), marks }, (r) => ((read = r), want));
    return read!;
  };
  return { fake, host, check };
}

const idOf = (fake: FakeExcel, name: string) => fake.sheets.find((s) => s.name === name)!.id;
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('reading', () => {
  test('the whole workbook into the Grid the engine checks clean, in one round trip after listing the sheets', async () => {
    const { fake, check } = excel();
    const read = await check(undefined, false);
    expect(read.complete).toBe(true);
    expect(read.sheets.map((s) => s.name)).toEqual(['Thông tin', 'Thành viên', 'Luân phiên', 'Chấm điểm', 'Bình xét', 'Đề nghị khen thưởng', 'Giao ước', 'Số liệu']);
    expect(checkGrid({ sheets: read.sheets }, { today: '2026-11-22' }).findings).toEqual([]);
    expect(read.sheets[0]!.merges).toEqual(['A1:B1']);
    expect(fake.syncs).toBe(2);
  });

  test('one sheet again by its id: one round trip', async () => {
    const { fake, check } = excel();
    await check(undefined, false);
    const before = fake.syncs;
    const read = await check([idOf(fake, 'Bình xét')], false);
    expect(read.sheets.map((s) => s.name)).toEqual(['Bình xét']);
    expect(read.sheets[0]!.rows[2]!.slice(0, 3)).toEqual([{ kind: 'text', value: 'Cờ thi đua của UBND tỉnh' }, { kind: 'number', value: 6 }, { kind: 'number', value: 6 }]);
    expect(fake.syncs - before).toBe(1);
  });

  test('a sheet too large for one answer (Excel on the web: 5 MB) is read in smaller pieces, the same', async () => {
    const grid = blocToGrid(laiChauMttq);
    grid.sheets.push({ name: 'Phụ lục', rows: Array.from({ length: 800 }, (_, i) => [{ kind: 'text' as const, value: `Chỉ tiêu ${i}: một dòng dài cho đủ cỡ của một lần đọc` }, { kind: 'number' as const, value: i }]) });
    const small = excel(grid, { payloadLimit: 30_000 });
    const big = excel(grid);
    const a = await small.check(undefined, false);
    const b = await big.check(undefined, false);
    expect(a.sheets).toEqual(b.sheets);
    expect(small.fake.syncs).toBeGreaterThan(big.fake.syncs);
    // Remembered: the next checks read that sheet in pieces at once, never sending the refused read again.
    expect(small.fake.refusals).toBeGreaterThan(0);
    const refused = small.fake.refusals;
    expect((await small.check(undefined, false)).sheets).toEqual(b.sheets);
    const id = idOf(small.fake, 'Phụ lục');
    expect((await small.check([id], false)).sheets[0]!.rows).toEqual(b.sheets.find((x) => x.name === 'Phụ lục')!.rows);
    expect(small.fake.refusals).toBe(refused);
  });

  test('the fake weighs an answer in UTF-8 bytes, and refuses 5 MB only on Excel on the web', async () => {
    const grid = blocToGrid(laiChauMttq);
    // A sheet of Vietnamese text read whole (its values and its formulas, the text twice): about
    // 4.6 million characters, under 5 MB as characters, about 5.8 MB as UTF-8.
    const line = 'Hội Liên hiệp Phụ nữ tỉnh đạt danh hiệu Cờ thi đua xuất sắc trong phong trào '.repeat(4);
    const rows = 7000;
    grid.sheets.push({ name: 'Phụ lục', rows: Array.from({ length: rows }, () => [{ kind: 'text' as const, value: line }]) });
    expect(2 * JSON.stringify(line).length * rows).toBeLessThan(5 * 1024 * 1024 - 100_000);
    expect(2 * new TextEncoder().encode(JSON.stringify(line)).length * rows).toBeGreaterThan(5 * 1024 * 1024);
    const web = excel(grid, { platform: 'web' });
    const desktop = excel(grid);
    const [a, b] = [await web.check(undefined, false), await desktop.check(undefined, false)];
    expect(a.sheets).toEqual(b.sheets);
    expect(web.fake.refusals).toBeGreaterThan(0);
    expect(desktop.fake.refusals).toBe(0);
  });

  test('merged areas only where the host supports them (ExcelApi 1.13)', async () => {
    expect((await excel(undefined, { api: '1.12' }).check(undefined, false)).sheets[0]!.merges).toBeUndefined();
  });

  test('a sheet asked for by id that is gone: ItemNotFound, for the caller to read everything', async () => {
    const { fake, check } = excel();
    await check(undefined, false);
    const id = idOf(fake, 'Giao ước');
    fake.deleteSheet('Giao ước');
    await expect(check([id], false)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('calculation', () => {
  test('manual calculation is read in the same round trip (ExcelApi 1.8), and "calculate" asks Excel for a full calculation', async () => {
    const manual = excel(undefined, { calculationMode: 'Manual' });
    await manual.check(undefined, false);
    const syncs = manual.fake.syncs;
    const read = await manual.check([idOf(manual.fake, 'Bình xét')], false);
    expect(read.manualCalculation).toBe(true);
    expect(manual.fake.syncs - syncs).toBe(1);
    await manual.host.recalculate();
    expect(manual.fake.calculations).toEqual(['Full']);
    expect((await excel().check(undefined, false)).manualCalculation).toBeUndefined();
    // Excel 2016 (ExcelApi 1.7) cannot tell: nothing asked, nothing said.
    expect((await excel(undefined, { api: '1.7', calculationMode: 'Manual' }).check(undefined, false)).manualCalculation).toBeUndefined();
  });
});

describe('protected sheets', () => {
  test('a fix on a protected sheet is refused as such, unwritten; marks skip it, those already there left as they are', async () => {
    const { fake, host, check } = excel(undefined, { formats: [{ sheet: 'Bình xét', address: 'C4', type: 'Custom', formula: '=ISREF($C$4)+N("thidua")', fill: '#FFC7CE' }] });
    fake.protectSheet('Bình xét');
    expect(await host.write('Bình xét', 'G3', 5)).toEqual({ written: false, reason: 'protected' });
    const read = await check(undefined, true, [{ sheet: 'Bình xét', cell: 'G3', severity: 'error' }, { sheet: 'Số liệu', cell: 'E3', severity: 'warning' }]);
    expect(read.protectedSheets).toEqual(['Bình xét']);
    expect(fake.marks().map((m) => [m.sheet, m.address])).toEqual([['Bình xét', 'C4'], ['Số liệu', 'E3']]);
    fake.protectSheet('Bình xét', false);
    expect(await host.write('Bình xét', 'G3', 5)).toEqual({ written: true });
  });
});

describe('marks', () => {
  const m = (cell: string, severity: Mark['severity'] = 'error'): Mark => ({ sheet: 'Bình xét', cell, severity });

  test('written once, diffed after: a check that wants the same marks writes nothing and adds no undo record', async () => {
    const { fake, check } = excel();
    await check(undefined, true, [m('G3'), m('C4', 'warning')]);
    expect(fake.marks().map((x) => [x.address, x.fill, x.formula])).toEqual([['G3', '#FFC7CE', '=ISREF($G$3)+N("thidua")'], ['C4', '#FFEB9C', '=ISREF($C$4)+N("thidua")']]);
    const undo = fake.undoStack.length;
    const syncs = fake.syncs;
    await check([], true, [m('G3'), m('C4', 'warning')]);
    expect(fake.undoStack.length).toBe(undo);
    expect(fake.syncs - syncs).toBe(1);
    await check([], true, [m('G3', 'warning')]);
    expect(fake.marks().map((x) => [x.address, x.fill])).toEqual([['G3', '#FFEB9C']]);
  });

  test('the marks of a check are one undo record where ExcelApi 1.20 groups them; below 1.19 Excel keeps none', async () => {
    const { fake, check } = excel(undefined, { api: '1.20' });
    await check(undefined, true, [m('G3')]);
    await check([], true, [m('C4')]); // one removed, one added: one record
    expect(fake.undoStack).toEqual(['addin', 'addin']);
    const old = excel(undefined, { api: '1.18' });
    await old.check(undefined, true, [m('G3')]);
    expect(old.fake.undoStack).toEqual([]);
  });

  test('found in the workbook by their formula: left by an earlier pane (also the first version\'s), moved with their rows; the user\'s kept', async () => {
    const { fake, check } = excel(undefined, {
      formats: [
        { sheet: 'Bình xét', address: 'C5', type: 'Custom', formula: LEGACY_MARK_FORMULA, fill: '#FFC7CE' },
        { sheet: 'Bình xét', address: 'G3', type: 'Custom', formula: markFormula('G3'), fill: '#FFC7CE' },
        { sheet: 'Bình xét', address: 'A1:A9', type: 'Custom', formula: '=$A1="x"', fill: '#00FF00' },
        { sheet: 'Bình xét', address: 'G1:G20', type: 'ColorScale' },
      ],
    });
    fake.shiftRows('Bình xét', 2, 1); // G3's mark is now at G4, and its formula says so
    await check(undefined, true, [m('G4')]);
    expect(fake.marks().map((x) => [x.address, x.formula]).sort()).toEqual([['A1:A10', '=$A1="x"'], ['G4', '=ISREF($G$4)+N("thidua")']]);
    expect(fake.sheets.find((s) => s.name === 'Bình xét')!.cfs.some((c) => c.type === 'ColorScale')).toBe(true);
  });

  test('a mark copied with its cell (two marks naming one cell) is made one again', async () => {
    const { fake, check } = excel(undefined, { formats: [{ sheet: 'Bình xét', address: 'G3', type: 'Custom', formula: markFormula('G3'), fill: '#FFC7CE' }, { sheet: 'Bình xét', address: 'K9', type: 'Custom', formula: markFormula('G3'), fill: '#FFC7CE' }] });
    await check(undefined, true, [m('G3')]);
    expect(fake.marks().map((x) => x.address)).toEqual(['G3']);
  });
});

describe('writing a fix', () => {
  test('text Excel would read as a formula, a number or a date is written as text', async () => {
    const { fake, host } = excel();
    for (const [cell, text] of [['D4', '- Xuất sắc'], ['D5', '001'], ['D6', '=1+1'], ['D7', '12/5/2024'], ['D8', 'Hoàn thành tốt']] as const) {
      expect(await host.write('Đề nghị khen thưởng', cell, text)).toEqual({ written: true });
      expect(fake.cell('Đề nghị khen thưởng', cell)).toMatchObject({ value: text, type: 'String' });
      expect(fake.cell('Đề nghị khen thưởng', cell)!.formula).toBeUndefined();
    }
  });

  test('a number in the cell\'s own format: a percentage cell takes the fraction', async () => {
    const { fake, host } = excel();
    fake.setFormat('Bình xét', 'H3', '0.00%');
    await host.write('Bình xét', 'H3', 83.33);
    expect(fake.cell('Bình xét', 'H3')).toMatchObject({ value: 0.8333, format: '0.00%' });
    await host.write('Bình xét', 'H4', 83.33);
    expect(fake.cell('Bình xét', 'H4')).toMatchObject({ value: 83.33 });
  });

  test('never over a formula: refused, the formula kept', async () => {
    const { fake, host } = excel();
    fake.setFormula('Bình xét', 'H3', '=G3/7*100', 71.43);
    expect(await host.write('Bình xét', 'H3', 100)).toEqual({ written: false, reason: 'formula' });
    expect(fake.cell('Bình xét', 'H3')).toMatchObject({ formula: '=G3/7*100', value: 71.43 });
  });
});

describe('events', () => {
  async function listen(options: FakeOptions) {
    const x = excel(undefined, options);
    const changes: Change[] = [];
    await x.check(undefined, false);
    await x.host.onChange((c) => changes.push(c));
    return { ...x, changes };
  }

  test('the user\'s edits come through; the pane\'s own writes do not (Excel says so from ExcelApi 1.14)', async () => {
    const { fake, host, changes } = await listen({ api: '1.14' });
    await host.write('Bình xét', 'G3', 5);
    fake.type('Bình xét', 'G4', 5);
    await tick();
    expect(changes).toEqual([{ ids: [idOf(fake, 'Bình xét')] }]);
  });

  test('below ExcelApi 1.14 the pane knows its own write by where it went; the user\'s next edit of that cell still comes', async () => {
    const { fake, host, changes } = await listen({ api: '1.13' });
    await host.write('Bình xét', 'G3', 5);
    await tick();
    expect(changes).toEqual([]);
    fake.type('Bình xét', 'G3', 7);
    await tick();
    expect(changes).toEqual([{ ids: [idOf(fake, 'Bình xét')] }]);
  });

  test('sheets added, deleted and renamed; formula results recalculated', async () => {
    const { fake, changes } = await listen({ api: '1.17' });
    fake.userAddsSheet('Phụ lục', [['x']]);
    fake.renameSheet('Phụ lục', 'Phụ lục 1');
    fake.deleteSheet('Phụ lục 1');
    fake.setFormula('Bình xét', 'H3', '=G3/6*100', 100);
    fake.recalculated('Bình xét', 'H3', 50);
    await tick();
    expect(changes).toEqual([{ structure: true }, { structure: true }, { structure: true }, { ids: [idOf(fake, 'Bình xét')] }]);
  });

  test('sheets added later are watched where there is no workbook-wide change event (below ExcelApi 1.9)', async () => {
    const { fake, changes } = await listen({ api: '1.8' });
    fake.userAddsSheet('Phụ lục', [['x']]);
    await tick();
    await tick();
    fake.type('Phụ lục', 'A2', 'y');
    await tick();
    expect(changes).toEqual([{ structure: true }, { ids: [idOf(fake, 'Phụ lục')] }]);
  });
});

describe('pieces', () => {
  test('cells by value type: errors, booleans, percentages, dates by format, formulas', () => {
    expect(toCell('#DIV/0!', 'Error', 'General', '=1/0')).toEqual({ kind: 'error', value: '#DIV/0!', formula: { cached: true } });
    expect(toCell(true, 'Boolean', 'General', true)).toEqual({ kind: 'boolean', value: true });
    expect(toCell(0.8333, 'Double', '0.00%', 0.8333)).toEqual({ kind: 'number', value: 0.8333, numFmt: '0.00%' });
    expect(toCell(45303, 'Double', 'dd/mm/yyyy', 45303)).toEqual({ kind: 'number', value: 45303, numFmt: 'dd/mm/yyyy' });
    expect(toCell(6, 'Double', 'General', '=COUNTA(B3:B8)')).toEqual({ kind: 'number', value: 6, formula: { cached: true } });
    expect(toCell('', 'Empty', 'General', '')).toBeUndefined();
    expect(toCell('Hội Nông dân', 'String', '@', 'Hội Nông dân')).toEqual({ kind: 'text', value: 'Hội Nông dân' });
  });

  test('merged areas\' addresses, sheet names with quotes and commas', () => {
    expect(areaAddresses("'Bình xét'!B4:B5, 'Bình xét'!$E$4:$E$5")).toEqual(['B4:B5', 'E4:E5']);
    expect(areaAddresses("'Khối 6, năm ''23'!A1:C1")).toEqual(['A1:C1']);
    expect(areaAddresses('Sheet1!A1')).toEqual(['A1']);
  });

  test('a mark\'s formula names its cell and its pane, read back as Excel or a file may write it', () => {
    expect(readMark(markFormula('AB12'))).toEqual({ cell: 'AB12' });
    expect(readMark(markFormula('AB12', 'k3x9q2'))).toEqual({ cell: 'AB12', owner: 'k3x9q2' });
    expect(readMark('=isref($g$4)+n("thidua")')).toEqual({ cell: 'G4' });
    expect(readMark('ISREF($G$4)+N("thidua:Ab12")')).toEqual({ cell: 'G4', owner: 'ab12' }); // a file's <formula> has no '='
    expect(readMark('=ISLOGICAL(TRUE)')).toEqual({ cell: '' });
    // Near misses: the user's own rules.
    for (const f of ['=$A1="x"', '=ISREF($G$4)', '=ISREF($G$4)+N("thiduaa")', '=ISREF($G$4)+N("thidua:")', '=ISREF($G$4)+N("thidua:a-b")', '=ISREF(G4:H5)+N("thidua")']) expect(readMark(f)).toBeUndefined();
    expect(() => markFormula('G4', 'Not An Id')).toThrow();
  });

  test('a sheet\'s values in short are the same read whole or in pieces, and differ when one value does', () => {
    const rows = [['Tên', 'Số'], ['Sở Tư pháp', 7], ['', 0.5], [true, '=1']];
    const whole = new ValuesSignature().add(2, 1, rows).toString();
    expect(new ValuesSignature().add(4, 1, rows.slice(2)).add(2, 1, rows.slice(0, 2)).toString()).toBe(whole);
    expect(new ValuesSignature().add(2, 1, [...rows.slice(0, 3), [true, '=2']]).toString()).not.toBe(whole);
    expect(new ValuesSignature().add(2, 2, rows).toString()).not.toBe(whole); // moved one column
    expect(new ValuesSignature().add(2, 1, [...rows, ['', '']]).toString()).toBe(whole); // blanks are no values
  });

  test('which texts need the apostrophe to stay text', () => {
    // What Excel turns into something else when typed (formulas, numbers, dates, times, booleans, errors):
    const parsed = [
      '-5', '- Xuất sắc', '=A1', '+84 912', '@x', "'abc", ' =A1', '001', '1,5', '1.234.567', '(12)', '83.33%', ' 42 ',
      '1e5', '2E-3', '-1.5e+10', '1E5', '$100', '100 ₫', '100.000 đ', '€5', '1/2', '0 1/2', '12/5/2024', '2024-05-12', '12.5.2024',
      '5-Jan', 'Jan 2024', 'January 5', '5 Jan 2024', 'sep-24', 'TRUE', 'false', '#N/A', '#REF!', '08:30', '8:30 AM', '8 pm', '10:30:15',
    ];
    for (const s of parsed) expect([s, needsQuote(s)]).toEqual([s, true]);
    // Text Excel keeps as typed: names, codes, words with digits.
    for (const s of ['Hội Nông dân tỉnh', 'Khối 6', 'HTXSNV', 'Cờ thi đua', 'Tổ 1', 'Số 5 đường Trần Phú', 'UBMTTQ tỉnh', 'Quyết định 25/QĐ-UBND', 'Janet', 'Mayor', '']) expect([s, needsQuote(s)]).toEqual([s, false]);
  });
});

describe('"Tạo mẫu" on a workbook whose sheets have other names', () => {
  /** The template as `thidua template` writes it, read back as a grid; renamed and trimmed as `edit` says. */
  async function templateGrid(edit: (g: Grid) => void): Promise<Grid> {
    const wb = templateWorkbook({ year: 2023 }, '2026-11-29');
    const grid = readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    edit(grid);
    return grid;
  }
  const rename = (g: Grid, from: string, to: string) => (g.sheets.find((s) => s.name === from)!.name = to);
  const drop = (g: Grid, ...names: string[]) => (g.sheets = g.sheets.filter((s) => !names.includes(s.name)));
  const checkFormulas = (fake: FakeExcel) => (fake.setup('Kiểm tra')?.formulas ?? []).map(([, f]) => f);

  test('the checks read the renamed sheets by their names; no sheet of the user\'s is added again or formatted', async () => {
    const grid = await templateGrid((g) => {
      rename(g, 'Thành viên', 'Danh sách thành viên');
      rename(g, 'Bình xét', 'Kết quả bình xét');
      drop(g, 'Kiểm tra', 'Giao ước');
    });
    const { fake, host } = excel(grid);
    const names = fittingSheets(readBloc(grid));
    expect(names.get('Thành viên')).toBe('Danh sách thành viên');
    expect(names.get('Bình xét')).toBe('Kết quả bình xét');
    const outcome = await host.createTemplate(undefined, names);
    expect(outcome).toEqual({ added: ['Giao ước', 'Kiểm tra'] });
    expect(fake.sheets.map((s) => s.name).filter((n) => n === 'Thành viên' || n === 'Bình xét')).toEqual([]);
    const formulas = checkFormulas(fake);
    // A row of the renamed ballot sheet, by its position in the table.
    expect(formulas.some((f) => /INDEX\('Kết quả bình xét'!\$G\$2:\$G\$\d+,2\)/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes("'Danh sách thành viên'!$B$3:$B$42"))).toBe(true);
    expect(formulas.filter((f) => /'(Thành viên|Bình xét)'!/.test(f))).toEqual([]);
    // Formats only on the sheet made now; they name the renamed member sheet too.
    const marks = fake.marks();
    expect([...new Set(marks.map((m) => m.sheet))]).toEqual(['Giao ước']);
    expect(marks.every((m) => !m.formula.includes("'Thành viên'!"))).toBe(true);
    // Every rule still counted: the renamed sheets are laid out as the template's.
    const rules = new Set(templateChecks().checks.map((c) => c.ruleId));
    const grid2 = fake.setup('Kiểm tra')!.formulas;
    expect(grid2.filter(([a]) => /^C\d+$/.test(a))).toHaveLength(rules.size);
  });

  test('a sheet laid out otherwise: the checks that read it are left out, their rules listed as thidua\'s alone', async () => {
    const grid = await templateGrid((g) => {
      // A column before the unit's name: the checks would read the wrong cells.
      const members = g.sheets.find((s) => s.name === 'Thành viên')!;
      members.rows = members.rows.map((row) => (row ? [row[0], { kind: 'text', value: row === members.rows[1] ? 'Mã' : '' }, ...row.slice(1)] : row)) as typeof members.rows;
      drop(g, 'Kiểm tra');
    });
    const { fake, host } = excel(grid);
    const names = fittingSheets(readBloc(grid));
    expect(names.has('Thành viên')).toBe(false);
    expect(names.get('Bình xét')).toBe('Bình xét');
    await host.createTemplate(undefined, names);
    const formulas = checkFormulas(fake);
    expect(formulas.filter((f) => f.includes("'Thành viên'!"))).toEqual([]);
    expect(formulas.some((f) => f.includes("'Chấm điểm'!"))).toBe(true);
    const sheet = fake.sheets.find((s) => s.name === 'Kiểm tra')!;
    const listed = [...sheet.cells].filter(([a]) => /^E\d+$/.test(a)).map(([, c]) => String(c.value));
    expect(listed).toContain('refs/unknown-unit');
    expect(listed).toContain('members/duplicate');
  });

  test('a sheet "Danh mục" of other columns (an older template\'s, or the user\'s): the checks that look up its lists are left out', async () => {
    const grid = await templateGrid((g) => {
      const lists = g.sheets.find((s) => s.name === 'Danh mục')!;
      lists.rows = lists.rows.map((row) => row?.slice(0, 2)) as typeof lists.rows;
      drop(g, 'Kiểm tra');
    });
    const { fake, host } = excel(grid);
    await host.createTemplate(undefined, fittingSheets(readBloc(grid)));
    const formulas = checkFormulas(fake);
    expect(formulas.filter((f) => f.includes("'Danh mục'!"))).toEqual([]);
    expect(formulas.some((f) => f.includes("'Thành viên'!"))).toBe(true);
    const sheet = fake.sheets.find((s) => s.name === 'Kiểm tra')!;
    const listed = [...sheet.cells].filter(([a]) => /^E\d+$/.test(a)).map(([, c]) => String(c.value));
    expect(listed).toEqual(expect.arrayContaining(['awards/quota', 'awards/rank-order', 'votes/below-threshold']));
  });
});
