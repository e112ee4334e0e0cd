import { columnLetters, fromA1 } from '../model/grid';
import { PROVINCES_BEFORE_2025, PROVINCES_FROM_2025, provincesInForce } from '../profiles/provinces';
import type { Settings } from '../profiles/schema';
import { parseVietnameseNumber } from './values';
import { type ColumnSpec, type FieldKey, INFO_SHEET, RATINGS, SCORE_MAX_LABELS, type SheetKey, TABLE_SHEETS } from './spec';

/**
 * The blank template (template.md, "What thidua template writes") as data: sheets with their
 * title, headers, widths, pre-filled values and, per column, the data validation and input
 * prompt that help a person typing. `thidua template` writes it with ExcelJS and the pane's
 * "Tạo mẫu" with Office.js, so both make the same workbook.
 */

export type Validation =
  | { type: 'list'; values: string[] }
  /**
   * The members' names (and abbreviations) for a unit (`range`: the template's list of both in
   * `Danh mục`, or the workbook's own member names); with `othersAllowed`, a unit off the list is
   * taken after a note (a former member in `Luân phiên`).
   */
  | { type: 'members'; range: string; othersAllowed?: boolean }
  /** Values from a range of another sheet (`'Danh mục'!$A$3:$A$36`): a list too long to write inline. */
  | { type: 'range'; range: string }
  | { type: 'whole'; min: number; max?: number }
  | { type: 'decimal'; min: number }
  | { type: 'date' };

export interface LayoutColumn {
  /** As written: a required column's ends with ` (*)` (the reader ignores it). */
  header: string;
  /** The field the reader takes the column for (the spec's key); none for the bloc's own criteria. */
  key?: FieldKey;
  /** One of `Chấm điểm`'s criteria (the bloc's own columns between the unit and the total). */
  criterion?: true;
  /** `Danh mục`: the list the column holds, as the checks look it up. */
  list?: ListKey;
  width: number;
  prompt: string;
  validation?: Validation;
  /** A formula for each input row, `{r}` standing for the row's number; the user may type over it. */
  formula?: string;
  /** The number format of the input rows. */
  numFmt?: string;
}

/** The lists of `Danh mục`, one per column: what the drop-downs and the checks read. */
export type ListKey = 'provinces' | 'profiles' | 'awardName' | 'awardId' | 'awardKind' | 'awardLevel' | 'awardLeading' | 'endedProvinces' | 'ratingText' | 'ratingCode' | 'awardPrecedence' | 'unitsTyped' | 'units';

/** Dates as Vietnamese write them, whatever the computer's own setting. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** The mark of a required header or label, as Vietnamese forms mark one. */
export const REQUIRED_MARK = ' (*)';

export interface LayoutSheet {
  /** The sheet's key in the spec (`lists` for `Danh mục`). */
  key: SheetKey | 'lists';
  name: string;
  title: string;
  /** Row of the headers (1-based); data starts below it. Thông tin has labels in A, values in B. */
  headerRow: number;
  columns: LayoutColumn[];
  /** Values of the data rows, from `headerRow + 1`. */
  rows: (string | number | undefined)[][];
  /** How many rows below the header carry the validations. */
  inputRows: number;
  /** How many of them are drawn as a form (borders) and carry the formulas and the checks: what prints. */
  formRows: number;
  /** Thông tin: the validation of each row's value (column B), beside `rows`. */
  valueValidations?: ({ validation: Validation; prompt: string; numFmt?: string } | undefined)[];
  /** A sheet of lists the drop-downs read from, hidden from the user. */
  hidden?: boolean;
  /** Cells that compute (`Danh mục`'s list of units from `Thành viên`): formulas, some array formulas. */
  cells?: { address: string; formula: string; array?: boolean }[];
}

export interface TemplatePrefill {
  province?: string;
  year?: number;
  blocName?: string;
  members?: string[];
  /** The profile the template's checks follow, written in `Bộ quy tắc` so the engine follows it too. */
  profile?: string;
  /** The bloc's criteria of `Chấm điểm`, each with its maximum (`--criteria`; default the profile's, or three to rename). */
  criteria?: Criterion[];
}

