import { laiChauMttq as L } from '../../samples/blocs';
import { setCell } from '../support/grid';
import { edited, runRuleTests } from '../support/rule-tester';

runRuleTests('cell/required', {
  valid: [
    // The ballot counts stand on each award's first row only (as the template writes them): the later rows inherit them.
    { name: 'everything filled, ballot counts on each award\'s first row only', bloc: L },
    { name: 'optional Phó trưởng khối blank', bloc: edited(L, (b) => { delete b.deputy; }) },
  ],
  invalid: [
    {
      name: 'Năm thi đua blank',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B5', undefined); },
      errors: [{ messageId: 'blank', data: { field: 'Năm thi đua' }, sheet: 'Thông tin', cell: 'B5' }],
    },
    {
      name: 'the Trưởng khối năm sau line missing',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'A11', undefined); setCell(g, 'Thông tin', 'B11', undefined); },
      errors: [{ messageId: 'noLabel', data: { field: 'Trưởng khối năm sau', sheet: 'Thông tin' }, sheet: 'Thông tin', cell: null }],
    },
    {
      name: 'the first row of an award without its valid ballots',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'E4', undefined); },
      errors: [{ messageId: 'blank', data: { field: 'Số phiếu hợp lệ' }, sheet: 'Bình xét', cell: 'E4' }],
    },
    {
      name: 'a proposal without a unit',
      bloc: L,
      edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'B4', undefined); },
      errors: [{ messageId: 'blank', data: { field: 'Tên đơn vị' }, sheet: 'Đề nghị khen thưởng', cell: 'B4' }],
    },
  ],
});

runRuleTests('cell/not-a-number', {
  valid: [
    { name: 'numbers', bloc: L },
    { name: 'numbers as Vietnamese text are the other rule\'s', bloc: L, edit: (g) => { setCell(g, 'Số liệu', 'E3', '53.211'); } },
  ],
  invalid: [
    {
      name: 'votes written in words',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'G3', 'sáu'); },
      errors: [{ messageId: 'notNumber', data: { field: 'Số phiếu đồng ý', text: 'sáu' }, sheet: 'Bình xét', cell: 'G3' }],
    },
    {
      name: 'half a vote',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'G4', 4.5); },
      errors: [{ messageId: 'notInteger', data: { field: 'Số phiếu đồng ý', text: '4.5' }, sheet: 'Bình xét', cell: 'G4' }],
    },
  ],
});

runRuleTests('cell/number-as-text', {
  valid: [
    { name: 'real numbers', bloc: L },
    { name: 'digits in a text field (an abbreviation) stay text', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'C3', '2024'); } },
  ],
  invalid: [
    {
      name: '53.211 typed as text (fifty-three thousand)',
      bloc: L,
      edit: (g) => { setCell(g, 'Số liệu', 'E3', '53.211'); },
      errors: [{ messageId: 'asText', data: { field: 'Thực hiện', text: '53.211', number: 53211 }, sheet: 'Số liệu', cell: 'E3', suggestion: '53211' }],
    },
    {
      name: '159% typed as text in Tỷ lệ',
      bloc: L,
      edit: (g) => { setCell(g, 'Số liệu', 'F5', '158,98%'); },
      errors: [{ messageId: 'asText', data: { field: 'Tỷ lệ (%)', text: '158,98%', number: 158.98 }, cell: 'F5', suggestion: '158,98' }],
    },
  ],
});

runRuleTests('cell/invalid-date', {
  valid: [
    { name: 'a real date', bloc: L },
    { name: 'a date serial formatted as a date', bloc: L, edit: (g) => { setCell(g, 'Thông tin', 'B9', { kind: 'number', value: 45303, numFmt: 'dd/mm/yyyy' }); } },
  ],
  invalid: [
    {
      name: '31/2/2024',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B9', '31/2/2024'); },
      errors: [{ messageId: 'invalid', data: { field: 'Ngày hội nghị tổng kết', text: '31/2/2024' }, sheet: 'Thông tin', cell: 'B9' }],
    },
    {
      name: 'words',
      bloc: L,
      edit: (g) => { setCell(g, 'Giao ước', 'D3', 'đầu năm'); },
      errors: [{ messageId: 'invalid', data: { field: 'Ngày ký', text: 'đầu năm' }, sheet: 'Giao ước', cell: 'D3' }],
    },
  ],
});

