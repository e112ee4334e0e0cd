import { laiChauMttq as L } from '../../samples/blocs';
import { deleteRow, getSheet, setCell } from '../support/grid';
import { runRuleTests } from '../support/rule-tester';

runRuleTests('template/missing-sheet', {
  valid: [
    { name: 'all required sheets', bloc: L },
    { name: 'sheet names typed without diacritics and in capitals', bloc: L, edit: (g) => { getSheet(g, 'Thành viên').name = 'THANH_VIEN'; getSheet(g, 'Bình xét').name = 'binh xet'; } },
    { name: 'an optional sheet absent', bloc: L, edit: (g) => { g.sheets = g.sheets.filter((s) => s.name !== 'Chấm điểm'); } },
  ],
  invalid: [
    {
      name: 'no Bình xét sheet',
      bloc: L,
      edit: (g) => { g.sheets = g.sheets.filter((s) => s.name !== 'Bình xét'); },
      errors: [{ messageId: 'missing', data: { sheet: 'Bình xét' }, sheet: null, cell: null }],
    },
    {
      name: 'a workbook with only other sheets',
      grid: { sheets: [{ name: 'Sheet1', rows: [] }] },
      errors: ['Thông tin', 'Thành viên', 'Bình xét', 'Đề nghị khen thưởng'].map((sheet) => ({ messageId: 'missing', data: { sheet } })),
    },
  ],
});

runRuleTests('template/missing-column', {
  valid: [
    { name: 'canonical headers', bloc: L },
    { name: 'synonym headers', bloc: L, edit: (g) => { setCell(g, 'Bình xét', 'F2', 'Đơn vị được bầu'); setCell(g, 'Bình xét', 'G2', 'Số phiếu (*)'); } },
  ],
  invalid: [
    {
      name: 'Số phiếu hợp lệ column removed',
      bloc: L,
      edit: (g) => { setCell(g, 'Bình xét', 'E2', 'Cột phụ'); },
      errors: [{ messageId: 'missing', data: { sheet: 'Bình xét', column: 'Số phiếu hợp lệ' }, sheet: 'Bình xét', row: 2, cell: null }],
    },
    {
      name: 'no header row at all',
      bloc: L,
      edit: (g) => { getSheet(g, 'Đề nghị khen thưởng').rows = [['x'].map((v) => ({ kind: 'text', value: v }))]; },
      errors: [
        { messageId: 'noHeader', data: { sheet: 'Đề nghị khen thưởng', column: 'Tên đơn vị' } },
        { messageId: 'noHeader', data: { sheet: 'Đề nghị khen thưởng', column: 'Hình thức khen thưởng' } },
      ],
    },
  ],
});

runRuleTests('template/duplicate-column', {
  valid: [
    { name: 'each field once', bloc: L },
    { name: 'a header near another field\'s, for a field of its own', bloc: L, edit: (g) => { setCell(g, 'Thành viên', 'E2', 'Ghi chú khác'); } },
  ],
  invalid: [
    {
      name: 'Ghi chú column also headed Tên viết tắt',
      bloc: L,
      edit: (g) => { setCell(g, 'Thành viên', 'E2', 'Viết tắt'); },
      errors: [{ messageId: 'duplicate', data: { column: 'Tên viết tắt', first: 'C' }, sheet: 'Thành viên', cell: 'E2' }],
    },
  ],
});

runRuleTests('template/rows-after-gap', {
  valid: [
    { name: 'a signature block after the table', bloc: L, edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'B8', 'Người lập biểu'); setCell(g, 'Đề nghị khen thưởng', 'D8', 'TM. Trưởng khối'); } },
  ],
  invalid: [
    {
      name: 'a proposal typed after a blank row',
      bloc: L,
      edit: (g) => { setCell(g, 'Đề nghị khen thưởng', 'A7', 4); setCell(g, 'Đề nghị khen thưởng', 'B7', 'Tỉnh đoàn'); setCell(g, 'Đề nghị khen thưởng', 'C7', 'Bằng khen'); },
      errors: [{ messageId: 'rows', data: { row: 7, count: 1 }, sheet: 'Đề nghị khen thưởng', row: 7, cell: null }],
    },
    {
      name: 'a member row left below a gap in Thành viên',
      bloc: L,
      edit: (g) => { deleteRow(g, 'Thành viên', 8); setCell(g, 'Thành viên', 'A10', 6); setCell(g, 'Thành viên', 'B10', 'Tỉnh đoàn'); },
      errors: [{ messageId: 'rows', data: { row: 10, count: 1 }, sheet: 'Thành viên' }],
    },
  ],
});

runRuleTests('template/unknown-profile', {
  valid: [
    { name: 'Bộ quy tắc blank', bloc: L },
    { name: 'a known profile', bloc: { ...L, profile: 'vi-du-tinh' } },
    { name: 'a known profile in capitals', bloc: { ...L, profile: 'QUOC-GIA' } },
  ],
  invalid: [
    {
      name: 'a profile that does not exist',
      bloc: { ...L, profile: 'lai-chau-2024' },
      errors: [{ messageId: 'unknown', data: { profile: 'lai-chau-2024', used: 'quoc-gia', known: 'quoc-gia, vi-du-tinh' }, sheet: 'Thông tin', cell: 'B13' }],
    },
  ],
});
