/**
 * The checks the template carries itself (interfaces.md, "The template without the add-in"):
 * for each rule a formula can decide on the template's own layout, a test that is TRUE where a
 * cell is faulty. The writers (`thidua template`, the pane's "Tạo mẫu") make each a conditional
 * format on the cells it tests and a row of the sheet `Kiểm tra` that counts its problems, so
 * that Excel 2010 and later, WPS, LibreOffice and Gnumeric check the workbook as it is typed,
 * with no add-in, and give the same counts.
 *
 * Every test is written from the template's geometry (sheets and columns by their keys, the
 * rows the profile sizes) and the profile's figures; only functions those programs evaluate
 * alike (`PORTABLE_FUNCTIONS`; a test holds every formula the template writes to them), none
 * volatile. What reads a range cell by cell is meant as an array: `Kiểm tra`'s helper cells are
 * array formulas (a program's guess otherwise: Gnumeric guesses otherwise than Excel), and a
 * conditional format is evaluated as one by Excel.
 *
 * The tests are a subset of the engine's rules, by exact names where the engine also matches
 * abbreviations and spellings: a template that the engine finds clean counts 0 everywhere.
 */
import { currentNationalSettings, ruleSeverity } from '../profiles';
import type { Settings } from '../profiles/schema';
import { type FindingSeverity, SEVERITY_ORDER } from '../report/finding';
import { WORDS } from '../report/words';
import { ruleIds, ruleMeta } from '../rules';
import { RULE_FAILED_ID } from '../rules/rule-failed';
import { columnLetters, fromA1 } from '../model/grid';
import type { BlocModel } from '../model/bloc';
import { type Geometry, geometryOf, type TableKey } from './geometry';
import { templateLayout } from './layout';
import { locateInfo } from './locate';
import { INFO_SHEET, type SheetKey, SHEETS } from './spec';
import type { Lang } from '../rules/types';
import { TABLE_CHECKS } from './check-tables';
import { AWARD_CHECKS } from './check-awards';
import { CELL_CHECKS } from './check-cells';


/** The functions the template's formulas use: in Excel since 2007, in WPS, LibreOffice and Gnumeric, evaluated alike (none volatile). */
export const PORTABLE_FUNCTIONS: readonly string[] = [
  'ABS', 'AND', 'COLUMN', 'COLUMNS', 'COUNT', 'COUNTA', 'COUNTIF', 'DATE', 'DAY', 'FIND', 'IF', 'IFERROR', 'INDEX', 'INT', 'ISERROR',
  'ISNUMBER', 'ISTEXT', 'LEFT', 'LEN', 'LOOKUP', 'LOWER', 'MATCH', 'MAX', 'MID', 'MMULT', 'N', 'NOT', 'OR', 'RIGHT', 'ROUND', 'ROUNDUP', 'ROW', 'ROWS',
  'SMALL', 'SUBSTITUTE', 'SUM', 'SUMIF', 'SUMPRODUCT', 'TRANSPOSE', 'TRIM', 'VALUE',
];

/**
 * The cells a check tests: `Thông tin` values by their labels' keys, or a table's columns by
 * their fields (`*criteria`: every criterion of `Chấm điểm`) over the rows of its units (`all`:
 * `Chấm điểm`'s row of maxima too).
 */
export type CheckedCells = { info: readonly string[] } | { cols: readonly string[]; rows?: 'all' | 'first' };

export interface TemplateCheck {
  ruleId: string;
  /** The sheet whose cells it tests and colours. */
  sheet: SheetKey;
  cells: CheckedCells;
  /**
   * TRUE where the cell is faulty; `{r}` the row, `{r-1}` the row above, `{c}` the column
   * (letters) of the tested cell; from the template's geometry and the profile's figures.
   */
  test: (g: Geometry, s: Settings) => string;
  /**
   * For `Kiểm tra`, where the tested cells are `Chấm điểm`'s criteria: the problems of row `{r}`
   * counted over every criterion between the unit and the total, so that a criterion column the
   * user inserts is counted too (a helper per row instead of one per cell).
   */
  count?: (g: Geometry, s: Settings) => string;
  /**
   * For `Kiểm tra`, where the test reads the tested cell alone: an array over the range `x` of a
   * table's tested cells, 1 where a cell is faulty, as `test` decides it. A helper per column (or
   * one for a table's every column, `*all`) counts them, over ranges that stretch with the rows
   * and columns a user inserts.
   */
  each?: (x: string) => string;
  /** What the input message of the cells says (Vietnamese). */
  message: string;
  /** The part of the rule a formula decides, where it is less than the engine's (docs/rules.md). */
  scope?: { vi: string; en: string };
}

