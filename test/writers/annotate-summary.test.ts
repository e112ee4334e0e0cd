import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { MAIN, PKG_REL, Pkg, REL } from '../../reader/package-edit';
import { ReportJsonSchema } from '../../engine/report/schema';

const ROOT = join(__dirname, '..', '..');
const thidua = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), ...args, '--today', '2026-11-22'], { cwd: ROOT, encoding: 'utf8' });
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
    // It names the file, its result and when it was checked, above the findings.
    expect(sheet.getCell('A2').value).toBe('Sổ: lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.xlsx (Khối thi đua MTTQ và các tổ chức chính trị - xã hội tỉnh — Lai Châu — 2023)');
    expect(sheet.getCell('A3').value).toBe(`Kết quả: không đạt — ${file.counts.error} lỗi, ${file.counts.warning} cảnh báo, ${file.counts.info} lưu ý`);
    expect(String(sheet.getCell('A4').value)).toMatch(/^Kiểm tra lúc: \d{2}:\d{2}, ngày [\d/]+ · thidua [\d.]+ · Bộ quy tắc: quoc-gia/);
    expect(sheet.getRow(6).getCell(1).value).toBe('Vị trí');
    const rows = file.findings.map((_, i) => sheet.getRow(i + 7));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(file.findings.map((f) => f.ruleId));
    expect(rows[0]!.getCell(1).value).toMatchObject({ hyperlink: `'${file.findings[0]!.sheet}'!${file.findings[0]!.cell}` });
    const marked = wb.getWorksheet('Số liệu')!.getCell('E3');
    expect(marked.fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    const note = marked.note as { texts: { text: string; font?: { bold?: boolean } }[] };
    expect(note.texts[0]).toMatchObject({ text: 'thidua:', font: { bold: true } });
    expect(note.texts.map((t) => t.text).join('')).toContain('"Thực hiện" được nhập dạng chữ "53.211"');
  });

  test('checking a copy again finds the same (the result sheet is an extra sheet)', () => {
    const again = ReportJsonSchema.parse(JSON.parse(thidua(['validate', join(copies, 'quang-ninh-thieu-nguoi-du.kiem-tra.xlsx'), '--format', 'json']).stdout));
    const original = report.files.find((f) => basename(f.path) === 'quang-ninh-thieu-nguoi-du.xlsx')!;
    expect(again.files[0]!.findings.map((f) => [f.ruleId, f.sheet, f.cell])).toEqual(original.findings.map((f) => [f.ruleId, f.sheet, f.cell]));
  });

  test('the office summary: a title, when and with which rules; one row per file with counts, leaders and proposals by award; every finding', async () => {
    const wb = await load(summary);
    const tong = wb.getWorksheet('Tổng hợp')!;
    expect(tong.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ KIỂM TRA SỔ THI ĐUA');
    expect(String(tong.getCell('A2').value)).toMatch(/^Kiểm tra lúc: \d{2}:\d{2}, ngày \d{1,2}\/\d{1,2}\/\d{4} · thidua \d+\.\d+\.\d+ · Bộ quy tắc: quoc-gia \(\d{4}-\d{2}-\d{2}\)/);
    expect(tong.getCell('A3').value).toBe(`${report.counts.files} sổ: ${report.counts.valid} đạt, ${report.counts.invalid} không đạt, 0 không đọc được`);
    expect(tong.getRow(5).getCell(1).value).toBe('Tệp');
    expect(tong.rowCount).toBe(inputs.length + 5);
    expect(tong.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(tong.autoFilter).toMatch(/^A5:[A-Z]+5$/);
    expect(tong.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '5:5' });
    const head = (tong.getRow(5).values as unknown[]).slice(1);
    const rows = tong.getRows(6, inputs.length)!;
    const lai = rows.find((r) => r.getCell(1).value === 'lai-chau-mttq-2023.xlsx')!;
    expect(lai.values).toEqual(expect.arrayContaining(['Lai Châu', 2023, 'Đạt', 'Văn phòng Liên đoàn Lao động tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh', 'Liên đoàn Lao động tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh; Hội Nông dân tỉnh']));
    expect(lai.getCell(head.indexOf('Kết quả') + 1).fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    // Each row links to its annotated copy, relative to the summary.
    expect(lai.getCell(head.indexOf('Bản đánh dấu') + 1).value).toMatchObject({ text: 'Mở bản đánh dấu', hyperlink: 'danh-dau/lai-chau-mttq-2023.kiem-tra.xlsx' });
    // Every column has a width; none is wider than a page can take.
    head.forEach((_, i) => expect(tong.getColumn(i + 1).width).toBeGreaterThanOrEqual(5));
    head.forEach((_, i) => expect(tong.getColumn(i + 1).width).toBeLessThanOrEqual(34));
    const findings = wb.getWorksheet('Phát hiện')!;
    const total = report.files.reduce((n, f) => n + f.findings.length, 0) + report.crossFile.length;
    expect(findings.rowCount).toBe(total + 1);
  });
});

