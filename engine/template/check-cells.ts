/**
 * The template's own checks of what is typed in a cell (checks.ts): numbers typed as text,
 * spaces and letters typed apart from their marks, formula errors, the rotation's history,
 * figures out of range, dates and the statistics' percentages.
 */
import { OPTIONS as OUT_OF_RANGE } from '../rules/cell/out-of-range';
import { OPTIONS as STATS_PERCENT } from '../rules/stats/percent-mismatch';
import type { SheetKey } from './spec';
import { optionsIn, withoutMarks, above, leaderIsDeputy, infoRef, member, dateText, withoutDigits, cellwise, TEXT_COLUMNS, TABLES, DATE_CELLS } from './formulas';
import type { CheckedCells, TemplateCheck } from './checks';

export const CELL_CHECKS: readonly TemplateCheck[] = [
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
