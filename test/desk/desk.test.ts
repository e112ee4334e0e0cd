/**
 * The office desk page (dist/thidua.html) opened from the disk in Debian's Chromium, as a
 * clerk would: files chosen, checked in the page's Web Workers, the report downloaded. What it
 * gives is what `thidua validate` gives for the same files (paths aside), and nothing leaves
 * the page.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { unzip } from '../../reader/zip-writer';
import { type ReportJson, ReportJsonSchema } from '../../engine/report/schema';
import { hostileCorpus } from '../../scripts/hostile';
import { haveBrowser, launch } from '../e2e/harness';
import { writeProvinceBatch } from '../support/province-batch';

const ROOT = join(__dirname, '..', '..');
const PAGE = join(ROOT, 'dist', 'thidua.html');
const SHOTS = join(ROOT, 'dist', 'desk', 'screenshots');
const TODAY = '2026-11-22';

jest.setTimeout(120_000);

const files = (dir: string) => readdirSync(dir).filter((f) => /\.(xlsx|xls|ods)$/.test(f)).map((f) => join(dir, f));

/** The command's JSON for the same files, paths made file names as the page has them. */
function command(paths: string[], format: 'json' | 'csv' = 'json'): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), 'validate', ...paths, '--format', format, '--today', TODAY, '--no-progress', '--fail-on', 'never'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return r.stdout;
}
const byName = (report: ReportJson): ReportJson => ({
  ...report,
  files: report.files.map((f) => ({ ...f, path: basename(f.path) })),
  crossFile: report.crossFile.map((c) => ({ ...c, files: c.files.map((p) => basename(p)) })),
});

