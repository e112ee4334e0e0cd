/**
 * The checks the template carries itself (interfaces.md, "The template without the add-in"):
 * for each rule a formula can decide on the template's own layout, a test that is TRUE where a
 * cell is faulty. The writers (`thidua template`, the pane's "Tạo mẫu") make each a conditional
 * format on the cells it tests and a row of the sheet `Kiểm tra` that counts its problems, so
 * that Excel 2010–2019, WPS and LibreOffice check the workbook as it is typed, with no add-in.
 *
 * Only functions those programs evaluate alike (`PORTABLE_FUNCTIONS`; a test holds every
 * formula the template writes to them): no dynamic arrays, LET, XLOOKUP or TEXTJOIN, and no
 * array formula to confirm with Ctrl+Shift+Enter. What reads a range cell by cell does it
 * inside SUMPRODUCT; each test is one cell's, and `Kiểm tra` sums one helper cell per tested cell.
 *
 * The tests are a subset of the engine's rules, by exact names where the engine also matches
 * abbreviations and spellings: a template that the engine finds clean counts 0 everywhere.
 */
import { currentNationalSettings, settingOptions, settingSeverity } from '../profiles';
import type { Settings } from '../profiles/schema';
import type { FindingSeverity } from '../report/finding';
import { ruleIds, ruleMeta } from '../rules';
import { columnLetters, fromA1 } from '../model/grid';
import type { BlocModel } from '../model/bloc';
import { awardTable, ENDED_PROVINCES, FORM_ROWS, INPUT_ROWS, LISTS_SHEET, MEMBER_LIST_RANGE, RATING_TABLE, templateLayout } from './layout';
import { locateInfo } from './locate';
import { INFO_SHEET, SHEETS } from './spec';
import { MERGER_DATE } from '../profiles/provinces';

/** The functions the template's formulas use: in Excel since 2007, in WPS and in LibreOffice, evaluated alike. */
export const PORTABLE_FUNCTIONS: readonly string[] = [
  'ABS', 'AND', 'COLUMN', 'COUNT', 'COUNTA', 'COUNTIF', 'COUNTIFS', 'DATE', 'DAY', 'FIND', 'IF', 'IFERROR', 'INDEX', 'INT', 'ISERROR',
  'ISNUMBER', 'ISTEXT', 'LEFT', 'LEN', 'LOOKUP', 'LOWER', 'MATCH', 'MAX', 'MID', 'NOT', 'OR', 'RIGHT', 'ROUND', 'ROUNDUP', 'ROW',
  'SUBSTITUTE', 'SUM', 'SUMIF', 'SUMPRODUCT', 'TODAY', 'TRIM', 'VALUE', 'YEAR',
];

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
  /** The part of the rule a formula decides, where it is less than the engine's (docs/rules.md). */
  scope?: { vi: string; en: string };
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
/** The member row of `x`, 0 when it names none. */
const member = (x: string) => memberRow(x, 0);
/**
 * An array over `range` (inside SUMPRODUCT): 1 where the cell names the unit `x` names, by the
 * same text or by the member's other name (its name for an abbreviation, and the reverse), 0
 * elsewhere (blank cells too).
 */
const namesUnit = (range: string, x: string) => {
  const name = `IFERROR(INDEX(${NAMES},MATCH(TRIM(${x}),${ABBRS},0)),TRIM(${x}))`;
  const abbr = `IFERROR(INDEX(${ABBRS},MATCH(TRIM(${x}),${NAMES},0)),TRIM(${x}))`;
  return `(LEN(TRIM(${range}))>0)*((TRIM(${range})=TRIM(${x}))+(TRIM(${range})=${name})+(TRIM(${range})=${abbr})>0)`;
};

/** A range of `Danh mục` (column `col`, from row 3, `rows` long). */
const listRange = (col: string, rows: number) => `'${LISTS_SHEET}'!$${col}$3:$${col}$${2 + rows}`;
/** The award catalog's columns in `Danh mục`: names, ids, kinds, levels, leading. */
const awardList = (s: Settings, col: 'C' | 'D' | 'E' | 'F' | 'G' | 'K') => listRange(col, awardTable(s).length);
/** A field of the award named in `x` (error when the catalog lacks the name). */
const awardField = (s: Settings, x: string, col: 'D' | 'E' | 'F' | 'G' | 'K') => `INDEX(${awardList(s, col)},MATCH(TRIM(${x}),${awardList(s, 'C')},0))`;
/**
 * How many of the proposals in rows `from`–`to` of `Đề nghị khen thưởng` (as references of that
 * sheet) name a unit and an award of the catalog with the given fields (`kind`, `level`…).
 */
