/**
 * The checks the template carries itself (interfaces.md, "The template without the add-in"):
 * for each rule a formula can decide on the template's own layout, a test that is TRUE where a
 * cell is faulty. The writers (`thidua template`, the pane's "Tạo mẫu") make each a conditional
 * format on the cells it tests and a row of the sheet `Kiểm tra` that counts its problems, so
 * that Excel 2010–2019, WPS and LibreOffice check the workbook as it is typed, with no add-in.
 *
 * Only functions those programs evaluate alike: IF, AND, OR, ISNUMBER, LEN, TRIM, ABS, MAX,
 * SUM, COUNT, COUNTA, COUNTIF, COUNTIFS, SUMPRODUCT, MATCH, IFERROR, INT, LOOKUP (its two-vector form); no dynamic arrays,
 * LET, XLOOKUP or TEXTJOIN, and no array formula to confirm with Ctrl+Shift+Enter: each test
 * is one cell's, and `Kiểm tra` sums one helper cell per tested cell.
 *
 * The tests are a subset of the engine's rules, by exact names where the engine also matches
 * abbreviations and spellings: a template that the engine finds clean counts 0 everywhere.
 */
import { currentNationalSettings, settingSeverity } from '../profiles';
import type { Settings } from '../profiles/schema';
import type { FindingSeverity } from '../report/finding';
import { ruleIds, ruleMeta } from '../rules';
import { columnLetters, fromA1 } from '../model/grid';
import { FORM_ROWS, MEMBER_LIST_RANGE } from './layout';

export interface TemplateCheck {
  ruleId: string;
  /** The sheet whose cells it tests and colours. */
  sheet: string;
  /** The tested cells: one column over the form's rows (from `from`), or single cells. */
  cells: { col: string; from: number; to: number; width?: number } | { list: string[] };
  /**
   * TRUE where the cell is faulty; `{r}` the row, `{r-1}` the row above, `{c}` the column
   * (letters) of the tested cell; a function when the figures come from the profile.
   */
  test: string | ((settings: Settings) => string);
  /** What the input message of the cells says (Vietnamese). */
  message: string;
}

/** The checks a template can make itself, and their severity in the profile in force. */
export interface TemplateChecks {
  checks: (TemplateCheck & { severity: FindingSeverity })[];
  /** The rules only thidua or the add-in can check (fuzzy names, dates, law, across files…). */
  others: string[];
}

/** The template's last form row: a table's data from row 3 (Chấm điểm's units from row 4). */
const LAST = 2 + FORM_ROWS;

const NAMES = MEMBER_LIST_RANGE;
/** The members' abbreviations, beside their names. */
const ABBRS = MEMBER_LIST_RANGE.replace(/\$B\$/g, '$C$');

/** A unit named in `x` that is neither a member's name nor its abbreviation (exact, after trimming). */
const unknownUnit = (x: string) => `AND(LEN(TRIM(${x}))>0,COUNTIF(${NAMES},TRIM(${x}))+COUNTIF(${ABBRS},TRIM(${x}))=0)`;
/** The member row a unit names (by name, else by abbreviation), or `none` when neither. */
const memberRow = (x: string, none: number) => `IFERROR(MATCH(TRIM(${x}),${NAMES},0),IFERROR(MATCH(TRIM(${x}),${ABBRS},0),${none}))`;
/** Two cells naming the same member (by name or abbreviation), both filled. */
const sameUnit = (a: string, b: string) => `AND(LEN(TRIM(${a}))>0,LEN(TRIM(${b}))>0,OR(TRIM(${a})=TRIM(${b}),${memberRow(a, -1)}=${memberRow(b, -2)}))`;
const MEMBERS = `MAX(1,COUNTA(${NAMES}))`;

