import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const run = runCli;

describe('thidua rules', () => {
  test('the catalog as JSON: 55 rules (catalog v1 and two additions) with severities from quoc-gia, then the 7 reasons a file cannot be read', async () => {
    const r = await run(['rules', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const catalog = JSON.parse(r.out) as { id: string; category: string; severity: string; description: string }[];
    expect(catalog.filter((c) => c.category !== 'unreadable')).toHaveLength(55);
    expect(catalog.filter((c) => c.category === 'unreadable')).toHaveLength(7);
    expect(catalog.find((c) => c.id === 'awards/one-per-unit')).toMatchObject({ severity: 'error', basis: 'Luật Thi đua, khen thưởng 2022, Điều 5' });
  });

  test('the catalog as text to read in a terminal: ids, severities, what each checks; no markup, no placeholders', async () => {
    const r = await run(['rules', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/votes\/quorum\s+lỗi\n\s+Số thành viên dự/);
    expect(r.out).toContain('unreadable/xls-legacy');
    expect(r.out).not.toMatch(/[{}`|]|^#/m); // (a rule may speak of #REF!)
  });

  test('the catalog as Markdown, in Vietnamese by default', async () => {
    const r = await run(['rules']);
    expect(r.out).toContain('# Danh mục quy tắc v1');
  });

  test('a bad option is a usage error (exit 2)', async () => {
    expect((await run(['rules', '--format', 'pdf'])).code).toBe(2);
    expect((await run(['rules', '--bogus'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });
});

describe('thidua profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));

  test('lists the built-in profiles, the example marked', async () => {
    const r = await run(['profiles']);
    expect(r.out).toMatch(/^quoc-gia — Bộ quy tắc quốc gia/m);
    expect(r.out).toMatch(/^vi-du-tinh \(ví dụ\)/m);
  });

  test('--check accepts a good profile file', async () => {
    const file = join(dir, 'tinh.json');
    writeFileSync(file, JSON.stringify({ id: 'tinh-thu', name: { vi: 'Thử', en: 'Test' }, description: { vi: 'x', en: 'x' }, extends: 'quoc-gia', versions: [{ from: '2024-01-01', basis: 'Quyết định thử', rules: { 'rotation/consecutive-term': 'error' } }] }));
    expect(await run(['profiles', '--check', file])).toMatchObject({ code: 0, out: 'Bộ quy tắc "tinh-thu" hợp lệ (1 phiên bản).\n' });
  });

  test('--check explains every problem of a bad one (exit 1)', async () => {
    const file = join(dir, 'hong.json');
    writeFileSync(file, JSON.stringify({ id: 'Tỉnh A', name: { vi: 'x', en: 'x' }, description: { vi: 'x', en: 'x' }, extends: 'quoc-gia', versions: [{ from: '1/1/2024', basis: '' }] }));
    const r = await run(['profiles', '--check', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('id chỉ gồm chữ thường không dấu');
    expect(r.err).toContain('versions.0.from');
    expect(r.err).toContain('cần ghi căn cứ');
  });

  test('--check on a file that is not JSON, or not there', async () => {
    const file = join(dir, 'x.json');
    writeFileSync(file, '{ id: ');
    expect((await run(['profiles', '--check', file])).code).toBe(1);
    expect((await run(['profiles', '--check', join(dir, 'khong-co.json')])).code).toBe(2);
  });
});

test('the built command runs with node (npx thidua)', () => {
  const bin = join(__dirname, '..', '..', 'dist', 'command', 'cli.js');
  expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe('0.1.0');
  const r = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
});

describe('thidua <command> --help', () => {
  test.each([
    ['template', '--criteria', 'tiêu chí', 'criteria'],
    ['validate', '--annotate', 'bản sao', 'annotated copy'],
    ['rules', '--format', 'danh mục quy tắc', 'catalog of rules'],
    ['profiles', '--check', 'bộ quy tắc', 'profiles'],
  ])('%s --help prints that command\'s usage, in Vietnamese, in English with --lang en', async (command, option, vi, en) => {
    const r = await run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`thidua ${command}`);
    expect(r.out).toContain(option);
    expect(r.out).toContain(vi);
    // Only that command's: no other command's line.
    for (const other of ['validate', 'template', 'rules', 'profiles'].filter((c) => c !== command)) expect(r.out).not.toContain(`thidua ${other}`);
    const english = await run([command, '-h', '--lang', 'en']);
    expect(english.code).toBe(0);
    expect(english.out).toContain(en);
    expect(english.out).toContain('Usage');
  });
});

describe('thidua template --criteria', () => {
  test('a column per criterion with its maximum, Tổng điểm over all of them', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const out = join(mkdtempSync(join(tmpdir(), 'thidua-')), 'mau.xlsx');
    const r = await run(['template', '--out', out, '--criteria', 'Công tác tuyên truyền:200; Phong trào thi đua:150;Công tác phối hợp:1.000;Xây dựng tổ chức:50,5;Khen thưởng:100;Tiêu chí riêng']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const scores = wb.getWorksheet('Chấm điểm')!;
    expect(scores.getRow(2).values).toEqual([undefined, 'STT', expect.anything(), 'Công tác tuyên truyền', 'Phong trào thi đua', 'Công tác phối hợp', 'Xây dựng tổ chức', 'Khen thưởng', 'Tiêu chí riêng', expect.anything(), 'Xếp hạng', 'Ghi chú']);
    expect(scores.getRow(3).values).toEqual([undefined, undefined, 'Điểm tối đa', 200, 150, 1000, 50.5, 100, undefined, expect.anything()]);
    expect(scores.getCell('I4').formula).toBe('IF(COUNT(C4:H4)=0,"",SUM(C4:H4))');
  });

  test('a province profile\'s criteria make the columns; --criteria, when given, wins; a profile with two criteria of one name is refused', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
    const profile = (items: unknown[]) => ({
      id: 'tinh-tieu-chi',
      name: { vi: 'Tỉnh có tiêu chí', en: 'A province with criteria' },
      description: { vi: 'Thử', en: 'Test' },
      extends: 'quoc-gia',
      versions: [{ from: '2020-01-01', basis: 'quy chế khối thi đua của tỉnh', criteria: { items, basis: 'quy chế khối thi đua của tỉnh, Điều 8' } }],
    });
    const file = join(dir, 'tinh.json');
    writeFileSync(file, JSON.stringify(profile([{ name: 'Thực hiện nhiệm vụ chính trị', max: 600 }, { name: 'Công tác thi đua, khen thưởng', max: 200 }, { name: 'Xây dựng tổ chức', max: 150 }, { name: 'Điểm thưởng' }])));
    const header = async (out: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const scores = wb.getWorksheet('Chấm điểm')!;
      const headers = scores.getRow(2).values as unknown[];
      const total = headers.findIndex((h) => JSON.stringify(h ?? '').includes('Tổng điểm'));
      return { names: headers.slice(3, total), maxima: (scores.getRow(3).values as unknown[]).slice(3), total: scores.getCell(4, total).formula };
    };
    expect((await run(['template', '--out', join(dir, 'a.xlsx'), '--profile', file])).code).toBe(0);
    expect(await header(join(dir, 'a.xlsx'))).toEqual({ names: ['Thực hiện nhiệm vụ chính trị', 'Công tác thi đua, khen thưởng', 'Xây dựng tổ chức', 'Điểm thưởng'], maxima: [600, 200, 150, undefined, expect.anything()], total: 'IF(COUNT(C4:F4)=0,"",SUM(C4:F4))' });
    expect((await run(['template', '--out', join(dir, 'b.xlsx'), '--profile', file, '--criteria', 'Một:10;Hai:20'])).code).toBe(0);
    expect((await header(join(dir, 'b.xlsx'))).names).toEqual(['Một', 'Hai']);
    writeFileSync(file, JSON.stringify(profile([{ name: 'Một', max: 1 }, { name: 'một', max: 2 }])));
    const refused = await run(['profiles', '--check', file]);
    expect(refused.code).toBe(1);
    expect(refused.err + refused.out).toContain('mỗi tiêu chí một tên khác nhau');
  });

  test.each([['Tên:abc'], [':200'], ['A:1;a:2'], [';']])('"%s" is a usage error said in Vietnamese', async (value) => {
    const r = await run(['template', '--out', join(mkdtempSync(join(tmpdir(), 'thidua-')), 'x.xlsx'), '--criteria', value]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--criteria/);
  });
});
