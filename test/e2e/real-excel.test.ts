/**
 * What real Excel does to the pane, which a kind fake host hid: each test here is one
 * defect found by reading the pane's code against the Office.js reference and the known
 * issues of office-js, played on a fake host that behaves as Excel does (test/support/fake-excel/).
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { checkGrid } from '../../engine/check';
import { type Grid, setCell } from '../../engine/model/grid';
import { CLEAN, FAULTY, fake, fakeProp, haveBrowser, launch, listed, openPane, type OpenOptions, sample, serve, settle, withAppendix } from './harness';


jest.setTimeout(60_000);

type Mark = { sheet: string; address: string; fill: string; formula: string };
const marks = (page: Page) => fake<Mark[]>(page, 'marks');
const marksAt = async (page: Page) => (await marks(page)).map((m) => `${m.sheet}!${m.address}`).sort();

(haveBrowser ? describe : describe.skip)('the pane where real Excel differs from a kind fake', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let requested: string[];

  beforeAll(async () => {
    ({ server, base, requested } = await serve());
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  const open = (grid: Grid, o: OpenOptions = {}) => openPane(browser, base, grid, o);
  const highlight = async (page: Page, on: boolean) => {
    await (on ? page.check('#highlight') : page.uncheck('#highlight'));
    await settle(page);
  };
  const noError = async (page: Page) => expect(await page.$('.failed')).toBeNull();

  describe('2. highlights never left in the user\'s file', () => {
    test('a new pane clears the marks an earlier pane left (its own signature, or the first version\'s)', async () => {
      const page = await open(sample(FAULTY), {
        fake: {
          formats: [
            { sheet: 'Bình xét', address: 'C5', type: 'Custom', formula: '=ISLOGICAL(TRUE)', fill: '#FFC7CE' },
            { sheet: 'Thành viên', address: 'B4', type: 'Custom', formula: '=ISREF($B$4)+N("thidua")', fill: '#FFEB9C' },
            { sheet: 'Bình xét', address: 'A1:A9', type: 'Custom', formula: '=$A1="x"', fill: '#00FF00' }, // the user's own
          ],
        },
      });
      await page.waitForFunction(() => (window as unknown as { __fakeExcel: { marks(): unknown[] } }).__fakeExcel.marks().length === 1);
      expect(await marks(page)).toEqual([{ sheet: 'Bình xét', address: 'A1:A9', fill: '#00FF00', formula: '=$A1="x"' }]);
      await page.close();
    });

    test('rows inserted above a mark: the mark moves with its cell, is found there, never doubled, and cleared', async () => {
      const page = await open(sample(FAULTY));
      await highlight(page, true);
      expect(await marksAt(page)).toEqual(['Bình xét!G3']);
      await fake(page, 'shiftRows', 'Bình xét', 2, 1);
      await page.waitForSelector('li[data-rule="votes/candidate-over-valid"] .place >> text=G4');
      await settle(page);
      expect(await marksAt(page)).toEqual(['Bình xét!G4']);
      await highlight(page, false);
      expect(await marks(page)).toEqual([]);
      await noError(page);
      await page.close();
    });

    test('a sheet renamed while marked: clearing still works, and no later check fails', async () => {
      const page = await open(sample(FAULTY));
      await highlight(page, true);
      await fake(page, 'renameSheet', 'Bình xét', 'Bầu chọn');
      await page.waitForSelector('li[data-rule="template/missing-sheet"]');
      await settle(page);
      await highlight(page, false);
      expect(await marks(page)).toEqual([]);
      await noError(page);
      await page.click('#recheck');
      await settle(page);
      await noError(page);
      await page.close();
    });

    test('a colour scale or an icon set of the user\'s over a marked cell: marks still cleared, the user\'s formats kept', async () => {
      const page = await open(sample(FAULTY), { fake: { formats: [{ sheet: 'Bình xét', address: 'G1:G20', type: 'ColorScale' }, { sheet: 'Bình xét', address: 'B2:H9', type: 'IconSet' }] } });
      await highlight(page, true);
      expect(await marksAt(page)).toEqual(['Bình xét!G3']);
      await highlight(page, false);
      expect(await marks(page)).toEqual([]);
      const kept = await page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: { name: string; cfs: { type: string }[] }[] } }).__fakeExcel.sheets.find((s) => s.name === 'Bình xét')!.cfs.map((c) => c.type));
      expect(kept).toEqual(['ColorScale', 'IconSet']);
      await noError(page);
      await page.close();
    });

    test('two checks overlapping (slow Excel, quick typing): one mark per cell', async () => {
      const page = await open(sample(FAULTY), { fake: { syncDelayMs: 250 } });
      await highlight(page, true);
      await fake(page, 'type', 'Bình xét', 'C4', 9); // a second fault, then another edit while the first check runs
      await page.waitForTimeout(450);
      await fake(page, 'type', 'Bình xét', 'B10', 'x');
      await page.waitForTimeout(300);
      await settle(page);
      await page.waitForTimeout(600);
      await settle(page);
      const at = await marksAt(page);
      expect(at).toEqual([...new Set(at)]);
      expect(at).toEqual(expect.arrayContaining(['Bình xét!C4', 'Bình xét!G3']));
      // One queue: the pane's Excel work never ran two batches at once.
      expect(await fakeProp<number>(page, 'mostRunning')).toBe(1);
      await page.close();
    });
  });

  describe('3. undo', () => {
    test('a check that changes the marks is one undo record; a check that changes none adds none', async () => {
      const page = await open(sample(FAULTY), { fake: { api: '1.20' } });
      await highlight(page, true);
      await fake(page, 'type', 'Bình xét', 'C4', 9); // a new fault: a new mark
      await page.waitForSelector('li[data-rule="votes/ballot-order"]');
      await settle(page);
      const after = await fakeProp<string[]>(page, 'undoStack');
      expect(after.slice(after.lastIndexOf('user') + 1)).toEqual(['addin']);
      await fake(page, 'type', 'Bình xét', 'J20', 'ghi chú'); // no finding changes
      await page.waitForTimeout(400);
      await settle(page);
      const again = await fakeProp<string[]>(page, 'undoStack');
      expect(again.at(-1)).toBe('user');
      await page.close();
    });
  });

  describe('4. no edit dropped', () => {
    test('an edit made while the pane writes a fix is checked', async () => {
      const grid = sample(CLEAN);
      setCell(grid, 'Đề nghị khen thưởng', 'D4', 'Hoàn thành  xuất sắc nhiệm vụ ');
      const page = await open(grid, { fake: { eventDelayMs: 30 } });
      await page.click('li[data-rule="text/whitespace"] button.fix');
      await fake(page, 'type', 'Số liệu', 'C3', 'suất  '); // spaces left, on another sheet, as the fix is written
      await page.waitForSelector('li[data-rule="text/whitespace"] .place >> text=C3', { timeout: 5000 });
      await settle(page);
      expect(await listed(page)).toEqual(['text/whitespace C3']);
      await page.close();
    });
  });

  describe('5. changes of sheets and of results', () => {
    test('a sheet added by the user is read', async () => {
      const grid = sample(CLEAN);
      const votes = grid.sheets.find((s) => s.name === 'Bình xét')!;
      grid.sheets = grid.sheets.filter((s) => s !== votes);
      const page = await open(grid);
      expect(await listed(page)).toContain('template/missing-sheet ');
      const rows = votes.rows.map((r) => Array.from({ length: r?.length ?? 0 }, (_, i) => { const c = r?.[i]; return c && c.kind !== 'blank' ? (c.value as string | number) : ''; }));
      await fake(page, 'userAddsSheet', 'Bình xét', rows);
      await page.waitForFunction(() => !document.querySelector('li[data-rule="template/missing-sheet"]'));
      await settle(page);
      expect(await listed(page)).toEqual([]);
      await page.close();
    });

    test('a sheet renamed or deleted by the user is followed', async () => {
      const page = await open(sample(CLEAN));
      await fake(page, 'renameSheet', 'Bình xét', 'Nháp');
      await page.waitForSelector('li[data-rule="template/missing-sheet"]');
      await fake(page, 'renameSheet', 'Nháp', 'Bình xét');
      await page.waitForFunction(() => !document.querySelector('li[data-rule="template/missing-sheet"]'));
      await fake(page, 'deleteSheet', 'Đề nghị khen thưởng');
      await page.waitForSelector('li[data-rule="template/missing-sheet"]');
      await settle(page);
      await noError(page);
      await page.close();
    });

    test('a formula\'s result recalculated (no cell of that sheet edited) is seen', async () => {
      const page = await open(sample(CLEAN));
      await fake(page, 'setFormula', 'Bình xét', 'H3', "=G3/COUNTA('Thành viên'!B3:B8)*100", 100);
      await fake(page, 'recalculated', 'Bình xét', 'H3', 50);
      await page.waitForSelector('li[data-rule="votes/percent-mismatch"]');
      await page.close();
    });
  });

  describe('6. fixes that keep the cell what it is', () => {
    test('text that Excel would take for a formula or a number is written as text', async () => {
      const grid = sample(CLEAN);
      setCell(grid, 'Đề nghị khen thưởng', 'D4', ' -  Xuất sắc');
      setCell(grid, 'Đề nghị khen thưởng', 'D5', '001 ');
      const page = await open(grid);
      for (const cell of ['D4', 'D5']) {
        await page.click(`li[data-rule="text/whitespace"] button.go[data-cell="${cell}"] ~ button.fix`);
        await page.waitForFunction((c) => !document.querySelector(`li[data-rule="text/whitespace"] button.go[data-cell="${c}"]`), cell);
        await settle(page);
      }
      expect(await fake(page, 'cell', 'Đề nghị khen thưởng', 'D4')).toMatchObject({ value: '- Xuất sắc', type: 'String' });
      expect(await fake(page, 'cell', 'Đề nghị khen thưởng', 'D5')).toMatchObject({ value: '001', type: 'String' });
      expect((await fake<{ formula?: string }>(page, 'cell', 'Đề nghị khen thưởng', 'D4')).formula).toBeUndefined();
      await page.close();
    });

    test('a percentage written in the cell\'s own format (a 0.00% cell takes a fraction)', async () => {
      const grid = sample(CLEAN);
      const votes = checkGrid(grid).model.votes[0]!;
      const expected = Math.round((votes.votes.value! / checkGrid(grid).model.members.length) * 10000) / 100;
      const page = await open(grid);
      await fake(page, 'setFormat', 'Bình xét', 'H3', '0.00%');
      await fake(page, 'type', 'Bình xét', 'H3', 0.5);
      await page.waitForSelector('li[data-rule="votes/percent-mismatch"] button.fix');
      await page.click('li[data-rule="votes/percent-mismatch"] button.fix');
      await page.waitForFunction(() => !document.querySelector('li[data-rule="votes/percent-mismatch"]'));
      const cell = await fake<{ value: number; format: string }>(page, 'cell', 'Bình xét', 'H3');
      expect(cell.format).toBe('0.00%');
      expect(cell.value).toBeCloseTo(expected / 100, 6);
      await page.close();
    });

    test('a formula is never overwritten: the fix is refused, with the reason', async () => {
      const page = await open(sample(CLEAN));
      await fake(page, 'setFormula', 'Bình xét', 'H3', '=G3/7*100', 71.43);
      await page.click('#recheck');
      await page.waitForSelector('li[data-rule="votes/percent-mismatch"]');
      await settle(page);
      const fix = await page.$('li[data-rule="votes/percent-mismatch"] button.fix');
      if (fix) {
        await fix.click();
        await settle(page);
      }
      expect(await page.textContent('li[data-rule="votes/percent-mismatch"]')).toContain('công thức');
      expect(await fake(page, 'cell', 'Bình xét', 'H3')).toMatchObject({ formula: '=G3/7*100', value: 71.43 });
      await page.close();
    });
  });

  describe('7. payload', () => {
    test('a sheet too large for one request is read in smaller ones (Excel on the web: 5 MB)', async () => {
      const grid = withAppendix(sample(CLEAN));
      const page = await open(grid, { fake: { payloadLimit: 100_000 } });
      await noError(page);
      expect(await listed(page)).toEqual([]);
      await page.close();
    });

    test('one edit costs at most 2 round trips with highlighting off, 3 with it on', async () => {
      const page = await open(sample(FAULTY));
      const trips = async (value: number) => {
        const before = await fakeProp<number>(page, 'syncs');
        await fake(page, 'type', 'Bình xét', 'C4', value);
        await page.waitForTimeout(450);
        await settle(page);
        return (await fakeProp<number>(page, 'syncs')) - before;
      };
      expect(await trips(9)).toBeLessThanOrEqual(2);
      await highlight(page, true);
      expect(await trips(6)).toBeLessThanOrEqual(3);
      await page.close();
    });
  });

  describe('8. "Tạo mẫu" in a workbook of its own', () => {
    test('its drop-downs point at the member sheet as the workbook names it', async () => {
      const grid = sample(CLEAN);
      grid.sheets = grid.sheets.filter((s) => s.name !== 'Bình xét');
      grid.sheets.find((s) => s.name === 'Thành viên')!.name = 'Thanh vien';
      const page = await open(grid);
      await page.click('#template');
      await page.waitForSelector('p.added');
      const setup = await fake<{ validations: [string, { rule: { list?: { source: string } } }][] }>(page, 'setup', 'Bình xét');
      // The workbook's own member list, over as many rows as the template's tables (quoc-gia: 40 units).
      expect(new Map(setup.validations).get('F3:F62')?.rule.list?.source).toBe("='Thanh vien'!$B$3:$B$42");
      await page.close();
    });

    test('a sheet Excel refuses to add: the others stand, nothing half-built is left, the user is told', async () => {
      const grid = sample(CLEAN);
      grid.sheets = grid.sheets.filter((s) => s.name !== 'Bình xét' && s.name !== 'Giao ước');
      const page = await open(grid, { fake: { failAdding: 'Giao ước' } });
      await page.click('#template');
      await page.waitForSelector('p.added');
      expect(await page.textContent('p.added')).toContain('Bình xét');
      expect(await page.textContent('.failed')).toContain('Giao ước');
      const names = await page.evaluate(() => (window as unknown as { __fakeExcel: { sheets: { name: string }[] } }).__fakeExcel.sheets.map((s) => s.name));
      expect(names).not.toContain('Giao ước');
      expect(names).toContain('Bình xét');
      await page.close();
    });
  });

  describe('1. never a blank pane', () => {
    test('an engine too old for the pane (no ES2022) gets a Vietnamese page that says what to do, and never the bundle', async () => {
      requested.length = 0;
      const page = await open(sample(CLEAN), { ready: false, before: 'delete Array.prototype.at; delete Object.fromEntries; delete String.prototype.replaceAll;' });
      await page.waitForSelector('#khong-ho-tro');
      const text = await page.textContent('#khong-ho-tro');
      expect(text).toContain('Excel trên web');
      expect(text).toContain('biểu mẫu');
      expect(requested).not.toContain('/taskpane.js');
      await page.close();
    });

    test('an Excel below ExcelApi 1.7 gets the same page', async () => {
      const page = await open(sample(CLEAN), { ready: false, fake: { api: '1.6' } });
      await page.waitForSelector('#khong-ho-tro');
      await page.close();
    });
  });
});