test('an unreadable file: its reason, no count of 0; the sender to call, with the leading zero of the telephone back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const wb = await load(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));
  const info = wb.getWorksheet('Thông tin')!;
  let phoneRow = 0;
  info.eachRow((row, r) => void (row.getCell(1).value === 'Điện thoại' && (phoneRow = r)));
  info.getCell(phoneRow, 2).value = 912345678; // typed 0912345678 in a cell formatted General
  await wb.xlsx.writeFile(join(dir, 'co-dien-thoai.xlsx'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'libreoffice', 'lai-chau.xls'), join(dir, 'khoi-cu.xls'));
  thidua(['validate', join(dir, 'co-dien-thoai.xlsx'), join(dir, 'khoi-cu.xls'), '--summary', join(dir, 's.xlsx')]);
  const s = (await load(join(dir, 's.xlsx'))).getWorksheet('Tổng hợp')!;
  const head = (s.getRow(5).values as unknown[]).slice(1);
  const cell = (r: number, name: string) => s.getRow(r).getCell(head.indexOf(name) + 1);
  const [good, old] = [6, 7];
  expect(cell(good, 'Tệp').value).toBe('co-dien-thoai.xlsx');
  expect(cell(good, 'Người lập biểu').value).toBe('Văn phòng Liên đoàn Lao động tỉnh');
  expect(cell(good, 'Điện thoại').value).toBe('0912345678');
  expect(cell(old, 'Kết quả').value).toBe('Không đọc được');
  expect(cell(old, 'Lý do không đọc được').value).toMatch(/định dạng Excel cũ \(\.xls\)/);
  for (const count of ['Lỗi', 'Cảnh báo', 'Lưu ý']) expect(cell(old, count).value ?? '').toBe('');
  expect(cell(good, 'Lỗi').value).toBe(0);
});

test('text from a workbook starting with "=" stays text in the summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const file = join(dir, 'x.xlsx');
  const wb = await load(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));
  wb.getWorksheet('Thông tin')!.getCell('B4').value = '=1+1';
  await wb.xlsx.writeFile(file);
  thidua(['validate', file, '--summary', join(dir, 's.xlsx')]);
  const s = await load(join(dir, 's.xlsx'));
  const cell = s.getWorksheet('Tổng hợp')!.getCell('C6');
  expect(cell.value).toBe('=1+1');
  expect(cell.formula).toBeUndefined();
});

test('the notes of a copy: those thidua adds are signed thidua; those the workbook had keep their author and text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  // A comments part as ECMA-376 Part 1 §18.7 has it, on the sheet where thidua marks E3.
  const pkg = new Pkg(readFileSync(join(ROOT, 'samples', 'faulty', 'lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.xlsx')));
  const sheets = pkg.layout().sheets;
  const names = [...pkg.text(pkg.layout().workbook)!.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  const part = sheets[names.indexOf('Số liệu')]!;
  const rels = `${part.replace(/[^/]+$/, '')}_rels/${part.split('/').pop()}.rels`;
  const existing = pkg.parts.get(rels)?.toString('utf8') ?? `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"></Relationships>`;
  pkg.parts.set(rels, Buffer.from(existing.replace('</Relationships>', `<Relationship Id="rIdGhiChu" Type="${REL}/comments" Target="../ghi-chu.xml"/></Relationships>`)));
  pkg.parts.set('xl/ghi-chu.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="${MAIN}"><authors><author>Nguyễn Văn A</author><author>Trần Thị B</author></authors><commentList>
<comment ref="E3" authorId="0"><text><r><rPr><b/></rPr><t xml:space="preserve">Nguyễn Văn A:</t></r><r><t xml:space="preserve">
số liệu của Sở Kế hoạch</t></r></text></comment>
<comment ref="A1" authorId="1"><text><t>Bảng do Văn phòng lập</t></text></comment></commentList></comments>`));
  const types = pkg.text('[Content_Types].xml')!.replace('</Types>', '<Override PartName="/xl/ghi-chu.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>');
  pkg.parts.set('[Content_Types].xml', Buffer.from(types));
  writeFileSync(join(dir, 'co-ghi-chu.xlsx'), pkg.zip());
  thidua(['validate', join(dir, 'co-ghi-chu.xlsx'), '--annotate', join(dir, 'danh-dau')]);
  const copy = new Pkg(readFileSync(join(dir, 'danh-dau', 'co-ghi-chu.kiem-tra.xlsx')));
  const notes = copy.xmlParts().filter((n) => /<comments[ >]/.test(copy.text(n)!)).map((n) => copy.text(n)!);
  const byCell = new Map<string, { author: string; text: string }>();
  for (const xml of notes) {
    const authors = [...xml.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]!);
    for (const m of xml.matchAll(/<comment ref="([A-Z]+\d+)" authorId="(\d+)"[^>]*>([\s\S]*?)<\/comment>/g)) byCell.set(m[1]!, { author: authors[Number(m[2])]!, text: m[3]!.replace(/<[^>]+>/g, '') });
  }
  expect(byCell.get('A1')).toEqual({ author: 'Trần Thị B', text: 'Bảng do Văn phòng lập' });
  expect(byCell.get('E3')!.author).toBe('Nguyễn Văn A');
  expect(byCell.get('E3')!.text).toMatch(/^Nguyễn Văn A:\nsố liệu của Sở Kế hoạch\n———\nthidua:\n\[Cảnh báo\] "Thực hiện" được nhập dạng chữ/);
  expect(byCell.get('B11')).toMatchObject({ author: 'thidua', text: expect.stringMatching(/^thidua:\n\[Cảnh báo\]/) });
  expect(notes.join('')).not.toContain('<author>Author</author>');
});
