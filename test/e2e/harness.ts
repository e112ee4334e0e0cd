/// <reference lib="dom" />
/**
 * The built pane served as Excel would load it, with Office.js replaced by the fake host
 * (test/support/fake-excel/), in Debian's Chromium. Shared by the browser tests and the
 * benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { readXlsx } from '../../reader/read-workbook';
import type { Grid } from '../../engine/model/grid';
import type { FakeOptions } from '../support/fake-excel';

/** The repository (this file runs from test/e2e under ts-jest, and from dist/test/e2e in the bench). */
function repository(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = repository();
export const CHROMIUM = '/usr/bin/chromium';
export const haveBrowser = existsSync(CHROMIUM);

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.xml': 'application/xml' };

/**
 * Serves dist/addin, and the fake in place of Office.js (`office: 'cdn'`: the page as built,
 * Office.js asked of Microsoft's address, for a test that answers it). Every request is recorded.
 */
export function serve(options: { office?: 'fake' | 'cdn' } = {}): Promise<{ server: Server; base: string; requested: string[] }> {
  const requested: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    requested.push(path);
    const file = path === '/fake-office.js' ? join(ROOT, 'dist', 'e2e', 'fake-office.js') : join(ROOT, 'dist', 'addin', path.replace(/^\/+/, ''));
    if (path.includes('..') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
    let body: string | Buffer = readFileSync(file);
    if (type === 'text/html' && options.office !== 'cdn') body = body.toString('utf8').replace('https://appsforoffice.microsoft.com/lib/1/hosted/office.js', '/fake-office.js');
    res.writeHead(200, { 'content-type': type.startsWith('text') ? `${type}; charset=utf-8` : type }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requested })));
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenOptions {
  fake?: FakeOptions;
  /** Script run before the page's own (an old engine emulated, a format left by an earlier pane). */
  before?: string;
  /** Wait for the first check to end (default); false for a page that may never check. */
  ready?: boolean;
  /** Requests outside the pane's own origin, recorded and refused. */
  outside?: string[];
  dialogs?: string[];
  /** Playwright's clock installed before the page loads: time flows, and a test may jump it forward (`page.clock.fastForward`). */
  clock?: boolean;
}

export async function openPane(browser: Browser, base: string, grid: Grid, o: OpenOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    o.outside?.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    o.dialogs?.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(
    ([g, fake]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__THIDUA_GRID__ = g;
      w.__FAKE_OPTIONS__ = fake;
      // Anything the Content-Security-Policy refuses (eval, a foreign script) is recorded.
      const seen: string[] = (w.__csp = []) as string[];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
    [grid, o.fake ?? {}] as const,
  );
  if (o.before) await page.addInitScript(o.before);
  if (o.clock) await page.clock.install();
  await page.goto(`${base}/taskpane.html`);
  if (o.ready !== false) {
    await page.waitForSelector('[data-count="error"]');
    await settle(page);
  }
  return page;
}

/** The pane has no check running and none waiting. */
export const settle = (page: Page) => page.waitForFunction(() => !document.querySelector('.checking') && document.body.getAttribute('data-idle') !== 'false');

/** Each finding as `rule place`. */
export const listed = (page: Page) => page.$$eval('li.finding', (lis) => lis.map((li) => `${li.getAttribute('data-rule')} ${li.querySelector('.place')?.textContent}`));

/** Calls a method of the fake host in the page. */
export function fake<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([m, a]) => {
    const f = (window as unknown as { __fakeExcel: Record<string, (...x: unknown[]) => unknown> }).__fakeExcel;
    return f[m as string]!.apply(f, a as unknown[]) as T;
  }, [method, args] as const) as Promise<T>;
}

/** A property of the fake host in the page. */
export function fakeProp<T>(page: Page, prop: string): Promise<T> {
  return page.evaluate((p) => (window as unknown as { __fakeExcel: Record<string, unknown> }).__fakeExcel[p] as T, prop);
}

/** A workbook of samples/ as the pane's fake host is given it. */
export const sample = (name: string): Grid => readXlsx(readFileSync(join(ROOT, 'samples', name)));
export const CLEAN = 'lai-chau-mttq-2023.xlsx';
export const FAULTY = 'faulty/lai-chau-phieu-vuot-phieu-hop-le.xlsx'; // votes over the valid ballots at Bình xét!G3

/** The workbook with a sheet of 2,500 long rows beside it, too large for one answer under a 100 KB limit. */
export function withAppendix(grid: Grid): Grid {
  const rows = Array.from({ length: 2500 }, (_, i) => [`Chỉ tiêu số ${i} của khối thi đua, ghi dài cho đủ cỡ`, i, i * 2]);
  grid.sheets.push({ name: 'Phụ lục', rows: rows.map((r) => r.map((v) => (typeof v === 'number' ? { kind: 'number' as const, value: v } : { kind: 'text' as const, value: v }))) });
  return grid;
}