export const TEMPLATE_CHECKS: readonly TemplateCheck[] = [
  {
    ruleId: 'cell/required',
    sheet: 'Thông tin',
    cells: { list: ['B3', 'B4', 'B5', 'B6', 'B9', 'B11'] },
    test: 'LEN(TRIM({c}{r}))=0',
    message: 'Bắt buộc: hãy điền ô này.',
  },
  {
    ruleId: 'bloc/member-count-mismatch',
    sheet: 'Thông tin',
    cells: { list: ['B8'] },
    test: `AND(ISNUMBER(B8),B8<>COUNTA(${NAMES}))`,
    message: 'Phải bằng số đơn vị trong trang "Thành viên".',
  },
  {
    ruleId: 'refs/unknown-unit',
    sheet: 'Thông tin',
    cells: { list: ['B6', 'B7', 'B11', 'B12'] },
    test: unknownUnit('{c}{r}'),
    message: 'Chọn đơn vị trong danh sách thành viên (đúng tên hoặc tên viết tắt trong trang "Thành viên").',
  },
  { ruleId: 'refs/unknown-unit', sheet: 'Chấm điểm', cells: { col: 'B', from: 4, to: LAST }, test: unknownUnit('B{r}'), message: 'Đơn vị phải có trong trang "Thành viên".' },
  { ruleId: 'refs/unknown-unit', sheet: 'Bình xét', cells: { col: 'F', from: 3, to: LAST }, test: unknownUnit('F{r}'), message: 'Đơn vị phải có trong trang "Thành viên".' },
  { ruleId: 'refs/unknown-unit', sheet: 'Đề nghị khen thưởng', cells: { col: 'B', from: 3, to: LAST }, test: unknownUnit('B{r}'), message: 'Đơn vị phải có trong trang "Thành viên".' },
  { ruleId: 'refs/unknown-unit', sheet: 'Giao ước', cells: { col: 'B', from: 3, to: LAST }, test: unknownUnit('B{r}'), message: 'Đơn vị phải có trong trang "Thành viên".' },
  {
    ruleId: 'members/duplicate',
    sheet: 'Thành viên',
    cells: { col: 'B', from: 3, to: LAST },
    test: `AND(LEN(TRIM(B{r}))>0,COUNTIF(${NAMES},TRIM(B{r}))>1)`,
    message: 'Mỗi đơn vị chỉ ghi một lần.',
  },
  {
    ruleId: 'rotation/leader-is-deputy',
    sheet: 'Thông tin',
    cells: { list: ['B7', 'B12'] },
    test: sameUnit('{c}{r}', '{c}{r-1}'),
    message: 'Phó trưởng khối phải khác Trưởng khối.',
  },
  {
    ruleId: 'rotation/consecutive-term',
    sheet: 'Thông tin',
    cells: { list: ['B11'] },
    test: sameUnit('B11', 'B6'),
    message: 'Trưởng khối luân phiên: đơn vị năm nay không làm Trưởng khối năm sau.',
  },
  {
    ruleId: 'votes/candidate-over-valid',
    sheet: 'Bình xét',
    cells: { col: 'G', from: 3, to: LAST },
    // The valid ballots are on the award's first row: the last number in E down to this row
    // (LOOKUP of a number larger than any finds the last number, with no array to enter).
    test: 'AND(ISNUMBER(G{r}),G{r}>IFERROR(LOOKUP(9.99E+307,$E$3:E{r}),9.99E+307))',
    message: 'Số phiếu đồng ý không được vượt số phiếu hợp lệ.',
  },
  {
    ruleId: 'votes/percent-mismatch',
    sheet: 'Bình xét',
    cells: { col: 'H', from: 3, to: LAST },
    test: `AND(ISNUMBER(G{r}),ISNUMBER(H{r}),G{r}<=${MEMBERS},ABS(H{r}-G{r}/${MEMBERS}*100)>0.5)`,
    message: 'Tỷ lệ (%) = số phiếu đồng ý ÷ số thành viên × 100.',
  },
  {
    ruleId: 'scores/total-mismatch',
    sheet: 'Chấm điểm',
    cells: { col: 'F', from: 4, to: LAST },
    test: 'AND(ISNUMBER(F{r}),ABS(F{r}-SUM(C{r}:E{r}))>0.01)',
    message: 'Tổng điểm = tổng điểm các tiêu chí.',
  },
  {
    ruleId: 'scores/over-max',
    sheet: 'Chấm điểm',
    cells: { col: 'C', from: 4, to: LAST, width: 3 },
    test: 'AND(ISNUMBER({c}{r}),OR({c}{r}<0,AND(ISNUMBER({c}$3),{c}{r}>{c}$3)))',
    message: 'Điểm không vượt điểm tối đa (dòng "Điểm tối đa") và không âm.',
  },
  {
    ruleId: 'scores/rank-mismatch',
    sheet: 'Chấm điểm',
    cells: { col: 'G', from: 4, to: LAST },
    // Ranked by the criteria's sum, as the engine ranks (a wrong total is the total's fault,
    // not every rank's): 1 + the units whose sum is higher; competition ranking (1, 2, 2, 4).
    test: `AND(ISNUMBER(G{r}),COUNT(C{r}:E{r})=3,G{r}<>1+SUMPRODUCT(--(($C$4:$C$${LAST}+$D$4:$D$${LAST}+$E$4:$E$${LAST})>SUM(C{r}:E{r}))))`,
    message: 'Xếp hạng theo tổng điểm: cao nhất là 1, bằng điểm thì cùng hạng.',
  },
  {
    ruleId: 'bloc/size',
    sheet: 'Thành viên',
    cells: { list: ['B3'] },
    test: (s) => `AND(COUNTA(${NAMES})>0,OR(COUNTA(${NAMES})<${s.blocSize.min},COUNTA(${NAMES})>${s.blocSize.max}))`,
    message: 'Khối thi đua có từ 5 đến 20 đơn vị thành viên (theo bộ quy tắc).',
  },
  {
    ruleId: 'votes/ballot-order',
    sheet: 'Bình xét',
    cells: { col: 'E', from: 3, to: LAST },
    // On an award's first row (its ballot counts): valid ≤ returned ≤ issued ≤ present ≤ members.
    test: `OR(AND(ISNUMBER(E{r}),ISNUMBER(D{r}),E{r}>D{r}),AND(ISNUMBER(D{r}),ISNUMBER(C{r}),D{r}>C{r}),AND(ISNUMBER(C{r}),ISNUMBER(B{r}),C{r}>B{r}),AND(ISNUMBER(B{r}),COUNTA(${NAMES})>0,B{r}>COUNTA(${NAMES})))`,
    message: 'Phiếu hợp lệ ≤ phiếu thu về ≤ phiếu phát ra ≤ số thành viên dự ≤ số thành viên.',
  },
  {
    ruleId: 'votes/quorum',
    sheet: 'Bình xét',
    cells: { col: 'B', from: 3, to: LAST },
    test: (s) => `AND(ISNUMBER(B{r}),COUNTA(${NAMES})>0,B{r}<ROUNDUP(${s.quorum.share}*COUNTA(${NAMES})-0.000000001,0))`,
    message: 'Số thành viên dự phải đủ tỷ lệ tối thiểu của bộ quy tắc (mặc định 2/3 số thành viên).',
  },
  {
    ruleId: 'covenant/unsigned',
    sheet: 'Giao ước',
    cells: { col: 'C', from: 3, to: LAST },
    // Blank, or written as not signed (Không, Chưa ký, No, 0, -), on a row that names a unit.
    test: 'AND(LEN(TRIM(B{r}))>0,OR(LEN(TRIM(C{r}))=0,C{r}=FALSE,LOWER(TRIM(C{r}))="không",LOWER(TRIM(C{r}))="khong",LOWER(TRIM(C{r}))="chưa ký",LOWER(TRIM(C{r}))="chua ky",LOWER(TRIM(C{r}))="no",TRIM(C{r})="0",TRIM(C{r})="-"))',
    message: 'Ghi "Có" khi đơn vị đã ký giao ước thi đua năm sau.',
  },
  {
    ruleId: 'covenant/unsigned',
    sheet: 'Thành viên',
    cells: { col: 'B', from: 3, to: LAST },
    // A member missing from a covenant list that has names (by its name or its abbreviation).
    test: `AND(LEN(TRIM(B{r}))>0,COUNTA('Giao ước'!$B$3:$B$${LAST})>0,COUNTIF('Giao ước'!$B$3:$B$${LAST},TRIM(B{r}))+IF(LEN(TRIM(C{r}))>0,COUNTIF('Giao ước'!$B$3:$B$${LAST},TRIM(C{r})),0)=0)`,
    message: 'Mỗi thành viên có một dòng trong trang "Giao ước".',
  },
  {
    ruleId: 'awards/government-flag',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // A second proposal of the Government's flag (one a year for a bloc, by the Law).
    test: (s) => {
      const names = governmentFlag(s);
      return names.length === 0 ? 'FALSE' : `AND(LEN(TRIM(B{r}))>0,${isOneOf('C{r}', names)},${countOf(names)}>1)`;
    },
    message: 'Cờ thi đua của Chính phủ: đề nghị cho một đơn vị dẫn đầu khối.',
  },
  {
    ruleId: 'awards/quota',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // The province's flags past the profile's quota (a share of the members, at least its minimum).
    test: (s) => {
      const names = provinceFlags(s);
      if (names.length === 0) return 'FALSE';
      return `AND(LEN(TRIM(B{r}))>0,${isOneOf('C{r}', names)},${countOf(names)}>MAX(${s.quota.provinceFlags.min},INT(${s.quota.provinceFlags.share}*COUNTA(${NAMES})+0.000000001)))`;
    },
    message: 'Số Cờ thi đua của tỉnh không vượt chỉ tiêu của bộ quy tắc.',
  },
  {
    ruleId: 'stats/percent-mismatch',
    sheet: 'Số liệu',
    cells: { col: 'F', from: 3, to: LAST },
    test: 'AND(ISNUMBER(D{r}),ISNUMBER(E{r}),ISNUMBER(F{r}),D{r}<>0,ABS(F{r}-E{r}/D{r}*100)>0.5)',
    message: 'Tỷ lệ (%) = Thực hiện ÷ Kế hoạch × 100.',
  },
];

