import { checkBatch, checkGrid } from '../../engine/check';
import { summarize } from '../../engine/model/bloc';
import { crossFileJson, fileJson, reportJson, unreadableJson } from '../../engine/report/json';
import { renderMessage } from '../../engine/report/render';
import { ReportJsonSchema } from '../../engine/report/schema';
import { formatReportText } from '../../engine/report/text';
import { render } from '../../formats/render';
import { RULES } from '../../engine/rules';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq as L } from '../../samples/blocs';
import { FAULTY } from '../../samples/faulty';
import { setCell } from '../support/grid';
import { TODAY } from '../support/rule-tester';

function faulty() {
  const g = blocToGrid(L);
  setCell(g, 'Bình xét', 'H4', 100);
  setCell(g, 'Số liệu', 'E3', '53.211');
  return checkGrid(g, { today: TODAY });
}

describe('the JSON report v1', () => {
  test('matches its schema, with places, messages, suggestions and counts', () => {
    const r = faulty();
    const file = fileJson('lai-chau.xlsx', r, 'vi');
    const report = reportJson([file, unreadableJson('hong.xlsx', 'encrypted', 'Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi gửi lại.')], []);
    expect(ReportJsonSchema.parse(report)).toEqual(report);
    expect(file).toMatchObject({ path: 'lai-chau.xlsx', status: 'invalid', bloc: { province: 'Lai Châu', year: 2023 }, profile: { id: 'quoc-gia', version: '2024-01-01' }, counts: { error: 1, warning: 1, info: 0 } });
    expect(file.findings[0]).toMatchObject({ ruleId: 'votes/percent-mismatch', severity: 'error', sheet: 'Bình xét', cell: 'H4', row: 4, column: 'H', suggestion: '83,33' });
    // The denominator is the province's bloc regulation, not law: the finding says so.
    expect(file.findings[0]!.basis).toBe('Căn cứ: quy chế khối thi đua của tỉnh (giá trị thường dùng; tỉnh quy định khác thì theo quy chế của tỉnh)');
    expect(file.findings[0]!.message).toBe('Tỷ lệ của "Hội Liên hiệp Phụ nữ tỉnh" ghi 100 %, nhưng 5 phiếu ÷ 6 thành viên × 100 = 83,33 %. Hãy sửa thành 83,33.');
    expect(report.counts).toEqual({ files: 2, valid: 0, invalid: 1, unreadable: 1, error: 1, warning: 1, info: 0 });
  });

  test('English on request', () => {
    const file = fileJson('x.xlsx', faulty(), 'en');
    expect(file.findings[0]!.message).toBe('The percentage for "Hội Liên hiệp Phụ nữ tỉnh" says 100 %, but 5 votes ÷ 6 members × 100 = 83.33 %. Correct it to 83.33.');
    expect(file.findings[0]!.basis).toBe('Basis (the province\'s bloc regulation): quy chế khối thi đua của tỉnh (giá trị thường dùng; tỉnh quy định khác thì theo quy chế của tỉnh)');
  });

  test('a finding cites the law in force on the conference date: Luật 2003, Điều 6 before 2024, Luật 2022, Điều 5 from then', () => {
    const twoAwards = FAULTY.find((f) => f.id === 'ninh-thuan-hoi-dac-thu-hai-hinh-thuc')!;
    const basisOn = (date: string | undefined, lang: 'vi' | 'en') => {
      const grid = twoAwards.grid();
      if (date) setCell(grid, 'Thông tin', 'B9', { date });
      return fileJson('x.xlsx', checkGrid(grid, { today: TODAY }), lang).findings.find((f) => f.ruleId === 'awards/one-per-unit')?.basis;
    };
    expect(basisOn(undefined, 'vi')).toBe('Căn cứ: Luật Thi đua, khen thưởng 2003, Điều 6 (khoản 2 điểm b, sửa đổi bởi Luật 39/2013/QH13)'); // 27/12/2023
    expect(basisOn('2024-01-10', 'vi')).toBe('Căn cứ: Luật Thi đua, khen thưởng 2022, Điều 5');
    expect(basisOn('2024-01-10', 'en')).toBe('Basis: Luật Thi đua, khen thưởng 2022, Điều 5');
  });

  test('a finding\'s cell, row and column always agree', () => {
    for (const f of faulty().findings) {
      if (f.cell === undefined) continue;
      expect(f.cell).toBe(`${f.column}${f.row}`);
    }
  });

  test('cross-file findings are counted', () => {
    const r = checkGrid(blocToGrid(L), { today: TODAY });
    const cross = checkBatch([{ id: 'a', bloc: summarize(r.model), settings: r.settings }, { id: 'b', bloc: summarize(r.model), settings: r.settings }]).map((c) => crossFileJson(c, 'vi'));
    const report = reportJson([fileJson('a', r, 'vi'), fileJson('b', r, 'vi')], cross);
    expect(ReportJsonSchema.parse(report).crossFile.map((c) => c.ruleId)).toEqual(['batch/duplicate-submission']);
    expect(report.counts.warning).toBe(1);
  });
});

