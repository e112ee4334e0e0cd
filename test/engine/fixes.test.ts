/**
 * A safe fix is safe: applying any suggestion a rule offers as a fix (`meta.fix`) to the
 * sample and faulty workbooks, one at a time, removes that finding and never creates another.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../reader/read-workbook';
import { checkGrid } from '../../engine/check';
import { type Cell, type Grid, fromA1 } from '../../engine/model/grid';
import { isPercentFormatCode } from '../../engine/model/number-format';
import { fixOf, fixValue } from '../../engine/report/render';
import { TODAY } from '../support/rule-tester';

const ROOT = join(__dirname, '..', '..');
const files = [
  ...readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx')).map((f) => join('samples', f)),
  ...readdirSync(join(ROOT, 'samples', 'faulty')).map((f) => join('samples', 'faulty', f)),
];

const key = (f: { ruleId: string; sheet?: string; cell?: string; messageId: string }) => `${f.ruleId} ${f.sheet ?? ''}!${f.cell ?? ''} ${f.messageId}`;

/** The grid with the fix written as a person (or the pane) would: a number in a percent cell as its fraction. */
function applied(grid: Grid, sheet: string, a1: string, value: string | number): Grid {
  const copy = structuredClone(grid);
  const s = copy.sheets.find((x) => x.name === sheet)!;
  const at = fromA1(a1)!;
  while (s.rows.length < at.row) s.rows.push([]);
  const row = (s.rows[at.row - 1] ??= []);
  const old = row[at.col - 1];
  const percent = old?.numFmt !== undefined && isPercentFormatCode(old.numFmt);
  row[at.col - 1] = (typeof value === 'number' ? (percent ? { kind: 'number', value: value / 100, numFmt: old!.numFmt } : { kind: 'number', value }) : { kind: 'text', value }) as Cell;
  return copy;
}

test.each(files)('%s: every safe fix removes its finding and creates none', (file) => {
  const grid = readXlsx(readFileSync(join(ROOT, file)));
  const before = checkGrid(grid, { today: TODAY }).findings;
  const fixes = before.filter((f) => fixOf(f.ruleId) !== undefined && f.suggestion !== undefined && f.sheet !== undefined && f.cell !== undefined);
  for (const f of fixes) {
    const after = checkGrid(applied(grid, f.sheet!, f.cell!, fixValue(fixOf(f.ruleId)!, f.suggestion!)), { today: TODAY }).findings;
    const known = new Set(before.map(key));
    expect([key(f), after.filter((x) => !known.has(key(x))).map(key)]).toEqual([key(f), []]);
    expect(after.map(key)).not.toContain(key(f));
  }
});

test('the samples offer safe fixes to try (the test above is not empty)', () => {
  const offered = files.flatMap((file) => checkGrid(readXlsx(readFileSync(join(ROOT, file))), { today: TODAY }).findings.filter((f) => fixOf(f.ruleId) !== undefined && f.suggestion !== undefined));
  expect(new Set(offered.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(3);
});
