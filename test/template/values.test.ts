import { isDateFormatCode } from '../../engine/model/number-format';
import { formatNumberVi, parseDateText, parseVietnameseNumber, readDate, readNumber, serialToIso } from '../../engine/template/values';

test.each([
  ['53.211', 53211], ['48,5', 48.5], ['159%', 159], ['1.234.567', 1234567], ['1.234,5', 1234.5], ['3.666', 3666],
  ['48.5', 48.5], ['0,8333', 0.8333], [' 12 ', 12], ['-3', -3], ['1,234,567', 1234567], ['2.000', 2000],
])('number text %s = %d', (text, n) => {
  expect(parseVietnameseNumber(text)).toBe(n);
});

test.each(['sáu', '12a', '1.2.3', '', '%', '1,2,3'])('not a number: %s', (text) => {
  expect(parseVietnameseNumber(text)).toBeUndefined();
});

test.each([
  ['13/3/2024', '2024-03-13'], ['05-01-2024', '2024-01-05'], ['13.3.2024', '2024-03-13'], ['2024-03-13', '2024-03-13'],
  ['ngày 13 tháng 3 năm 2024', '2024-03-13'], ['Sóc Trăng, ngày 13 tháng 03 năm 2024', '2024-03-13'],
])('date text %s', (text, iso) => {
  expect(parseDateText(text)).toBe(iso);
});

test.each(['31/2/2024', '13/13/2024', 'tháng 3', '2024'])('not a date: %s', (text) => {
  expect(parseDateText(text)).toBeUndefined();
});

test('date serials in both systems, with Lotus\'s 29/2/1900', () => {
  expect(serialToIso(45303)).toBe('2024-01-12');
  expect(serialToIso(43841, true)).toBe('2024-01-12');
  expect(serialToIso(1)).toBe('1900-01-01');
  expect(serialToIso(59)).toBe('1900-02-28');
  expect(serialToIso(60)).toBeUndefined();
  expect(serialToIso(61)).toBe('1900-03-01');
  expect(serialToIso(2958465)).toBe('9999-12-31');
});

test('percent cells hold fractions; plain numbers are percentages already', () => {
  expect(readNumber({ kind: 'number', value: 0.8333, numFmt: '0.00%' }, true)).toEqual({ status: 'ok', value: 83.33 });
  expect(readNumber({ kind: 'number', value: 83.33 }, true)).toEqual({ status: 'ok', value: 83.33 });
  expect(readNumber({ kind: 'text', value: '83,33%' }, true)).toEqual({ status: 'text', value: 83.33 });
});

test('numbers formatted the Vietnamese way', () => {
  expect(formatNumberVi(53211)).toBe('53.211');
  expect(formatNumberVi(66.666666)).toBe('66,67');
  expect(formatNumberVi(-1234.5)).toBe('-1.234,5');
});

test('an absurd number in a count (1e308) is a typing slip, not a count', async () => {
  const { checkGrid } = await import('../../engine/check');
  const { blocToGrid } = await import('../../engine/template/writer');
  const { laiChauMttq } = await import('../../samples/blocs');
  const g = blocToGrid(laiChauMttq);
  g.sheets.find((s) => s.name === 'Bình xét')!.rows[2]![6] = { kind: 'number', value: 1e308 };
  const findings = checkGrid(g, { today: '2026-11-22' }).findings;
  expect(findings.map((f) => [f.ruleId, f.cell])).toEqual([['cell/not-a-number', 'G3']]);
});

describe('which number formats show a date (one test for the reader, the engine and the pane)', () => {
  test.each([
    ['dd/mm/yyyy', true],
    ['d/m/yyyy', true],
    ['mmm-yy', true],
    ['[$-42A]dd mmmm yyyy', true],
    ['h:mm', false], // a time of day is no date
    ['[h]:mm:ss', false], // elapsed time
    ['mm', true], // alone, a month (minutes only after an hour or before seconds)
    ['mm:ss', false],
    ['mmmm', true],
    ['D/M/YY', true], // LibreOffice writes its codes in capitals
    ['dd/mm/yyyy h:mm', true],
    ['0.00%', false],
    ['#,##0', false],
    ['General', false],
    ['[Red]0.00', false],
    ['0 "ngày"', false],
    ['#,##0 "đồng";[Red]-#,##0 "đồng"', false],
  ])('%s → %s', (code, date) => {
    expect(isDateFormatCode(code)).toBe(date);
  });

  test('a small number in red is a number, not 5 January 1900', () => {
    expect(readDate({ kind: 'number', value: 5, numFmt: '[Red]0' }).status).toBe('bad');
    expect(readDate({ kind: 'number', value: 45303, numFmt: 'dd/mm/yyyy' })).toEqual({ status: 'ok', value: '2024-01-12' });
  });
});