const proposalsOf = (s: Settings, from: string, to: string, where: [col: 'D' | 'E' | 'F' | 'G', value: string][]) =>
  `SUMPRODUCT(COUNTIFS(${awardList(s, 'C')},TRIM($C$${from}:C${to}),${where.map(([c, v]) => `${awardList(s, c)},${v}`).join(',')})*(LEN(TRIM($B$${from}:B${to}))>0))`;
/** The award named in `x` is the Government's flag (a national flag of the catalog). */
const isGovernmentFlag = (s: Settings, x: string) => `AND(${awardField(s, x, 'E')}="flag",${awardField(s, x, 'F')}="national")`;
/**
 * The unit `x` names (when it names one) is nowhere on the list `range`; with `listed`, only
 * when the list has names (an empty list is another rule's, or none's).
 */
const namedNowhere = (x: string, range: string, listed = true) => `AND(LEN(TRIM(${x}))>0,${listed ? `COUNTA(${range})>0,` : ''}SUMPRODUCT(${namesUnit(range, x)})=0)`;

/** The rating `x` states, as its code (error when the reader would not know it). */
const ratingCode = (x: string) => {
  const text = listRange('I', RATING_TABLE.length);
  const code = listRange('J', RATING_TABLE.length);
  return `INDEX(${code},IFERROR(MATCH(TRIM(${x}),${text},0),MATCH(SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".","")," ",""),${text},0)))`;
};

const PROPOSALS = "'Đề nghị khen thưởng'";
const SCORES = "'Chấm điểm'";
const VOTES = "'Bình xét'";
const INFO = "'Thông tin'";
/** The award of a `Bình xét` row: the last written in column A down to that row. */
const votesAward = `INDEX($A$1:$A$${LAST},MAX(1,SUMPRODUCT(MAX((LEN(TRIM($A$3:$A{r}))>0)*ROW($A$3:$A{r})))))`;
/**
 * The unit named in `x` (a member) does not lead the bloc by `Chấm điểm`: its own row has every
 * criterion and another member's row, every criterion filled, sums more (as the engine ranks, on
 * the criteria's sum; a row with a criterion missing is left out, its total being the stated one).
 */
const notLeading = (x: string) => {
  const col = (c: string) => `${SCORES}!$${c}$4:$${c}$${LAST}`;
  const full = `ISNUMBER(${col('C')})*ISNUMBER(${col('D')})*ISNUMBER(${col('E')})`;
  const sum = `(${col('C')}+${col('D')}+${col('E')})`;
  const own = namesUnit(col('B'), x);
  const isMember = `(LEN(TRIM(${col('B')}))>0)*((COUNTIF(${NAMES},TRIM(${col('B')}))+COUNTIF(${ABBRS},TRIM(${col('B')})))>0)`;
  return `AND(${member(x)}>0,SUMPRODUCT(${full}*${own})>0,SUMPRODUCT(MAX(${full}*${isMember}*${sum}))>SUMPRODUCT(MAX(${full}*${own}*${sum}))+0.000001)`;
};
/**
 * `x` is text shaped as day/month/year (separators `/`, `.` or `-`, a four-digit year after
 * 1900), as the reader takes it, and whether that is a real date: a date typed as text, or a
 * date that is none (31/02/2023).
 */
const dateText = (x: string, real: boolean) => {
  const u = `SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".","/"),"-","/")`;
  const p1 = `FIND("/",${u})`;
  const p2 = `FIND("/",${u},${p1}+1)`;
  const [d, m, y] = [`VALUE(LEFT(${u},${p1}-1))`, `VALUE(MID(${u},${p1}+1,${p2}-${p1}-1))`, `VALUE(MID(${u},${p2}+1,9))`];
  const valid = `AND(${m}>=1,${m}<=12,${d}>=1,DAY(DATE(${y},${m},${d}))=${d})`;
  return `AND(ISTEXT(${x}),LEN(TRIM(${x}))>=8,LEN(${withoutDigits(x, '/.-')})=0,LEN(${u})-LEN(SUBSTITUTE(${u},"/",""))=2,${p1}<=3,${p2}-${p1}<=3,${p2}-${p1}>=2,LEN(${u})-${p2}=4,${y}>1900,${real ? valid : `NOT(${valid})`})`;
};

