/**
 * The template filled as a secretariat fills it in LibreOffice: criterion columns inserted
 * among the template's (before `Tiêu chí 3`, or before `Tổng điểm`) and member rows inserted in
 * the middle of `Thành viên` and `Chấm điểm`, through LibreOffice's own API (UNO, headless: what
 * "Insert columns before" and "Insert rows above" do), then typed in, recalculated and saved;
 * Gnumeric recalculates the saved file again. A correct workbook counts 0 in `Kiểm tra` in both
 * programs and thidua finds nothing; each planted fault counts above 0 on exactly the rules
 * thidua reports that the template covers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../reader/read-workbook';
import { counted } from '../support/kiem-tra';
import { checkGrid } from '../../engine/check';
import { columnLetters } from '../../engine/model/grid';
import { templateChecks } from '../../engine/template/checks';
import { type BlocData, blocToGrid } from '../../engine/template/writer';
import { ninhThuanMatTran } from '../../samples/blocs';

const ROOT = join(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
const uno = spawnSync(PYTHON, ['-c', 'import uno'], { encoding: 'utf8' }).status === 0 && spawnSync('soffice', ['--version']).status === 0;
const gnumeric = spawnSync('ssconvert', ['--version']).status === 0;
if ((!uno || !gnumeric) && process.env.CI) throw new Error('CI needs LibreOffice with python3-uno, and Gnumeric, for this test');

jest.setTimeout(300_000);

const TODAY = '2026-11-22';
const COVERED = new Set(templateChecks().checks.map((c) => c.ruleId));

type Op = { op: 'insertColumns' | 'insertRows'; sheet: string; index: number; count: number } | { op: 'set'; sheet: string; cell: string; value: string | number | null };

/** Every value of the bloc's sheets but `Thành viên` and `Chấm điểm`, typed where the template has them. */
function typeRest(bloc: BlocData): Op[] {
  const ops: Op[] = [];
  for (const sheet of blocToGrid(bloc).sheets) {
    if (sheet.name === 'Thành viên' || sheet.name === 'Chấm điểm') continue;
    sheet.rows.forEach((row, r) => {
      if (r < 2) return;
      row?.forEach((cell, c) => {
        if (!cell || cell.kind === 'blank' || (sheet.name === 'Thông tin' && c === 0)) return;
        // Dates as the serial a user's typed date becomes.
        const value = cell.kind === 'date' ? (Date.parse(`${String(cell.value)}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000 : (cell.value as string | number);
        ops.push({ op: 'set', sheet: sheet.name, cell: `${columnLetters(c + 1)}${r + 1}`, value });
      });
    });
  }
  return ops;
}

/** The six units of Ninh Thuận's front bloc, with five criteria each (the sample's four and one more). */
const BLOC = ninhThuanMatTran;
const MAXIMA = [20, 50, 20, 10, 15];
const NAMES = ['Công tác chỉ đạo', 'Nhiệm vụ chuyên môn', 'Phong trào thi đua', 'Công tác khen thưởng', 'Công tác phối hợp'];
const scoresOf = (b: BlocData) => b.scores!.rows.map((r) => ({ unit: r.unit, scores: [...r.scores, 10] }));
/** Competition ranks of the totals. */
const ranks = (totals: number[]) => totals.map((t) => 1 + totals.filter((x) => x > t + 1e-9).length);

interface Shape {
  /** Where the criteria sit, left to right, after the insertions (letters), and the total's and rank's columns. */
  criteria: string[];
  total: string;
  rank: string;
  /**
   * The template's formula still adds every criterion, where the user typed no total: on the
   * template's own rows (an inserted row has no formula: there the user types the total).
   */
  formulaTotals: boolean;
  /** The units' rows inserted in `Chấm điểm` (indexes among the units). */
  insertedUnits?: number[];
  ops: Op[];
}

/**
 * Two criterion columns inserted before `Tiêu chí 3` (the template's formula follows them), and
 * two rows inserted in the middle of `Thành viên` and `Chấm điểm`, the members typed through them.
 */
const BEFORE_THIRD: Shape = {
  criteria: ['C', 'D', 'E', 'F', 'G'],
  total: 'H',
  rank: 'I',
  formulaTotals: true,
  insertedUnits: [3, 4],
  ops: [
    { op: 'insertColumns', sheet: 'Chấm điểm', index: 4, count: 2 },
    { op: 'insertRows', sheet: 'Thành viên', index: 5, count: 2 },
    { op: 'insertRows', sheet: 'Chấm điểm', index: 6, count: 2 },
  ],
};
/** One column inserted before `Tổng điểm`: the user types the totals (the formula does not follow there). */
const BEFORE_TOTAL: Shape = {
  criteria: ['C', 'D', 'E', 'F'],
  total: 'G',
  rank: 'H',
  formulaTotals: false,
  ops: [{ op: 'insertColumns', sheet: 'Chấm điểm', index: 5, count: 1 }],
};

/** The bloc typed into a template of that shape; `fault` edits the typed scores first. */
function typed(shape: Shape, fault: (rows: { unit: string; scores: number[]; total?: number; rank?: number }[]) => void = () => undefined): Op[] {
  const n = shape.criteria.length;
  const rows = scoresOf(BLOC).map((r) => ({ unit: r.unit, scores: [...r.scores.slice(0, n - 1), r.scores.at(-1)!] as number[], total: undefined as number | undefined, rank: undefined as number | undefined }));
  const right = ranks(rows.map((r) => r.scores.reduce((a, x) => a + x, 0)));
  rows.forEach((r, i) => {
    r.rank = right[i];
    if (!shape.formulaTotals || shape.insertedUnits?.includes(i)) r.total = r.scores.reduce((a, x) => a + x, 0);
  });
  fault(rows);
  const maxima = [...MAXIMA.slice(0, n - 1), MAXIMA.at(-1)!];
  const names = [...NAMES.slice(0, n - 1), NAMES.at(-1)!];
  const set = (sheet: string, cell: string, value: string | number | null): Op => ({ op: 'set', sheet, cell, value });
  return [
    ...shape.ops,
    ...typeRest(BLOC),
    ...BLOC.members.flatMap((m, i) => [set('Thành viên', `A${3 + i}`, i + 1), set('Thành viên', `B${3 + i}`, m.name), set('Thành viên', `C${3 + i}`, m.abbr ?? null), set('Thành viên', `D${3 + i}`, m.rating ?? null)]),
    ...shape.criteria.flatMap((c, k) => [set('Chấm điểm', `${c}2`, names[k]!), set('Chấm điểm', `${c}3`, maxima[k]!)]),
    ...rows.flatMap((r, i) => [
      set('Chấm điểm', `A${4 + i}`, i + 1),
      set('Chấm điểm', `B${4 + i}`, r.unit),
      ...shape.criteria.map((c, k) => set('Chấm điểm', `${c}${4 + i}`, r.scores[k]!)),
      ...(r.total !== undefined ? [set('Chấm điểm', `${shape.total}${4 + i}`, r.total)] : []),
      set('Chấm điểm', `${shape.rank}${4 + i}`, r.rank ?? null),
    ]),
  ];
}

const CASES: { id: string; clean: boolean; ops: Op[] }[] = [
  { id: 'chen-truoc-tieu-chi-3', clean: true, ops: typed(BEFORE_THIRD) },
  // A score over its maximum in an inserted column, on the leading unit (the ranks stand).
  { id: 'chen-truoc-tieu-chi-3-vuot-toi-da', clean: false, ops: typed(BEFORE_THIRD, (rows) => { rows[2]!.scores[3] = 12; }) },
  { id: 'chen-truoc-tieu-chi-3-hang-doi-cho', clean: false, ops: typed(BEFORE_THIRD, (rows) => { [rows[0]!.rank, rows[2]!.rank] = [rows[2]!.rank, rows[0]!.rank]; }) },
  { id: 'chen-truoc-tong-diem', clean: true, ops: typed(BEFORE_TOTAL) },
  // The total typed without the inserted criterion.
  { id: 'chen-truoc-tong-diem-tong-thieu', clean: false, ops: typed(BEFORE_TOTAL, (rows) => { rows[1]!.total! -= rows[1]!.scores[3]!; }) },
  // Faults on inserted rows (`Kiểm tra` reads each table's rows by position): a total left blank
  // (the template's formula is not on an inserted row), and a score over its maximum.
  { id: 'chen-dong-tong-trong', clean: false, ops: typed(BEFORE_THIRD, (rows) => { delete rows[3]!.total; }) },
  { id: 'chen-dong-vuot-toi-da', clean: false, ops: typed(BEFORE_THIRD, (rows) => { rows[4]!.scores[0] = 25; rows[4]!.total! += 5; }) },
];

(uno && gnumeric ? describe : describe.skip)('the template with columns and rows inserted in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-chen-'));
  const lo = new Map<string, Map<string, number>>();
  const gn = new Map<string, Map<string, number>>();
  const engine = new Map<string, string[]>();

  beforeAll(() => {
    const template = join(dir, 'mau.xlsx');
    execFileSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), 'template', '--out', template, '--year', '2023']);
    const jobs = CASES.map((c) => ({ in: template, out: join(dir, `${c.id}.xlsx`), ops: c.ops }));
    execFileSync(PYTHON, [join(ROOT, 'test', 'support', 'lo-edit.py')], { input: JSON.stringify(jobs), stdio: ['pipe', 'pipe', 'pipe'], timeout: 280_000 });
    for (const c of CASES) {
      const file = join(dir, `${c.id}.xlsx`);
      lo.set(c.id, counted(file));
      execFileSync('ssconvert', ['--recalc', file, join(dir, `${c.id}.gn.xlsx`)], { stdio: 'pipe', timeout: 60_000 });
      gn.set(c.id, counted(join(dir, `${c.id}.gn.xlsx`)));
      engine.set(c.id, [...new Set(checkGrid(readXlsx(readFileSync(file)), { today: TODAY }).findings.map((f) => f.ruleId))].sort());
    }
  });

  test.each(CASES.filter((c) => c.clean).map((c) => [c.id]))('%s, correct: thidua finds nothing, and Kiểm tra counts 0 in LibreOffice and in Gnumeric', (id) => {
    expect(engine.get(id)).toEqual([]);
    const zero = Object.fromEntries([...COVERED].map((r) => [r, 0]));
    expect(Object.fromEntries(lo.get(id)!)).toEqual(zero);
    expect(Object.fromEntries(gn.get(id)!)).toEqual(zero);
  });

  const countsWhatThiduaFinds = (id: string) => {
    const found = engine.get(id)!.filter((r) => COVERED.has(r));
    expect(found.length).toBeGreaterThan(0);
    for (const counts of [lo.get(id)!, gn.get(id)!]) expect([...counts].filter(([, n]) => n > 0).map(([r]) => r).sort()).toEqual(found);
  };

  test.each(CASES.filter((c) => !c.clean).map((c) => [c.id]))('%s: above 0 in both programs exactly on the rules thidua reports', countsWhatThiduaFinds);
});