/** The checks a template can make itself, and their severity in the profile in force. */
export interface TemplateChecks {
  checks: (TemplateCheck & { severity: FindingSeverity })[];
  /** The rules only thidua or the add-in can check (fuzzy names, dates, law, across files…). */
  others: string[];
}


/** Every check the template carries, in the order of its sheet `Kiểm tra`. */
export const TEMPLATE_CHECKS: readonly TemplateCheck[] = [...TABLE_CHECKS, ...AWARD_CHECKS, ...CELL_CHECKS];


/** The geometry of the template a profile's settings make (its default criteria, tables sized to the profile). */
export function defaultGeometry(settings: Settings = currentNationalSettings()): Geometry {
  return geometryOf(templateLayout(settings, {}, { today: '2000-01-01', profiles: [] }));
}

/** A check's test for one cell: `{r}`, `{r-1}` and `{c}` filled in, the profile's figures too. */
export function testAt(check: TemplateCheck, col: string, row: number, g: Geometry, settings: Settings): string {
  return check.test(g, settings).replaceAll('{r-1}', String(row - 1)).replaceAll('{r}', String(row)).replaceAll('{c}', col);
}

/** Rows past a table's last that `Kiểm tra` checks still: rows inserted into a table already full. */
export const ROWS_INSERTED = 5;

/**
 * A check's test for the k-th row of its table, as `Kiểm tra`'s helper writes it: each single
 * cell of the tested row (`B{r}`, `B{r-1}`) the k-th of its column from `top` (the row above the
 * table's first: its header, or `Chấm điểm`'s maxima) to `last`. Rows inserted into the table
 * stretch those columns, so the k-th row is still the k-th whatever was inserted above it; past
 * the table's last row the test is 0 (FALSE). A test that reads its row
 * otherwise (a range ending on it) fails here, where it is written.
 */