/** A criterion of `Chấm điểm` as `--criteria` gives it: its name and its maximum points. */
export interface Criterion {
  name: string;
  max?: number;
}

/**
 * Criteria as a user writes them (`--criteria`, the pane's box): `Tên 1:200;Tên 2:500`, or one per
 * line; each maximum read as the reader reads a number (`1.000`, `50,5`), and may be left out.
 * What is wrong, in both languages, where the text is not that.
 */
export function parseCriteria(text: string): { criteria: Criterion[] } | { error: { vi: string; en: string } } {
  const items = text.split(/[;\n]/).map((c) => c.trim()).filter((c) => c !== '');
  const criteria: Criterion[] = [];
  for (const c of items) {
    const at = c.lastIndexOf(':');
    const name = (at < 0 ? c : c.slice(0, at)).trim();
    const written = at < 0 ? '' : c.slice(at + 1).trim();
    const max = written === '' ? undefined : (parseVietnameseNumber(written) ?? NaN);
    if (name === '' || (max !== undefined && !(Number.isFinite(max) && max > 0))) {
      return { error: { vi: `"${c}" phải là "tên tiêu chí:điểm tối đa", ví dụ "Công tác tuyên truyền:200".`, en: `"${c}" must be "criterion name:maximum points", e.g. "Propaganda:200".` } };
    }
    criteria.push({ name, ...(max !== undefined ? { max } : {}) });
  }
  if (criteria.length === 0) return { error: { vi: 'Cần ít nhất một tiêu chí.', en: 'At least one criterion is needed.' } };
  if (criteria.length > MAX_CRITERIA) return { error: { vi: `Nhiều nhất ${MAX_CRITERIA} tiêu chí.`, en: `At most ${MAX_CRITERIA} criteria.` } };
  if (new Set(criteria.map((c) => c.name.toLowerCase())).size < criteria.length) return { error: { vi: 'Mỗi tiêu chí một tên khác nhau.', en: 'Each criterion needs a name of its own.' } };
  return { criteria };
}

/** The most criteria a template has (as many as a profile may list). */
export const MAX_CRITERIA = 30;

/** The criteria a template has when none is given: three to rename. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [{ name: 'Tiêu chí 1' }, { name: 'Tiêu chí 2' }, { name: 'Tiêu chí 3' }];

/**
 * Rows of a table where a bloc types its units, drawn as a form and checked: room for the
 * bloc's members (`--members`) and for the largest bloc the profile allows.
 */
export function tableRows(settings: Settings, members = 0): number {
  return Math.max(members, settings.blocSize.max);
}
/** `Bình xét` has a row per award and candidate: the members' rows and twenty more. */
export const EXTRA_VOTE_ROWS = 20;
/** The member list's range in a workbook whose member sheet is `sheet`, its names in `col` from `firstRow`. */
export function memberListRange(sheet: string, col: number, firstRow: number, rows: number): string {
  const c = columnLetters(col);
  return `'${sheet.replace(/'/g, "''")}'!$${c}$${firstRow}:$${c}$${firstRow + rows - 1}`;
}
/** Where `Thành viên` has a field, as the template writes it (its columns in the spec's order). */
const memberColumn = (key: string) => columnLetters(TABLE_SHEETS[0]!.columns.findIndex((c) => c.key === key) + 1);

/**
 * `Danh mục`'s list of units (from row 3, in the columns `typed` and `units`): `typed` takes each
 * name of `Thành viên`, then each abbreviation, as typed; `units` gathers the ones typed, one after
 * another, for the drop-downs (array formulas: the k-th filled cell of `typed`).
 */