describe('the text report', () => {
  test('Sheet!A1  severity  rule-id  message  → suggestion', () => {
    const text = formatReportText(reportJson([fileJson('lai-chau.xlsx', faulty(), 'vi')], []), 'vi');
    expect(text).toContain('  Bình xét!H4  lỗi  votes/percent-mismatch  Tỷ lệ của "Hội Liên hiệp Phụ nữ tỉnh" ghi 100 %');
    expect(text).toContain('  → 83,33');
    expect(text).toMatch(/1 sổ: 0 đạt, 1 không đạt, 0 không đọc được; 1 lỗi, 1 cảnh báo, 0 lưu ý$/);
  });

  test('a terminal colours each finding\'s severity where it is written, never a word of the workbook\'s that looks like one', () => {
    const g = blocToGrid(L);
    // A venue whose text holds "lỗi" (the old colouring searched the rendered text for the words).
    setCell(g, 'Thông tin', 'B10', 'Hội trường  lỗi  cũ ');
    const report = reportJson([fileJson('x.xlsx', checkGrid(g, { today: TODAY }), 'vi')], []);
    const text = render(report, 'text', 'vi', true);
    const finding = text.split('\n').find((l) => l.includes('text/whitespace'))!;
    expect(finding.startsWith('  Thông tin!B10  \u001b[36mlưu ý\u001b[0m  text/whitespace ')).toBe(true);
    expect(finding.split('\u001b[')).toHaveLength(3); // the severity's colour and its reset, nothing in the message
    expect(render(report, 'text', 'vi', false)).toBe(`${formatReportText(report, 'vi')}\n`);
  });

  test('terminal control characters from a workbook never reach the terminal', () => {
    const g = blocToGrid(L);
    setCell(g, 'Thông tin', 'B10', 'Hội\u001b[31m trường  ');
    const text = formatReportText(reportJson([fileJson('x.xlsx', checkGrid(g, { today: TODAY }), 'vi')], []), 'vi');
    expect(text).not.toContain('\u001b');
  });
});

describe('a rule that throws', () => {
  test('becomes engine/rule-failed and the other rules still run', () => {
    const rule = RULES.find((r) => r.id === 'votes/quorum')!;
    const spy = jest.spyOn(rule, 'check').mockImplementation(() => { throw new Error('hỏng'); });
    try {
      const r = faulty();
      expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['engine/rule-failed', 'votes/percent-mismatch', 'cell/number-as-text']));
      const failed = r.findings.find((f) => f.ruleId === 'engine/rule-failed')!;
      expect(failed.data).toEqual({ rule: 'votes/quorum', error: 'hỏng' });
      expect(renderMessage(failed, 'vi')).toContain('Quy tắc votes/quorum gặp lỗi');
      expect(r.status).toBe('invalid');
    } finally {
      spy.mockRestore();
    }
  });
});

test('quantities get Vietnamese separators; years, rows and ranks do not', () => {
  const quantity = renderMessage({ ruleId: 'stats/percent-mismatch', messageId: 'mismatch', data: { indicator: 'Sáng kiến', stated: 100, actual: 53211, plan: 40000.5, expected: 133.03 } }, 'vi');
  expect(quantity).toContain('53.211 ÷ 40.000,5 × 100 = 133,03 %');
  // A number read from text is shown as a cell holds it, so the two never look alike.
  const text = renderMessage({ ruleId: 'cell/number-as-text', messageId: 'asText', data: { field: 'Thực hiện', text: '53.211', number: 53211 } }, 'vi');
  expect(text).toContain('dạng chữ "53.211", không phải dạng số; thidua đọc được là số 53211.');
  expect(renderMessage({ ruleId: 'cell/number-as-text', messageId: 'asText', data: { field: 'Tỷ lệ', text: '48,5 %', number: 48.5 } }, 'en')).toContain('the number 48.5.');
  const rotation = renderMessage({ ruleId: 'rotation/consecutive-term', messageId: 'again', data: { name: 'X', year: 2023, next: 2024 } }, 'vi');
  expect(rotation).toContain('năm 2023');
  expect(rotation).toContain('năm 2024');
  const gap = renderMessage({ ruleId: 'template/rows-after-gap', messageId: 'rows', data: { row: 1234, count: 1 } }, 'vi');
  expect(gap).toContain('từ dòng 1234');
});

test('one cause, one finding: a #REF! in a member\'s name is one finding, where it was eight', () => {
  const g = blocToGrid(L);
  setCell(g, 'Thành viên', 'B3', { kind: 'error', value: '#REF!', formula: { cached: true } });
  expect(checkGrid(g, { today: TODAY }).findings.map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`)).toEqual(['cell/formula-error Thành viên!B3']);
});
