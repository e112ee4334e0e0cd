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
import type { z } from 'zod';
import { currentNationalSettings, ruleSeverity, settingOptions } from '../profiles';
import type { Settings } from '../profiles/schema';
import type { FindingSeverity } from '../report/finding';
import { SEVERITY_WORDS } from '../report/text';
import { ruleIds, ruleMeta } from '../rules';
import { RULE_FAILED_ID } from '../rules/rule-failed';
import { OPTIONS as OUT_OF_RANGE } from '../rules/cell/out-of-range';
import { OPTIONS as TOTAL_OPTIONS } from '../rules/scores/total-mismatch';
import { OPTIONS as STATS_PERCENT } from '../rules/stats/percent-mismatch';
import { OPTIONS as VOTES_PERCENT } from '../rules/votes/percent-mismatch';
import { columnLetters, fromA1 } from '../model/grid';
import type { BlocModel } from '../model/bloc';
import { type Geometry, geometryOf, type TableKey } from './geometry';
import { templateLayout } from './layout';
import { locateInfo } from './locate';
import { INFO_SHEET, type SheetKey, SHEETS, TABLE_SHEETS } from './spec';
import { MERGER_DATE } from '../profiles/provinces';
import type { Lang } from '../rules/types';

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

/** A rule's options in a profile, as its own schema reads them (the defaults where it sets none or none valid). */
function optionsIn<T extends z.ZodType>(schema: T, s: Settings, id: string): z.infer<T> {
  const parsed = schema.safeParse(settingOptions(s.rules[id]));
  return parsed.success ? parsed.data : schema.parse({});
}

/** The combining marks of Vietnamese: the five tones, circumflex, breve and horn. */
const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B'];
/** `x` (a cell or a range) without its combining marks: as long as `x` where `x` is in NFC. */
const withoutMarks = (x: string) => COMBINING.reduce((f, m) => `SUBSTITUTE(${f},"${m}","")`, x);
/** `x` has no mark typed apart from its letter: what it names can be looked up letter for letter (else text/not-nfc says why). */
const composed = (x: string) => `LEN(${x})=LEN(${withoutMarks(x)})`;

const names = (g: Geometry) => g.range('members', 'unit');

/*
 * A row's test reads its own row only through single cells (`B{r}`, `B{r-1}`): the rows above
 * it, or the cells of its row, are a whole column or block of the table with a mask of rows
 * (`above`, `rowCells`). So the same test is a conditional format (the cells relative to its
 * first cell) and `Kiểm tra`'s helper for the k-th row of the table, wherever rows were
 * inserted since (`testAtPosition`: each single cell the k-th of its column).
 */
/** A table's column over its rows, and a mask (an array of 0 and 1) of the rows above the current one (or through it). */
function above(g: Geometry, sheet: TableKey, field: string, through = false) {
  const c = g.col(sheet, field);
  const full = `$${c}$${g.first(sheet)}:$${c}$${g.last(sheet)}`;
  return { full, mask: `(ROW(${full})${through ? '<=' : '<'}ROW($${c}{r}))` };
}
/**
 * A table's block from column `from` to `to` over its rows, a mask of the current row's cells
 * in it, and of the columns strictly between the two (a column inserted among them is one more).
 */
function rowCells(g: Geometry, sheet: TableKey, from: string, to: string) {
  const [first, last] = [g.first(sheet), g.last(sheet)];
  const block = `$${from}$${first}:$${to}$${last}`;
  return {
    block,
    here: `(ROW(${block})=ROW($${from}{r}))`,
    between: `(COLUMN(${block})>COLUMN($${from}$${first}))*(COLUMN(${block})<COLUMN($${to}$${first}))`,
  };
}
/** The members' abbreviations, beside their names. */
const abbrs = (g: Geometry) => g.range('members', 'abbr');
const memberCount = (g: Geometry) => `COUNTA(${names(g)})`;

/** A unit named in `x` that is neither a member's name nor its abbreviation (exact, after trimming). */
const unknownUnit = (g: Geometry, x: string) => `AND(LEN(TRIM(${x}))>0,${composed(x)},COUNTIF(${names(g)},TRIM(${x}))+COUNTIF(${abbrs(g)},TRIM(${x}))=0)`;
/** The member row a unit names (by name, else by abbreviation), or `none` when neither. */
const memberRow = (g: Geometry, x: string, none: number) => `IFERROR(MATCH(TRIM(${x}),${names(g)},0),IFERROR(MATCH(TRIM(${x}),${abbrs(g)},0),${none}))`;
/** Two cells naming the same member (by name or abbreviation), both filled. */
const sameUnit = (g: Geometry, a: string, b: string) => `AND(LEN(TRIM(${a}))>0,LEN(TRIM(${b}))>0,OR(TRIM(${a})=TRIM(${b}),${memberRow(g, a, -1)}=${memberRow(g, b, -2)}))`;
/**
 * `Thông tin` names one unit as the year's leader and its deputy (this year's, or next year's):
 * rotation/leader-is-deputy's finding, and no other rotation check judges that year. Absolute
 * references (a check of another sheet reads them too).
 */
const leaderIsDeputy = (g: Geometry, next = false) =>
  next ? sameUnit(g, infoRef(g, 'nextLeader'), infoRef(g, 'nextDeputy')) : sameUnit(g, infoRef(g, 'leader'), infoRef(g, 'deputy'));