export function testAtPosition(test: string, col: string, k: number, top: number, last: number): string {
  const out = test.replaceAll('{c}', col).replace(/(^|[^:!$A-Z])(\$?)([A-Z]{1,3})\{r(-1)?\}(?!:)/g, (_m, before: string, _anchor: string, c: string, minus: string | undefined) => {
    const at = minus ? k - 1 : k;
    if (at < 1) throw new Error(`The template's test reads the row above its table's top: ${test}`);
    return `${before}INDEX($${c}$${top}:$${c}$${last},${at})`;
  });
  const left = out.search(/\{r/);
  if (left >= 0) throw new Error(`The template's test reads its row otherwise than by single cells: …${out.slice(Math.max(0, left - 40), left + 10)}…`);
  // Past the table's last row, nothing (not the error INDEX would give, that ISERROR would see).
  return `IF(ROWS($${col}$${top}:$${col}$${last})<${k},0,${out})`;
}

/** Every cell a check tests, as [column letters, row]: by column, then by row. */
export function checkedCells(check: TemplateCheck, g: Geometry): [string, number][] {
  const cells = check.cells;
  if ('info' in cells) return cells.info.map((label) => {
    const at = fromA1(g.info(label))!;
    return [columnLetters(at.col), at.row];
  });
  const sheet = check.sheet as TableKey;
  const cols = cells.cols.flatMap((c) => (c === '*criteria' ? g.criteria() : c === '*all' ? g.columns(sheet) : [g.col(sheet, c)]));
  const from = cells.rows === 'all' && sheet === 'scores' ? g.maxRow() : g.first(sheet);
  const to = cells.rows === 'first' ? from : g.last(sheet);
  return cols.flatMap((c) => Array.from({ length: to - from + 1 }, (_, k): [string, number] => [c, from + k]));
}

/** A conditional format of the template's checks: a block of one sheet and its checks' tests. */
export interface CheckFormat<C extends TemplateCheck> {
  sheet: SheetKey;
  ref: string;
  rules: { check: C; test: string }[];
}

/**
 * Every check's formats, sheet by sheet and block by block, a block's checks gravest first:
 * where two colour one cell, the gravest's colour must show (the writers put them in Excel in
 * the order each program needs for that).
 */
export function checkFormats<C extends TemplateCheck & { severity: FindingSeverity }>(checks: readonly C[], g: Geometry, settings: Settings): CheckFormat<C>[] {
  const ordered = [...checks].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return [...new Set(ordered.map((c) => c.sheet))].flatMap((sheet) => formatBlocks(ordered, sheet, g, settings).map((block) => ({ sheet, ...block })));
}

/**
 * The conditional formats of one sheet as disjoint blocks, each with every check that tests its
 * cells (in the order given: the first is the gravest), their tests written for the block's first
 * cell. Two formats over one cell are two rules of one format: Gnumeric keeps only the last of
 * several formats over the same cells, Excel and LibreOffice apply them all.
 */
export function formatBlocks<C extends TemplateCheck>(checks: readonly C[], sheet: SheetKey, g: Geometry, settings: Settings): { ref: string; rules: { check: C; test: string }[] }[] {
  const own = checks.filter((c) => c.sheet === sheet);
  // Each cell's checks, by column then row.
  const at = new Map<number, Map<number, number[]>>();
  own.forEach((check, i) => {
    for (const [c, r] of checkedCells(check, g)) {
      const col = fromA1(`${c}1`)!.col;
      const rows = at.get(col) ?? new Map<number, number[]>();
      at.set(col, rows);
      rows.set(r, [...(rows.get(r) ?? []), i]);
    }
  });
  // Runs of rows in a column with the same checks, then runs of columns with the same runs.
  const segments = new Map<number, { from: number; to: number; key: string }[]>();
  for (const [col, rows] of at) {
    const out: { from: number; to: number; key: string }[] = [];
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const key = rows.get(r)!.join(',');
      const last = out.at(-1);
      if (last && last.to + 1 === r && last.key === key) last.to = r;
      else out.push({ from: r, to: r, key });
    }
    segments.set(col, out);
  }
  const blocks: { left: number; right: number; from: number; to: number; key: string }[] = [];
  for (const col of [...segments.keys()].sort((a, b) => a - b)) {
    for (const seg of segments.get(col)!) {
      const open = blocks.find((b) => b.right + 1 === col && b.from === seg.from && b.to === seg.to && b.key === seg.key);
      if (open) open.right = col;
      else blocks.push({ left: col, right: col, ...seg });
    }
  }
  return blocks.map((b) => {
    const [left, right] = [columnLetters(b.left), columnLetters(b.right)];
    return {
      ref: b.left === b.right && b.from === b.to ? `${left}${b.from}` : `${left}${b.from}:${right}${b.to}`,
      // An error is no fault: Gnumeric evaluates a format's formula as no array and colours a
      // cell whose formula errs (TRIM of a range), where Excel and LibreOffice compute it.
      rules: b.key.split(',').map(Number).map((i) => ({ check: own[i]!, test: `IFERROR(${testAt(own[i]!, left, b.from, g, settings)},FALSE)` })),
    };
  });
}

/**
 * The checks with their severity in `settings` (those the profile switches off left out), and
 * the rules the template cannot check itself, for `Kiểm tra` to list as thidua's alone.
 */
export function templateChecks(settings: Settings = currentNationalSettings()): TemplateChecks {
  const severity = (id: string) => ruleSeverity(settings, id);
  const checks = TEMPLATE_CHECKS.flatMap((c) => {
    const s = severity(c.ruleId);
    return s === 'off' ? [] : [{ ...c, severity: s }];
  });
  const covered = new Set(checks.map((c) => c.ruleId));
  const others = ruleIds().filter((id) => !covered.has(id) && id !== RULE_FAILED_ID && ruleMeta(id) !== undefined);
  return { checks, others };
}

