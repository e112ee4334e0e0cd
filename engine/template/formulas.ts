/**
 * The building blocks of the template's own checks (checks.ts): formulas over the template's
 * geometry that the programs of interfaces.md evaluate alike, the lists of cells each kind of
 * check reads, and how a rule's options are read from a profile.
 */
import type { z } from 'zod';
import { settingOptions } from '../profiles';
import type { Settings } from '../profiles/schema';
import type { Geometry, TableKey } from './geometry';
import { INFO_SHEET, type SheetKey, TABLE_SHEETS } from './spec';
import type { CheckedCells, TemplateCheck } from './checks';

/** A rule's options in a profile, as its own schema reads them (the defaults where it sets none or none valid). */
export function optionsIn<T extends z.ZodType>(schema: T, s: Settings, id: string): z.infer<T> {
  const parsed = schema.safeParse(settingOptions(s.rules[id]));
  return parsed.success ? parsed.data : schema.parse({});
}

/** The combining marks of Vietnamese: the five tones, circumflex, breve and horn. */
export const COMBINING = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '\u031B'];
/** `x` (a cell or a range) without its combining marks: as long as `x` where `x` is in NFC. */
export const withoutMarks = (x: string) => COMBINING.reduce((f, m) => `SUBSTITUTE(${f},"${m}","")`, x);
/** `x` has no mark typed apart from its letter: what it names can be looked up letter for letter (else text/not-nfc says why). */
export const composed = (x: string) => `LEN(${x})=LEN(${withoutMarks(x)})`;

export const names = (g: Geometry) => g.range('members', 'unit');

/*
 * A row's test reads its own row only through single cells (`B{r}`, `B{r-1}`): the rows above
 * it, or the cells of its row, are a whole column or block of the table with a mask of rows
 * (`above`, `rowCells`). So the same test is a conditional format (the cells relative to its
 * first cell) and `Kiểm tra`'s helper for the k-th row of the table, wherever rows were
 * inserted since (`testAtPosition`: each single cell the k-th of its column).
 */
/** A table's column over its rows, and a mask (an array of 0 and 1) of the rows above the current one (or through it). */
export function above(g: Geometry, sheet: TableKey, field: string, through = false) {
  const c = g.col(sheet, field);
  const full = `$${c}$${g.first(sheet)}:$${c}$${g.last(sheet)}`;
  return { full, mask: `(ROW(${full})${through ? '<=' : '<'}ROW($${c}{r}))` };
}
/**
 * A table's block from column `from` to `to` over its rows, a mask of the current row's cells
 * in it, and of the columns strictly between the two (a column inserted among them is one more).
 */
export function rowCells(g: Geometry, sheet: TableKey, from: string, to: string) {
  const [first, last] = [g.first(sheet), g.last(sheet)];
  const block = `$${from}$${first}:$${to}$${last}`;
  return {
    block,
    here: `(ROW(${block})=ROW($${from}{r}))`,
    between: `(COLUMN(${block})>COLUMN($${from}$${first}))*(COLUMN(${block})<COLUMN($${to}$${first}))`,
  };
}
/** The members' abbreviations, beside their names. */
export const abbrs = (g: Geometry) => g.range('members', 'abbr');
export const memberCount = (g: Geometry) => `COUNTA(${names(g)})`;

/** A unit named in `x` that is neither a member's name nor its abbreviation (exact, after trimming). */
export const unknownUnit = (g: Geometry, x: string) => `AND(LEN(TRIM(${x}))>0,${composed(x)},COUNTIF(${names(g)},TRIM(${x}))+COUNTIF(${abbrs(g)},TRIM(${x}))=0)`;
/** The member row a unit names (by name, else by abbreviation), or `none` when neither. */
export const memberRow = (g: Geometry, x: string, none: number) => `IFERROR(MATCH(TRIM(${x}),${names(g)},0),IFERROR(MATCH(TRIM(${x}),${abbrs(g)},0),${none}))`;
/** Two cells naming the same member (by name or abbreviation), both filled. */
export const sameUnit = (g: Geometry, a: string, b: string) => `AND(LEN(TRIM(${a}))>0,LEN(TRIM(${b}))>0,OR(TRIM(${a})=TRIM(${b}),${memberRow(g, a, -1)}=${memberRow(g, b, -2)}))`;
/**
 * `Thông tin` names one unit as the year's leader and its deputy (this year's, or next year's):
 * rotation/leader-is-deputy's finding, and no other rotation check judges that year. Absolute
 * references (a check of another sheet reads them too).
 */
export const leaderIsDeputy = (g: Geometry, next = false) =>
  next ? sameUnit(g, infoRef(g, 'nextLeader'), infoRef(g, 'nextDeputy')) : sameUnit(g, infoRef(g, 'leader'), infoRef(g, 'deputy'));
