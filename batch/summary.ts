/**
 * `--summary`: the office's workbook. `Tổng hợp` has one row per file (province, bloc, year,
 * status, counts, leader and next leader, proposals by award); `Phát hiện` has every
 * finding. Filters and frozen headers on both. Text from the submitted files is written as
 * text: ExcelJS writes a string as a string, so `=…` from a workbook never becomes a formula.
 */
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { currentNationalSettings, type ReportJson } from '../engine';
import type { FileOutcome } from './worker';

const T = {
  vi: {
    sheet: 'Tổng hợp', findings: 'Phát hiện', cross: 'Giữa các sổ',
    head: ['Tệp', 'Tỉnh/Thành phố', 'Khối thi đua', 'Năm', 'Trạng thái', 'Lỗi', 'Cảnh báo', 'Lưu ý', 'Trưởng khối', 'Trưởng khối năm sau'],
    fhead: ['Tệp', 'Trang', 'Ô', 'Mức độ', 'Quy tắc', 'Nội dung', 'Gợi ý', 'Căn cứ'],
    status: { valid: 'Đạt', invalid: 'Không đạt', unreadable: 'Không đọc được' },
    severity: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' },
  },
  en: {
    sheet: 'Summary', findings: 'Findings', cross: 'Across files',
    head: ['File', 'Province', 'Bloc', 'Year', 'Status', 'Errors', 'Warnings', 'Info', 'Leader', 'Next leader'],
    fhead: ['File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Suggestion', 'Basis'],
    status: { valid: 'Valid', invalid: 'Invalid', unreadable: 'Unreadable' },
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  },
} as const;

function header(ws: ExcelJS.Worksheet, values: readonly string[], widths: number[]): void {
  ws.getRow(1).values = [...values];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: values.length } };
}

export function summaryWorkbook(report: ReportJson, outcomes: FileOutcome[], lang: 'vi' | 'en'): ExcelJS.Workbook {
  const t = T[lang];
  const awards = currentNationalSettings().awards;
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  const ws = wb.addWorksheet(t.sheet);
  header(ws, [...t.head, ...awards.map((a) => a.name), lang === 'vi' ? 'Hình thức khác' : 'Other awards'], [34, 16, 40, 7, 14, 7, 9, 7, 30, 30, ...awards.map(() => 30), 30]);
  for (const f of report.files) {
    const o = byPath.get(f.path);
    const summary = o && o.ok ? o.summary : undefined;
    const proposals = summary?.proposals ?? [];
    const units = (id: string) => proposals.filter((p) => p.award === id).map((p) => p.unit).join('; ');
    const other = proposals.filter((p) => !awards.some((a) => a.id === p.award)).map((p) => `${p.unit} (${p.award})`).join('; ');
    ws.addRow([
      basename(f.path), f.bloc?.province ?? '', f.bloc?.name ?? '', f.bloc?.year ?? '', t.status[f.status],
      f.counts.error, f.counts.warning, f.counts.info, summary?.leader ?? '', summary?.nextLeader ?? '',
      ...awards.map((a) => units(a.id)), other,
    ]);
  }
  const fs = wb.addWorksheet(t.findings);
  header(fs, t.fhead, [34, 20, 8, 10, 28, 90, 30, 36]);
  for (const f of report.files) {
    if (f.status === 'unreadable') fs.addRow([basename(f.path), '', '', t.severity.error, `unreadable/${f.error?.code}`, f.error?.message ?? '', '', '']);
    for (const x of f.findings) fs.addRow([basename(f.path), x.sheet ?? '', x.cell ?? (x.row !== undefined ? String(x.row) : ''), t.severity[x.severity], x.ruleId, x.message, x.suggestion ?? '', x.basis ?? '']);
  }
  for (const c of report.crossFile) fs.addRow([c.files.map((p) => basename(p)).join('; '), t.cross, '', t.severity[c.severity], c.ruleId, c.message, '', '']);
  fs.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  return wb;
}