/** `x` without its digits (and the characters of `also`): nothing is left of a number. */
const withoutDigits = (x: string, also = '') => [...`0123456789${also}`].reduce((f, d) => `SUBSTITUTE(${f},"${d}","")`, `TRIM(${x})`);

/** The columns where text is typed: sheet, first column, first and last row, columns. */
const TEXT_COLUMNS = [['Thông tin', 'B', 3, 15, 1], ['Thành viên', 'B', 3, LAST, 4], ['Luân phiên', 'B', 3, LAST, 2], ['Chấm điểm', 'B', 4, LAST, 1], ['Chấm điểm', 'H', 4, LAST, 2], ['Bình xét', 'A', 3, LAST, 1], ['Bình xét', 'F', 3, LAST, 1], ['Đề nghị khen thưởng', 'B', 3, LAST, 4], ['Giao ước', 'B', 3, LAST, 2], ['Số liệu', 'B', 3, LAST, 2]] as const;
/** Every table's input cells: sheet, first row, columns (from A). */
const TABLES = [['Thông tin', 3, 2], ['Thành viên', 3, 5], ['Luân phiên', 3, 3], ['Chấm điểm', 3, 9], ['Bình xét', 3, 8], ['Đề nghị khen thưởng', 3, 5], ['Giao ước', 3, 4], ['Số liệu', 3, 6]] as const;
/** The cells where a date is typed: sheet, cells. */
const DATE_CELLS: [string, TemplateCheck['cells']][] = [['Thông tin', { list: ['B9'] }], ['Giao ước', { col: 'D', from: 3, to: LAST }]];
/** The combining marks of Vietnamese: the five tones, circumflex, breve and horn. */
const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B'];

