import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { readXlsx as readGrid } from '../../reader/read-workbook';
import { checkGrid } from '../../engine/check';
import { SHEETS } from '../../engine/template/spec';
import { defaultGeometry, PORTABLE_FUNCTIONS, templateChecks } from '../../engine/template/checks';
import { currentNationalSettings } from '../../engine/profiles';
import { type BlocData, blocToGrid } from '../../engine/template/writer';
import { excelValue } from '../support/write-grid';
import { Pkg } from '../../reader/package-edit';
import { fromA1 } from '../../engine/model/grid';
import { laiChauMttq } from '../../samples/blocs';

const ROOT = join(__dirname, '..', '..');
const thidua = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), ...args], { cwd, encoding: 'utf8' });

/** A header row's text, rich or plain. */
const headers = (ws: ExcelJS.Worksheet, row = 2) =>
  (ws.getRow(row).values as ExcelJS.CellValue[]).slice(1).map((v) => (v && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v));

async function load(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('thidua template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const g = defaultGeometry();

  test('every sheet of template v1 with its headers, frozen, with drop-downs and prompts', async () => {
    const out = join(dir, 'mau.xlsx');
    expect(thidua(['template', '--out', out]).status).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEETS.map((s) => s.name), 'Kiểm tra', 'Danh mục']);
    expect(wb.worksheets.map((w) => w.state)).toEqual([...SHEETS.map(() => 'visible'), 'visible', 'hidden']);
    const votes = wb.getWorksheet('Bình xét')!;
    expect(headers(votes)).toEqual(['Hình thức khen thưởng (*)', 'Số thành viên dự (*)', 'Số phiếu phát ra (*)', 'Số phiếu thu về (*)', 'Số phiếu hợp lệ (*)', 'Tên đơn vị (*)', 'Số phiếu đồng ý (*)', 'Tỷ lệ (%)']);
    expect(votes.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(votes.getCell('A3').dataValidation).toMatchObject({ type: 'list', showInputMessage: true });
    expect(String(votes.getCell('A3').dataValidation.formulae[0])).toContain('Cờ thi đua của UBND tỉnh');
    // A unit is picked by its name or its abbreviation: Danh mục gathers both from Thành viên.
    const units = `'Danh mục'!$M$3:$M$${2 + 2 * (g.last('members') - 2)}`;
    expect(votes.getCell('F10').dataValidation).toMatchObject({ type: 'list', formulae: [units] });
    // Luân phiên's units may be former members: offered the list, any other taken after a note.
    expect(wb.getWorksheet('Luân phiên')!.getCell('B5').dataValidation).toMatchObject({ type: 'list', formulae: [units], errorStyle: 'information' });
    expect(votes.getCell('C3').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(wb.getWorksheet('Thông tin')!.getCell('B9').dataValidation).toMatchObject({ type: 'date' });
    // Dates shown as Vietnamese write them, whatever the computer's setting.
    expect(wb.getWorksheet('Thông tin')!.getCell('B9').numFmt).toBe('dd/mm/yyyy');
    expect(wb.getWorksheet('Giao ước')!.getCell('D3').numFmt).toBe('dd/mm/yyyy');
    expect(wb.getWorksheet('Giao ước')!.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    // Blank, it is only incomplete: the reader finds every sheet and column.
    const findings = checkGrid(await readGrid(readFileSync(out)), { today: '2026-11-22' }).findings;
    expect([...new Set(findings.map((f) => f.ruleId))]).toEqual(['cell/required']);
  });

  test('each drop-down and check is written once over its range, never twice over overlapping ones', () => {
    const out = join(dir, 'mau-xml.xlsx');
    expect(thidua(['template', '--out', out]).status).toBe(0);
    const pkg = new Pkg(readFileSync(out));
    for (const part of pkg.layout().sheets) {
      const ranges = [...pkg.text(part)!.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
      const cells = ranges.flatMap((r) => {
        const [a, b = a] = r.split(':') as [string, string?];
        const from = fromA1(a)!;
        const to = fromA1(b!)!;
        const out: string[] = [];
        for (let row = from.row; row <= to.row; row++) for (let col = from.col; col <= to.col; col++) out.push(`${col},${row}`);
        return out;
      });
      expect([part, cells.length]).toEqual([part, new Set(cells).size]);
    }
    const votes = pkg.text(pkg.layout().sheets[4]!)!;
    expect([...votes.matchAll(/<dataValidation /g)]).toHaveLength(8); // one per column, each has one
  });

  test('an office form: required headers marked (*) in red, borders round the input area, totals and percentages as formulas, printed A4', async () => {
    const wb = await load(join(dir, 'mau.xlsx'));
    const scores = wb.getWorksheet('Chấm điểm')!;
    const total = scores.getCell('F2').value as ExcelJS.CellRichTextValue;
    expect(total.richText.map((r) => r.text).join('')).toBe('Tổng điểm (*)');
    expect(total.richText[1]).toMatchObject({ text: ' (*)', font: { color: { argb: 'FFC00000' } } });
    expect(scores.getCell('C2').value).toBe('Tiêu chí 1'); // not required: not marked
    expect(scores.getCell('F4').formula).toBe('IF(COUNT(C4:E4)=0,"",SUM(C4:E4))');
    // As many rows as the profile's largest bloc (quoc-gia: 40 units), the row of maxima above them.
    const last = g.last('scores');
    expect(last).toBe(3 + currentNationalSettings().blocSize.max);
    expect(scores.getCell(`F${last}`).formula).toBe(`IF(COUNT(C${last}:E${last})=0,"",SUM(C${last}:E${last}))`);
    expect(scores.getCell(`F${last + 1}`).formula).toBeUndefined();
    expect(wb.getWorksheet('Bình xét')!.getCell('H5').formula).toBe(`IF(G5="","",ROUND(G5/MAX(1,COUNTA('Thành viên'!$B$3:$B$${g.last('members')}))*100,2))`);
    expect(wb.getWorksheet('Số liệu')!.getCell('F3').formula).toBe('IF(OR(D3="",E3="",D3=0),"",ROUND(E3/D3*100,2))');
    for (const cell of ['A2', 'B3', `H${last}`]) expect(scores.getCell(cell).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(scores.getCell(`A${last + 1}`).border ?? {}).toEqual({});
    expect(wb.getWorksheet('Luân phiên')!.pageSetup.orientation).toBe('portrait'); // three columns
    expect(wb.getWorksheet('Số liệu')!.pageSetup.orientation).toBe('portrait'); // a little wider than a page: upright, its form on one page
    const info = wb.getWorksheet('Thông tin')!;
    expect((info.getCell('A3').value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('')).toBe('Tỉnh/Thành phố (*)');
    expect(info.getCell('A10').value).toBe('Địa điểm');
    expect(scores.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '2:2' });
  });

  test('its own checks: a coloured format on each tested range, the rule in the input message, Kiểm tra counting every rule, protected', async () => {
    const wb = await load(join(dir, 'mau.xlsx'));
    const votes = wb.getWorksheet('Bình xét')!;
    const formats = (votes as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    const over = formats.filter((f) => f.ref === `G3:G${g.last('votes')}`).flatMap((f) => f.rules);
    // Ballots past the award's valid ones: the last number of `Số phiếu hợp lệ` down to the row (no range that ends on it).
    const [v, last] = [`$E$3:$E$${g.last('votes')}`, g.last('votes')];
    expect(over).toContainEqual(expect.objectContaining({ type: 'expression', formulae: [`IFERROR(AND(ISNUMBER(G3),G3>IFERROR(INDEX($E$1:$E$${last},1/(1/SUMPRODUCT(MAX(ISNUMBER(${v})*(ROW(${v})<=ROW($E3))*ROW(${v}))))),9.99E+307)),FALSE)`] }));
    expect(votes.getCell('G5').dataValidation.prompt).toContain('Kiểm tra: Số phiếu đồng ý không được vượt số phiếu hợp lệ.');
    const check = wb.getWorksheet('Kiểm tra')!;
    const active = templateChecks().checks;
    const rules = new Set(active.map((c) => c.ruleId)).size;
    // Problems to fix (errors, warnings) apart from the notes.
    expect(check.getRow(1).values).toEqual([undefined, 'Quy tắc', 'Nội dung', 'Số vấn đề', 'Mức độ', 'Số lỗi và cảnh báo (cần sửa):', { formula: `SUMIF(D2:D${rules + 1},"<>lưu ý",C2:C${rules + 1})` }]);
    expect(check.getCell('F2').value).toEqual({ formula: `SUMIF(D2:D${rules + 1},"lưu ý",C2:C${rules + 1})` });
    const ids = Array.from({ length: rules }, (_, i) => check.getCell(i + 2, 1).value);
    expect(new Set(ids)).toEqual(new Set(active.map((c) => c.ruleId)));
    expect(String((check.getCell('C2').value as ExcelJS.CellFormulaValue).formula)).toMatch(/^SUM\([A-Z]+2:[A-Z]+\d+\)/);
    expect(check.getCell('E4').value).toBe(templateChecks().others[0]); // the rules only thidua checks, beside
    expect((check as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect((wb.getWorksheet('Danh mục') as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // Excel refuses a formula longer than 8,192 characters: none of the template's is.
    const lengths: number[] = [];
    wb.eachSheet((ws) => {
      for (const f of (ws as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings) for (const r of f.rules) lengths.push(...(r.formulae ?? []).map((x) => x.length));
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.formula) lengths.push(cell.formula.length + 1);
      }));
    });
    expect(lengths.length).toBeGreaterThan(1000);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8192);
    // Only the functions Excel 2010, WPS and LibreOffice evaluate alike.
    const used = new Set<string>();
    wb.eachSheet((ws) => {
      const formulas = [
        ...(ws as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings.flatMap((f) => f.rules.flatMap((r) => r.formulae ?? [])),
      ];
      ws.eachRow((row) => row.eachCell((cell) => void (cell.formula && formulas.push(cell.formula))));
      for (const f of formulas) for (const m of f.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(m[1]!);
    });
    expect([...used].filter((f) => !PORTABLE_FUNCTIONS.includes(f))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  test.each([
    ['2023', 63, 'Hà Giang'],
    ['2025', 34, 'Tuyên Quang'],
  ])('the drop-down of Tỉnh/Thành phố lists the provinces in force for the year %s (%i) and that of Bộ quy tắc the built-in profiles', async (year, count, example) => {
    const out = join(dir, `mau-${year}.xlsx`);
    expect(thidua(['template', '--out', out, '--year', year]).status).toBe(0);
    const wb = await load(out);
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.getCell('B3').dataValidation).toMatchObject({ type: 'list', formulae: [`'Danh mục'!$A$3:$A$${2 + count}`] });
    const lists = wb.getWorksheet('Danh mục')!;
    const provinces = Array.from({ length: count }, (_, i) => lists.getCell(3 + i, 1).value);
    expect(provinces).toContain(example);
    expect(lists.getCell(3 + count, 1).value ?? null).toBeNull();
    // The made-up example profile is for demonstrations: a real template does not offer it.
    expect(info.getCell('B13').dataValidation).toMatchObject({ type: 'list', formulae: ['"quoc-gia"'] });
  });

  test('pre-filled with province, year, bloc and members', async () => {
    const out = join(dir, 'lai-chau.xlsx');
    const r = thidua(['template', '--out', out, '--province', 'Lai Châu', '--year', '2023', '--bloc', 'Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh', '--members', 'Ủy ban MTTQ Việt Nam tỉnh; Liên đoàn Lao động tỉnh;Hội Liên hiệp Phụ nữ tỉnh']);
    expect(r.status).toBe(0);
    const { model, findings } = checkGrid(await readGrid(readFileSync(out)), { today: '2026-11-22' });
    expect(model.info.province.value).toBe('Lai Châu');
    expect(model.info.year.value).toBe(2023);
    expect(model.info.memberCount.value).toBe(3);
    expect(model.members.map((m) => m.name)).toEqual(['Ủy ban MTTQ Việt Nam tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh']);
    // What is left to fill in: the leaders and the date, the totals of the pre-listed units,
    // and whether each signed the covenant.
    expect(findings.map((f) => [f.ruleId, `${f.sheet}!${f.cell}`]).sort()).toEqual([
      ['cell/required', 'Chấm điểm!F4'], ['cell/required', 'Chấm điểm!F5'], ['cell/required', 'Chấm điểm!F6'],
      ['cell/required', 'Thông tin!B11'], ['cell/required', 'Thông tin!B6'], ['cell/required', 'Thông tin!B9'],
      ['covenant/unsigned', 'Giao ước!C3'], ['covenant/unsigned', 'Giao ước!C4'], ['covenant/unsigned', 'Giao ước!C5'],
    ]);
  });

  test('refuses to overwrite the default file and takes only sane years', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'thidua-'));
    expect(thidua(['template'], cwd).status).toBe(0);
    expect(thidua(['template'], cwd).status).toBe(2);
    expect(thidua(['template', '--out', join(cwd, 'x.xlsx'), '--year', '23']).status).toBe(2);
  });

  test('never overwrites a workbook named with --out (it may be a filled-in one) unless --force', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'thidua-'));
    const filled = join(cwd, 'so-da-dien.xlsx');
    expect(thidua(['template', '--out', filled]).status).toBe(0);
    const before = readFileSync(filled);
    const again = thidua(['template', '--out', filled, '--province', 'Lai Châu']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('có thể là sổ đã điền');
    expect(readFileSync(filled).equals(before)).toBe(true);
    expect(thidua(['template', '--out', filled, '--province', 'Lai Châu', '--force']).status).toBe(0);
    expect(readFileSync(filled).equals(before)).toBe(false);
  });

  test('--profile: a province\'s own file sets the figures of the checks; its names are text in the workbook, never a formula', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'thidua-'));
    const national = JSON.parse(readFileSync(join(ROOT, 'engine', 'profiles', 'quoc-gia.json'), 'utf8')) as { versions: { from: string; awards?: { aliases: unknown[] }[] }[] };
    const awards = structuredClone(national.versions.find((v) => v.from === '2024-01-01')!.awards!);
    awards[1]!.aliases.push('=HYPERLINK("http://x.invalid","Cờ")');
    const profile = { id: 'tinh-thu', name: { vi: 'Tỉnh thử', en: 'Test province' }, description: { vi: 'thử', en: 'test' }, extends: 'quoc-gia', versions: [{ from: '2024-01-01', basis: 'thử', awards, quota: { provinceFlags: { share: 0.2, min: 1, basis: 'thử' }, leadingFlags: { max: 1, basis: 'thử' }, governmentFlag: { max: 1, basis: 'thử' }, certificates: { share: 0.3, basis: 'thử' } } }] };
    const file = join(cwd, 'tinh-thu.json');
    writeFileSync(file, JSON.stringify(profile));
    const out = join(cwd, 'mau-tinh.xlsx');
    const r = thidua(['template', '--out', out, '--year', '2024', '--profile', file]);
    expect(r.stderr).toBe('');
    const wb = await load(out);
    // Written in Bộ quy tắc, so that thidua follows the same profile; its Bằng khen quota in the formulas.
    expect(wb.getWorksheet('Thông tin')!.getCell('B13').value).toBe('tinh-thu');
    const quota = (wb.getWorksheet('Đề nghị khen thưởng') as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings.flatMap((f) => f.rules.flatMap((x) => x.formulae ?? []));
    expect(quota.some((f) => f.includes('INT(0.3*COUNTA('))).toBe(true);
    const lists = wb.getWorksheet('Danh mục')!;
    const cells: ExcelJS.Cell[] = [];
    lists.eachRow((row) => row.eachCell((c) => void cells.push(c)));
    expect(cells.find((c) => c.value === '=HYPERLINK("http://x.invalid","Cờ")')?.type).toBe(ExcelJS.ValueType.String);
    // The only formulas of Danh mục gather the units typed in Thành viên (L, M): none is a name of the profile.
    expect(cells.filter((c) => c.formula !== undefined && !/^[LM]\d+$/.test(c.address)).map((c) => c.address)).toEqual([]);
  });
});

test('the template, filled in and re-saved by LibreOffice, validates with no finding', async () => {
  const grid = await readGrid(readFileSync(join(ROOT, 'test', 'fixtures', 'libreoffice', 'template-filled.xlsx')));
  expect(checkGrid(grid, { today: '2026-11-22' }).findings).toEqual([]);
});

/**
 * The template's own formulas, computed by another program: a bloc's figures typed into the
 * template (every cell but the formulas), LibreOffice opens it, computes `Tổng điểm` and
 * `Tỷ lệ (%)` and saves it; the engine then finds nothing to say.
 */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice && process.env.CI) throw new Error('CI needs LibreOffice (libreoffice-calc-nogui) for this test');