/** The Vietnamese description of a rule, as the catalog has it. */
export function ruleDescription(id: string, lang: Lang = 'vi'): string {
  return ruleMeta(id)?.description[lang] ?? id;
}

/**
 * A test moved to another sheet (the helper cells of `Kiểm tra`): each of its own cell
 * references given the tested sheet's name; references already naming a sheet, and text in
 * quotes, left as they are.
 */
export function qualify(formula: string, sheet: string): string {
  const prefix = `'${sheet.replace(/'/g, "''")}'!`;
  return formula.replace(/('(?:[^']|'')*'!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|("(?:[^"]|"")*")|([A-Z][A-Z0-9.]*\()|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g, (m, named: string | undefined, text: string | undefined, fn: string | undefined, ref: string | undefined) => (ref !== undefined && named === undefined && text === undefined && fn === undefined ? `${prefix}${ref}` : m));
}

/** `Kiểm tra`'s layout: a row per rule checked (from row 2), the totals, the helper cells' columns. */
export const CHECK_SHEET = 'Kiểm tra';

/** What each colour of the template's cells means (its legend, in `Thông tin` and `Kiểm tra`). */
export const COLOUR_LEGEND: readonly [severity: FindingSeverity, text: string][] = [
  ['error', 'Ô tô đỏ: lỗi, phải sửa trước khi gửi.'],
  ['warning', 'Ô tô vàng: cảnh báo, xem lại và sửa nếu sai.'],
  ['info', 'Ô tô xanh: lưu ý, nên xem (không bắt buộc sửa).'],
];

/**
 * `Kiểm tra` as cells (address → a value, or a formula starting with `=`): a row per rule
 * checked from row 2 (id, description, count, severity), the problems (errors and warnings)
 * in F1 and the notes (`info`) in F2 apart, the rules only thidua checks from E4, and the helper cells
 * (one per tested cell, each an array formula) from column J. Both writers use it; the pane
 * names the template's sheets as the workbook does (`names`).
 */
export function checkSheetCells(checks: readonly (TemplateCheck & { severity: FindingSeverity })[], others: readonly string[], g: Geometry, settings: Settings, names: ReadonlyMap<string, string> = new Map()): [string, string | number][] {
  const out: [string, string | number][] = [['A1', 'Quy tắc'], ['B1', 'Nội dung'], ['C1', 'Số vấn đề'], ['D1', 'Mức độ'], ['E1', 'Số lỗi và cảnh báo (cần sửa):'], ['E2', 'Số lưu ý (nên xem):']];
  const rules = [...new Set(checks.map((c) => c.ruleId))];
  const sums = new Map<string, string[]>();
  const severities = new Map(checks.map((c) => [c.ruleId, c.severity]));
  checks.forEach((check, i) => {
    const col = columnLetters(HELPER_COLUMN + i);
    const sheet = g.name(check.sheet);
    const own = (formula: string) => qualify(renamed(formula, names), names.get(sheet) ?? sheet);
    // A helper per tested cell, or (a count) per row of them.
    const table = !('info' in check.cells);
    const formulas = helperTests(check, g, settings).map((test) => (check.count || (check.each && table) ? `=IFERROR(${own(test)},0)` : `=IF(IFERROR(${own(test)},FALSE),1,0)`));
    formulas.forEach((f, k) => out.push([`${col}${k + 2}`, f]));
    sums.set(check.ruleId, [...(sums.get(check.ruleId) ?? []), `SUM(${col}2:${col}${formulas.length + 1})`]);
  });
  rules.forEach((id, k) => out.push([`A${k + 2}`, id], [`B${k + 2}`, ruleDescription(id)], [`C${k + 2}`, `=${sums.get(id)!.join('+')}`], [`D${k + 2}`, WORDS.vi.severity[severities.get(id)!]]));
  const last = rules.length + 1;
  out.push(
    ['F1', `=SUMIF(D2:D${last},"<>${WORDS.vi.severity.info}",C2:C${last})`],
    ['F2', `=SUMIF(D2:D${last},"${WORDS.vi.severity.info}",C2:C${last})`],
    ['E3', 'Chỉ thidua hoặc phần bổ trợ kiểm tra được (số 0 ở cột C không nói gì về các quy tắc này):'],
  );
  others.forEach((id, k) => out.push([`E${k + 4}`, id], [`F${k + 4}`, ruleDescription(id)]));
  return out;
}

