import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx as readGrid } from '../../batch/xlsx/reader';
import { checkGrid } from '../../engine/check';
import { SHEETS } from '../../engine/template/spec';

const ROOT = join(__dirname, '..', '..');
const thidua = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [join(ROOT, 'dist', 'batch', 'cli.js'), ...args], { cwd, encoding: 'utf8' });

async function load(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('thidua template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));

  test('every sheet of template v1 with its headers, frozen, with drop-downs and prompts', async () => {
    const out = join(dir, 'mau.xlsx');
    expect(thidua(['template', '--out', out]).status).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS.map((s) => s.name));
    const votes = wb.getWorksheet('Bình xét')!;
    expect(votes.getRow(2).values).toEqual([undefined, 'Hình thức khen thưởng', 'Số thành viên dự', 'Số phiếu phát ra', 'Số phiếu thu về', 'Số phiếu hợp lệ', 'Tên đơn vị', 'Số phiếu đồng ý', 'Tỷ lệ (%)']);
    expect(votes.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(votes.getCell('A3').dataValidation).toMatchObject({ type: 'list', showInputMessage: true });
    expect(String(votes.getCell('A3').dataValidation.formulae[0])).toContain('Cờ thi đua của UBND tỉnh');
    expect(votes.getCell('F10').dataValidation).toMatchObject({ type: 'list', formulae: ["'Thành viên'!$B$3:$B$62"] });
    expect(votes.getCell('C3').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(wb.getWorksheet('Thông tin')!.getCell('B9').dataValidation).toMatchObject({ type: 'date' });
    expect(wb.getWorksheet('Giao ước')!.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    // Blank, it is only incomplete: the reader finds every sheet and column.
    const findings = checkGrid(await readGrid(readFileSync(out)), { today: '2026-11-22' }).findings;
    expect([...new Set(findings.map((f) => f.ruleId))]).toEqual(['cell/required']);
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
});

test('the template, filled in and re-saved by LibreOffice, validates with no finding', async () => {
  const grid = await readGrid(readFileSync(join(ROOT, 'test', 'fixtures', 'libreoffice', 'template-filled.xlsx')));
  expect(checkGrid(grid, { today: '2026-11-22' }).findings).toEqual([]);
});