export const TEMPLATE_CHECKS: readonly TemplateCheck[] = [
  {
    ruleId: 'cell/required',
    sheet: 'Thông tin',
    cells: { list: ['B3', 'B4', 'B5', 'B6', 'B9', 'B11'] },
    test: 'LEN(TRIM({c}{r}))=0',
    message: 'Bắt buộc: hãy điền ô này.',
  },
  // A table's required cell left blank on a row that has something else.
  ...([['Thành viên', 'B', 3, 'B', 'E'], ['Luân phiên', 'A', 3, 'A', 'C'], ['Luân phiên', 'B', 3, 'A', 'C'], ['Chấm điểm', 'B', 4, 'B', 'I'], ['Bình xét', 'F', 3, 'B', 'H'], ['Bình xét', 'G', 3, 'B', 'H'], ['Đề nghị khen thưởng', 'B', 3, 'B', 'E'], ['Đề nghị khen thưởng', 'C', 3, 'B', 'E'], ['Giao ước', 'B', 3, 'B', 'D'], ['Số liệu', 'B', 3, 'B', 'F']] as const).map(([sheet, col, from, first, last]): TemplateCheck => ({
    ruleId: 'cell/required',
    sheet,
    cells: { col, from, to: LAST },
    test: `AND(LEN(TRIM(${col}{r}))=0,SUMPRODUCT(--(LEN(TRIM($${first}{r}:$${last}{r}))>0))>0)`,
    message: 'Bắt buộc trên dòng đã có số liệu.',
  })),
  {
    ruleId: 'cell/required',
    sheet: 'Bình xét',
    cells: { col: 'A', from: 3, to: LAST },
    // The award on a row with something, where no row above names one (a blank under an award continues it).
    test: 'AND(LEN(TRIM(A{r}))=0,SUMPRODUCT(--(LEN(TRIM($B{r}:$H{r}))>0))>0,SUMPRODUCT(--(LEN(TRIM($A$2:A{r-1}))>0))<=1)',
    message: 'Ghi hình thức khen thưởng.',
  },
  {
    ruleId: 'cell/required',
    sheet: 'Bình xét',
    cells: { col: 'B', from: 3, to: LAST, width: 4 },
    // The ballot counts on an award's first row.
    test: 'AND(LEN(TRIM({c}{r}))=0,LEN(TRIM($A{r}))>0,COUNTIF($A$2:$A{r-1},TRIM($A{r}))=0)',
    message: 'Dòng đầu của mỗi hình thức ghi đủ số phiếu.',
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
    message: 'Số đơn vị thành viên trong khoảng của bộ quy tắc (mặc định từ 3 đến 40).',
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
    test: namedNowhere('B{r}', `'Giao ước'!$B$3:$B$${LAST}`),
    message: 'Mỗi thành viên có một dòng trong trang "Giao ước".',
  },
  {
    ruleId: 'awards/government-flag',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // A second proposal of the Government's flag (one a year for a bloc, by the Law).
    test: (s) => `AND(LEN(TRIM(B{r}))>0,${isGovernmentFlag(s, 'C{r}')},${proposalsOf(s, '3', '{r}', [['E', '"flag"'], ['F', '"national"']])}>1)`,
    message: 'Cờ thi đua của Chính phủ: đề nghị cho một đơn vị dẫn đầu khối.',
  },
  {
    ruleId: 'awards/government-flag',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'B', from: 3, to: LAST },
    // The first proposal of the Government's flag, for a unit another member outscores.
    test: (s) => `AND(${isGovernmentFlag(s, 'C{r}')},${proposalsOf(s, '2', '{r-1}', [['E', '"flag"'], ['F', '"national"']])}=0,${notLeading('B{r}')})`,
    message: 'Cờ thi đua của Chính phủ chỉ dành cho đơn vị dẫn đầu khối (tổng điểm cao nhất).',
  },
  {
    ruleId: 'awards/leading-rank',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'B', from: 3, to: LAST },
    // A leading unit's award (Cờ thi đua dẫn đầu khối…) for a unit another member outscores.
    test: (s) => `AND(${awardField(s, 'C{r}', 'G')}=1,NOT(${isGovernmentFlag(s, 'C{r}')}),${notLeading('B{r}')})`,
    message: 'Cờ dẫn đầu khối chỉ dành cho đơn vị có tổng điểm cao nhất trong trang "Chấm điểm".',
    scope: { vi: 'đơn vị dẫn đầu theo Chấm điểm', en: 'the leading unit by Chấm điểm' },
  },
  {
    ruleId: 'awards/quota',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // Past the profile's quotas: the province's flags (a share of the members, at least its
    // minimum), the leading flags, and Bằng khen where the profile sets a share.
    test: (s) => {
      const { provinceFlags, leadingFlags, certificates } = s.quota;
      const isProvinceFlag = `AND(${awardField(s, 'C{r}', 'E')}="flag",${awardField(s, 'C{r}', 'F')}<>"national")`;
      const over = [
        `AND(${isProvinceFlag},${proposalsOf(s, '3', '{r}', [['E', '"flag"'], ['F', '"<>national"']])}>MAX(${provinceFlags.min},INT(${provinceFlags.share}*COUNTA(${NAMES})+0.000000001)))`,
        `AND(${isProvinceFlag},${awardField(s, 'C{r}', 'G')}=1,${proposalsOf(s, '3', '{r}', [['E', '"flag"'], ['F', '"<>national"'], ['G', '1']])}>${leadingFlags.max})`,
        ...(certificates.share === null ? [] : [`AND(${awardField(s, 'C{r}', 'E')}="certificate",${proposalsOf(s, '3', '{r}', [['E', '"certificate"']])}>INT(${certificates.share}*COUNTA(${NAMES})+0.000000001))`]),
      ];
      return `AND(LEN(TRIM(B{r}))>0,OR(${over.map((o) => `IFERROR(${o},FALSE)`).join(',')}))`;
    },
    message: 'Số cờ và Bằng khen đề nghị không vượt chỉ tiêu của bộ quy tắc.',
  },
  {
    ruleId: 'awards/rank-order',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // A higher award (the profile's precedence) than a member proposed here and outscoring
    // this one in `Chấm điểm` gets: each unit's criteria summed by its name as `Chấm điểm` writes it.
    test: (s) => {
      const scores = (c: string) => `${SCORES}!$${c}$4:$${c}$${LAST}`;
      const units = `TRIM($B$3:$B$${LAST})`;
      const sumOf = (x: string) => ['C', 'D', 'E'].map((c) => `SUMIF(${scores('B')},${x},${scores(c)})`).join('+');
      const fullOf = (x: string) => ['C', 'D', 'E'].map((c) => `COUNTIFS(${scores('B')},${x},${scores(c)},"<>")`).join('+');
      const isMember = `((COUNTIF(${NAMES},${units})+COUNTIF(${ABBRS},${units}))>0)`;
      const known = `(COUNTIF(${awardList(s, 'C')},TRIM($C$3:$C$${LAST}))>0)`;
      const lower = `(SUMIF(${awardList(s, 'C')},TRIM($C$3:$C$${LAST}),${awardList(s, 'K')})>${awardField(s, 'C{r}', 'K')})`;
      const own = 'TRIM(B{r})';
      return `AND(${member('B{r}')}>0,COUNTIF(${scores('B')},${own})=1,${fullOf(own)}=3,SUMPRODUCT(${isMember}*(COUNTIF(${scores('B')},${units})=1)*((${fullOf(units)})=3)*${known}*${lower}*((${sumOf(units)})>${sumOf(own)}+0.000001))>0)`;
    },
    message: 'Đơn vị xếp trên (tổng điểm cao hơn) không nhận hình thức thấp hơn đơn vị xếp dưới.',
    scope: { vi: 'đơn vị ghi cùng tên ở Chấm điểm và Đề nghị khen thưởng', en: 'units named alike in Chấm điểm and Đề nghị khen thưởng' },
  },
  {
    ruleId: 'awards/one-per-unit',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'C', from: 3, to: LAST },
    // A unit already proposed on a row above, by the same name or the member's other name.
    test: `AND(LEN(TRIM(B{r}))>0,SUMPRODUCT(${namesUnit('$B$2:B{r-1}', 'B{r}')})>0)`,
    message: 'Mỗi đơn vị chỉ được đề nghị một hình thức khen thưởng.',
  },
  {
    ruleId: 'awards/rating-required',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'B', from: 3, to: LAST },
    // A member proposed for an award of the catalog, rated below HTXSNV in `Thành viên`.
    test: (s) => `AND(ISNUMBER(MATCH(TRIM(C{r}),${awardList(s, 'C')},0)),${member('B{r}')}>0,${ratingCode(`INDEX('Thành viên'!$D$3:$D$${2 + INPUT_ROWS},MAX(1,${member('B{r}')}))`)}<>"HTXSNV")`,
    message: 'Đơn vị được đề nghị khen thưởng phải xếp loại "Hoàn thành xuất sắc nhiệm vụ" (cột Xếp loại, trang "Thành viên").',
  },
  {
    ruleId: 'awards/excellent-share',
    sheet: 'Thành viên',
    cells: { col: 'D', from: 3, to: LAST },
    // From the profile's year: HTXSNV past its share of the members rated HTTNV or better.
    test: (s) => {
      const { max, fromYear } = s.excellentShare;
      const count = (codes: string[]) => codes.map((c) => `SUMPRODUCT(COUNTIF($D$3:$D$${2 + INPUT_ROWS},${listRange('I', RATING_TABLE.length)})*(${listRange('J', RATING_TABLE.length)}="${c}"))`).join('+');
      return `AND(ISNUMBER(${INFO}!$B$5),${INFO}!$B$5>=${fromYear},${ratingCode('D{r}')}="HTXSNV",${count(['HTXSNV'])}>INT(${max}*(${count(['HTXSNV', 'HTTNV'])})+0.000000001))`;
    },
    message: 'Số đơn vị xếp loại "Hoàn thành xuất sắc nhiệm vụ" không vượt tỷ lệ của bộ quy tắc (từ năm 2025: 20 % số đơn vị hoàn thành tốt trở lên).',
  },
  {
    ruleId: 'votes/below-threshold',
    sheet: 'Bình xét',
    cells: { col: 'G', from: 3, to: LAST },
    // A candidate proposed (same unit, same award) with fewer votes than the profile's
    // threshold for that kind of award: flags at least, others more than, a share of members.
    test: (s) => {
      const proposed = `SUMPRODUCT(COUNTIFS(${awardList(s, 'C')},TRIM(${PROPOSALS}!$C$3:$C$${LAST}),${awardList(s, 'D')},${awardField(s, votesAward, 'D')})*${namesUnit(`${PROPOSALS}!$B$3:$B$${LAST}`, 'F{r}')})>0`;
      const share = `G{r}/COUNTA(${NAMES})`;
      return `AND(ISNUMBER(G{r}),LEN(TRIM(F{r}))>0,COUNTA(${NAMES})>0,${proposed},IF(${awardField(s, votesAward, 'E')}="flag",${share}<${s.approval.flags}-0.000000001,${share}<=${s.approval.others}+0.000000001))`;
    },
    message: 'Đơn vị được đề nghị phải đạt tỷ lệ phiếu của bộ quy tắc (mặc định: cờ từ 80 %, hình thức khác trên 50 % số thành viên).',
  },
  {
    ruleId: 'votes/missing',
    sheet: 'Đề nghị khen thưởng',
    cells: { col: 'B', from: 3, to: LAST },
    // A proposed unit that no row of `Bình xét` names at all (the engine also matches the award).
    test: namedNowhere('B{r}', `${VOTES}!$F$3:$F$${LAST}`, false),
    message: 'Đơn vị được đề nghị phải có kết quả bỏ phiếu trong trang "Bình xét".',
    scope: { vi: 'chỉ đơn vị không dòng nào của Bình xét ghi tên', en: 'only a unit no row of Bình xét names' },
  },
  {
    ruleId: 'votes/inconsistent-ballots',
    sheet: 'Bình xét',
    cells: { col: 'B', from: 3, to: LAST, width: 4 },
    // A count on a row under its award's first row (the first row naming that award) that
    // differs from the first row's.
    test: `AND(ISNUMBER({c}{r}),MATCH(${votesAward},$A$1:$A$${LAST},0)<>{r},ISNUMBER(INDEX({c}$1:{c}$${LAST},MATCH(${votesAward},$A$1:$A$${LAST},0))),{c}{r}<>INDEX({c}$1:{c}$${LAST},MATCH(${votesAward},$A$1:$A$${LAST},0)))`,
    message: 'Các dòng của cùng một hình thức ghi cùng số phiếu như dòng đầu, hoặc để trống.',
  },
  {
    ruleId: 'bloc/meeting-date',
    sheet: 'Thông tin',
    cells: { list: ['B9'] },
    test: (s) => {
      const [sm, sd] = s.meetingWindow.start.split('-').map(Number);
      const [em, ed] = s.meetingWindow.end.split('-').map(Number);
      const wraps = s.meetingWindow.end < s.meetingWindow.start ? 1 : 0;
      return `AND(ISNUMBER(B9),ISNUMBER(B5),OR(B9<DATE(B5,${sm},${sd}),B9>DATE(B5+${wraps},${em},${ed})))`;
    },
    message: 'Hội nghị tổng kết họp trong khoảng thời gian của bộ quy tắc (mặc định từ 01/10 năm thi đua đến 31/3 năm sau).',
  },
  {
    ruleId: 'bloc/unknown-province',
    sheet: 'Thông tin',
    cells: { list: ['B3'] },
    // A province that ended with the 2025 merger, named for a bloc whose conference (or year's
    // end) comes after it (the engine also knows spellings and the provinces that never were).
    test: () => {
      const ended = listRange('H', ENDED_PROVINCES.length);
      const [y, m, d] = MERGER_DATE.split('-').map(Number);
      return `AND(IF(ISNUMBER(B9),B9,IF(ISNUMBER(B5),DATE(B5,12,31),TODAY()))>=DATE(${y},${m},${d}),OR(COUNTIF(${ended},TRIM(B3))>0,AND(LOWER(LEFT(TRIM(B3),5))="tỉnh ",COUNTIF(${ended},TRIM(MID(TRIM(B3),6,99)))>0)))`;
    },
    message: 'Tỉnh đã hợp nhất từ 01/7/2025 (Nghị quyết 202/2025/QH15): ghi tên tỉnh mới.',
    scope: { vi: 'chỉ tỉnh đã hợp nhất từ 01/7/2025', en: 'only the provinces merged on 1 July 2025' },
  },
  {
    ruleId: 'members/not-scored',
    sheet: 'Thành viên',
    cells: { col: 'B', from: 3, to: LAST },
    test: namedNowhere('B{r}', `${SCORES}!$B$4:$B$${2 + INPUT_ROWS}`),
    message: 'Mỗi thành viên có một dòng trong trang "Chấm điểm".',
  },
  {
    ruleId: 'rotation/deputy-succession',
    sheet: 'Thông tin',
    cells: { list: ['B11'] },
    // Where the profile has this year's deputy lead next year (not this year's leader's own fault).
    test: (s) => (s.rotation.deputySucceeds ? `AND(LEN(TRIM(B7))>0,LEN(TRIM(B11))>0,NOT(${sameUnit('B7', 'B11')}),NOT(${sameUnit('B6', 'B11')}))` : 'FALSE'),
    message: 'Phó trưởng khối năm nay làm Trưởng khối năm sau (theo bộ quy tắc).',
  },
  ...([['Thông tin', 'B', 5, 5, 1], ['Thông tin', 'B', 8, 8, 1], ['Chấm điểm', 'C', 3, LAST, 5], ['Bình xét', 'B', 3, LAST, 4], ['Bình xét', 'G', 3, LAST, 2], ['Số liệu', 'D', 3, LAST, 3]] as const).map(([sheet, col, from, to, width]): TemplateCheck => ({
    ruleId: 'cell/number-as-text',
    sheet,
    cells: { col, from, to, width },
    // Text that is digits alone, or digits on both sides of one `.` or `,` (53.211, 48,5).
    test: `AND(ISTEXT({c}{r}),LEN(TRIM({c}{r}))>0,LEN(${withoutDigits('{c}{r}', '.,')})=0,LEN(TRIM({c}{r}))-LEN(SUBSTITUTE(SUBSTITUTE(TRIM({c}{r}),".",""),",",""))<=1,ISNUMBER(FIND(LEFT(TRIM({c}{r}),1),"0123456789")),ISNUMBER(FIND(RIGHT(TRIM({c}{r}),1),"0123456789")))`,
    message: 'Ghi số dạng số (không phải chữ).',
    scope: { vi: 'chữ số, có thể với một dấu . hoặc ,', en: 'digits, with at most one . or ,' },
  })),
  ...TEXT_COLUMNS.map(([sheet, col, from, to, width]): TemplateCheck => ({
    ruleId: 'text/whitespace',
    sheet,
    cells: { col, from, to, width },
    test: 'AND(ISTEXT({c}{r}),LEN(TRIM({c}{r}))>0,LEN({c}{r})<>LEN(TRIM({c}{r})))',
    message: 'Bỏ dấu cách thừa (đầu, cuối hoặc hai dấu cách liền nhau).',
    scope: { vi: 'dấu cách thường', en: 'ordinary spaces' },
  })),
  ...TEXT_COLUMNS.map(([sheet, col, from, to, width]): TemplateCheck => ({
    ruleId: 'text/not-nfc',
    sheet,
    cells: { col, from, to, width },
    // A mark typed apart from its letter (Vietnamese has a precomposed letter for each).
    test: `AND(ISTEXT({c}{r}),LEN({c}{r})<>LEN(${[...COMBINING].reduce((f, m) => `SUBSTITUTE(${f},"${m}","")`, '{c}{r}')}))`,
    message: 'Dùng Unicode dựng sẵn (gõ dấu liền với chữ).',
  })),
  ...TABLES.map(([sheet, from, width]): TemplateCheck => ({
    ruleId: 'cell/formula-error',
    sheet,
    cells: { col: 'A', from, to: LAST, width },
    test: 'ISERROR({c}{r})',
    message: 'Ô không được có lỗi công thức (#REF!, #DIV/0!, #VALUE!…).',
  })),
  ...(['B', 'C'] as const).map((col): TemplateCheck => {
    // Luân phiên's leader (B) or deputy (C) of this year or next, against Thông tin's, where both name members.
    const [now, next] = col === 'B' ? ['$B$6', '$B$11'] : ['$B$7', '$B$12'];
    const stated = `IF(A{r}=${INFO}!$B$5,${INFO}!${now},IF(A{r}=${INFO}!$B$5+1,${INFO}!${next},""))`;
    return {
      ruleId: 'rotation/history-mismatch',
      sheet: 'Luân phiên',
      cells: { col, from: 3, to: LAST },
      test: `AND(ISNUMBER(A{r}),ISNUMBER(${INFO}!$B$5),${member(`${col}{r}`)}>0,${member(stated)}>0,${member(`${col}{r}`)}<>${member(stated)})`,
      message: 'Năm nay và năm sau ghi như trang "Thông tin" (Trưởng khối, Phó trưởng khối).',
      scope: { vi: 'đơn vị có trong trang Thành viên', en: 'units in Thành viên' },
    };
  }),
  {
    ruleId: 'cell/out-of-range',
    sheet: 'Thông tin',
    cells: { list: ['B5'] },
    test: (s) => `AND(ISNUMBER(B5),OR(B5<${Number(settingOptions(s.rules['cell/out-of-range']).minYear ?? 2000)},B5>YEAR(TODAY())+1))`,
    message: 'Năm thi đua là năm được tổng kết (không quá năm sau).',
  },
  { ruleId: 'cell/out-of-range', sheet: 'Thông tin', cells: { list: ['B8'] }, test: 'AND(ISNUMBER(B8),B8<0)', message: 'Số đếm không âm.' },
  {
    ruleId: 'cell/out-of-range',
    sheet: 'Bình xét',
    cells: { col: 'B', from: 3, to: LAST, width: 7 },
    // Counts below 0, and Tỷ lệ (%) above 100, on the rows of an award (the rows above the first award are not read).
    test: `AND(ISNUMBER({c}{r}),OR({c}{r}<0,AND(COLUMN({c}{r})=8,{c}{r}>100.000000001)),COLUMN({c}{r})<>6,SUMPRODUCT(--(LEN(TRIM($A$3:$A{r}))>0))>0)`,
    message: 'Số phiếu không âm; tỷ lệ không quá 100 %.',
  },
  ...DATE_CELLS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/date-as-text',
    sheet,
    cells,
    test: dateText('{c}{r}', true),
    message: 'Nhập ngày dạng ngày (ví dụ 30/11/2023 trong ô định dạng ngày), không gõ dạng chữ.',
    scope: { vi: 'ngày/tháng/năm viết liền', en: 'day/month/year with no spaces' },
  })),
  ...DATE_CELLS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/invalid-date',
    sheet,
    cells,
    test: dateText('{c}{r}', false),
    message: 'Ngày phải có thật (ngày/tháng/năm).',
    scope: { vi: 'ngày/tháng/năm viết liền không có thật', en: 'a day/month/year with no spaces that is no date' },
  })),
  {
    ruleId: 'stats/percent-mismatch',
    sheet: 'Số liệu',
    cells: { col: 'F', from: 3, to: LAST },
    test: 'AND(ISNUMBER(D{r}),ISNUMBER(E{r}),ISNUMBER(F{r}),D{r}<>0,ABS(F{r}-E{r}/D{r}*100)>0.5)',
    message: 'Tỷ lệ (%) = Thực hiện ÷ Kế hoạch × 100.',
  },
];

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
 * Where a check's conditional formats go, each with its test: one range over a column's rows
 * (the test written for its first cell, relative below and to the right), or each single cell.
 */
