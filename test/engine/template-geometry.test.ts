/**
 * The template's checks are written from its geometry: a check naming a sheet or a column the
 * layout lacks fails where it is built (never a check that silently disappears), every check
 * finds its cells on the template of any shape, and the figures come from the profile.
 */
import { currentNationalSettings } from '../../engine/profiles';
import { checkedCells, checkSheetCells, formatBlocks, ROWS_INSERTED, TEMPLATE_CHECKS, type TemplateCheck, templateChecks, testAtPosition } from '../../engine/template/checks';
import { geometryOf } from '../../engine/template/geometry';
import { fromA1 } from '../../engine/model/grid';
import { templateLayout } from '../../engine/template/layout';

const settings = currentNationalSettings();
const layout = (criteria?: { name: string; max?: number }[], members: string[] = []) => templateLayout(settings, { members, ...(criteria ? { criteria } : {}) }, { today: '2026-11-22', profiles: ['quoc-gia'] });
const g = geometryOf(layout());
const base = TEMPLATE_CHECKS.find((c) => c.ruleId === 'votes/candidate-over-valid')!;

describe('the template\'s geometry', () => {
  test('a check naming a column the layout lacks fails as it is built', () => {
    const misspelt: TemplateCheck = { ...base, cells: { cols: ['votez'] } };
    expect(() => checkedCells(misspelt, g)).toThrow(/no column "votez"/);
    const inTest: TemplateCheck = { ...base, test: (geo) => `${geo.col('votes', 'vaild')}{r}>0` };
    expect(() => checkSheetCells([{ ...inTest, severity: 'error' }], [], g, settings)).toThrow(/no column "vaild"/);
  });

  test('a check naming a sheet or a label the layout lacks fails as it is built', () => {
    expect(() => checkedCells({ ...base, sheet: 'vote' as never }, g)).toThrow(/no sheet "vote"/);
    expect(() => checkedCells({ ...base, sheet: 'info', cells: { info: ['leeder'] } }, g)).toThrow(/no label "leeder"/);
    expect(() => g.list('awardNames' as never)).toThrow(/no list/);
  });

  test.each<[string, { name: string; max?: number }[] | undefined, number]>([
    ['three criteria (the default)', undefined, 3],
    ['six criteria', [1, 2, 3, 4, 5, 6].map((i) => ({ name: `Tiêu chí ${i}`, max: 10 * i })), 6],
    ['one criterion', [{ name: 'Điểm' }], 1],
  ])('with %s, every check finds its cells and writes a formula', (_label, criteria, n) => {
    const geo = geometryOf(layout(criteria));
    expect(geo.criteria()).toHaveLength(n);
    const checks = templateChecks(settings).checks;
    for (const check of checks) expect(checkedCells(check, geo).length).toBeGreaterThan(0);
    for (const sheet of new Set(checks.map((c) => c.sheet))) {
      for (const { rules } of formatBlocks(checks, sheet, geo, settings)) for (const { test } of rules) expect(test).not.toMatch(/undefined|NaN|\{[rc]/);
    }
    // The total adds every criterion, from the first to the last.
    const scores = layout(criteria).find((s) => s.key === 'scores')!;
    const total = scores.columns.find((c) => c.key === 'total')!;
    const [first, last] = [geo.criteria()[0]!, geo.criteria().at(-1)!];
    expect(total.formula).toBe(`IF(COUNT(${first}{r}:${last}{r})=0,"",SUM(${first}{r}:${last}{r}))`);
    // The row of maxima holds each criterion's, as given.
    expect(scores.rows[0]!.slice(2, 2 + n)).toEqual((criteria ?? []).map((c) => c.max).concat(Array(criteria ? 0 : n).fill(undefined)));
  });

  test('Kiểm tra reads a table row by its position: each single cell of the row the k-th of its column; a range ending on the row is refused', () => {
    expect(testAtPosition('AND(ISNUMBER({c}{r}),$E{r}>{c}{r-1},{c}$3>0)', 'G', 4, 2, 62)).toBe('IF(ROWS($G$2:$G$62)<4,0,AND(ISNUMBER(INDEX($G$2:$G$62,4)),INDEX($E$2:$E$62,4)>INDEX($G$2:$G$62,3),G$3>0))');
    expect(() => testAtPosition('COUNTIF($B$3:B{r},B{r})>1', 'B', 4, 2, 62)).toThrow(/otherwise than by single cells/);
    expect(() => testAtPosition('SUM($B{r}:$F{r})', 'B', 4, 2, 62)).toThrow(/otherwise than by single cells/);
    expect(() => testAtPosition('B{r-1}=B{r}', 'B', 1, 2, 62)).toThrow(/above its table's top/);
    // Every check of a table is written so, for every row and the rows a user may insert past the last.
    const g = geometryOf(layout(undefined));
    const cells = new Map(checkSheetCells(templateChecks(settings).checks, [], g, settings));
    const helpers = [...cells].filter(([a]) => (fromA1(a)?.col ?? 0) >= 10).map(([, f]) => String(f));
    expect(helpers.some((f) => f.includes(`,${g.last('votes') - 1 + ROWS_INSERTED})`))).toBe(true);
    expect(helpers.filter((f) => /\{[rc]/.test(f))).toEqual([]);
  });

  test('tables have a row for every member the profile allows, or the bloc has', () => {
    expect(g.last('members') - g.first('members') + 1).toBe(settings.blocSize.max);
    const big = geometryOf(layout(undefined, Array.from({ length: 55 }, (_, i) => `Đơn vị ${i + 1}`)));
    expect(big.last('members') - big.first('members') + 1).toBe(55);
    expect(big.last('scores') - big.first('scores') + 1).toBe(55);
    // The member list every check and drop-down reads covers them all.
    expect(big.range('members', 'unit')).toBe(`'Thành viên'!$B$3:$B$57`);
  });

  test('no check uses a volatile function', () => {
    for (const check of templateChecks(settings).checks) expect(check.test(g, settings)).not.toMatch(/\b(TODAY|NOW|OFFSET|INDIRECT|RAND|RANDBETWEEN|CELL|INFO)\(/);
  });

  test.each(['members', 'scores', 'votes', 'proposals', 'info'] as const)('%s: one format per block of cells, disjoint, each cell with every check that tests it', (sheet) => {
    const checks = templateChecks(settings).checks;
    const blocks = formatBlocks(checks, sheet, g, settings);
    const seen = new Map<string, string[]>();
    for (const { ref, rules } of blocks) {
      const [a, b = a] = ref.split(':') as [string, string?];
      const [from, to] = [fromA1(a)!, fromA1(b!)!];
      for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) {
        const key = `${c},${r}`;
        expect(seen.has(key)).toBe(false);
        seen.set(key, rules.map((x) => `${x.check.ruleId}|${x.check.message}`).sort());
      }
    }
    const expected = new Map<string, string[]>();
    for (const check of checks.filter((c) => c.sheet === sheet)) {
      for (const [c, r] of checkedCells(check, g)) {
        const key = `${fromA1(`${c}1`)!.col},${r}`;
        expected.set(key, [...(expected.get(key) ?? []), `${check.ruleId}|${check.message}`]);
      }
    }
    expect(new Map([...seen].map(([k, v]) => [k, v.sort()]))).toEqual(new Map([...expected].map(([k, v]) => [k, v.sort()])));
  });
});