(soffice ? test : test.skip)('a bloc typed into the template, its totals and percentages computed by LibreOffice from the formulas, validates with no finding', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const blank = join(dir, 'mau.xlsx');
  expect(thidua(['template', '--out', blank, '--year', '2023']).status).toBe(0);
  // The sample's four criteria as the template's three (the last two added up).
  const scores = laiChauMttq.scores!;
  const three = <T>(xs: T[], add: (a: T, b: T) => T) => [xs[0]!, xs[1]!, add(xs[2]!, xs[3]!)];
  const bloc: BlocData = {
    ...laiChauMttq,
    scores: { criteria: three(scores.criteria, (a, b) => ({ name: `${a.name}; ${b.name}`, max: a.max + b.max })), rows: scores.rows.map((r) => ({ unit: r.unit, scores: three(r.scores, (a, b) => a + b) })) },
  };
  const grid = blocToGrid(bloc);
  const wb = await load(blank);
  let typed = 0;
  for (const sheet of grid.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const target = ws.getCell(r + 1, c + 1);
        if (!cell || cell.kind === 'blank' || target.formula) return; // a formula is the template's to compute
        target.value = excelValue(cell);
        typed++;
      }),
    );
  }
  expect(typed).toBeGreaterThan(100);
  await wb.xlsx.writeFile(join(dir, 'da-dien.xlsx'));
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo'), join(dir, 'da-dien.xlsx')], { stdio: 'pipe', timeout: 120_000 });
  const { model, findings } = checkGrid(readGrid(readFileSync(join(dir, 'lo', 'da-dien.xlsx'))), { today: '2026-11-22' });
  expect(findings).toEqual([]);
  // What LibreOffice computed is what the figures say.
  expect(model.scores.map((s) => s.total.value)).toEqual(bloc.scores!.rows.map((r) => r.scores.reduce((a, b) => a + b, 0)));
  expect(model.votes.map((v) => v.percent.value)).toEqual(bloc.votes.flatMap((v) => v.candidates.map((c) => Math.round((c.votes / bloc.members.length) * 10000) / 100)));
  expect(model.stats.map((s) => s.percent.value)).toEqual(bloc.stats!.map((s) => Math.round((s.actual / s.plan!) * 10000) / 100));
}, 180_000);
