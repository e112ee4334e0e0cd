/**
 * What "Tạo mẫu" adds to a workbook the user has (engine/template/additions.ts), decided in the
 * engine and only carried out by the pane's Excel adapter: the sheets missing (under any name
 * the reader takes for them), the lists first, and the checks kept only where every sheet they
 * read is the template's.
 */
import { CHECK_SHEET } from '../../engine/template/checks';
import { checkAdditions, listsFit, listsHeader, sheetsToAdd, templateFor, workbookForTemplate } from '../../engine/template/additions';
import { LISTS_SHEET } from '../../engine/template/layout';

const TODAY = '2026-11-22';
const { settings, layout } = templateFor({}, { today: TODAY });
const names = layout.map((l) => l.name);
const visible = layout.filter((l) => !l.hidden).map((l) => l.name);

test('an empty workbook gets every sheet, the hidden lists first', () => {
  const added = sheetsToAdd(layout, ['Sheet1']).map((s) => s.name);
  expect(added[0]).toBe(LISTS_SHEET);
  expect([...added].sort()).toEqual([...names].sort());
});

test('a sheet the workbook has, under its name spelt otherwise, is not added again', () => {
  const members = visible.find((n) => n.startsWith('Thành viên'))!;
  const spelt = members.normalize('NFD').toUpperCase();
  const added = sheetsToAdd(layout, [spelt, 'Sheet1']).map((s) => s.name);
  expect(added).not.toContain(members);
  expect(added).toHaveLength(names.length - 1);
});

test('the lists of an earlier template fit only with the same headers', () => {
  const lists = layout.find((l) => l.hidden)!;
  expect(listsHeader(layout)).toEqual({ row: lists.headerRow - 1, columns: lists.columns.length });
  expect(listsFit(layout, lists.columns.map((c) => c.header))).toBe(true);
  expect(listsFit(layout, [...lists.columns.map((c) => c.header).slice(0, -1), 'Khác'])).toBe(false);
});

describe('the checks a workbook gets', () => {
  const everything = checkAdditions(layout, settings, { made: names, existing: names, names: new Map(), listsFit: true });

  test('with every sheet made now: formats on them, the gravest added last, and Kiểm tra', () => {
    expect(everything.formats.length).toBeGreaterThan(20);
    expect(new Set(everything.formats.map((f) => f.sheet)).size).toBeGreaterThan(3);
    for (const f of everything.formats) expect(names).toContain(f.sheet);
    // Each is put first as it is added: where two colour one block, the last added, the gravest, shows.
    const rank = { error: 0, warning: 1, info: 2 };
    const blocks = new Map<string, (keyof typeof rank)[]>();
    for (const f of everything.formats) blocks.set(`${f.sheet}!${f.ref}`, [...(blocks.get(`${f.sheet}!${f.ref}`) ?? []), f.severity]);
    const mixed = [...blocks.values()].filter((s) => new Set(s).size > 1);
    expect(mixed.length).toBeGreaterThan(0);
    for (const s of mixed) expect(rank[s.at(-1)!]).toBe(Math.min(...s.map((x) => rank[x])));
    expect(everything.checkSheet?.cells.length).toBeGreaterThan(10);
    expect(everything.checkSheet?.hiddenColumns).toMatch(/^J:[A-Z]+$/);
  });

  test('the workbook\'s own sheets keep their formatting, and a Kiểm tra it has is left alone', () => {
    const none = checkAdditions(layout, settings, { made: [], existing: [...names, CHECK_SHEET], names: new Map(visible.map((n) => [n, n])), listsFit: true });
    expect(none.formats).toEqual([]);
    expect(none.checkSheet).toBeUndefined();
  });

  test('without the template\'s lists, the checks that read them are left to thidua', () => {
    const unfit = checkAdditions(layout, settings, { made: visible, existing: names, names: new Map(), listsFit: false });
    expect(unfit.formats.length).toBeLessThan(everything.formats.length);
    expect(unfit.formats.every((f) => !f.formula.includes(LISTS_SHEET))).toBe(true);
    const counted = (a: typeof unfit) => a.checkSheet!.cells.filter(([address]) => /^[A-Z]\d+$/.test(address)).length;
    expect(counted(unfit)).toBeGreaterThan(0);
    expect(everything.formats.some((f) => f.formula.includes(LISTS_SHEET))).toBe(true);
  });
});

test('a workbook not yet read gives no member list and no sheets of its own', () => {
  expect(workbookForTemplate(undefined)).toEqual({ names: new Map() });
});