function unitListCells(rows: number, typed: string, units: string): { address: string; formula: string; array?: boolean }[] {
  const member = (col: string, i: number) => `'${TABLE_SHEETS[0]!.name}'!$${col}$${3 + i}`;
  const copies = Array.from({ length: 2 * rows }, (_, i) => {
    const cell = i < rows ? member(memberColumn('unit'), i) : member(memberColumn('abbr'), i - rows);
    return { address: `${typed}${3 + i}`, formula: `IF(LEN(TRIM(${cell}))=0,"",TRIM(${cell}))` };
  });
  const all = `$${typed}$3:$${typed}$${2 + 2 * rows}`;
  const gathered = Array.from({ length: 2 * rows }, (_, k) => ({ address: `${units}${3 + k}`, formula: `IFERROR(INDEX(${all},SMALL(IF(LEN(${all})>0,ROW(${all})-2),${k + 1})),"")`, array: true }));
  return [...copies, ...gathered];
}

/** The hidden sheet of the lists too long for a drop-down written inline (Excel: 255 characters). */
export const LISTS_SHEET = 'Danh mục';

/**
 * The profile's award catalog as `Danh mục` lists it for the template's own checks (columns
 * C–G from row 3): every name an award goes by (its own and its aliases), with the award's id,
 * kind, level and whether that name is the leading unit's.
 */
export function awardTable(settings: Settings): [name: string, id: string, kind: string, level: string, leading: number][] {
  return settings.awards.flatMap((a) => [
    [a.name, a.id, a.kind, a.level, a.leading ? 1 : 0] as [string, string, string, string, number],
    ...a.aliases.map((x): [string, string, string, string, number] => (typeof x === 'string' ? [x, a.id, a.kind, a.level, a.leading ? 1 : 0] : [x.name, a.id, a.kind, a.level, a.leading || x.leading ? 1 : 0])),
  ]);
}

/** Each row of `awardTable`'s award in the profile's precedence (0 the highest; `Danh mục` column K). */
export function awardPrecedence(settings: Settings): number[] {
  const order = settings.precedence.order;
  return awardTable(settings).map(([, id]) => (order.includes(id) ? order.indexOf(id) : order.length));
}

/**
 * The ratings as the reader knows them (`Danh mục` columns I–J from row 3): each code, its words
 * and its words without diacritics, with the code they stand for.
 */
