/**
 * What the office received, every file of it: a folder holding workbooks, an old .xls, a Word
 * document, an OpenDocument spreadsheet, a PDF, Excel's lock file and hidden files. Every
 * received file is in the report, the sender of each unreadable one is told what to send
 * instead, lock and hidden files are passed over and counted, and no run ends in a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { makeZip } from '../../reader/zip-writer';
import { ReportJsonSchema } from '../../engine/report/schema';
import { UNREADABLE } from '../../engine/report/unreadable';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'command', 'cli.js');
const LO = join(ROOT, 'test', 'fixtures', 'libreoffice');

function thidua(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--today', '2026-11-22', '--no-progress'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |Error:|node:internal|\.js:\d+/);

const dir = mkdtempSync(join(tmpdir(), 'thidua-nhan-ve-'));
copyFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'), join(dir, 'lai-chau.xlsx'));
copyFileSync(join(LO, 'lai-chau.xls'), join(dir, 'khoi-cu.xls'));
copyFileSync(join(LO, 'lai-chau.ods'), join(dir, 'khoi-ods.ods'));
writeFileSync(join(dir, 'bien-ban.docx'), makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>') }]));
writeFileSync(join(dir, 'bao-cao.pdf'), '%PDF-1.4\n%…\n');
writeFileSync(join(dir, 'so-nhi-phan.bin'), makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') }, { name: 'xl/workbook.bin', data: Buffer.from([0x83, 0x01, 0x00]) }]));
writeFileSync(join(dir, 'trinh-chieu.pptx'), makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') }, { name: 'ppt/presentation.xml', data: Buffer.from('<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>') }]));
writeFileSync(join(dir, '~$lai-chau.xlsx'), Buffer.alloc(165, 1)); // Excel's lock file beside an open workbook
writeFileSync(join(dir, '.DS_Store'), 'x');
writeFileSync(join(dir, 'Thumbs.db'), 'x');
mkdirSync(join(dir, '.an'));
writeFileSync(join(dir, '.an', 'khac.xlsx'), 'x');

describe('a folder as the office receives it', () => {
  test('every received file is reported; what is not a workbook says what to send instead; lock and hidden files are passed over', () => {
    const r = thidua(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1); // unreadable files make the exit status 1
    const report = ReportJsonSchema.parse(JSON.parse(r.out));
    expect(report.files.map((f) => [basename(f.path), f.status, f.error?.code])).toEqual([
      ['bao-cao.pdf', 'unreadable', 'not-a-workbook'],
      ['bien-ban.docx', 'unreadable', 'not-a-workbook'],
      ['khoi-cu.xls', 'unreadable', 'xls-legacy'],
      ['khoi-ods.ods', 'unreadable', 'not-a-workbook'],
      ['lai-chau.xlsx', 'valid', undefined],
      ['so-nhi-phan.bin', 'unreadable', 'not-a-workbook'],
      ['trinh-chieu.pptx', 'unreadable', 'not-a-workbook'],
    ]);
    const message = (name: string) => report.files.find((f) => basename(f.path) === name)!.error!.message;
    expect(message('bao-cao.pdf')).toContain('PDF');
    expect(message('bien-ban.docx')).toContain('Word');
    expect(message('khoi-ods.ods')).toContain('OpenDocument');
    // Each as the reader recognised it (a code passed along, never a regex over its detail).
    expect(message('so-nhi-phan.bin')).toBe(UNREADABLE['not-a-workbook'].variants!.xlsb!.vi);
    expect(message('trinh-chieu.pptx')).toBe(UNREADABLE['not-a-workbook'].variants!.powerpoint!.vi);
    expect(message('khoi-cu.xls')).toBe(UNREADABLE['xls-legacy'].message.vi);
    noStack(r.err);
  });

  test('the text output counts what it passed over, and shows no internal code', () => {
    const r = thidua(['validate', dir]);
    expect(r.out).toContain('Đã bỏ qua 3 tệp khoá của Excel (~$…) và tệp ẩn');
    expect(r.out).not.toMatch(/\[(not-a-workbook|xls-legacy)\]/);
    const en = thidua(['validate', dir, '--lang', 'en']);
    expect(en.out).toContain('Passed over 3 files: Excel lock files');
  });

  test.each([
    ['a report into a folder that does not exist', ['--out', join(dir, 'khong-co', 'bao-cao.html')], /Không ghi được --out: không có thư mục/],
    ['a report onto a folder', ['--out', dir], /Không ghi được --out: đó là một thư mục/],
    ['a summary that is not .xlsx', ['--summary', join(dir, 'tong-hop.csv')], /Không ghi được --summary: phải là tệp \.xlsx/],
    ['copies under a file', ['--annotate', join(dir, 'lai-chau.xlsx', 'danh-dau')], /Không ghi được --annotate: .* không phải thư mục/],
  ])('%s: a usage error before any file is read (exit 2), in Vietnamese', (_name, options, message) => {
    const r = thidua(['validate', dir, ...options]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    noStack(r.err);
  });

  test.each([
    [['validate', dir, '--bogus'], 'vi', 'Không có tùy chọn "--bogus".'],
    [['validate', dir, '--bogus', '--lang', 'en'], 'en', 'There is no option "--bogus".'],
    [['validate', dir, '--out'], 'vi', 'Tùy chọn --out cần một giá trị.'],
    [['validate', dir, '--jobs', 'hai'], 'vi', '--jobs phải là số nguyên từ 1 đến 64 (nhận được "hai").'],
    [['validate', dir, '--jobs', 'hai', '--lang', 'en'], 'en', '--jobs must be a whole number from 1 to 64 (got "hai").'],
    [['kiem-tra'], 'vi', 'Không có lệnh "kiem-tra".'],
  ])('%j: said in %s, exit 2, no stack trace', (args, _lang, said) => {
    const r = thidua(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(said);
    noStack(r.err);
  });

  test('help in Vietnamese, and in English on request, with the exit codes', () => {
    expect(thidua(['--help']).out).toMatch(/Cách dùng:[\s\S]*--annotate[\s\S]*--summary[\s\S]*Mã thoát: 0/);
    expect(thidua(['--help', '--lang', 'en']).out).toMatch(/Usage:[\s\S]*--annotate[\s\S]*--summary[\s\S]*Exit status: 0/);
  });
});

describe('the text output, read at a terminal', () => {
  test('a glob names its files as it was given: an absolute pattern gives absolute paths, a relative one keeps its ../', () => {
    const absolute = thidua(['validate', join(dir, '*.x*'), '--format', 'json']);
    expect(JSON.parse(absolute.out).files.map((f: { path: string }) => f.path)).toEqual([join(dir, 'khoi-cu.xls'), join(dir, 'lai-chau.xlsx')]);
    const r = spawnSync(process.execPath, [BIN, 'validate', '../*.xlsx', '--format', 'json', '--today', '2026-11-22'], { cwd: join(dir, '.an'), encoding: 'utf8' });
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['../lai-chau.xlsx']);
  });

  test('the closing table has a result column: passed, failed, unreadable, and no counts for a file not read', async () => {
    const { summaryTable } = await import('../../formats/render');
    const report = ReportJsonSchema.parse(JSON.parse(thidua(['validate', dir, '--format', 'json']).out));
    const table = summaryTable(report, 'vi').split('\n');
    expect(table[0]).toMatch(/^Tệp\s+Kết quả\s+Khối\s+Năm\s+Lỗi\s+Cảnh báo$/);
    const row = (name: string) => table.find((l) => l.includes(name))!;
    expect(row('khoi-cu.xls')).toMatch(/khoi-cu\.xls\s+không đọc được$/);
    expect(row('lai-chau.xlsx')).toMatch(/lai-chau\.xlsx\s+đạt\s+Khối thi đua MTTQ.*\s2023\s+0\s+0$/);
    expect(summaryTable(report, 'en').split('\n')[0]).toMatch(/^File\s+Result\s+Bloc/);
  });
});
