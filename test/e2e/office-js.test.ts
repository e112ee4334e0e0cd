/**
 * The pane's page with the real Office.js (npm `@microsoft/office-js`, answered at Microsoft's
 * own address, as Excel on the web and desktop Excel load it) under the page's
 * Content-Security-Policy, in Chromium, outside Office: the library and what it loads itself
 * come from that address, and the policy refuses nothing but the telemetry frame it is meant
 * to refuse; and, on every load, the guard says the page runs only inside Excel (Office.js
 * answers "no host", sometimes before the page's body exists: the guard waits for it).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { haveBrowser, launch, serve } from './harness';

const ROOT = join(__dirname, '..', '..');
const OFFICE_JS = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

jest.setTimeout(150_000);

(haveBrowser && existsSync(OFFICE_JS) ? describe : describe.skip)('the pane page with the real Office.js', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ server, base } = await serve({ office: 'cdn' }));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** The page as Excel would load it, Office.js answered from the package at Microsoft's address. */
  async function open() {
    const page = await browser.newPage();
    const served: string[] = [];
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (url.startsWith(CDN)) {
        const file = join(OFFICE_JS, url.slice(CDN.length).split('?')[0]!);
        if (!file.startsWith(OFFICE_JS) || !existsSync(file)) {
          refused.push(url);
          return route.fulfill({ status: 404 });
        }
        served.push(url.slice(CDN.length));
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(file) });
      }
      refused.push(url);
      return route.abort();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    return { page, served, refused, errors };
  }

  test('loads under the page\'s policy: Office.js and what it loads itself come, no violation but the telemetry frame', async () => {
    const { page, served, errors } = await open();
    // Office.js loads what it needs itself (its mapping table), and may try its telemetry frame.
    await page.waitForFunction(() => document.getElementById('O15Mapping') !== null, undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(served[0]).toBe('office.js');
    // Refused, and meant to be: Office.js's telemetry frame (nothing leaves the machine) and the
    // style attribute of that hidden frame (docs/decisions.md). Nothing else.
    expect(violations.filter((v) => !/^frame-src https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(v) && !/^style-src-attr inline https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/o15apptofilemappingtable\.js/.test(v))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('outside Excel the guard says, on every load, that the page runs only inside Excel (never a blank page)', async () => {
    // Several loads: Office.js's answer comes before or after the body is parsed, as it happens.
    const pages = await Promise.all(Array.from({ length: 4 }, () => open()));
    for (const { page, errors } of pages) {
      await page.waitForSelector('#khong-ho-tro', { timeout: 30_000 });
      expect(await page.textContent('#khong-ho-tro')).toContain('chỉ chạy bên trong Excel');
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
