/**
 * The template's own checks of the proposals and the ballot that chose them (checks.ts): the
 * Government's flag, quotas, ranks, one award per unit, ratings, thresholds, missing votes,
 * the meeting's date, the province, the units not scored and the deputy's succession.
 */
import { MERGER_DATE } from '../profiles/provinces';
import { names, above, abbrs, memberCount, sameUnit, leaderIsDeputy, infoRef, member, namesUnit, namedNowhere, awardField, proposalsOf, isGovernmentFlag, ratingCode, votesAward, scoreTable, scoreOf, notLeading } from './formulas';
import type { TemplateCheck } from './checks';

export const AWARD_CHECKS: readonly TemplateCheck[] = [
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
];