/** A `Thông tin` value as another sheet (or a range's check) reads it: `'Thông tin'!$B$5`. */
export const infoRef = (g: Geometry, label: string) => `${g.ref('info')}${g.info(label).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;
/** The member row of `x`, 0 when it names none. */
export const member = (g: Geometry, x: string) => memberRow(g, x, 0);
/**
 * An array over `range` (inside SUMPRODUCT): 1 where the cell names the unit `x` names, by the
 * same text or by the member's other name (its name for an abbreviation, and the reverse), 0
 * elsewhere (blank cells too).
 */
export const namesUnit = (g: Geometry, range: string, x: string) => {
  const name = `IFERROR(INDEX(${names(g)},MATCH(TRIM(${x}),${abbrs(g)},0)),TRIM(${x}))`;
  const abbr = `IFERROR(INDEX(${abbrs(g)},MATCH(TRIM(${x}),${names(g)},0)),TRIM(${x}))`;
  return `(LEN(TRIM(${range}))>0)*((TRIM(${range})=TRIM(${x}))+(TRIM(${range})=${name})+(TRIM(${range})=${abbr})>0)`;
};
/**
 * The unit `x` names (when it names one) is nowhere on the list `range`; with `listed`, only
 * when the list has names (an empty list is another rule's, or none's). A name or a list with a
 * mark typed apart is text/not-nfc's: compared letter for letter, it would be missed wrongly.
 */
export const namedNowhere = (g: Geometry, x: string, range: string, listed = true) =>
  `AND(LEN(TRIM(${x}))>0,${listed ? `COUNTA(${range})>0,` : ''}${composed(x)},SUMPRODUCT(--(LEN(${range})<>LEN(${withoutMarks(range)})))=0,SUMPRODUCT(${namesUnit(g, range, x)})=0)`;

/** A field of the award named in `x` (error when the catalog lacks the name). */
export const awardField = (g: Geometry, x: string, list: 'awardId' | 'awardKind' | 'awardLevel' | 'awardLeading' | 'awardPrecedence') => `INDEX(${g.list(list)},MATCH(TRIM(${x}),${g.list('awardName')},0))`;
/**
 * How many of the proposals in rows `from`–`to` of `Đề nghị khen thưởng` (as references of that
 * sheet) name a unit and an award of the catalog whose fields compare so: each proposal against
 * each name of the catalog, as a table (COUNTIFS with a range for its criterion is one of the
 * functions programs evaluate each in its own way).
 */
export const proposalsOf = (g: Geometry, through: boolean, where: [list: 'awardKind' | 'awardLevel' | 'awardLeading', op: '=' | '<>', value: string][]) => {
  const [units, awards] = [above(g, 'proposals', 'unit', through), above(g, 'proposals', 'award', through)];
  return `SUMPRODUCT((TRIM(${awards.full})=TRANSPOSE(${g.list('awardName')}))*${where.map(([l, op, v]) => `(TRANSPOSE(${g.list(l)})${op}${v})`).join('*')}*(LEN(TRIM(${units.full}))>0)*${units.mask})`;
};
/** The award named in `x` is the Government's flag (a national flag of the catalog). */
export const isGovernmentFlag = (g: Geometry, x: string) => `AND(${awardField(g, x, 'awardKind')}="flag",${awardField(g, x, 'awardLevel')}="national")`;

/** The rating `x` states, as its code (error when the reader would not know it). */
export const ratingCode = (g: Geometry, x: string) => {
  const [text, code] = [g.list('ratingText'), g.list('ratingCode')];
  return `INDEX(${code},IFERROR(MATCH(TRIM(${x}),${text},0),MATCH(SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".","")," ",""),${text},0)))`;
};

/** The award of a `Bình xét` row: the last written in its column down to that row. */
export const votesAward = (g: Geometry) => {
  const a = g.col('votes', 'award');
  const { full, mask } = above(g, 'votes', 'award', true);
  return `INDEX($${a}$1:$${a}$${g.last('votes')},MAX(1,SUMPRODUCT(MAX((LEN(TRIM(${full}))>0)*${mask}*ROW(${full})))))`;
};
/**
 * The last number in a `Bình xét` column down to the current row (an award's ballot counts are
 * on its first row), or `none` where there is none.
 */
export const lastNumberAbove = (g: Geometry, field: string, none: string) => {
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
export function scoreTable(g: Geometry, at: string) {
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
export function scoreRow(g: Geometry) {
  const { block, here, between } = rowCells(g, 'scores', g.col('scores', 'unit'), g.col('scores', 'total'));
  // SUMPRODUCT's arrays apart: text in them counts 0.
  return { sum: `SUMPRODUCT(${here}*${between},${block})`, filled: `SUMPRODUCT(${here}*${between}*ISNUMBER(${block}))`, count: `(COLUMNS(${block})-2)` };
}
/** The true total of the unit `x` names, in `Chấm điểm` (a very low number where it has none). */
export const scoreOf = (g: Geometry, x: string) => {
  const { units, values } = scoreTable(g, g.ref('scores'));
  return `SUMPRODUCT(MAX(IF(${namesUnit(g, units, x)},${values},-9.99E+307)))`;
};
/**
 * The unit named in `x` (a member) does not lead the bloc by `Chấm điểm`: its own row has a
 * total and another member's row has more (as the engine ranks, on each row's true total).
 */
export const notLeading = (g: Geometry, x: string) => {
  const { units, values } = scoreTable(g, g.ref('scores'));
  const isMember = `((COUNTIF(${names(g)},TRIM(${units}))+COUNTIF(${abbrs(g)},TRIM(${units})))>0)`;
  return `AND(${member(g, x)}>0,${scoreOf(g, x)}>-1E+307,SUMPRODUCT(MAX(IF(${isMember},${values},-9.99E+307)))>${scoreOf(g, x)}+0.000001)`;
};
/**
 * `x` is text shaped as day/month/year (separators `/`, `.` or `-`, a four-digit year after
 * 1900), as the reader takes it, and whether that is a real date: a date typed as text, or a
 * date that is none (31/02/2023).
 */
export const dateText = (x: string, real: boolean) => {
  const u = `SUBSTITUTE(SUBSTITUTE(TRIM(${x}),".","/"),"-","/")`;
  const p1 = `FIND("/",${u})`;
  const p2 = `FIND("/",${u},${p1}+1)`;
  const [d, m, y] = [`VALUE(LEFT(${u},${p1}-1))`, `VALUE(MID(${u},${p1}+1,${p2}-${p1}-1))`, `VALUE(MID(${u},${p2}+1,9))`];
  const valid = `AND(${m}>=1,${m}<=12,${d}>=1,DAY(DATE(${y},${m},${d}))=${d})`;
  return `AND(ISTEXT(${x}),LEN(TRIM(${x}))>=8,LEN(${withoutDigits(x, '/.-')})=0,LEN(${u})-LEN(SUBSTITUTE(${u},"/",""))=2,${p1}<=3,${p2}-${p1}<=3,${p2}-${p1}>=2,LEN(${u})-${p2}=4,${y}>1900,${real ? valid : `NOT(${valid})`})`;
};

/** `x` without its digits (and the characters of `also`): nothing is left of a number. */
export const withoutDigits = (x: string, also = '') => [...`0123456789${also}`].reduce((f, d) => `SUBSTITUTE(${f},"${d}","")`, `TRIM(${x})`);

/**
 * A test of the tested cell alone, from conditions that all hold where it is faulty (each written
 * for a cell or an array alike: no AND, OR or NOT inside): the cell's test, and the array over a
 * range (a cell holding an error counts 0, unless `errors` is what the test looks for).
 */
export function cellwise(conditions: (x: string) => string[], errors = false): Pick<TemplateCheck, 'test' | 'each'> {
  return {
    test: () => `AND(${conditions('{c}{r}').join(',')})`,
    each: (x) => {
      const all = conditions(x).map((c) => `(${c})`).join('*');
      return errors ? all : `IF(ISERROR(${x}),0,${all})`;
    },
  };
}

/** Every `Thông tin` value, by its label's key. */
export const INFO_VALUES = INFO_SHEET.labels.map((l) => l.key);
/** The columns where text is typed, by sheet. */
export const TEXT_COLUMNS: [SheetKey, CheckedCells][] = [
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
export const TABLES: [SheetKey, CheckedCells][] = [
  ['info', { info: INFO_VALUES }],
  ...TABLE_SHEETS.map((t): [SheetKey, CheckedCells] => [t.key, { cols: ['*all'], rows: 'all' }]),
];
/** The cells where a date is typed. */
export const DATE_CELLS: [SheetKey, CheckedCells][] = [['info', { info: ['meetingDate'] }], ['covenant', { cols: ['date'] }]];
/** A table's required fields, each checked on a row that has something else (its other columns). */
export const REQUIRED: [TableKey, string][] = [['members', 'unit'], ['rotation', 'year'], ['rotation', 'leader'], ['scores', 'unit'], ['scores', 'total'], ['votes', 'unit'], ['votes', 'votes'], ['proposals', 'unit'], ['proposals', 'award'], ['covenant', 'unit'], ['stats', 'indicator']];
/**
 * A row of a table with something typed from its second column (past STT, or past the award in
 * `Bình xét`) to its last. Compared with "" (not LEN(TRIM(…))): Gnumeric computes a conditional
 * format's LEN or TRIM of a block of several rows as no array, and coloured every blank row.
 */
export const rowFilled = (g: Geometry, sheet: TableKey) => {
  const cols = g.columns(sheet);
  const { block, here } = rowCells(g, sheet, cols[1]!, cols.at(-1)!);
  return `SUMPRODUCT(${here}*(${block}<>""))>0`;
};
