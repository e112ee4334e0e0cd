import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ReportJsonSchema, type ReportJson } from '../../engine/report/schema';
import { FAULTY } from '../../samples/faulty';
import { makeZip, unzip } from '../../reader/zip-writer';
import { deflatedZeros, rezip } from '../support/zip';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'command', 'cli.js');
const SAMPLES = join(ROOT, 'samples');
const TODAY = ['--today', '2026-11-22'];

function thidua(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(args: string[]): { code: number | null; report: ReportJson } {
  const r = thidua(['validate', ...args, '--format', 'json', ...TODAY]);
  return { code: r.code, report: ReportJsonSchema.parse(JSON.parse(r.out)) };
}

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const tmp = () => mkdtempSync(join(tmpdir(), 'thidua-'));

describe('thidua validate on the samples', () => {
  test('the seven blocs of the source articles are valid (exit 0), and the report matches its schema', () => {
    const { code, report } = json(['samples/*.xlsx']);
    expect(code).toBe(0);
    expect(report.counts).toMatchObject({ files: 7, valid: 7, invalid: 0, unreadable: 0, error: 0, warning: 0, info: 0 });
    expect(report.files.map((f) => f.profile?.id)).toEqual(Array(7).fill('quoc-gia'));
  });

  test('each faulty sample has exactly its intended findings (exit 1)', () => {
    const { code, report } = json(['samples/faulty']);
    expect(code).toBe(1);
    expect(report.files).toHaveLength(FAULTY.length);
    for (const v of FAULTY) {
      const file = report.files.find((f) => basename(f.path) === `${v.id}.xlsx`)!;
      const found = file.findings.map((f) => [f.ruleId, f.severity, `${f.sheet ?? ''}!${f.cell ?? f.row ?? ''}`]).sort();
      expect([v.id, found]).toEqual([v.id, [...v.expected].sort()]);
    }
  });

  test('text output: Sheet!A1  severity  rule-id  message  → suggestion', () => {
    const r = thidua(['validate', 'samples/faulty/soc-trang-dia-diem-tcvn3.xlsx', ...TODAY]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('  Thông tin!B10  lỗi  text/legacy-encoding  Chữ "Héi Cùu chiÕn binh tØnh" được gõ bằng bảng mã TCVN3');
    expect(r.out).toContain('→ Hội Cựu chiến binh tỉnh');
    expect(r.out).not.toContain('\u001b[');
  });

  test('English on request; --fail-on never and warning', () => {
    const file = 'samples/faulty/ninh-thuan-trung-uong-hoi-nghi-thang-5.xlsx';
    expect(thidua(['validate', file, '--lang', 'en', ...TODAY]).out).toContain('The conference date 10/5/2024 is outside');
    expect(thidua(['validate', file, '--fail-on', 'never', ...TODAY]).code).toBe(0);
    expect(thidua(['validate', 'samples/faulty/soc-trang-chua-ky-giao-uoc.xlsx', '--fail-on', 'warning', ...TODAY]).code).toBe(1);
  });
});

describe('outputs', () => {
  test('--out writes HTML, CSV or JSON by its extension; inputs are never modified', () => {
    const dir = tmp();
    const inputs = readdirSync(join(SAMPLES, 'faulty')).map((f) => join(SAMPLES, 'faulty', f));
    const before = inputs.map(sha);
    for (const ext of ['html', 'csv', 'json']) {
      const out = join(dir, `bao-cao.${ext}`);
      expect(thidua(['validate', 'samples/faulty', '--out', out, ...TODAY]).code).toBe(1);
      expect(existsSync(out)).toBe(true);
    }
    expect(inputs.map(sha)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['bao-cao.csv', 'bao-cao.html', 'bao-cao.json']);
    const html = readFileSync(join(dir, 'bao-cao.html'), 'utf8');
    expect(html).toContain('<h3>Thông tin</h3>');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|href="http/);
    const csv = readFileSync(join(dir, 'bao-cao.csv'), 'utf8');
    // Headers and values in Vietnamese for the clerk who opens it in Excel; JSON is the machine format.
    expect(csv.startsWith('\ufeffTệp,Kết quả,Tỉnh/Thành phố,Khối,Năm,Trang,Ô,Mức độ,Quy tắc,Nội dung,Gợi ý,Căn cứ\r\n')).toBe(true);
    expect(csv).toContain(',không đạt,');
    expect(csv).toMatch(/,(lỗi|cảnh báo),/);
    expect(ReportJsonSchema.parse(JSON.parse(readFileSync(join(dir, 'bao-cao.json'), 'utf8'))).counts.files).toBe(FAULTY.length);
  });

  test('workbook text is escaped in HTML and never a formula in CSV', () => {
    const dir = tmp();
    const file = join(dir, 'doc-hai.xlsx');
    // A sample with hostile text in the venue.
    const wb = new ExcelJS.Workbook();
    return wb.xlsx.readFile(join(SAMPLES, 'lai-chau-mttq-2023.xlsx')).then(async () => {
      wb.getWorksheet('Thông tin')!.getCell('B10').value = '=HYPERLINK("http://x")<img src=x onerror=alert(1)>  ';
      await wb.xlsx.writeFile(file);
      const html = thidua(['validate', file, '--format', 'html', ...TODAY]).out;
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const csv = thidua(['validate', file, '--format', 'csv', ...TODAY]).out;
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    });
  });
});

describe('usage errors exit 2', () => {
  test.each([
    [['validate']],
    [['validate', 'khong-co-tep.xlsx']],
    [['validate', 'samples', '--jobs', '0']],
    [['validate', 'samples', '--format', 'pdf']],
    [['validate', 'samples', '--profile', 'khong-co']],
    [['validate', 'khong-co-thu-muc/*.xlsx']],
  ])('%j', (args) => {
    const r = thidua(args);
    expect(r.code).toBe(2);
    expect(r.err.length).toBeGreaterThan(0);
  });
});

describe('files that are not workbooks, or not whole ones', () => {
  const dir = tmp();
  const good = join(dir, 'tot.xlsx');
  copyFileSync(join(SAMPLES, 'lai-chau-mttq-2023.xlsx'), good);
  const sample = readFileSync(good);
  const files: [string, Buffer, string][] = [
    ['rong.xlsx', Buffer.alloc(0), 'empty'],
    ['ngau-nhien.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), 'not-a-workbook'],
    ['cat-ngang.xlsx', sample.subarray(0, Math.floor(sample.length / 2)), 'corrupt'],
    ['ods-doi-ten.xlsx', makeZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }, { name: 'content.xml', data: Buffer.from('<office:document-content/>') }]), 'not-a-workbook'],
    ['bom-nen.xlsx', makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), deflated: deflatedZeros(64 * 1024 * 1024) },
    ]), 'too-large'],
  ];
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  // 2 MB on disk, 2 GiB inflated (test/fixtures/make-bomb.js).
  copyFileSync(join(ROOT, 'test', 'fixtures', 'hostile', 'zip-bomb.xlsx'), join(dir, 'bom-2gib.xlsx'));
  files.push(['bom-2gib.xlsx', Buffer.alloc(0), 'too-large']);

  test('each is reported unreadable with its code and a message for the sender; the good file is still checked', () => {
    const { code, report } = json([dir]);
    expect(code).toBe(1);
    const byName = new Map(report.files.map((f) => [basename(f.path), f]));
    for (const [name, , expected] of files) {
      expect([name, byName.get(name)?.status, byName.get(name)?.error?.code]).toEqual([name, 'unreadable', expected]);
      expect(byName.get(name)!.error!.message).toMatch(/hãy|gửi lại/);
    }
    expect(byName.get('ods-doi-ten.xlsx')!.error!.message).toContain('OpenDocument');
    expect(byName.get('tot.xlsx')).toMatchObject({ status: 'valid' });
  });

  test('a <dimension> over the whole sheet (whole columns formatted) is no reason to refuse a correct workbook', () => {
    const whole = join(tmp(), 'ca-cot.xlsx');
    writeFileSync(whole, rezip(sample, (name, data) => (/^xl\/worksheets\/[^/]+\.xml$/.test(name) ? Buffer.from(data.toString().replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) : data)));
    expect(unzip(readFileSync(whole)).filter((p) => p.data.toString().includes('A1:XFD1048576')).length).toBeGreaterThan(3);
    expect(json([whole]).report.files[0]).toMatchObject({ status: 'valid' });
  });
});