export function formatRanges(check: TemplateCheck, settings: Settings = currentNationalSettings()): { ref: string; test: string }[] {
  const cells = checkedCells(check);
  if ('list' in check.cells) return cells.map(([c, r]) => ({ ref: `${c}${r}`, test: testAt(check, c, r, settings) }));
  const [[c, r], [lc, lr]] = [cells[0]!, cells.at(-1)!];
  return [{ ref: `${c}${r}:${lc}${lr}`, test: testAt(check, c, r, settings) }];
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
 * from E4, and the helper cells (one per tested cell) from column J. Both writers use it; the
 * pane names the template's sheets as the workbook does (`names`).
 */
export function checkSheetCells(checks: readonly TemplateCheck[], others: readonly string[], settings: Settings = currentNationalSettings(), names: ReadonlyMap<string, string> = new Map()): [string, string | number][] {
  const out: [string, string | number][] = [['A1', 'Quy tắc'], ['B1', 'Nội dung'], ['C1', 'Số vấn đề'], ['E1', 'Tổng số vấn đề:']];
  const rules = [...new Set(checks.map((c) => c.ruleId))];
  const sums = new Map<string, string[]>();
  checks.forEach((check, i) => {
    const col = columnLetters(HELPER_COLUMN + i);
    const cells = checkedCells(check);
    cells.forEach(([c, r], k) => out.push([`${col}${k + 2}`, `=IF(IFERROR(${qualify(renamed(testAt(check, c, r, settings), names), names.get(check.sheet) ?? check.sheet)},FALSE),1,0)`]));
    sums.set(check.ruleId, [...(sums.get(check.ruleId) ?? []), `SUM(${col}2:${col}${cells.length + 1})`]);
  });
  rules.forEach((id, k) => out.push([`A${k + 2}`, id], [`B${k + 2}`, ruleDescription(id)], [`C${k + 2}`, `=${sums.get(id)!.join('+')}`]));
  out.push(['F1', `=SUM(C2:C${rules.length + 1})`], ['E3', 'Chỉ thidua hoặc phần bổ trợ kiểm tra được (số 0 ở cột C không nói gì về các quy tắc này):']);
  others.forEach((id, k) => out.push([`E${k + 4}`, id], [`F${k + 4}`, ruleDescription(id)]));
  return out;
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
export function sheetsRead(check: TemplateCheck, settings: Settings = currentNationalSettings()): string[] {
  const formula = typeof check.test === 'function' ? check.test(settings) : check.test;
  return [...new Set([check.sheet, ...[...formula.matchAll(/'((?:[^']|'')+)'!/g)].map((m) => m[1]!.replace(/''/g, "'"))])];
}

/** A formula's references to the template's sheets given the workbook's names for them. */
export function renamed(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(/'((?:[^']|'')+)'!/g, (m, quoted: string) => {
    const name = names.get(quoted.replace(/''/g, "'"));
    return name === undefined ? m : `'${name.replace(/'/g, "''")}'!`;
  });
}
