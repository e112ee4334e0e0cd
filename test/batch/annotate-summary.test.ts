import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { ReportJsonSchema } from '../../engine/report/schema';

const ROOT = join(__dirname, '..', '..');
const thidua = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'batch', 'cli.js'), ...args, '--today', '2026-11-22'], { cwd: ROOT, encoding: 'utf8' });
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function load(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('--annotate and --summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const copies = join(dir, 'danh-dau');
  const summary = join(dir, 'tong-hop.xlsx');
  const inputs = [...readdirSync(join(ROOT, 'samples', 'faulty')).map((f) => join(ROOT, 'samples', 'faulty', f)), join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx')];
  const before = inputs.map(sha);
  const run = thidua(['validate', ...inputs, '--annotate', copies, '--summary', summary, '--format', 'json']);
  const report = ReportJsonSchema.parse(JSON.parse(run.stdout));

  test('inputs are untouched and one copy is written per workbook', () => {
    expect(run.status).toBe(1);
    expect(inputs.map(sha)).toEqual(before);
    expect(readdirSync(copies).sort()).toEqual(inputs.map((p) => basename(p).replace(/\.xlsx$/, '.kiem-tra.xlsx')).sort());
  });

  test('a copy opens with "Kết quả kiểm tra" first, a row and a link per finding, and the cells marked', async () => {
    const file = report.files.find((f) => basename(f.path) === 'lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.xlsx')!;
    const wb = await load(join(copies, 'lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.kiem-tra.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('Kết quả kiểm tra');
    const sheet = wb.worksheets[0]!;
    const rows = file.findings.map((_, i) => sheet.getRow(i + 3));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(file.findings.map((f) => f.ruleId));
    expect(rows[0]!.getCell(1).value).toMatchObject({ hyperlink: `'${file.findings[0]!.sheet}'!${file.findings[0]!.cell}` });
    const marked = wb.getWorksheet('Số liệu')!.getCell('E3');
    expect(marked.fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(String(marked.note)).toContain('"Thực hiện" được nhập dạng chữ "53.211"');
  });

  test('checking a copy again finds the same (the result sheet is an extra sheet)', () => {
    const again = ReportJsonSchema.parse(JSON.parse(thidua(['validate', join(copies, 'quang-ninh-thieu-nguoi-du.kiem-tra.xlsx'), '--format', 'json']).stdout));
    const original = report.files.find((f) => basename(f.path) === 'quang-ninh-thieu-nguoi-du.xlsx')!;
    expect(again.files[0]!.findings.map((f) => [f.ruleId, f.sheet, f.cell])).toEqual(original.findings.map((f) => [f.ruleId, f.sheet, f.cell]));
  });

  test('the office summary: one row per file with counts, leaders and proposals by award; every finding', async () => {
    const wb = await load(summary);
    const tong = wb.getWorksheet('Tổng hợp')!;
    expect(tong.rowCount).toBe(inputs.length + 1);
    expect(tong.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(tong.autoFilter).toBeDefined();
    const lai = tong.getRows(2, inputs.length)!.find((r) => r.getCell(1).value === 'lai-chau-mttq-2023.xlsx')!;
    expect(lai.values).toEqual(expect.arrayContaining(['Lai Châu', 2023, 'Đạt', 'Liên đoàn Lao động tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh; Hội Nông dân tỉnh']));
    const findings = wb.getWorksheet('Phát hiện')!;
    const total = report.files.reduce((n, f) => n + f.findings.length, 0) + report.crossFile.length;
    expect(findings.rowCount).toBe(total + 1);
  });
});

test('text from a workbook starting with "=" stays text in the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const file = join(dir, 'x.xlsx');
  const wb = await load(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));
  wb.getWorksheet('Thông tin')!.getCell('B4').value = '=1+1';
  await wb.xlsx.writeFile(file);
  thidua(['validate', file, '--summary', join(dir, 's.xlsx')]);
  const s = await load(join(dir, 's.xlsx'));
  const cell = s.getWorksheet('Tổng hợp')!.getCell('C2');
  expect(cell.value).toBe('=1+1');
  expect(cell.formula).toBeUndefined();
});
