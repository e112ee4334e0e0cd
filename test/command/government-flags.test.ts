/**
 * The province-wide Government-flag limit (Nghị định 91/2017/NĐ-CP, Điều 11 khoản 1) on a batch
 * of one province's blocs, as the office runs it: the cross-file finding in the report, and the
 * table of each province and year in the office's summary workbook.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { ReportJsonSchema } from '../../engine/report/schema';
import { writeProvinceBatch } from '../support/province-batch';

const ROOT = join(__dirname, '..', '..');
const thidua = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), ...args, '--today', '2026-11-22', '--no-progress'], { cwd: ROOT, encoding: 'utf8' });

jest.setTimeout(60_000);

test('four blocs of Lai Châu in 2023, two proposing the Government flag: over 20 % of four, in the report and the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-co-'));
  const paths = await writeProvinceBatch(dir, 2, 4);
  const summary = join(dir, 'tong-hop.xlsx');
  const run = thidua(['validate', ...paths, '--summary', summary, '--format', 'json', '--fail-on', 'never']);
  expect(run.stderr).toContain('tong-hop.xlsx');
  const report = ReportJsonSchema.parse(JSON.parse(run.stdout));
  const cross = report.crossFile.filter((c) => c.ruleId === 'batch/government-flag-share');
  expect(cross).toHaveLength(1);
  expect(cross[0]!.severity).toBe('warning');
  expect(cross[0]!.files.map((f) => basename(f))).toEqual(['khoi-1.xlsx', 'khoi-2.xlsx']);
  expect(cross[0]!.message).toContain('Lai Châu, năm 2023: 2 tập thể được đề nghị Cờ thi đua của Chính phủ trong 4 sổ của đợt này, vượt 20 % của 4 tập thể');
  expect(cross[0]!.message).toContain('Căn cứ: Nghị định 91/2017/NĐ-CP, Điều 11.');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const sheet = wb.getWorksheet('Cờ Chính phủ')!;
  expect(sheet.getCell('A1').value).toBe('Cờ thi đua của Chính phủ theo tỉnh và năm');
  expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['Tỉnh/Thành phố', 'Năm', 'Số khối', 'Tập thể được đề nghị cờ', 'Đề nghị Cờ của Chính phủ', 'Tối đa', 'Kết quả', 'Căn cứ']);
  expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual(['Lai Châu', 2023, 4, 4, 2, 0, 'Vượt giới hạn', 'Nghị định 91/2017/NĐ-CP, Điều 11']);
  expect(sheet.rowCount).toBe(5);
  // The findings sheet lists it beside the files' own findings.
  const findings = wb.getWorksheet('Phát hiện')!;
  const rules: unknown[] = [];
  findings.eachRow((r) => void rules.push(r.getCell(5).value));
  expect(rules).toContain('batch/government-flag-share');
});

test('five blocs, one Government flag: within the limit, no finding, the summary says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-co-'));
  const paths = await writeProvinceBatch(dir, 1, 5);
  const summary = join(dir, 'tong-hop.xlsx');
  const run = thidua(['validate', ...paths, '--summary', summary, '--format', 'json', '--fail-on', 'never', '--lang', 'en']);
  const report = ReportJsonSchema.parse(JSON.parse(run.stdout));
  expect(report.crossFile.filter((c) => c.ruleId === 'batch/government-flag-share')).toEqual([]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  expect((wb.getWorksheet('Government flags')!.getRow(5).values as unknown[]).slice(1)).toEqual(['Lai Châu', 2023, 5, 5, 1, 1, 'Within the limit', 'Nghị định 91/2017/NĐ-CP, Điều 11']);
});