(haveBrowser ? describe : describe.skip)('the office desk page, from the disk', () => {
  let browser: Browser;
  const outside: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    page.setDefaultTimeout(60_000);
    // Only the page itself and what it makes (blob: workers and downloads) may load.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    await page.goto(`${pathToFileURL(PAGE).href}#today=${TODAY}`);
    return page;
  }

  async function checkAll(page: Page, paths: string[]): Promise<void> {
    await page.setInputFiles('#tep', paths);
    await page.waitForFunction((n) => document.querySelector('.status')?.textContent === `Đã kiểm tra ${n}/${n} tệp`, paths.length);
    await page.waitForSelector('#tai-json');
  }

  async function downloaded(page: Page, button: string): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync((await download.path())!);
  }

  const sets: [string, () => string[]][] = [
    ['the seven samples', () => files(join(ROOT, 'samples'))],
    ['the faulty samples', () => files(join(ROOT, 'samples', 'faulty'))],
    ['the LibreOffice fixtures (.xls, .ods, a password, re-saves)', () => files(join(ROOT, 'test', 'fixtures', 'libreoffice'))],
    [
      'the hostile corpus (zip bombs, millions of cells, broken XML)',
      () => {
        const dir = mkdtempSync(join(tmpdir(), 'thidua-desk-'));
        for (const f of hostileCorpus(readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx')))) writeFileSync(join(dir, f.name), f.data);
        return readdirSync(dir).map((f) => join(dir, f));
      },
    ],
  ];

  test.each(sets)('%s: the JSON report downloaded from the page is the command\'s', async (_name, list) => {
    const paths = list().sort((a, b) => basename(a).localeCompare(basename(b)));
    const page = await open();
    await checkAll(page, paths);
    const fromPage = ReportJsonSchema.parse(JSON.parse((await downloaded(page, '#tai-json')).toString('utf8')));
    const fromCommand = byName(ReportJsonSchema.parse(JSON.parse(command(paths))));
    expect(fromPage).toEqual(fromCommand);
    expect(fromPage.files).toHaveLength(paths.length);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    await page.close();
  });

  test('one province\'s blocs: the report is the command\'s, and the Government flags of each province and year are shown as the summary has them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-desk-co-'));
    const paths = await writeProvinceBatch(dir, 2, 4);
    const page = await open();
    await checkAll(page, paths);
    const fromPage = ReportJsonSchema.parse(JSON.parse((await downloaded(page, '#tai-json')).toString('utf8')));
    expect(fromPage).toEqual(byName(ReportJsonSchema.parse(JSON.parse(command(paths)))));
    expect(fromPage.crossFile.map((c) => [c.ruleId, c.files])).toContainEqual(['batch/government-flag-share', ['khoi-1.xlsx', 'khoi-2.xlsx']]);
    const rows = await page.$$eval('#co-chinh-phu tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows).toEqual([['Lai Châu', '2023', '4', '4', '2', '0', 'Vượt giới hạn', 'Nghị định 91/2017/NĐ-CP, Điều 11']]);
    await page.locator('section.government-flags').screenshot({ path: join(SHOTS, 'co-chinh-phu.png') });
    await page.close();
  });

  test('the CSV is the command\'s; the per-file reports come as one .zip, one page per workbook', async () => {
    const paths = files(join(ROOT, 'samples', 'faulty')).sort((a, b) => basename(a).localeCompare(basename(b)));
    const page = await open();
    await checkAll(page, paths);
    const csv = (await downloaded(page, '#tai-csv')).toString('utf8');
    const expected = command(paths, 'csv').split(paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1)).join('');
    expect(csv).toBe(expected);
    const zip = unzip(await downloaded(page, '#tai-rieng'));
    expect(zip.map((e) => e.name).sort()).toEqual(paths.map((p) => basename(p).replace(/\.xlsx$/, '.bao-cao.html')).sort());
    const one = zip.find((e) => e.name === 'quang-ninh-thieu-nguoi-du.bao-cao.html')!.data.toString('utf8');
    expect(one).toContain('votes/quorum');
    expect(one).not.toContain('soc-trang-dia-diem-tcvn3.xlsx');
    const html = (await downloaded(page, '#tai-html')).toString('utf8');
    expect(html).toContain('id="tong-quan"');
    await page.close();
  });

  test('the office summary and the annotated copies, by the command\'s code in the page\'s writer worker, open with ExcelJS', async () => {
    const paths = [...files(join(ROOT, 'samples', 'faulty')), join(ROOT, 'test', 'fixtures', 'libreoffice', 'lai-chau.xls')].sort((a, b) => basename(a).localeCompare(basename(b)));
    const page = await open();
    await checkAll(page, paths);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load((await downloaded(page, '#tai-tong-hop')) as unknown as ArrayBuffer);
    const tong = summary.getWorksheet('Tổng hợp')!;
    expect(tong.getCell('A1').value).toBe('TỔNG HỢP KẾT QUẢ KIỂM TRA SỔ THI ĐUA');
    expect(tong.rowCount).toBe(paths.length + 5);
    const old = tong.getRows(6, paths.length)!.find((r) => r.getCell(1).value === 'lai-chau.xls')!;
    expect(old.getCell(5).value).toBe('Không đọc được');
    const zip = unzip(await downloaded(page, '#tai-danh-dau'));
    expect(zip.map((e) => e.name).sort()).toEqual(paths.filter((p) => p.endsWith('.xlsx')).map((p) => basename(p).replace(/\.xlsx$/, '.kiem-tra.xlsx')).sort());
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(zip.find((e) => e.name === 'quang-ninh-thieu-nguoi-du.kiem-tra.xlsx')!.data as unknown as ArrayBuffer);
    expect(copy.worksheets[0]!.name).toBe('Kết quả kiểm tra');
    expect(String(copy.worksheets[0]!.getCell('A2').value)).toContain('quang-ninh-thieu-nguoi-du.xlsx');
    expect(violations).toEqual([]);
    await page.close();
  });

  test('what the clerk sees: the table sorts and filters, a file opens to its findings by sheet, English on a switch; readable at 1366×768', async () => {
    const paths = [...files(join(ROOT, 'samples', 'faulty')), ...files(join(ROOT, 'samples')), join(ROOT, 'test', 'fixtures', 'libreoffice', 'lai-chau.xls')];
    const page = await open();
    await checkAll(page, paths);
    const rows = () => page.$$eval('#tong-quan tbody tr', (trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
    expect(await rows()).toHaveLength(paths.length);
    await page.screenshot({ path: join(SHOTS, 'desk-table.png') });
    await page.fill('#loc', 'Sóc Trăng');
    expect((await rows()).every((r) => r.startsWith('soc-trang'))).toBe(true);
    await page.fill('#loc', '');
    await page.click('#tong-quan th:nth-child(6)'); // errors
    await page.click('#tong-quan th:nth-child(6)');
    const errors = await page.$$eval('#tong-quan tbody tr td:nth-child(6)', (tds) => tds.map((td) => Number(td.textContent || -1)));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    await page.click('button.open:text("lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.xlsx")');
    await page.waitForSelector('#chi-tiet');
    expect((await page.$$eval('#chi-tiet h3', (hs) => hs.map((h) => h.textContent))).sort()).toEqual(['Luân phiên', 'Số liệu', 'Thông tin']);
    expect(await page.textContent('#chi-tiet')).toContain('"Thực hiện" được nhập dạng chữ "53.211"');
    await page.screenshot({ path: join(SHOTS, 'desk-findings.png'), fullPage: false });
    await page.click('button.open:text("lai-chau.xls")');
    expect(await page.textContent('#chi-tiet .unreadable')).toContain('.xls');
    await page.click('#lang');
    expect(await page.textContent('.status')).toBe(`Checked ${paths.length}/${paths.length} files`);
    expect(await page.textContent('#tong-quan th')).toBe('File');
    // The widest table still fits the screen's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });

  test('a whole folder, as received: every file reported with its path in the folder; lock and hidden files passed over and counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-nhan-'));
    const inbox = join(dir, 'nhan-ve');
    mkdirSync(join(inbox, 'khoi-6'), { recursive: true });
    writeFileSync(join(inbox, 'lai-chau.xlsx'), readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx')));
    writeFileSync(join(inbox, 'khoi-6', 'soc-trang.xlsx'), readFileSync(join(ROOT, 'samples', 'soc-trang-khoi-6-2023.xlsx')));
    writeFileSync(join(inbox, 'khoi-cu.xls'), readFileSync(join(ROOT, 'test', 'fixtures', 'libreoffice', 'lai-chau.xls')));
    writeFileSync(join(inbox, '~$lai-chau.xlsx'), Buffer.alloc(165, 1));
    writeFileSync(join(inbox, '.DS_Store'), 'x');
    const page = await open();
    await page.setInputFiles('#thu-muc', inbox);
    await page.waitForFunction(() => document.querySelector('.status')?.textContent === 'Đã kiểm tra 3/3 tệp');
    expect(await page.textContent('main')).toContain('Đã bỏ qua 2 tệp khoá của Excel (~$…) và tệp ẩn.');
    const report = ReportJsonSchema.parse(JSON.parse((await downloaded(page, '#tai-json')).toString('utf8')));
    expect(report.files.map((f) => [f.path, f.status, f.error?.code])).toEqual([
      ['nhan-ve/khoi-6/soc-trang.xlsx', 'valid', undefined],
      ['nhan-ve/khoi-cu.xls', 'unreadable', 'xls-legacy'],
      ['nhan-ve/lai-chau.xlsx', 'valid', undefined],
    ]);
    await page.close();
  });

  test('the page allows no request: its Content-Security-Policy', () => {
    const html = readFileSync(PAGE, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });
});
