import type { Change } from '../../addin/excel';
import { type Mark, PaneController } from '../../addin/pane/controller';
import { errorText } from '../../addin/pane/excel-errors';
import type { PaneHost } from '../../addin/pane/state';
import type { Grid } from '../../engine/model/grid';
import { setCell } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';

/** A host over a Grid in memory: records what the pane asks of it; a check takes `slow` ms. */
function memoryHost(grid: Grid, slow = 0) {
  const ids = new Map(grid.sheets.map((s, i) => [s.name, `{${i}}`]));
  const nameOf = (id: string) => [...ids].find(([, v]) => v === id)?.[0] ?? id;
  let handler: ((change: Change) => void) | undefined;
  const reads: (string[] | undefined)[] = [];
  const writes: [string, string, string | number][] = [];
  let marks: Mark[] = [];
  let running = 0;
  let most = 0;
  const host: PaneHost = {
    check: async (request, decide) => {
      running++;
      most = Math.max(most, running);
      try {
        if (slow) await new Promise((r) => setTimeout(r, slow));
        if (request.ids?.some((id) => !grid.sheets.some((s) => ids.get(s.name) === id))) throw Object.assign(new Error('gone'), { code: 'ItemNotFound' });
        if (request.ids === undefined || request.ids.length > 0) reads.push(request.ids?.map(nameOf));
        const sheets = grid.sheets.filter((s) => !request.ids || request.ids.includes(ids.get(s.name)!)).map((s) => ({ ...structuredClone(s), id: ids.get(s.name)! }));
        const wanted = decide({ sheets, complete: request.ids === undefined });
        if (request.marks) marks = wanted;
      } finally {
        running--;
      }
    },
    onChange: async (h) => {
      handler = h;
    },
    select: async () => {},
    recalculate: async () => {},
    // Excel's event for the pane's own write is filtered by the host (addin/excel/), not seen here.
    write: async (sheet, cell, value) => {
      writes.push([sheet, cell, value]);
      setCell(grid, sheet, cell, value);
      return { written: true };
    },
    createTemplate: async () => ({ added: [] }),
  };
  return {
    host,
    reads,
    writes,
    most: () => most,
    marks: () => marks,
    type: (sheet: string, cell: string, v: string | number) => {
      setCell(grid, sheet, cell, v);
      handler?.({ ids: [ids.get(sheet)!] });
    },
    structure: () => handler?.({ structure: true }),
    remove: (sheet: string) => {
      grid.sheets = grid.sheets.filter((s) => s.name !== sheet);
    },
  };
}