export const RATING_TABLE: readonly [text: string, code: string][] = Object.entries(RATINGS).flatMap(([code, words]): [string, string][] => [
  [code, code],
  [words, code],
  [words.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'), code],
]);

/** The provinces that ended with the 2025 merger (`Danh mục` column H from row 3). */
export const ENDED_PROVINCES: readonly string[] = PROVINCES_BEFORE_2025.filter((p) => !PROVINCES_FROM_2025.includes(p));

function validationFor(col: ColumnSpec, awards: string[], memberList: string, sheet: string): Validation | undefined {
  // Luân phiên's units may be former members: offered the members, any other taken after a note.
  if (sheet === 'rotation' && (col.key === 'leader' || col.key === 'deputy')) return { type: 'members', range: memberList, othersAllowed: true };
  switch (col.type) {
    case 'award':
      return { type: 'list', values: awards };
    case 'unit':
      return { type: 'members', range: memberList };
    case 'rating':
      return { type: 'list', values: Object.keys(RATINGS) };
    case 'signed':
      return { type: 'list', values: ['Có', 'Không'] };
    case 'integer':
      return { type: 'whole', min: 0 };
    case 'year':
      return { type: 'whole', min: 2000, max: 2100 };
    case 'number':
    case 'percent':
      return { type: 'decimal', min: 0 };
    case 'date':
      return { type: 'date' };
    default:
      return undefined;
  }
}

/**
 * A column's width in characters: names whole (they wrap past it), counts narrow under a
 * wrapped header, so that each table prints on A4 at a size one reads (landscape at most ~150).
 */
function width(c: ColumnSpec): number {
  if (c.key === 'unit' || c.type === 'unit' || c.key === 'leader' || c.key === 'deputy') return 36;
  if (c.type === 'award' || c.key === 'indicator' || c.key === 'achievement') return 34;
  if (c.key === 'index') return 6;
  if (c.type === 'integer' || c.type === 'number' || c.type === 'percent' || c.type === 'year') return 11;
  return Math.max(10, Math.min(20, c.header.length + 4));
}

/** The height of a header row (points) that shows each header whole, wrapped in its column. */
export function headerHeight(columns: readonly LayoutColumn[]): number {
  const lines = Math.max(1, ...columns.map((c) => Math.ceil((c.header.length * 1.15) / Math.max(1, c.width - 1))));
  return 15 * lines + 4;
}

/** A value's drop-down or check on `Thông tin`, by its label. */
function infoValidation(key: string, provinces: string, profiles: string[], memberList: string): { validation: Validation; prompt: string; numFmt?: string } | undefined {
  switch (key) {
    case 'province':
      return { validation: { type: 'range', range: provinces }, prompt: 'Chọn tỉnh/thành phố trong danh sách' };
    case 'year':
      return { validation: { type: 'whole', min: 2000, max: 2100 }, prompt: 'Năm được tổng kết, ví dụ 2023' };
    case 'meetingDate':
      return { validation: { type: 'date' }, prompt: 'Ngày/tháng/năm', numFmt: DATE_FORMAT };
    case 'memberCount':
      return { validation: { type: 'whole', min: 0 }, prompt: 'Số đơn vị trong trang "Thành viên"' };
    case 'leader':
    case 'deputy':
    case 'nextLeader':
    case 'nextDeputy':
      return { validation: { type: 'members', range: memberList }, prompt: 'Chọn đơn vị trong danh sách thành viên' };
    case 'profile':
      return { validation: { type: 'list', values: profiles }, prompt: 'Bỏ trống để dùng bộ quy tắc của tỉnh (mặc định: quoc-gia)' };
    default:
      return undefined;
  }
}

const marked = (c: { header: string; required: boolean }) => (c.required ? `${c.header}${REQUIRED_MARK}` : c.header);

/**
 * The template, with the award names of a profile's catalog for the drop-down, the provinces
 * in force for the year (63 before the merger of 1/7/2025, 34 after; today's when no year is
 * given) and the built-in profiles.
 */
export interface LayoutOptions {
  today: string;
  profiles: string[];
  /** Where the member drop-downs read from, when the workbook has its member sheet already (default: the template's). */
  memberList?: string;
}

export function templateLayout(settings: Settings, prefill: TemplatePrefill = {}, options: LayoutOptions = { today: new Date().toISOString().slice(0, 10), profiles: ['quoc-gia'] }): LayoutSheet[] {
  const awardNames = settings.awards.map((a) => a.name);
  // The profile picked among the drop-down's, a province's own file among them.
  const profiles = prefill.profile && !options.profiles.includes(prefill.profile) ? [...options.profiles, prefill.profile] : options.profiles;
  const awards = awardTable(settings);
  const precedence = awardPrecedence(settings);
  const members = prefill.members ?? [];
  const rows = tableRows(settings, members.length);
  const memberList = options.memberList ?? memberListRange(TABLE_SHEETS[0]!.name, fromA1(`${memberColumn('unit')}1`)!.col, 3, rows);
  // A bloc's year is summed up at its end, or in the January after: the provinces of 31/12.
  const provinces = provincesInForce(prefill.year !== undefined ? `${prefill.year}-12-31` : options.today);
  const listColumn = (header: string, width: number, list: ListKey): LayoutColumn => ({ header, width, prompt: '', list });
  const listColumns = [
    listColumn('Tỉnh/Thành phố', 24, 'provinces'),
    listColumn('Bộ quy tắc', 16, 'profiles'),
    listColumn('Hình thức khen thưởng', 40, 'awardName'),
    listColumn('Mã', 20, 'awardId'),
    listColumn('Loại', 10, 'awardKind'),
    listColumn('Cấp', 10, 'awardLevel'),
    listColumn('Dẫn đầu', 8, 'awardLeading'),
    listColumn('Tỉnh đã hợp nhất (từ 01/7/2025)', 24, 'endedProvinces'),
    listColumn('Xếp loại', 30, 'ratingText'),
    listColumn('Mã xếp loại', 12, 'ratingCode'),
    listColumn('Thứ bậc hình thức', 10, 'awardPrecedence'),
    listColumn('Tên và tên viết tắt đã gõ', 30, 'unitsTyped'),
    listColumn('Đơn vị (danh sách chọn)', 30, 'units'),
  ];
  const listLetters = (list: ListKey) => columnLetters(listColumns.findIndex((c) => c.list === list) + 1);
  // The units a drop-down offers: each member's name, then each abbreviation (gathered in Danh
  // mục from `Thành viên` by formulas), or the workbook's own member names.
  const unitChoices = options.memberList ?? `'${LISTS_SHEET}'!$${listLetters('units')}$3:$${listLetters('units')}$${2 + 2 * rows}`;
  const lists: LayoutSheet = {
    key: 'lists',
    name: LISTS_SHEET,
    title: 'DANH MỤC DÙNG CHO DANH SÁCH CHỌN (không sửa)',
    headerRow: 2,
    columns: listColumns,
    rows: Array.from({ length: Math.max(provinces.length, profiles.length, awards.length, ENDED_PROVINCES.length, RATING_TABLE.length) }, (_, i) => [
      provinces[i], profiles[i], ...(awards[i] ?? [undefined, undefined, undefined, undefined, undefined]), ENDED_PROVINCES[i], ...(RATING_TABLE[i] ?? [undefined, undefined]), precedence[i],
    ]),
    inputRows: 0,
    formRows: 0,
    hidden: true,
    ...(options.memberList ? {} : { cells: unitListCells(rows, listLetters('unitsTyped'), listLetters('units')) }),
  };
  const provinceRange = `'${LISTS_SHEET}'!$A$3:$A$${2 + provinces.length}`;
  const info: LayoutSheet = {
    key: 'info',
    name: INFO_SHEET.name,
    title: INFO_SHEET.title,
    headerRow: 2,
    columns: [
      { header: 'Nội dung', width: 30, prompt: 'Nhãn (không sửa)' },
      { header: 'Giá trị', width: 48, prompt: 'Điền giá trị của từng dòng' },
    ],
    rows: INFO_SHEET.labels.map((l) => {
      const value = l.key === 'province' ? prefill.province : l.key === 'year' ? prefill.year : l.key === 'blocName' ? prefill.blocName : l.key === 'memberCount' && members.length > 0 ? members.length : l.key === 'profile' ? prefill.profile : undefined;
      return [marked(l), value];
    }),
    inputRows: INFO_SHEET.labels.length,
    formRows: INFO_SHEET.labels.length,
    valueValidations: INFO_SHEET.labels.map((l) => infoValidation(l.key, provinceRange, profiles, unitChoices)),
  };
  // Those asked for, else the profile's, else three to rename.
  const criteria = prefill.criteria && prefill.criteria.length > 0 ? prefill.criteria : (settings.criteria?.items ?? DEFAULT_CRITERIA);
  const tables = TABLE_SHEETS.map((spec): LayoutSheet => {
    // One rating per unit: `Thành viên`'s (Chấm điểm's would be a second, free to differ).
    const specColumns = spec.key === 'scores' ? spec.columns.filter((c) => c.key !== 'rating') : spec.columns;
    const columns: LayoutColumn[] = specColumns.map((c) => {
      const validation = spec.key === 'members' && c.key === 'unit' ? undefined : validationFor(c, awardNames, unitChoices, spec.key);
      return { header: marked(c), key: c.key, width: width(c), prompt: c.required ? `Bắt buộc. ${c.prompt}` : c.prompt, ...(validation ? { validation } : {}), ...(validation?.type === 'date' ? { numFmt: DATE_FORMAT } : {}) };
    });
    let values: (string | number | undefined)[][] = [];
    let size = rows;
    if (spec.key === 'members' || spec.key === 'covenant') values = members.map((m, i) => [i + 1, m]);
    if (spec.key === 'votes') size = rows + EXTRA_VOTE_ROWS;
    if (spec.key === 'scores') {
      // The bloc's criteria between the unit and the total, their maxima on the first row.
      const crit = criteria.map((c): LayoutColumn => ({ header: c.name, criterion: true, width: Math.max(12, Math.min(24, c.name.length + 2)), prompt: 'Điểm của tiêu chí (đổi tên cột theo tiêu chí của khối)', validation: { type: 'decimal', min: 0 } }));
      columns.splice(2, 0, ...crit);
      values = [[undefined, SCORE_MAX_LABELS[0], ...criteria.map((c) => c.max)], ...members.map((m, i) => [i + 1, m])];
      size = rows + 1;
    }
    withFormulas(spec.key, columns, settings, memberList);
    return { key: spec.key, name: spec.name, title: spec.title, headerRow: 2, columns, rows: values, inputRows: size, formRows: size };
  });
  return [info, ...tables, lists];
}

/**
 * `Tổng điểm` as the sum of the criteria and `Tỷ lệ (%)` as votes ÷ the profile's denominator
 * × 100 (or result against plan), blank while their figures are: formulas a secretariat may
 * type over.
 */
/** What a formula cell's input message says: it computes itself, and a typed value replaces it. */
export const FORMULA_PROMPT = 'Ô tự tính bằng công thức (nền xám). Gõ số vào ô sẽ thay công thức: chỉ gõ khi cần.';

function withFormulas(key: string, columns: LayoutColumn[], settings: Settings, memberList: string): void {
  const at = (k: string) => {
    const i = columns.findIndex((c) => c.key === k);
    return i < 0 ? undefined : { i, letter: columnLetters(i + 1) };
  };
  if (key === 'scores') {
    // Over every criterion: from the first to the one left of the total.
    const total = at('total')!;
    const first = columnLetters(columns.findIndex((c) => c.criterion) + 1);
    const last = columnLetters(total.i);
    columns[total.i] = { ...columns[total.i]!, prompt: `${FORMULA_PROMPT} Thêm tiêu chí: chọn cột của một tiêu chí (không phải cột Tổng điểm) rồi chèn cột, để công thức tính cả tiêu chí mới.`, formula: `IF(COUNT(${first}{r}:${last}{r})=0,"",SUM(${first}{r}:${last}{r}))` };
  }
  if (key === 'votes') {
    // The profile's denominator: the members, or the award's members present or valid ballots
    // (written on its first row: the last number in that column down to this row).
    const votes = at('votes')!;
    const percent = at('percent')!;
    const of = settings.percentDenominator.of;
    const base = of === 'members' ? `MAX(1,COUNTA(${memberList}))` : `IFERROR(LOOKUP(9.99E+307,$${at(of)!.letter}$3:${at(of)!.letter}{r}),0)`;
    const formula = of === 'members' ? `IF(${votes.letter}{r}="","",ROUND(${votes.letter}{r}/${base}*100,2))` : `IF(OR(${votes.letter}{r}="",${base}=0),"",ROUND(${votes.letter}{r}/${base}*100,2))`;
    columns[percent.i] = { ...columns[percent.i]!, prompt: FORMULA_PROMPT, formula, numFmt: '0.00' };
  }
  if (key === 'stats') {
    const plan = at('plan')!;
    const actual = at('actual')!;
    const percent = at('percent')!;
    columns[percent.i] = { ...columns[percent.i]!, prompt: FORMULA_PROMPT, formula: `IF(OR(${plan.letter}{r}="",${actual.letter}{r}="",${plan.letter}{r}=0),"",ROUND(${actual.letter}{r}/${plan.letter}{r}*100,2))`, numFmt: '0.00' };
  }
}