/** Text as a formula's string literal. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;
/** An award's names: its own and its aliases (exact, as a formula compares them). */
const namesOf = (a: Settings['awards'][number]) => [a.name, ...(a.aliases ?? []).map((x) => (typeof x === 'string' ? x : x.name))];
/** The Government's flag, by its names. */
const governmentFlag = (s: Settings) => s.awards.filter((a) => a.kind === 'flag' && a.level === 'national').flatMap(namesOf);
/** The province's flags, by their names. */
const provinceFlags = (s: Settings) => s.awards.filter((a) => a.kind === 'flag' && a.level !== 'national').flatMap(namesOf);
/** `cell` names one of `names`; how many of the rows to `{r}` with a unit name one of them. */
const isOneOf = (cell: string, names: string[]) => `OR(${names.map((n) => `TRIM(${cell})=${quoted(n)}`).join(',')})`;
const countOf = (names: string[]) => names.map((n) => `COUNTIFS($B$3:B{r},"?*",$C$3:C{r},${quoted(n)})`).join('+');

/** A check's test for one cell: `{r}`, `{r-1}` and `{c}` filled in, the profile's figures too. */
export function testAt(check: TemplateCheck, col: string, row: number, settings: Settings = currentNationalSettings()): string {
  const test = typeof check.test === 'function' ? check.test(settings) : check.test;
  return test.replaceAll('{r-1}', String(row - 1)).replaceAll('{r}', String(row)).replaceAll('{c}', col);
}

