/// <reference lib="dom" />
/**
 * The pane's live re-check in headless Chromium on the fake Excel host (test/support/fake-excel/):
 * Excel round trips (`context.sync`) per re-check after one cell edit, with highlighting off
 * and on, and the time from the debounced change to the updated list, with the fake's own
 * 1 ms per sync and with 50 ms per sync (a slow Excel).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../reader/read-workbook';
import { fakeProp, haveBrowser, launch, openPane, serve, settle } from '../test/e2e/harness';
import { type Figure, spread } from './engine';

const ROOT = join(__dirname, '..', '..'); // dist/bench → the repository

interface Run {
  syncs: number[];
  ms: number[];
}

/** `edits` edits that each add or clear a finding, on a workbook in the fake with `syncDelayMs` per round trip. */
async function measure(syncDelayMs: number, highlight: boolean, edits: number): Promise<Run> {
  const { server, base } = await serve();
  const browser = await launch();
  try {
    const grid = readXlsx(readFileSync(join(ROOT, 'samples', 'faulty', 'lai-chau-phieu-vuot-phieu-hop-le.xlsx')));
    const page = await openPane(browser, base, grid, { fake: { syncDelayMs } });
    if (highlight) {
      await page.check('#highlight');
      await settle(page);
    }
    const run: Run = { syncs: [], ms: [] };
    for (let i = 0; i < edits; i++) {
      const before = await fakeProp<number>(page, 'syncs');
      const value = i % 2 === 0 ? 9 : 6; // a fault of the ballot order, then none
      await page.evaluate((v) => (window as unknown as { __fakeExcel: { type(s: string, a: string, v: number): void } }).__fakeExcel.type('Bình xét', 'C4', v), value);
      await page.waitForFunction((n) => document.querySelectorAll('li[data-rule="votes/ballot-order"]').length === n, value === 9 ? 1 : 0);
      await settle(page);
      run.syncs.push((await fakeProp<number>(page, 'syncs')) - before);
      run.ms.push(Number(await page.getAttribute('body', 'data-last-check-ms')));
    }
    return run;
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

export async function paneFigures(quick = false): Promise<Figure[]> {
  if (!haveBrowser) return [];
  const edits = quick ? 7 : 25;
  const off = await measure(1, false, edits);
  const on = await measure(1, true, edits);
  const slow = await measure(50, false, edits);
  const slowOn = await measure(50, true, edits);
  const trips = (name: string, r: Run, most: number): Figure => ({ name, unit: 'syncs', ...spread(r.syncs), budget: `≤ ${most}`, ok: Math.max(...r.syncs) <= most });
  const p95 = (name: string, r: Run, budget: number): Figure => {
    const s = spread(r.ms);
    return { name, unit: 'ms', ...s, budget: `p95 ≤ ${budget} ms`, ok: s.p95 <= budget };
  };
  return [
    trips('pane: Excel round trips per re-check after one edit, highlighting off', off, 2),
    trips('pane: Excel round trips per re-check after one edit, highlighting on', on, 3),
    p95('pane: re-check after one edit, after the debounce (fake Excel, 1 ms a sync)', off, 100),
    p95('pane: re-check after one edit, after the debounce, Excel taking 50 ms a sync', slow, 250),
    p95('pane: the same with highlighting on, Excel taking 50 ms a sync', slowOn, 250),
  ];
}