/** A `Thông tin` value as another sheet (or a range's check) reads it: `'Thông tin'!$B$5`. */
const infoRef = (g: Geometry, label: string) => `${g.ref('info')}${g.info(label).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;
/** The member row of `x`, 0 when it names none. */
const member = (g: Geometry, x: string) => memberRow(g, x, 0);
/**
 * An array over `range` (inside SUMPRODUCT): 1 where the cell names the unit `x` names, by the
 * same text or by the member's other name (its name for an abbreviation, and the reverse), 0
 * elsewhere (blank cells too).
 */
const namesUnit = (g: Geometry, range: string, x: string) => {
  const name = `IFERROR(INDEX(${names(g)},MATCH(TRIM(${x}),${abbrs(g)},0)),TRIM(${x}))`;
  const abbr = `IFERROR(INDEX(${abbrs(g)},MATCH(TRIM(${x}),${names(g)},0)),TRIM(${x}))`;
  return `(LEN(TRIM(${range}))>0)*((TRIM(${range})=TRIM(${x}))+(TRIM(${range})=${name})+(TRIM(${range})=${abbr})>0)`;
};
/**
 * The unit `x` names (when it names one) is nowhere on the list `range`; with `listed`, only
 * when the list has names (an empty list is another rule's, or none's). A name or a list with a
 * mark typed apart is text/not-nfc's: compared letter for letter, it would be missed wrongly.
 */
const namedNowhere = (g: Geometry, x: string, range: string, listed = true) =>
  `AND(LEN(TRIM(${x}))>0,${listed ? `COUNTA(${range})>0,` : ''}${composed(x)},SUMPRODUCT(--(LEN(${range})<>LEN(${withoutMarks(range)})))=0,SUMPRODUCT(${namesUnit(g, range, x)})=0)`;

/** A field of the award named in `x` (error when the catalog lacks the name). */
const awardField = (g: Geometry, x: string, list: 'awardId' | 'awardKind' | 'awardLevel' | 'awardLeading' | 'awardPrecedence') => `INDEX(${g.list(list)},MATCH(TRIM(${x}),${g.list('awardName')},0))`;
/**
 * How many of the proposals in rows `from`–`to` of `Đề nghị khen thưởng` (as references of that
 * sheet) name a unit and an award of the catalog whose fields compare so: each proposal against
 * each name of the catalog, as a table (COUNTIFS with a range for its criterion is one of the
 * functions programs evaluate each in its own way).
 */
const proposalsOf = (g: Geometry, through: boolean, where: [list: 'awardKind' | 'awardLevel' | 'awardLeading', op: '=' | '<>', value: string][]) => {
  const [units, awards] = [above(g, 'proposals', 'unit', through), above(g, 'proposals', 'award', through)];
  return `SUMPRODUCT((TRIM(${awards.full})=TRANSPOSE(${g.list('awardName')}))*${where.map(([l, op, v]) => `(TRANSPOSE(${g.list(l)})${op}${v})`).join('*')}*(LEN(TRIM(${units.full}))>0)*${units.mask})`;
};
/** The award named in `x` is the Government's flag (a national flag of the catalog). */
const isGovernmentFlag = (g: Geometry, x: string) => `AND(${awardField(g, x, 'awardKind')}="flag",${awardField(g, x, 'awardLevel')}="national")`;

/** The rating `x` states, as its code (error when the reader would not know it). */
const ratingCode = (g: Geometry, x: string) => {
  const [text, code] = [g.list('ratingText'), g.list('ratingCode')];
  return `INDEX(${code},IFERROR(MATCH(TRIM(${x}),${text},0),MATCH(SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".","")," ",""),${text},0)))`;
};

/** The award of a `Bình xét` row: the last written in its column down to that row. */
const votesAward = (g: Geometry) => {
  const a = g.col('votes', 'award');
  const { full, mask } = above(g, 'votes', 'award', true);
  return `INDEX($${a}$1:$${a}$${g.last('votes')},MAX(1,SUMPRODUCT(MAX((LEN(TRIM(${full}))>0)*${mask}*ROW(${full})))))`;
};
/**
 * The last number in a `Bình xét` column down to the current row (an award's ballot counts are
 * on its first row), or `none` where there is none.
 */
const lastNumberAbove = (g: Geometry, field: string, none: string) => {
  const c = g.col('votes', field);
  const { full, mask } = above(g, 'votes', field, true);
  // 1/(1/row) is an error where no row has a number (INDEX of row 0 would be the whole column).
  return `IFERROR(INDEX($${c}$1:$${c}$${g.last('votes')},1/(1/SUMPRODUCT(MAX(ISNUMBER(${full})*${mask}*ROW(${full}))))),${none})`;
};

/**
 * `Chấm điểm` as the engine ranks it, the criteria read between the unit's column and the
 * total's whatever their number (a column inserted among them is one more): for each row of
 * units, its true total (the criteria's sum when every one is filled, else the stated total), a
 * very low number where it has none or names no unit. References of `Chấm điểm` from `at`.
 */
function scoreTable(g: Geometry, at: string) {
  const [u, t] = [g.col('scores', 'unit'), g.col('scores', 'total')];
  const [first, last] = [g.first('scores'), g.last('scores')];
  const block = `${at}$${u}$${first}:$${t}$${last}`;
  const header = `${at}$${u}$${first}:$${t}$${first}`;
  const inside = `(COLUMN(${block})>COLUMN(${at}$${u}$${first}))*(COLUMN(${block})<COLUMN(${at}$${t}$${first}))`;
  const ones = `TRANSPOSE(COLUMN(${header})^0)`;
  const units = `${at}$${u}$${first}:$${u}$${last}`;
  const totals = `${at}$${t}$${first}:$${t}$${last}`;
  const sums = `MMULT(IF(ISNUMBER(${block}),${block},0)*${inside},${ones})`;
  const filled = `MMULT(ISNUMBER(${block})*${inside},${ones})`;
  const count = `(COLUMNS(${header})-2)`;
  const values = `IF(LEN(TRIM(${units}))>0,IF(${filled}=${count},${sums},IF(ISNUMBER(${totals}),${totals},-9.99E+307)),-9.99E+307)`;
  return { units, values };
}
/** One row of `Chấm điểm` (its own sheet's): the criteria's sum, how many are filled, how many there are. */
function scoreRow(g: Geometry) {
  const { block, here, between } = rowCells(g, 'scores', g.col('scores', 'unit'), g.col('scores', 'total'));
  // SUMPRODUCT's arrays apart: text in them counts 0.
  return { sum: `SUMPRODUCT(${here}*${between},${block})`, filled: `SUMPRODUCT(${here}*${between}*ISNUMBER(${block}))`, count: `(COLUMNS(${block})-2)` };
}
/** The true total of the unit `x` names, in `Chấm điểm` (a very low number where it has none). */
const scoreOf = (g: Geometry, x: string) => {
  const { units, values } = scoreTable(g, g.ref('scores'));
  return `SUMPRODUCT(MAX(IF(${namesUnit(g, units, x)},${values},-9.99E+307)))`;
};
/**
 * The unit named in `x` (a member) does not lead the bloc by `Chấm điểm`: its own row has a
 * total and another member's row has more (as the engine ranks, on each row's true total).
 */
const notLeading = (g: Geometry, x: string) => {
  const { units, values } = scoreTable(g, g.ref('scores'));
  const isMember = `((COUNTIF(${names(g)},TRIM(${units}))+COUNTIF(${abbrs(g)},TRIM(${units})))>0)`;
  return `AND(${member(g, x)}>0,${scoreOf(g, x)}>-1E+307,SUMPRODUCT(MAX(IF(${isMember},${values},-9.99E+307)))>${scoreOf(g, x)}+0.000001)`;
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

/**
 * A test of the tested cell alone, from conditions that all hold where it is faulty (each written
 * for a cell or an array alike: no AND, OR or NOT inside): the cell's test, and the array over a
 * range (a cell holding an error counts 0, unless `errors` is what the test looks for).
 */
function cellwise(conditions: (x: string) => string[], errors = false): Pick<TemplateCheck, 'test' | 'each'> {
  return {
    test: () => `AND(${conditions('{c}{r}').join(',')})`,
    each: (x) => {
      const all = conditions(x).map((c) => `(${c})`).join('*');
      return errors ? all : `IF(ISERROR(${x}),0,${all})`;
    },
  };
}

/** Every `Thông tin` value, by its label's key. */
const INFO_VALUES = INFO_SHEET.labels.map((l) => l.key);
/** The columns where text is typed, by sheet. */
const TEXT_COLUMNS: [SheetKey, CheckedCells][] = [
  ['info', { info: INFO_VALUES }],
  ['members', { cols: ['unit', 'abbr', 'rating', 'note'] }],
  ['rotation', { cols: ['leader', 'deputy'] }],
  ['scores', { cols: ['unit', 'note'] }],
  ['votes', { cols: ['award', 'unit'] }],
  ['proposals', { cols: ['unit', 'award', 'achievement', 'note'] }],
  ['covenant', { cols: ['unit', 'signed'] }],
  ['stats', { cols: ['indicator', 'unitOfMeasure'] }],
];
/** Every table's input cells. */
const TABLES: [SheetKey, CheckedCells][] = [
  ['info', { info: INFO_VALUES }],
  ...TABLE_SHEETS.map((t): [SheetKey, CheckedCells] => [t.key, { cols: ['*all'], rows: 'all' }]),
];
/** The cells where a date is typed. */
const DATE_CELLS: [SheetKey, CheckedCells][] = [['info', { info: ['meetingDate'] }], ['covenant', { cols: ['date'] }]];
/** A table's required fields, each checked on a row that has something else (its other columns). */
const REQUIRED: [TableKey, string][] = [['members', 'unit'], ['rotation', 'year'], ['rotation', 'leader'], ['scores', 'unit'], ['scores', 'total'], ['votes', 'unit'], ['votes', 'votes'], ['proposals', 'unit'], ['proposals', 'award'], ['covenant', 'unit'], ['stats', 'indicator']];
/**
 * A row of a table with something typed from its second column (past STT, or past the award in
 * `Bình xét`) to its last. Compared with "" (not LEN(TRIM(…))): Gnumeric computes a conditional
 * format's LEN or TRIM of a block of several rows as no array, and coloured every blank row.
 */
const rowFilled = (g: Geometry, sheet: TableKey) => {
  const cols = g.columns(sheet);
  const { block, here } = rowCells(g, sheet, cols[1]!, cols.at(-1)!);
  return `SUMPRODUCT(${here}*(${block}<>""))>0`;
};

export const TEMPLATE_CHECKS: readonly TemplateCheck[] = [
  {
    ruleId: 'cell/required',
    sheet: 'info',
    cells: { info: INFO_SHEET.labels.filter((l) => l.required).map((l) => l.key) },
    test: () => 'LEN(TRIM({c}{r}))=0',
    message: 'Bắt buộc: hãy điền ô này.',
  },
  // A table's required cell left blank on a row that has something else.
  ...REQUIRED.map(([sheet, field]): TemplateCheck => ({
    ruleId: 'cell/required',
    sheet,
    cells: { cols: [field] },
    test: (g) => `AND(LEN(TRIM(${g.col(sheet, field)}{r}))=0,${rowFilled(g, sheet)})`,
    message: 'Bắt buộc trên dòng đã có số liệu.',
  })),
  {
    ruleId: 'cell/required',
    sheet: 'votes',
    cells: { cols: ['award'] },
    // The award on a row with something, where no row above names one (a blank under an award continues it).
    test: (g) => {
      const { full, mask } = above(g, 'votes', 'award');
      return `AND(LEN(TRIM(${g.col('votes', 'award')}{r}))=0,${rowFilled(g, 'votes')},SUMPRODUCT((LEN(TRIM(${full}))>0)*${mask})=0)`;
    },
    message: 'Ghi hình thức khen thưởng.',
  },
  {
    ruleId: 'cell/required',
    sheet: 'votes',
    cells: { cols: ['present', 'issued', 'returned', 'valid'] },
    // The ballot counts on an award's first row.
    test: (g) => {
      const a = g.col('votes', 'award');
      const { full, mask } = above(g, 'votes', 'award');
      return `AND(LEN(TRIM({c}{r}))=0,LEN(TRIM($${a}{r}))>0,SUMPRODUCT((TRIM(${full})=TRIM($${a}{r}))*${mask})=0)`;
    },
    message: 'Dòng đầu của mỗi hình thức ghi đủ số phiếu.',
  },
  {
    ruleId: 'bloc/member-count-mismatch',
    sheet: 'info',
    cells: { info: ['memberCount'] },
    test: (g) => `AND(ISNUMBER({c}{r}),{c}{r}<>${memberCount(g)})`,
    message: 'Phải bằng số đơn vị trong trang "Thành viên".',
  },
  {
    ruleId: 'refs/unknown-unit',
    sheet: 'info',
    cells: { info: ['leader', 'deputy', 'nextLeader', 'nextDeputy'] },
    test: (g) => unknownUnit(g, '{c}{r}'),
    message: 'Chọn đơn vị trong danh sách thành viên (đúng tên hoặc tên viết tắt trong trang "Thành viên").',
  },
  ...(['scores', 'votes', 'proposals', 'covenant'] as const).map((sheet): TemplateCheck => ({
    ruleId: 'refs/unknown-unit',
    sheet,
    cells: { cols: ['unit'] },
    test: (g) => unknownUnit(g, '{c}{r}'),
    message: 'Đơn vị phải có trong trang "Thành viên".',
  })),
  {
    ruleId: 'members/duplicate',
    sheet: 'members',
    cells: { cols: ['unit'] },
    test: (g) => `AND(LEN(TRIM({c}{r}))>0,COUNTIF(${names(g)},TRIM({c}{r}))>1)`,
    message: 'Mỗi đơn vị chỉ ghi một lần.',
  },
  {
    ruleId: 'rotation/leader-is-deputy',
    sheet: 'info',
    cells: { info: ['deputy', 'nextDeputy'] },
    test: (g) => sameUnit(g, '{c}{r}', '{c}{r-1}'),
    message: 'Phó trưởng khối phải khác Trưởng khối.',
  },
  {
    ruleId: 'rotation/consecutive-term',
    sheet: 'info',
    cells: { info: ['nextLeader'] },
    // Not where this year's leader and deputy are one unit: leader-is-deputy's (one cause, one finding).
    test: (g) => `AND(${sameUnit(g, g.info('nextLeader'), g.info('leader'))},NOT(${leaderIsDeputy(g)}))`,
    message: 'Trưởng khối luân phiên: đơn vị năm nay không làm Trưởng khối năm sau.',
  },
  {
    ruleId: 'votes/candidate-over-valid',
    sheet: 'votes',
    cells: { cols: ['votes'] },
    // The valid ballots are on the award's first row: the last number in their column down to this row.
    test: (g) => {
      const v = g.col('votes', 'votes');
      return `AND(ISNUMBER(${v}{r}),${v}{r}>${lastNumberAbove(g, 'valid', '9.99E+307')})`;
    },
    message: 'Số phiếu đồng ý không được vượt số phiếu hợp lệ.',
  },
  {
    ruleId: 'votes/percent-mismatch',
    sheet: 'votes',
    cells: { cols: ['percent'] },
    // Against the profile's denominator (the members, or the award's members present or valid
    // ballots on its first row) and within the profile's tolerance; more votes than the
    // denominator is the votes' fault, not the percentage's.
    test: (g, s) => {
      const { tolerance } = optionsIn(VOTES_PERCENT, s, 'votes/percent-mismatch');
      const [v, h] = [g.col('votes', 'votes'), g.col('votes', 'percent')];
      const of = s.percentDenominator.of;
      const base = of === 'members' ? memberCount(g) : lastNumberAbove(g, of, '0');
      return `AND(ISNUMBER(${v}{r}),ISNUMBER(${h}{r}),${base}>0,${v}{r}<=${base},ABS(${h}{r}-${v}{r}/${base}*100)>${tolerance}+0.000000001)`;
    },
    message: 'Tỷ lệ (%) = số phiếu đồng ý ÷ mẫu số của bộ quy tắc (mặc định số thành viên) × 100.',
  },
  {
    ruleId: 'scores/total-mismatch',
    sheet: 'scores',
    cells: { cols: ['total'] },
    // Every criterion between the unit and the total, however many (a column inserted among them counts).
    test: (g, s) => {
      const { tolerance } = optionsIn(TOTAL_OPTIONS, s, 'scores/total-mismatch');
      const t = g.col('scores', 'total');
      return `AND(ISNUMBER(${t}{r}),ABS(${t}{r}-${scoreRow(g).sum})>${tolerance}+0.000000001)`;
    },
    message: 'Tổng điểm = tổng điểm các tiêu chí.',
  },
  {
    ruleId: 'scores/over-max',
    sheet: 'scores',
    cells: { cols: ['*criteria'] },
    test: (g) => `AND(ISNUMBER({c}{r}),OR({c}{r}<0,AND(ISNUMBER({c}$${g.maxRow()}),{c}{r}>{c}$${g.maxRow()})))`,
    count: (g) => {
      const [u, t, m] = [g.col('scores', 'unit'), g.col('scores', 'total'), g.maxRow()];
      const { block, here, between } = rowCells(g, 'scores', g.col('scores', 'unit'), g.col('scores', 'total'));
      const max = `$${u}$${m}:$${t}$${m}`;
      return `SUMPRODUCT(${here}*${between}*ISNUMBER(${block})*(((${block})<0)+ISNUMBER(${max})*(IF(ISNUMBER(${block}),${block},0)>IF(ISNUMBER(${max}),${max},9.99E+307))>0))`;
    },
    message: 'Điểm không vượt điểm tối đa (dòng "Điểm tối đa") và không âm.',
  },
  {
    ruleId: 'scores/rank-mismatch',
    sheet: 'scores',
    cells: { cols: ['rank'] },
    // Ranked on each row's true total, as the engine ranks (a wrong total is the total's fault,
    // not every rank's): 1 + the units whose total is higher; competition ranking (1, 2, 2, 4).
    test: (g) => {
      const { values } = scoreTable(g, '');
      const row = scoreRow(g);
      const t = g.col('scores', 'total');
      const own = `IF(${row.filled}=${row.count},${row.sum},${t}{r})`;
      return `AND(ISNUMBER(${g.col('scores', 'rank')}{r}),LEN(TRIM(${g.col('scores', 'unit')}{r}))>0,ISNUMBER(${own}),${g.col('scores', 'rank')}{r}<>1+SUMPRODUCT(--(${values}>${own}+0.000001)))`;
    },
    message: 'Xếp hạng theo tổng điểm: cao nhất là 1, bằng điểm thì cùng hạng.',
  },
  {
    ruleId: 'bloc/size',
    sheet: 'members',
    cells: { cols: ['unit'], rows: 'first' },
    test: (g, s) => `AND(${memberCount(g)}>0,OR(${memberCount(g)}<${s.blocSize.min},${memberCount(g)}>${s.blocSize.max}))`,
    message: 'Số đơn vị thành viên trong khoảng của bộ quy tắc (mặc định từ 3 đến 40).',
  },
  {
    ruleId: 'votes/ballot-order',
    sheet: 'votes',
    cells: { cols: ['valid'] },
    // On an award's first row (its ballot counts): valid ≤ returned ≤ issued ≤ present ≤ members.
    test: (g) => {
      const [b, c, d, e] = (['present', 'issued', 'returned', 'valid'] as const).map((f) => g.col('votes', f));
      return `OR(AND(ISNUMBER(${e}{r}),ISNUMBER(${d}{r}),${e}{r}>${d}{r}),AND(ISNUMBER(${d}{r}),ISNUMBER(${c}{r}),${d}{r}>${c}{r}),AND(ISNUMBER(${c}{r}),ISNUMBER(${b}{r}),${c}{r}>${b}{r}),AND(ISNUMBER(${b}{r}),${memberCount(g)}>0,${b}{r}>${memberCount(g)}))`;
    },
    message: 'Phiếu hợp lệ ≤ phiếu thu về ≤ phiếu phát ra ≤ số thành viên dự ≤ số thành viên.',
  },
  {
    ruleId: 'votes/quorum',
    sheet: 'votes',
    cells: { cols: ['present'] },
    test: (g, s) => `AND(ISNUMBER({c}{r}),${memberCount(g)}>0,{c}{r}<ROUNDUP(${s.quorum.share}*${memberCount(g)}-0.000000001,0))`,
    message: 'Số thành viên dự phải đủ tỷ lệ tối thiểu của bộ quy tắc (mặc định 2/3 số thành viên).',
  },
  {
    ruleId: 'covenant/unsigned',
    sheet: 'covenant',
    cells: { cols: ['signed'] },
    // Blank, or written as not signed (Không, Chưa ký, No, 0, -), on a row that names a unit.
    test: (g) => {
      const c = '{c}{r}';
      return `AND(LEN(TRIM(${g.col('covenant', 'unit')}{r}))>0,OR(LEN(TRIM(${c}))=0,${c}=FALSE,LOWER(TRIM(${c}))="không",LOWER(TRIM(${c}))="khong",LOWER(TRIM(${c}))="chưa ký",LOWER(TRIM(${c}))="chua ky",LOWER(TRIM(${c}))="no",TRIM(${c})="0",TRIM(${c})="-"))`;
    },
    message: 'Ghi "Có" khi đơn vị đã ký giao ước thi đua năm sau.',
  },
  {
    ruleId: 'covenant/unsigned',
    sheet: 'members',
    cells: { cols: ['unit'] },
    // A member missing from a covenant list that has names (by its name or its abbreviation).
    test: (g) => namedNowhere(g, '{c}{r}', g.range('covenant', 'unit')),
    message: 'Mỗi thành viên có một dòng trong trang "Giao ước".',
  },
  {
    ruleId: 'awards/government-flag',
    sheet: 'proposals',
    cells: { cols: ['award'] },
    // A second proposal of the Government's flag (one a year for a bloc, by the Law).
    test: (g) => `AND(LEN(TRIM(${g.col('proposals', 'unit')}{r}))>0,${isGovernmentFlag(g, '{c}{r}')},${proposalsOf(g, true, [['awardKind', '=', '"flag"'], ['awardLevel', '=', '"national"']])}>1)`,
    message: 'Cờ thi đua của Chính phủ: đề nghị cho một đơn vị dẫn đầu khối.',
  },
  {
    ruleId: 'awards/government-flag',
    sheet: 'proposals',
    cells: { cols: ['unit'] },
    // The first proposal of the Government's flag, for a unit another member outscores.
    test: (g) => {
      const a = `${g.col('proposals', 'award')}{r}`;
      return `AND(${isGovernmentFlag(g, a)},${proposalsOf(g, false, [['awardKind', '=', '"flag"'], ['awardLevel', '=', '"national"']])}=0,${notLeading(g, '{c}{r}')})`;
    },
    message: 'Cờ thi đua của Chính phủ chỉ dành cho đơn vị dẫn đầu khối (tổng điểm cao nhất).',
  },
  {
    ruleId: 'awards/leading-rank',
    sheet: 'proposals',
    cells: { cols: ['unit'] },
    // A leading unit's award (Cờ thi đua dẫn đầu khối…) for a unit another member outscores.
    test: (g) => {
      const a = `${g.col('proposals', 'award')}{r}`;
      return `AND(${awardField(g, a, 'awardLeading')}=1,NOT(${isGovernmentFlag(g, a)}),${notLeading(g, '{c}{r}')})`;
    },
    message: 'Cờ dẫn đầu khối chỉ dành cho đơn vị có tổng điểm cao nhất trong trang "Chấm điểm".',
    scope: { vi: 'đơn vị dẫn đầu theo Chấm điểm', en: 'the leading unit by Chấm điểm' },
  },
  {
    ruleId: 'awards/quota',
    sheet: 'proposals',
    cells: { cols: ['award'] },
    // Past the profile's quotas: the province's flags (a share of the members, at least its
    // minimum), the leading flags, and Bằng khen where the profile sets a share.
    test: (g, s) => {
      const { provinceFlags, leadingFlags, certificates } = s.quota;
      const isProvinceFlag = `AND(${awardField(g, '{c}{r}', 'awardKind')}="flag",${awardField(g, '{c}{r}', 'awardLevel')}<>"national")`;
      const over = [
        `AND(${isProvinceFlag},${proposalsOf(g, true, [['awardKind', '=', '"flag"'], ['awardLevel', '<>', '"national"']])}>MAX(${provinceFlags.min},INT(${provinceFlags.share}*${memberCount(g)}+0.000000001)))`,
        `AND(${isProvinceFlag},${awardField(g, '{c}{r}', 'awardLeading')}=1,${proposalsOf(g, true, [['awardKind', '=', '"flag"'], ['awardLevel', '<>', '"national"'], ['awardLeading', '=', '1']])}>${leadingFlags.max})`,
        ...(certificates.share === null ? [] : [`AND(${awardField(g, '{c}{r}', 'awardKind')}="certificate",${proposalsOf(g, true, [['awardKind', '=', '"certificate"']])}>INT(${certificates.share}*${memberCount(g)}+0.000000001))`]),
      ];
      return `AND(LEN(TRIM(${g.col('proposals', 'unit')}{r}))>0,OR(${over.map((o) => `IFERROR(${o},FALSE)`).join(',')}))`;
    },
    message: 'Số cờ và Bằng khen đề nghị không vượt chỉ tiêu của bộ quy tắc.',
  },
  {
    ruleId: 'awards/rank-order',
    sheet: 'proposals',
    cells: { cols: ['award'] },
    // A higher award (the profile's precedence) than a member proposed here and outscoring
    // this one in `Chấm điểm` gets: each unit's true total by its name as `Chấm điểm` writes it.
    test: (g) => {
      const { units: scored, values } = scoreTable(g, g.ref('scores'));
      const [u, a] = [g.col('proposals', 'unit'), g.col('proposals', 'award')];
      const [first, last] = [g.first('proposals'), g.last('proposals')];
      const units = `TRIM($${u}$${first}:$${u}$${last})`;
      const awards = `TRIM($${a}$${first}:$${a}$${last})`;
      // Each proposal's unit against each row of Chấm điểm: the rows it names, and their totals.
      const named = `(${units}=TRANSPOSE(TRIM(${scored})))`;
      const totalOf = `MMULT(--${named},IF(${values}>-1E+307,${values},0))`;
      const scoredOnce = `(COUNTIF(${scored},${units})=1)*(MMULT(--${named},--(${values}>-1E+307))=1)`;
      const isMember = `((COUNTIF(${names(g)},${units})+COUNTIF(${abbrs(g)},${units}))>0)`;
      const known = `(COUNTIF(${g.list('awardName')},${awards})>0)`;
      const lower = `(SUMIF(${g.list('awardName')},${awards},${g.list('awardPrecedence')})>${awardField(g, '{c}{r}', 'awardPrecedence')})`;
      const own = `TRIM(${u}{r})`;
      return `AND(${member(g, `${u}{r}`)}>0,COUNTIF(${scored},${own})=1,${scoreOf(g, `${u}{r}`)}>-1E+307,SUMPRODUCT(${isMember}*${scoredOnce}*${known}*${lower}*(${totalOf}>${scoreOf(g, `${u}{r}`)}+0.000001))>0)`;
    },
    message: 'Đơn vị xếp trên (tổng điểm cao hơn) không nhận hình thức thấp hơn đơn vị xếp dưới.',
    scope: { vi: 'đơn vị ghi cùng tên ở Chấm điểm và Đề nghị khen thưởng', en: 'units named alike in Chấm điểm and Đề nghị khen thưởng' },
  },
  {
    ruleId: 'awards/one-per-unit',
    sheet: 'proposals',
    cells: { cols: ['award'] },
    // A unit already proposed on a row above, by the same name or the member's other name.
    test: (g) => {
      const u = g.col('proposals', 'unit');
      const { full, mask } = above(g, 'proposals', 'unit');
      return `AND(LEN(TRIM(${u}{r}))>0,SUMPRODUCT(${namesUnit(g, full, `${u}{r}`)}*${mask})>0)`;
    },
    message: 'Mỗi đơn vị chỉ được đề nghị một hình thức khen thưởng.',
  },
  {
    ruleId: 'awards/rating-required',
    sheet: 'proposals',
    cells: { cols: ['unit'] },
    // A member proposed for an award of the catalog, rated below HTXSNV in `Thành viên`.
    test: (g) => `AND(ISNUMBER(MATCH(TRIM(${g.col('proposals', 'award')}{r}),${g.list('awardName')},0)),${member(g, '{c}{r}')}>0,${ratingCode(g, `INDEX(${g.range('members', 'rating')},MAX(1,${member(g, '{c}{r}')}))`)}<>"HTXSNV")`,
    message: 'Đơn vị được đề nghị khen thưởng phải xếp loại "Hoàn thành xuất sắc nhiệm vụ" (cột Xếp loại, trang "Thành viên").',
  },
  {
    ruleId: 'awards/excellent-share',
    sheet: 'members',
    cells: { cols: ['rating'] },
    // From the profile's year: HTXSNV past its share of the members rated HTTNV or better.
    test: (g, s) => {
      const { max, fromYear } = s.excellentShare;
      const d = g.col('members', 'rating');
      const count = (codes: string[]) => codes.map((c) => `SUMPRODUCT(COUNTIF($${d}$${g.first('members')}:$${d}$${g.last('members')},${g.list('ratingText')})*(${g.list('ratingCode')}="${c}"))`).join('+');
      const year = infoRef(g, 'year');
      return `AND(ISNUMBER(${year}),${year}>=${fromYear},${ratingCode(g, '{c}{r}')}="HTXSNV",${count(['HTXSNV'])}>INT(${max}*(${count(['HTXSNV', 'HTTNV'])})+0.000000001))`;
    },
    message: 'Số đơn vị xếp loại "Hoàn thành xuất sắc nhiệm vụ" không vượt tỷ lệ của bộ quy tắc.',
  },
  {
    ruleId: 'votes/below-threshold',
    sheet: 'votes',
    cells: { cols: ['votes'] },
    // A candidate proposed (same unit, same award) with fewer votes than the profile's
    // threshold for that kind of award: flags at least, others more than, a share of members.
    test: (g, s) => {
      const [f, v] = [g.col('votes', 'unit'), g.col('votes', 'votes')];
      const award = votesAward(g);
      const proposed = `SUMPRODUCT((TRIM(${g.range('proposals', 'award')})=TRANSPOSE(${g.list('awardName')}))*(TRANSPOSE(${g.list('awardId')})=${awardField(g, award, 'awardId')})*${namesUnit(g, g.range('proposals', 'unit'), `${f}{r}`)})>0`;
      const share = `${v}{r}/${memberCount(g)}`;
      return `AND(ISNUMBER(${v}{r}),LEN(TRIM(${f}{r}))>0,${memberCount(g)}>0,${proposed},IF(${awardField(g, award, 'awardKind')}="flag",${share}<${s.approval.flags}-0.000000001,${share}<=${s.approval.others}+0.000000001))`;
    },
    message: 'Đơn vị được đề nghị phải đạt tỷ lệ phiếu của bộ quy tắc (mặc định: cờ từ 80 %, hình thức khác trên 50 % số thành viên).',
  },
  {
    ruleId: 'votes/missing',
    sheet: 'proposals',
    cells: { cols: ['unit'] },
    // A proposed unit that no row of `Bình xét` names at all (the engine also matches the award).
    test: (g) => namedNowhere(g, '{c}{r}', g.range('votes', 'unit'), false),
    message: 'Đơn vị được đề nghị phải có kết quả bỏ phiếu trong trang "Bình xét".',
    scope: { vi: 'chỉ đơn vị không dòng nào của Bình xét ghi tên', en: 'only a unit no row of Bình xét names' },
  },
  {
    ruleId: 'votes/inconsistent-ballots',
    sheet: 'votes',
    cells: { cols: ['present', 'issued', 'returned', 'valid'] },
    // A count on a row under its award's first row (the first row naming that award) that
    // differs from the first row's.
    test: (g) => {
      const a = g.col('votes', 'award');
      const last = g.last('votes');
      const head = `MATCH(${votesAward(g)},$${a}$1:$${a}$${last},0)`;
      return `AND(ISNUMBER({c}{r}),${head}<>ROW({c}{r}),ISNUMBER(INDEX({c}$1:{c}$${last},${head})),{c}{r}<>INDEX({c}$1:{c}$${last},${head}))`;
    },
    message: 'Các dòng của cùng một hình thức ghi cùng số phiếu như dòng đầu, hoặc để trống.',
  },
  {
    ruleId: 'bloc/meeting-date',
    sheet: 'info',
    cells: { info: ['meetingDate'] },
    test: (g, s) => {
      const [sm, sd] = s.meetingWindow.start.split('-').map(Number);
      const [em, ed] = s.meetingWindow.end.split('-').map(Number);
      const wraps = s.meetingWindow.end < s.meetingWindow.start ? 1 : 0;
      const y = g.info('year');
      return `AND(ISNUMBER({c}{r}),ISNUMBER(${y}),OR({c}{r}<DATE(${y},${sm},${sd}),{c}{r}>DATE(${y}+${wraps},${em},${ed})))`;
    },
    message: 'Hội nghị tổng kết họp trong khoảng thời gian của bộ quy tắc (mặc định từ 01/10 năm thi đua đến 31/3 năm sau).',
  },
  {
    ruleId: 'bloc/unknown-province',
    sheet: 'info',
    cells: { info: ['province'] },
    // A province that ended with the 2025 merger, named for a bloc whose conference (or year's
    // end) comes after it (the engine also knows spellings and the provinces that never were).
    test: (g) => {
      const ended = g.list('endedProvinces');
      const [y, m, d] = MERGER_DATE.split('-').map(Number);
      const [date, year] = [g.info('meetingDate'), g.info('year')];
      const p = '{c}{r}';
      return `AND(OR(ISNUMBER(${date}),ISNUMBER(${year})),IF(ISNUMBER(${date}),${date},DATE(N(${year}),12,31))>=DATE(${y},${m},${d}),OR(COUNTIF(${ended},TRIM(${p}))>0,AND(LOWER(LEFT(TRIM(${p}),5))="tỉnh ",COUNTIF(${ended},TRIM(MID(TRIM(${p}),6,99)))>0)))`;
    },
    message: 'Tỉnh đã hợp nhất từ 01/7/2025 (Nghị quyết 202/2025/QH15): ghi tên tỉnh mới.',
    scope: { vi: 'chỉ tỉnh đã hợp nhất từ 01/7/2025', en: 'only the provinces merged on 1 July 2025' },
  },
  {
    ruleId: 'members/not-scored',
    sheet: 'members',
    cells: { cols: ['unit'] },
    test: (g) => namedNowhere(g, '{c}{r}', g.range('scores', 'unit')),
    message: 'Mỗi thành viên có một dòng trong trang "Chấm điểm".',
  },
  {
    ruleId: 'rotation/deputy-succession',
    sheet: 'info',
    cells: { info: ['nextLeader'] },
    // Where the profile has this year's deputy lead next year (not this year's leader's own fault).
    test: (g, s) => {
      const [deputy, next, leader] = [g.info('deputy'), g.info('nextLeader'), g.info('leader')];
      return s.rotation.deputySucceeds ? `AND(LEN(TRIM(${deputy}))>0,LEN(TRIM(${next}))>0,NOT(${leaderIsDeputy(g)}),NOT(${sameUnit(g, deputy, next)}),NOT(${sameUnit(g, leader, next)}))` : 'FALSE';
    },
    message: 'Phó trưởng khối năm nay làm Trưởng khối năm sau (theo bộ quy tắc).',
  },
  ...([['info', { info: ['year', 'memberCount'] }], ['scores', { cols: ['*criteria', 'total', 'rank'], rows: 'all' }], ['votes', { cols: ['present', 'issued', 'returned', 'valid', 'votes', 'percent'] }], ['stats', { cols: ['plan', 'actual', 'percent'] }]] as [SheetKey, CheckedCells][]).map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/number-as-text',
    sheet,
    cells,
    // Text that is digits alone, or digits on both sides of one `.` or `,` (53.211, 48,5).
    ...cellwise((x) => [
      `ISTEXT(${x})`,
      `LEN(TRIM(${x}))>0`,
      `LEN(${withoutDigits(x, '.,')})=0`,
      `LEN(TRIM(${x}))-LEN(SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".",""),",",""))<=1`,
      `ISNUMBER(FIND(LEFT(TRIM(${x}),1),"0123456789"))`,
      `ISNUMBER(FIND(RIGHT(TRIM(${x}),1),"0123456789"))`,
    ]),
    message: 'Ghi số dạng số (không phải chữ).',
    scope: { vi: 'chữ số, có thể với một dấu . hoặc ,', en: 'digits, with at most one . or ,' },
  })),
  ...TEXT_COLUMNS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'text/whitespace',
    sheet,
    cells,
    ...cellwise((x) => [`ISTEXT(${x})`, `LEN(TRIM(${x}))>0`, `LEN(${x})<>LEN(TRIM(${x}))`]),
    message: 'Bỏ dấu cách thừa (đầu, cuối hoặc hai dấu cách liền nhau).',
    scope: { vi: 'dấu cách thường', en: 'ordinary spaces' },
  })),
  ...TEXT_COLUMNS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'text/not-nfc',
    sheet,
    cells,
    // A mark typed apart from its letter (Vietnamese has a precomposed letter for each).
    ...cellwise((x) => [`ISTEXT(${x})`, `LEN(${x})<>LEN(${withoutMarks(x)})`]),
    message: 'Dùng Unicode dựng sẵn (gõ dấu liền với chữ).',
  })),
  ...TABLES.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/formula-error',
    sheet,
    cells,
    ...cellwise((x) => [`ISERROR(${x})`], true),
    message: 'Ô không được có lỗi công thức (#REF!, #DIV/0!, #VALUE!…).',
  })),
  ...(['leader', 'deputy'] as const).map((field): TemplateCheck => ({
    // Luân phiên's leader or deputy of this year or next, against Thông tin's, where both name members.
    ruleId: 'rotation/history-mismatch',
    sheet: 'rotation',
    cells: { cols: [field] },
    test: (g) => {
      const [year, now, next] = [infoRef(g, 'year'), infoRef(g, field), infoRef(g, field === 'leader' ? 'nextLeader' : 'nextDeputy')];
      const a = `${g.col('rotation', 'year')}{r}`;
      const stated = `IF(${a}=${year},${now},IF(${a}=${year}+1,${next},""))`;
      // A year whose leader and deputy are one unit in Thông tin is leader-is-deputy's: not compared.
      const doubtful = `IF(${a}=${year},${leaderIsDeputy(g)},${leaderIsDeputy(g, true)})`;
      return `AND(ISNUMBER(${a}),ISNUMBER(${year}),${member(g, '{c}{r}')}>0,${member(g, stated)}>0,${member(g, '{c}{r}')}<>${member(g, stated)},NOT(${doubtful}))`;
    },
    message: 'Năm nay và năm sau ghi như trang "Thông tin" (Trưởng khối, Phó trưởng khối).',
    scope: { vi: 'đơn vị có trong trang Thành viên', en: 'units in Thành viên' },
  })),
  {
    ruleId: 'cell/out-of-range',
    sheet: 'info',
    cells: { info: ['year'] },
    // Before the profile's first year (the year after next is thidua's to judge: it knows today).
    test: (_g, s) => `AND(ISNUMBER({c}{r}),{c}{r}<${optionsIn(OUT_OF_RANGE, s, 'cell/out-of-range').minYear})`,
    message: 'Năm thi đua là năm được tổng kết.',
    scope: { vi: 'năm trước năm đầu của bộ quy tắc', en: 'a year before the profile\'s first' },
  },
  { ruleId: 'cell/out-of-range', sheet: 'info', cells: { info: ['memberCount'] }, test: () => 'AND(ISNUMBER({c}{r}),{c}{r}<0)', message: 'Số đếm không âm.' },
  {
    ruleId: 'cell/out-of-range',
    sheet: 'votes',
    cells: { cols: ['present', 'issued', 'returned', 'valid', 'votes', 'percent'] },
    // Counts below 0, and Tỷ lệ (%) above 100, on the rows of an award (the rows above the first award are not read).
    test: (g) => {
      const { full, mask } = above(g, 'votes', 'award', true);
      const p = g.col('votes', 'percent');
      return `AND(ISNUMBER({c}{r}),OR({c}{r}<0,AND(COLUMN({c}{r})=COLUMN($${p}{r}),{c}{r}>100.000000001)),SUMPRODUCT((LEN(TRIM(${full}))>0)*${mask})>0)`;
    },
    message: 'Số phiếu không âm; tỷ lệ không quá 100 %.',
  },
  ...DATE_CELLS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/date-as-text',
    sheet,
    cells,
    test: () => dateText('{c}{r}', true),
    message: 'Nhập ngày dạng ngày (ví dụ 30/11/2023 trong ô định dạng ngày), không gõ dạng chữ.',
    scope: { vi: 'ngày/tháng/năm viết liền', en: 'day/month/year with no spaces' },
  })),
  ...DATE_CELLS.map(([sheet, cells]): TemplateCheck => ({
    ruleId: 'cell/invalid-date',
    sheet,
    cells,
    test: () => dateText('{c}{r}', false),
    message: 'Ngày phải có thật (ngày/tháng/năm).',
    scope: { vi: 'ngày/tháng/năm viết liền không có thật', en: 'a day/month/year with no spaces that is no date' },
  })),
  {
    ruleId: 'stats/percent-mismatch',
    sheet: 'stats',
    cells: { cols: ['percent'] },
    test: (g, s) => {
      const { tolerance } = optionsIn(STATS_PERCENT, s, 'stats/percent-mismatch');
      const [d, e] = [g.col('stats', 'plan'), g.col('stats', 'actual')];
      return `AND(ISNUMBER(${d}{r}),ISNUMBER(${e}{r}),ISNUMBER({c}{r}),${d}{r}<>0,ABS({c}{r}-${e}{r}/${d}{r}*100)>${tolerance}+0.000000001)`;
    },
    message: 'Tỷ lệ (%) = Thực hiện ÷ Kế hoạch × 100.',
  },
];

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
  rules.forEach((id, k) => out.push([`A${k + 2}`, id], [`B${k + 2}`, ruleDescription(id)], [`C${k + 2}`, `=${sums.get(id)!.join('+')}`], [`D${k + 2}`, SEVERITY_WORDS.vi[severities.get(id)!]]));
  const last = rules.length + 1;
  out.push(
    ['F1', `=SUMIF(D2:D${last},"<>${SEVERITY_WORDS.vi.info}",C2:C${last})`],
    ['F2', `=SUMIF(D2:D${last},"${SEVERITY_WORDS.vi.info}",C2:C${last})`],
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