/** Every cell a check tests, as [column letters, row]. */
export function checkedCells(check: TemplateCheck): [string, number][] {
  if ('list' in check.cells) return check.cells.list.map((a) => [columnLetters(fromA1(a)!.col), fromA1(a)!.row]);
  const { col, from, to, width = 1 } = check.cells;
  const out: [string, number][] = [];
  const first = fromA1(`${col}1`)!.col;
  for (let w = 0; w < width; w++) for (let r = from; r <= to; r++) out.push([columnLetters(first + w), r]);
  return out;
}

/**
 * The checks with their severity in `settings` (those the profile switches off left out), and
 * the rules the template cannot check itself, for `Kiểm tra` to list as thidua's alone.
 */
export function templateChecks(settings: Settings = currentNationalSettings()): TemplateChecks {
  const national = currentNationalSettings().rules;
  const severity = (id: string) => settingSeverity(settings.rules[id]) ?? settingSeverity(national[id]) ?? 'warning';
  const checks = TEMPLATE_CHECKS.flatMap((c) => {
    const s = severity(c.ruleId);
    return s === 'off' ? [] : [{ ...c, severity: s }];
  });
  const covered = new Set(checks.map((c) => c.ruleId));
  const others = ruleIds().filter((id) => !covered.has(id) && id !== 'engine/rule-failed' && ruleMeta(id) !== undefined);
  return { checks, others };
}

/** The Vietnamese description of a rule, as the catalog has it. */
export function ruleDescription(id: string, lang: 'vi' | 'en' = 'vi'): string {
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

/** `Kiểm tra`'s layout: a row per rule checked (from row 2), the total, the helper cells' columns. */
export const CHECK_SHEET = 'Kiểm tra';

/**
 * `Kiểm tra` as cells (address → a value, or a formula starting with `=`): a row per rule
 * checked from row 2 (id, description, count), the total in F1, the rules only thidua checks
 * from E4, and the helper cells (one per tested cell) from column J. Both writers use it.
 */
export function checkSheetCells(checks: readonly TemplateCheck[], others: readonly string[], settings: Settings = currentNationalSettings()): [string, string | number][] {
  const out: [string, string | number][] = [['A1', 'Quy tắc'], ['B1', 'Nội dung'], ['C1', 'Số vấn đề'], ['E1', 'Tổng số vấn đề:']];
  const rules = [...new Set(checks.map((c) => c.ruleId))];
  const sums = new Map<string, string[]>();
  checks.forEach((check, i) => {
    const col = columnLetters(HELPER_COLUMN + i);
    const cells = checkedCells(check);
    cells.forEach(([c, r], k) => out.push([`${col}${k + 2}`, `=IF(IFERROR(${qualify(testAt(check, c, r, settings), check.sheet)},FALSE),1,0)`]));
    sums.set(check.ruleId, [...(sums.get(check.ruleId) ?? []), `SUM(${col}2:${col}${cells.length + 1})`]);
  });
  rules.forEach((id, k) => out.push([`A${k + 2}`, id], [`B${k + 2}`, ruleDescription(id)], [`C${k + 2}`, `=${sums.get(id)!.join('+')}`]));
  out.push(['F1', `=SUM(C2:C${rules.length + 1})`], ['E3', 'Chỉ thidua hoặc phần bổ trợ kiểm tra được (số 0 ở cột C không nói gì về các quy tắc này):']);
  others.forEach((id, k) => out.push([`E${k + 4}`, id], [`F${k + 4}`, ruleDescription(id)]));
  return out;
}

/** The first of `Kiểm tra`'s hidden helper columns (J). */
export const HELPER_COLUMN = 10;
