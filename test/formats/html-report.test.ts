/**
 * The HTML report as the office prints it and the per-file reports it sends back: opened in
 * Debian's Chromium (print media emulated, then printed to PDF as A4), and written one per
 * workbook by `--per-file`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'command', 'cli.js');
const FAULTY = join(ROOT, 'samples', 'faulty');
const CHROMIUM = '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI) throw new Error('CI must install Debian\'s chromium for the browser test (.ci/run does).');

const dir = mkdtempSync(join(tmpdir(), 'thidua-html-'));
const report = join(dir, 'bao-cao.html');
const perFile = join(dir, 'tung-so');
const run = spawnSync(process.execPath, [BIN, 'validate', FAULTY, join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'), '--out', report, '--per-file', perFile, '--today', '2026-11-22', '--no-progress'], { encoding: 'utf8' });

test('--per-file writes one report per workbook, each with its own findings only, and says so', () => {
  expect(run.status).toBe(1);
  const workbooks = readdirSync(FAULTY).length + 1;
  const written = readdirSync(perFile).sort();
  expect(written).toHaveLength(workbooks);
  expect(written.every((n) => n.endsWith('.bao-cao.html'))).toBe(true);
  const one = readFileSync(join(perFile, 'quang-ninh-thieu-nguoi-du.bao-cao.html'), 'utf8');
  expect(one).toContain('quang-ninh-thieu-nguoi-du.xlsx');
  expect(one).toContain('votes/quorum');
  expect(one).not.toContain('soc-trang-dia-diem-tcvn3.xlsx');
  // Sent out of the office: no overview of one row, and no folder of the office's machine.
  expect(one).not.toContain('id="tong-quan"');
  expect(one).not.toContain(FAULTY);
  expect(one).toContain('<body class="single">');
  expect(run.stderr).toContain(`Đã ghi ${workbooks} báo cáo riêng (mỗi sổ một báo cáo) vào: ${perFile}`);
  expect(run.stderr).toContain(`Đã ghi báo cáo: ${report}`);
});

(haveBrowser ? describe : describe.skip)('the HTML report in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('printed: A4, no controls, each workbook from a new page, table headers repeated', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => ({
      controls: Array.from(document.querySelectorAll('.controls'), (e) => getComputedStyle(e).display),
      breaks: Array.from(document.querySelectorAll('section'), (e) => getComputedStyle(e).breakBefore),
      thead: getComputedStyle(document.querySelector('thead')!).display,
    }));
    expect(look.controls.length).toBeGreaterThan(0);
    expect(new Set(look.controls)).toEqual(new Set(['none']));
    expect(look.breaks[0]).toBe('auto'); // the overview follows the title
    expect(new Set(look.breaks.slice(1))).toEqual(new Set(['page']));
    expect(look.thead).toBe('table-header-group');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // A4 is 595 × 842 points (210 × 297 mm; Chromium rounds to 594.96 × 841.92); US Letter would be 612 × 792.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(1);
    expect(new Set(boxes.map((b) => b.join('×')))).toEqual(new Set(['595×842']));
    await page.close();
  });

  test('a per-file report prints one workbook on one A4 page (no page per section), and its page runs no failing script', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(perFile, 'quang-ninh-thieu-nguoi-du.bao-cao.html')).href);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.evaluate(() => Array.from(document.querySelectorAll('section'), (e) => getComputedStyle(e).breakBefore));
    expect(new Set(breaks)).toEqual(new Set(['auto']));
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect([...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)]).toHaveLength(1);
    // Unticking a severity still hides its rows.
    await page.emulateMedia({ media: 'screen' });
    await page.click('input[data-severity="error"]');
    expect(await page.$$eval('tr.error', (rows) => rows.every((r) => r.classList.contains('hidden')))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('on screen: the overview links to each workbook, sorts by a column and filters by text', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(report).href);
    const rows = () => page.$$eval('#tong-quan tbody tr:not(.hidden) td:first-child', (tds) => tds.map((td) => td.textContent ?? ''));
    const before = await rows();
    expect(before.length).toBe(readdirSync(FAULTY).length + 1);
    const href = await page.getAttribute('#tong-quan tbody tr td a', 'href');
    expect(await page.$(href!)).not.toBeNull();
    await page.click('#tong-quan thead th:nth-child(6)'); // errors
    const errors = await page.$$eval('#tong-quan tbody tr td:nth-child(6)', (tds) => tds.map((td) => Number(td.textContent)));
    expect(errors).toEqual([...errors].sort((a, b) => a - b));
    await page.fill('#loc', 'quang-ninh');
    expect((await rows()).every((r) => r.includes('quang-ninh'))).toBe(true);
    expect((await rows()).length).toBe(2);
    await page.close();
  });
});