/**
 * The formulas of a check's helpers in `Kiểm tra`: one per tested cell of `Thông tin`; on a table,
 * one per tested cell (or with `count`, per row) by its position in the table, and as many for
 * rows inserted past the table's last (`ROWS_INSERTED`).
 */
function helperTests(check: TemplateCheck, g: Geometry, settings: Settings): string[] {
  const cells = checkedCells(check, g);
  if ('info' in check.cells) return cells.map(([c, r]) => testAt(check, c, r, g, settings));
  const sheet = check.sheet as TableKey;
  const [top, last] = [g.first(sheet) - 1, g.last(sheet)];
  if (check.each) {
    // Over the tested columns' rows (every column of the table at once for `*all`).
    const [from, to] = [cells[0]![1], cells.at(-1)![1]];
    const cols = [...new Set(cells.map(([c]) => c))];
    const ranges = 'cols' in check.cells && check.cells.cols.includes('*all') ? [`$${cols[0]}$${from}:$${cols.at(-1)}$${to}`] : cols.map((c) => `$${c}$${from}:$${c}$${to}`);
    return ranges.map((x) => `SUMPRODUCT(--(${check.each!(x)}))`);
  }
  const extra = check.cells.rows === 'first' ? 0 : ROWS_INSERTED;
  const rows = [...new Set(cells.map(([, r]) => r))];
  const positions = [...rows, ...Array.from({ length: extra }, (_, i) => last + 1 + i)].map((r) => r - top + 1);
  const test = (check.count ?? check.test)(g, settings);
  const cols = check.count ? [g.columns(sheet)[0]!] : [...new Set(cells.map(([c]) => c))];
  return cols.flatMap((c) => positions.map((k) => testAtPosition(test, c, k, top, last)));
}

/** The first of `Kiểm tra`'s hidden helper columns (J). */
export const HELPER_COLUMN = 10;

/**
 * The workbook's sheets that stand for the template's and are laid out as the template's
 * (headers in row 2, each column where the template has it; `Thông tin`'s labels in A3–A15),
 * whatever they are called: template name → the workbook's name. The checks read a sheet at the
 * template's cells, so a sheet laid out otherwise is left out, and so are the checks that read it.
 */
export function fittingSheets(model: BlocModel): Map<string, string> {
  const out = new Map<string, string>();
  const layout = new Map(templateLayout(currentNationalSettings()).map((s) => [s.name, s.columns]));
  for (const spec of SHEETS) {
    const found = model.sheets[spec.key];
    if (!found) continue;
    if (spec.key === 'info') {
      const cells = locateInfo(found.view).values;
      if (INFO_SHEET.labels.every((l, i) => cells.get(l.key)?.row === 3 + i && cells.get(l.key)?.labelCol === 1)) out.set(spec.name, found.view.name);
      continue;
    }
    const columns = layout.get(spec.name);
    if (found.headerRow === 2 && columns && columns.every((c, i) => c.key === undefined || found.columns[c.key] === i + 1)) out.set(spec.name, found.view.name);
  }
  return out;
}

/** The sheets a check reads: its own and those its formula names. */
export function sheetsRead(check: TemplateCheck, g: Geometry, settings: Settings): string[] {
  const formula = check.test(g, settings);
  return [...new Set([g.name(check.sheet), ...[...formula.matchAll(/'((?:[^']|'')+)'!/g)].map((m) => m[1]!.replace(/''/g, "'"))])];
}

/** A formula's references to the template's sheets given the workbook's names for them. */
export function renamed(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(/'((?:[^']|'')+)'!/g, (m, quoted: string) => {
    const name = names.get(quoted.replace(/''/g, "'"));
    return name === undefined ? m : `'${name.replace(/'/g, "''")}'!`;
  });
}