/** Time passes only when the test says so (jest's fake timers): no race against the machine. */
const wait = (ms: number) => jest.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('the pane controller', () => {
  test('edits are debounced and only the changed sheets are read again', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq));
    const c = new PaneController(m.host, { debounceMs: 40, check: { today: '2026-11-22' } });
    await c.start();
    expect(m.reads).toEqual([undefined]);
    m.type('Bình xét', 'G3', 7);
    m.type('Bình xét', 'G4', 6);
    m.type('Số liệu', 'E3', '53.211');
    await wait(10);
    expect(m.reads).toHaveLength(1);
    await wait(80);
    expect(m.reads).toEqual([undefined, ['Bình xét', 'Số liệu']]);
    expect(c.state.findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual(['votes/candidate-over-valid G3', 'votes/percent-mismatch H4', 'cell/number-as-text E3']);
  });

  test('a fix re-reads its sheet once', async () => {
    const grid = blocToGrid(laiChauMttq);
    setCell(grid, 'Bình xét', 'H4', 90);
    const m = memoryHost(grid);
    const c = new PaneController(m.host, { debounceMs: 40, check: { today: '2026-11-22' } });
    await c.start();
    const finding = c.state.findings.find((f) => f.ruleId === 'votes/percent-mismatch')!;
    expect(c.canFix(finding)).toBe(true);
    await c.fix(finding);
    await wait(80);
    expect(m.writes).toEqual([['Bình xét', 'H4', 83.33]]);
    expect(m.reads).toEqual([undefined, ['Bình xét']]);
    expect(c.state.findings).toEqual([]);
  });

  test('highlights follow the findings and are cleared when switched off', async () => {
    const grid = blocToGrid(laiChauMttq);
    setCell(grid, 'Bình xét', 'G3', 7);
    const m = memoryHost(grid);
    const c = new PaneController(m.host, { debounceMs: 20, check: { today: '2026-11-22' } });
    await c.start();
    await c.setHighlight(true);
    expect(m.marks()).toEqual([{ sheet: 'Bình xét', cell: 'G3', severity: 'error' }]);
    await c.setHighlight(false);
    expect(m.marks()).toEqual([]);
  });

  test('a change that comes while a check runs is read by the next check, never dropped; two checks never overlap', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq), 100);
    const c = new PaneController(m.host, { debounceMs: 20, check: { today: '2026-11-22' } });
    const started = c.start();
    await wait(150);
    await started;
    m.type('Bình xét', 'G3', 7);
    await wait(30); // the check of G3 starts and takes 100 ms
    m.type('Số liệu', 'E3', '53.211'); // comes while it runs
    await wait(400);
    expect(m.reads).toEqual([undefined, ['Bình xét'], ['Số liệu']]);
    expect(m.most()).toBe(1);
    expect(c.state.findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual(['votes/candidate-over-valid G3', 'cell/number-as-text E3']);
    expect(c.state.busy).toBe(false);
  });

  test('a sheet gone since its id was known: the check reads every sheet', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq));
    const c = new PaneController(m.host, { debounceMs: 20, check: { today: '2026-11-22' } });
    await c.start();
    m.type('Giao ước', 'C3', 'Không');
    m.remove('Giao ước');
    await wait(50);
    expect(m.reads).toEqual([undefined, undefined]);
    expect(c.state.error).toBeUndefined();
  });

  test('sheets added, renamed or deleted: every sheet read again', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq));
    const c = new PaneController(m.host, { debounceMs: 20, check: { today: '2026-11-22' } });
    await c.start();
    m.structure();
    await wait(50);
    expect(m.reads).toEqual([undefined, undefined]);
  });

  test('a fix the host refuses (a formula) is not written, and the finding says why', async () => {
    const grid = blocToGrid(laiChauMttq);
    setCell(grid, 'Bình xét', 'H4', 90);
    const m = memoryHost(grid);
    m.host.write = async () => ({ written: false, reason: 'formula' });
    const c = new PaneController(m.host, { debounceMs: 20, check: { today: '2026-11-22' } });
    await c.start();
    const finding = c.state.findings.find((f) => f.ruleId === 'votes/percent-mismatch')!;
    await c.fix(finding);
    expect(c.state.refused).toEqual({ 'Bình xét!H4 votes/percent-mismatch': 'formula' });
    expect(m.reads).toEqual([undefined]);
  });

  test('a finding on a formula cell offers no fix', async () => {
    const grid = blocToGrid(laiChauMttq);
    setCell(grid, 'Bình xét', 'H4', 90);
    grid.sheets.find((s) => s.name === 'Bình xét')!.rows[3]![7] = { kind: 'number', value: 90, formula: { cached: true } };
    const c = new PaneController(memoryHost(grid).host, { check: { today: '2026-11-22' } });
    await c.start();
    const finding = c.state.findings.find((f) => f.ruleId === 'votes/percent-mismatch')!;
    expect(c.isFormula(finding)).toBe(true);
    expect(c.canFix(finding)).toBe(false);
  });
  test('a check that fails keeps its edits: tried again after 1 s, 2 s…, said in the pane, and the edit is checked once Excel answers', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq));
    const failing = { left: 0 };
    const check = m.host.check;
    m.host.check = async (request, decide) => {
      if (failing.left > 0) {
        failing.left--;
        throw Object.assign(new Error('busy'), { code: 'GeneralException' });
      }
      return check(request, decide);
    };
    const c = new PaneController(m.host, { debounceMs: 40, check: { today: '2026-11-22' } });
    await c.start();
    expect(c.state.findings.filter((f) => f.ruleId === 'votes/candidate-over-valid')).toEqual([]);
    failing.left = 2;
    m.type('Bình xét', 'G3', 99);
    await wait(40);
    expect(c.state.retry).toEqual({ attempt: 1, inMs: 1000 });
    expect(c.state.busy).toBe(true);
    await wait(1000);
    expect(c.state.retry).toEqual({ attempt: 2, inMs: 2000 });
    await wait(2000);
    // The edit of the first, failed check is read by the third.
    expect(c.state.retry).toBeUndefined();
    expect(c.state.busy).toBe(false);
    expect(c.state.findings.map((f) => f.ruleId)).toContain('votes/candidate-over-valid');
    expect(m.reads.at(-1)).toEqual(['Bình xét']);
  });

  test('Excel refusing to let the pane listen is said until listening works; "Kiểm tra lại" tries again', async () => {
    const m = memoryHost(blocToGrid(laiChauMttq));
    const onChange = m.host.onChange;
    let refuse = true;
    m.host.onChange = async (h) => {
      if (refuse) throw Object.assign(new Error('no'), { code: 'AccessDenied' });
      return onChange(h);
    };
    const c = new PaneController(m.host, { debounceMs: 40, check: { today: '2026-11-22' } });
    await c.start();
    // The check after it succeeded, and the refusal is still said.
    expect(c.state.notListening).toBeDefined();
    expect(c.state.error).toBeUndefined();
    refuse = false;
    await c.recheckAll();
    expect(c.state.notListening).toBeUndefined();
    m.type('Bình xét', 'G3', 99);
    await wait(40);
    expect(c.state.findings.map((f) => f.ruleId)).toContain('votes/candidate-over-valid');
  });
  test.each(['AccessDenied', 'InactiveWorkbook', 'RangeExceedsLimit', 'OperationCellsExceedLimit', 'UndoNotSupported', 'Conflict', 'RequestAborted', 'ItemAlreadyExists', 'FormulaLengthExceedsLimit', 'InvalidOperationInCellEditMode', 'ItemNotFound', 'RequestPayloadSizeLimitExceeded'])('Excel\'s %s has a message of its own, in Vietnamese and English, saying what to do', (code) => {
    const e = Object.assign(new Error('x'), { code });
    const generic = errorText(Object.assign(new Error('x'), { code: 'SomethingElse' }), 'vi').replace('SomethingElse', code);
    expect(errorText(e, 'vi')).not.toBe(generic);
    expect(errorText(e, 'vi')).not.toContain(code);
    expect(errorText(e, 'en')).not.toBe(errorText(e, 'vi'));
  });
});