runRuleTests('cell/date-as-text', {
  valid: [
    { name: 'real dates', bloc: L },
    { name: 'a date inside a free text (Thành tích) stays text', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'D4', 'Tổng kết ngày 12/1/2024'); } },
  ],
  invalid: [
    {
      name: '12/1/2024 as text',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B9', '12/1/2024'); },
      errors: [{ messageId: 'asText', data: { field: 'Ngày hội nghị tổng kết', text: '12/1/2024', date: '12/1/2024' }, cell: 'B9', suggestion: '12/1/2024' }],
    },
    {
      name: 'ngày 12 tháng 01 năm 2024',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B9', 'Lai Châu, ngày 12 tháng 01 năm 2024'); },
      errors: [{ messageId: 'asText', data: { field: 'Ngày hội nghị tổng kết', text: 'Lai Châu, ngày 12 tháng 01 năm 2024', date: '12/1/2024' }, cell: 'B9' }],
    },
  ],
});

runRuleTests('cell/formula-error', {
  valid: [
    { name: 'no error values', bloc: L },
    { name: 'a note that names an error value ("đã sửa lỗi #N/A") is text', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'E3', 'đã sửa lỗi #N/A'); } },
  ],
  invalid: [
    {
      name: 'a #DIV/0! percentage',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'H4', { kind: 'error', value: '#DIV/0!', formula: { cached: true } }); },
      errors: [{ messageId: 'error', data: { error: '#DIV/0!' }, sheet: 'Bình xét', cell: 'H4' }],
    },
    {
      name: 'a #REF! total',
      bloc: L,
      edit: (g) => { setCell(g, 'Chấm điểm', 'G5', { kind: 'error', value: '#REF!', formula: { cached: true } }); },
      errors: [{ messageId: 'error', data: { error: '#REF!' }, sheet: 'Chấm điểm', cell: 'G5' }],
    },
  ],
});

runRuleTests('cell/formula-no-result', {
  valid: [
    { name: 'formulas with cached results', bloc: L, edit: (g) => { setCell(g, 'Bình xét', 'H3', { kind: 'number', value: 100, formula: { cached: true } }); } },
    { name: 'a formula whose cached result is 0', bloc: L, edit: (g) => { setCell(g, 'Thông tin', 'B15', { kind: 'number', value: 0, formula: { cached: true } }); } },
  ],
  invalid: [
    {
      name: 'a percentage formula never calculated (written by a script)',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'H3', { kind: 'blank', value: null, formula: { cached: false } }); },
      errors: [{ messageId: 'noResult', sheet: 'Bình xét', cell: 'H3' }],
    },
  ],
});

runRuleTests('cell/out-of-range', {
  valid: [{ name: 'plausible values', bloc: L }, { name: 'next year is allowed', bloc: { ...L, year: 2027, meetingDate: '2027-12-20' } }],
  invalid: [
    {
      name: 'a year typed 2203',
      bloc: L,
      edit: (g) => { setCell(g, 'Thông tin', 'B5', 2203); },
      errors: [{ messageId: 'year', data: { value: 2203, min: 2000, max: 2027, example: 2025 }, cell: 'B5' }],
    },
    {
      name: 'a negative ballot count',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'C4', -6); },
      errors: [{ messageId: 'negative', data: { field: 'Số phiếu phát ra', value: -6 }, sheet: 'Bình xét', cell: 'C4' }],
    },
    {
      name: 'a vote percentage of 120',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'H5', 120); },
      errors: [{ messageId: 'percent', data: { value: 120 }, sheet: 'Bình xét', cell: 'H5' }],
    },
  ],
});

runRuleTests('cell/unknown-value', {
  valid: [
    { name: 'codes', bloc: L },
    { name: 'full words and x for signed', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'D3', 'Hoàn thành tốt nhiệm vụ'); setCell(g, 'Giao ước', 'C4', 'x'); } },
  ],
  invalid: [
    {
      name: 'a rating that is not on the list',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'D7', 'Tốt'); },
      errors: [{ messageId: 'unknown', data: { field: 'Xếp loại', text: 'Tốt', allowed: 'HTXSNV, HTTNV, HTNV, KHTNV' }, sheet: 'Thành viên', cell: 'D7' }],
    },
    {
      name: 'Ký kết: "chắc chắn"',
      bloc: L,
      edit: (g) => { setCell(g, 'Giao ước', 'C5', 'chắc chắn'); },
      errors: [{ messageId: 'unknown', data: { field: 'Ký kết', text: 'chắc chắn', allowed: 'Có, Không, x' }, sheet: 'Giao ước', cell: 'C5' }],
    },
  ],
});
