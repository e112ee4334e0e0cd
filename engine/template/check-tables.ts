/**
 * The template's own checks of its tables (checks.ts): required cells, members named, the
 * rotation, the scores, the ballot's figures, the bloc's size and the covenant.
 */
import { OPTIONS as TOTAL_OPTIONS } from '../rules/scores/total-mismatch';
import { OPTIONS as VOTES_PERCENT } from '../rules/votes/percent-mismatch';
import { INFO_SHEET } from './spec';
import { optionsIn, names, above, rowCells, memberCount, unknownUnit, sameUnit, leaderIsDeputy, namedNowhere, lastNumberAbove, scoreTable, scoreRow, REQUIRED, rowFilled } from './formulas';
import type { TemplateCheck } from './checks';

export const TABLE_CHECKS: readonly TemplateCheck[] = [
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
];
