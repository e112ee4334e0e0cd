import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ReportJsonSchema } from '../../engine/report/schema';

/**
 * Workbooks written by other programs: LibreOffice Calc 7.4 re-saved the samples and made
 * the .xls, the password-protected file and the .ods (test/fixtures/make-libreoffice.py);
 * openpyxl 3.0 re-saved them, with serial and with ISO dates (test/fixtures/make-openpyxl.py).
 */
const ROOT = join(__dirname, '..', '..');
const LO = join(ROOT, 'test', 'fixtures', 'libreoffice');

function validate(paths: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), 'validate', ...paths, '--format', 'json', '--today', '2026-11-22'], { encoding: 'utf8' });
  return { code: r.status, report: ReportJsonSchema.parse(JSON.parse(r.stdout)) };
}

test('the seven samples re-saved by LibreOffice validate with no finding', () => {
  const { code, report } = validate([join(LO, 'resaved-*.xlsx')]);
  expect(code).toBe(0);
  expect(report.counts).toMatchObject({ files: 7, valid: 7, error: 0, warning: 0, info: 0 });
});

test('a legacy .xls, a password-protected workbook and an .ods (also renamed .xlsx) are unreadable with their codes', () => {
  const renamed = join(mkdtempSync(join(tmpdir(), 'thidua-')), 'khoi-thi-dua.xlsx');
  copyFileSync(join(LO, 'lai-chau.ods'), renamed);
  const { code, report } = validate([join(LO, 'lai-chau.xls'), join(LO, 'lai-chau-mat-khau.xlsx'), join(LO, 'lai-chau.ods'), renamed, join(LO, 'resaved-lai-chau-mttq-2023.xlsx')]);
  expect(code).toBe(1);
  expect(report.files.map((f) => [basename(f.path), f.status, f.error?.code])).toEqual([
    ['lai-chau.xls', 'unreadable', 'xls-legacy'],
    ['lai-chau-mat-khau.xlsx', 'unreadable', 'encrypted'],
    ['lai-chau.ods', 'unreadable', 'not-a-workbook'],
    ['khoi-thi-dua.xlsx', 'unreadable', 'not-a-workbook'],
    ['resaved-lai-chau-mttq-2023.xlsx', 'valid', undefined],
  ]);
  expect(report.files[1]!.error!.message).toBe('Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại.');
  expect(report.files[0]!.error!.message).toContain('.xls');
  expect(report.files[3]!.error!.message).toContain('OpenDocument');
});

test('the clean samples re-saved by openpyxl, also with dates as ISO 8601 text (t="d"), validate with no finding', () => {
  const { code, report } = validate([join(ROOT, 'test', 'fixtures', 'by-openpyxl')]);
  expect(code).toBe(0);
  expect(report.files.map((f) => [basename(f.path), f.status, f.counts.error, f.counts.warning, f.counts.info])).toEqual(
    report.files.map((f) => [basename(f.path), 'valid', 0, 0, 0]),
  );
  expect(report.counts).toMatchObject({ files: 9, valid: 9 });
});
