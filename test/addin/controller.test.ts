import { type Mark, PaneController, type PaneHost } from '../../addin/pane/controller';
import type { Grid } from '../../engine/model/grid';
import { setCell } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';

/** A host over a Grid in memory: records what the pane asks of it. */
function memoryHost(grid: Grid) {
  let handler: ((sheets: string[]) => void) | undefined;
  const reads: (readonly string[] | undefined)[] = [];
  const writes: [string, string, string | number][] = [];
  let marks: Mark[] = [];
  const host: PaneHost = {
    readSheets: async (names) => {
      reads.push(names);
      return { sheets: structuredClone(grid.sheets.filter((s) => !names || names.includes(s.name))) };
    },
    onChange: async (h) => {
      handler = h;
    },
    select: async () => {},
    writeCell: async (sheet, cell, value) => {
      writes.push([sheet, cell, value]);
      setCell(grid, sheet, cell, value);
      handler?.([sheet]); // Excel reports our own write as a change too
    },
    showMarks: async (m) => {
      marks = m;
    },
    clearMarks: async () => {
      marks = [];
    },
    createTemplate: async () => [],
  };
  return { host, reads, writes, marks: () => marks, type: (sheet: string, cell: string, v: string | number) => { setCell(grid, sheet, cell, v); handler?.([sheet]); } };
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

  test('its own writes are not taken for the user\'s edits; a fix re-reads its sheet once', async () => {
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
});
