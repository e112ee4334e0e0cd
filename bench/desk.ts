/// <reference lib="dom" />
/**
 * The office desk page (dist/thidua.html) on typical workbooks in headless Chromium, against
 * `thidua validate --jobs 2` on the same files (the whole process), taking turns in one run;
 * and the page's longest main-thread task (PerformanceObserver "longtask") while it checks and
 * shows them.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { haveBrowser, launch } from '../test/e2e/harness';
import { type Figure, spread } from './engine';
import { runThidua } from './process';

const ROOT = join(__dirname, '..', '..');

export async function deskFigures(copies = 500, rounds = 3): Promise<Figure[]> {
  if (!haveBrowser) return [];
  const dir = mkdtempSync(join(tmpdir(), 'thidua-desk-bench-'));
  const browser = await launch();
  try {
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx'));
    const paths = Array.from({ length: copies }, (_, i) => {
      const src = samples[i % samples.length]!;
      const dst = join(dir, `${String(i).padStart(4, '0')}-${src}`);
      copyFileSync(join(ROOT, 'samples', src), dst);
      return dst;
    });
    const page = async () => {
      const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      p.setDefaultTimeout(300_000);
      await p.addInitScript(() => {
        const w = window as unknown as { __tasks: [number, number][] };
        w.__tasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask', buffered: true });
      });
      await p.goto(pathToFileURL(join(ROOT, 'dist', 'thidua.html')).href);
      return p;
    };
    const ratios: number[] = [];
    const pageMs: number[] = [];
    const cliMs: number[] = [];
    const longest: number[] = [];
    runThidua(['validate', dir, '--jobs', '2', '--format', 'json', '--no-progress']); // warm the disk cache
    for (let r = 0; r < rounds; r++) {
      const p = await page();
      await p.setInputFiles('#tep', paths);
      await p.waitForFunction((n) => document.querySelector('.status')?.textContent === `Đã kiểm tra ${n}/${n} tệp`, copies, { polling: 20 });
      await p.waitForSelector('#tong-quan');
      // The page's own clock, from the files given to the report shown (the test harness's
      // handing of 500 files to the page, which a clerk's file dialog does not do, left out).
      const ms = Number(await p.getAttribute('body', 'data-check-ms'));
      // The page's own tasks, from the files given on (the harness's handing of the files aside).
      const since = Number(await p.getAttribute('body', 'data-check-start'));
      longest.push(await p.evaluate((t0) => Math.max(0, ...(window as unknown as { __tasks: [number, number][] }).__tasks.filter(([start]) => start >= t0).map(([, d]) => d)), since));
      await p.close();
      const cli = runThidua(['validate', dir, '--jobs', '2', '--format', 'json', '--no-progress']).ms;
      pageMs.push(ms);
      cliMs.push(cli);
      ratios.push(ms / cli);
    }
    const s = spread(ratios);
    const l = spread(longest);
    return [
      { name: `office desk page, ${copies} workbooks ÷ thidua validate --jobs 2 (page ${spread(pageMs).median.toFixed(0)} ms, command ${spread(cliMs).median.toFixed(0)} ms)`, unit: '×', ...s, budget: '≤ 1.5', ok: s.median <= 1.5 },
      { name: `office desk page: longest main-thread task while checking ${copies} workbooks`, unit: 'ms', ...l, budget: '≤ 200 ms', ok: l.max <= 200 },
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void deskFigures(Number(process.argv[2] ?? 500)).then((f) => console.log(f));
