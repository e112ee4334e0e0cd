/**
 * `--annotate` never costs a workbook its check: the check is final before a copy is made,
 * the copy is a task of its own with its own time limit, a package ExcelJS would refuse for
 * its absolute targets is normalised in memory, and a copy that cannot be made is said with
 * its reason beside a check that stands.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateOptions } from '../../command/options';
import { validate } from '../../command/validate';
import type { FileJson } from '../../engine/report/schema';
import { COMBINED, rewrite } from '../../scripts/xml-forms';
import { unzip as unzipParts } from '../../reader/zip-writer';
import { rezip } from '../support/zip';
import { readXlsx } from '../../reader/read-workbook';

const ROOT = join(__dirname, '..', '..');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function run(inputs: string[], extra: Partial<ValidateOptions> = {}) {
  let err = '';
  const r = await validate(
    { inputs, lang: 'vi', jobs: 2, failOn: 'never', quiet: true, progress: false, color: false, format: 'json', today: '2026-11-22', ...extra },
    { out: () => undefined, err: (s) => void (err += s), stdoutTty: false, stderrTty: false },
  );
  const entries = new Map(r.report.files.map((f) => [f.path, f]));
  return { entries, err };
}

const withoutPath = ({ path: _p, ...rest }: FileJson) => rest;

describe('copies made apart from the check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-copy-'));
  const sample = readFileSync(join(ROOT, 'samples', 'faulty', 'quang-ninh-thieu-nguoi-du.xlsx'));
  const forms: Record<string, string[]> = { 'goc': [], 'dich-tuyet-doi': ['absolute-targets'], 'doi-cho': ['moved-workbook'], 'strict': ['strict'], 'tien-to': ['prefixes'], 'moi-dang': COMBINED };
  const files = Object.entries(forms).map(([name, f]) => {
    const path = join(dir, `${name}.xlsx`);
    writeFileSync(path, f.length === 0 ? sample : rewrite(sample, f));
    return path;
  });
  const hashes = files.map(sha);

  test('with or without --annotate, every workbook has the same entry; inputs untouched', async () => {
    const plain = await run(files);
    const copies = join(dir, 'danh-dau');
    const annotated = await run(files, { annotate: copies });
    for (const f of files) expect(withoutPath(annotated.entries.get(f)!)).toEqual(withoutPath(plain.entries.get(f)!));
    expect(files.map(sha)).toEqual(hashes);
    // Every rewrite is the original workbook: the same findings as it.
    for (const f of files) expect(withoutPath(plain.entries.get(f)!).findings).toEqual(withoutPath(plain.entries.get(files[0]!)!).findings);
    // Each form is normalised for ExcelJS in memory (absolute targets made relative, or the
    // whole package re-spelled): every workbook gets its copy, marked where its findings are.
    expect(readdirSync(copies).sort()).toEqual(Object.keys(forms).map((n) => `${n}.kiem-tra.xlsx`).sort());
    expect(annotated.err).toBe('');
    for (const name of ['dich-tuyet-doi', 'moi-dang']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(copies, `${name}.kiem-tra.xlsx`));
      expect(wb.worksheets[0]!.name).toBe('Kết quả kiểm tra');
      expect(wb.getWorksheet('Bình xét')!.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
      // The members as the check read them from the original, cell for cell.
      const members = readXlsx(sample, (n) => n === 'Thành viên').sheets[0]!.rows.map((r) => r[1]?.value ?? null).slice(1); // row 1: a merged title
      expect(members.length).toBeGreaterThan(5);
      expect(members.map((_, i) => wb.getWorksheet('Thành viên')!.getCell(i + 2, 2).value ?? null)).toEqual(members);
    }
  });

  test('a copy ExcelJS cannot make is said with its reason; the check stands', async () => {
    // Two sheets of one name: the standard's reader takes both, ExcelJS refuses the workbook.
    const twin = join(dir, 'trung-ten.xlsx');
    writeFileSync(twin, rezip(sample, (name, data) => (name === 'xl/workbook.xml' ? Buffer.from(data.toString().replace('name="Giao ước"', 'name="Thành viên"')) : data)));
    const plain = await run([twin]);
    const annotated = await run([twin], { annotate: join(dir, 'khong-duoc') });
    expect(withoutPath(annotated.entries.get(twin)!)).toEqual(withoutPath(plain.entries.get(twin)!));
    expect(annotated.err).toMatch(/^Không ghi được bản đánh dấu của .*trung-ten\.xlsx: .*; kết quả kiểm tra vẫn đầy đủ\n$/);
    expect(annotated.err).not.toMatch(/Error|undefined|at /);
  });

  test('a copy past its own time limit is stopped; the checks stand', async () => {
    const plain = await run(files.slice(0, 2));
    const late = await run(files.slice(0, 2), { annotate: join(dir, 'qua-gio'), copyTimeoutMs: 1 });
    for (const f of files.slice(0, 2)) expect(withoutPath(late.entries.get(f)!)).toEqual(withoutPath(plain.entries.get(f)!));
    expect(late.err).toContain('ghi bản đánh dấu quá 0.001 giây nên đã dừng; kết quả kiểm tra vẫn đầy đủ');
  });
});

describe('a workbook saved with the pane\'s marks on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-marks-'));
  const sample = readFileSync(join(ROOT, 'samples', 'faulty', 'quang-ninh-thieu-nguoi-du.xlsx'));
  // As Excel saves the pane's conditional formats (ECMA-376 §18.3.1.18, `cfRule type="expression"`):
  // the current mark with its owner, an older pane's without one, the first version's, and the
  // user's own rule, which stays.
  const MARKS = ['ISREF($B$3)+N("thidua:k3x9q2")', 'ISREF($C$4)+N("thidua")', 'ISLOGICAL(TRUE)'];
  const USER = '$A1="x"';
  const cf = (sqref: string, formula: string, priority: number) => `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" priority="${priority}"><formula>${formula.replace(/"/g, '&quot;')}</formula></cfRule></conditionalFormatting>`;
  const AFTER = ['<conditionalFormatting', '<dataValidations', '<hyperlinks', '<printOptions', '<pageMargins', '<pageSetup', '<headerFooter', '<drawing', '<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'];
  const marked = rezip(sample, (name, data) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return data;
    const xml = data.toString();
    const at = Math.min(...AFTER.map((t) => xml.indexOf(t)).filter((i) => i >= 0));
    const added = [cf('B3', MARKS[0]!, 90), cf('C4', MARKS[1]!, 91), cf('D5', MARKS[2]!, 92), cf('A1:A20', USER, 93)].join('');
    return Buffer.from(xml.slice(0, at) + added + xml.slice(at));
  });

  test('the copy marks this check\'s findings alone: every mark of thidua\'s taken out, the user\'s rule kept, and the check the same', async () => {
    const path = join(dir, 'da-to.xlsx');
    writeFileSync(path, marked);
    const plain = await run([join(dir, 'da-to.xlsx')]);
    const copies = join(dir, 'danh-dau');
    const annotated = await run([path], { annotate: copies });
    expect(annotated.err).toBe('');
    expect(withoutPath(annotated.entries.get(path)!)).toEqual(withoutPath(plain.entries.get(path)!));
    const sheets = unzipParts(readFileSync(join(copies, 'da-to.kiem-tra.xlsx'))).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name));
    const formulas = sheets.flatMap((p) => [...p.data.toString().matchAll(/<formula>([^<]*)<\/formula>/g)].map((m) => m[1]!.replace(/&quot;/g, '"')));
    for (const m of MARKS) expect(formulas).not.toContain(m);
    expect(formulas.filter((f) => f === USER).length).toBe(sheets.length - 1); // every sheet but the result sheet
    // The findings are marked the copy's way: a fill on the cell.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(copies, 'da-to.kiem-tra.xlsx'));
    expect(wb.getWorksheet('Bình xét')!.getCell('B3').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
  });
});
