/**
 * `--annotate`: a copy of the workbook with each finding's cell marked (a fill by severity
 * and a note with the message) and a first sheet `Kết quả kiểm tra` listing the findings
 * with links to their cells. The copy is made from the workbook already loaded for the
 * check; the original file is never written.
 */
import type ExcelJS from 'exceljs';
import { type FindingJson, SEVERITY_FILL } from '../engine';

export const RESULT_SHEET = 'Kết quả kiểm tra';

const FILL = Object.fromEntries(Object.entries(SEVERITY_FILL).map(([k, rgb]) => [k, `FF${rgb}`])) as Record<FindingJson['severity'], string>;
const LABEL = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý', head: ['Vị trí', 'Mức độ', 'Quy tắc', 'Nội dung', 'Gợi ý', 'Căn cứ'], title: 'KẾT QUẢ KIỂM TRA SỔ THI ĐUA', none: 'Không có phát hiện nào.' },
  en: { error: 'Error', warning: 'Warning', info: 'Info', head: ['Place', 'Severity', 'Rule', 'Message', 'Suggestion', 'Basis'], title: 'CHECK RESULTS', none: 'No findings.' },
} as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function annotateWorkbook(wb: ExcelJS.Workbook, findings: FindingJson[], lang: 'vi' | 'en'): void {
  const l = LABEL[lang];
  // Mark cells: the worst severity colours the cell; every message goes in its note.
  const byCell = new Map<string, FindingJson[]>();
  for (const f of findings) {
    if (f.sheet === undefined || f.cell === undefined) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  for (const [key, list] of byCell) {
    const [sheet, address] = key.split('\u0000') as [string, string];
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = list.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst.severity] } };
    const text = list.map((f) => `[${l[f.severity]}] ${f.message}${f.suggestion !== undefined ? ` → ${f.suggestion}` : ''}`).join('\n');
    const previous = typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('') ?? '';
    cell.note = previous ? `${previous}\n———\n${text}` : text;
  }
  // The result sheet, first.
  const name = wb.getWorksheet(RESULT_SHEET) ? `${RESULT_SHEET} (thidua)` : RESULT_SHEET;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  // ExcelJS writes sheets by `orderNo`: the result sheet goes before the bloc's own.
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  for (const other of wb.worksheets) if (other !== ws) order(other).orderNo += 1;
  order(ws).orderNo = 0;
  ws.getCell('A1').value = l.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getRow(2).values = [...l.head];
  ws.getRow(2).font = { bold: true };
  [16, 10, 26, 80, 30, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (findings.length === 0) ws.getCell('A3').value = l.none;
  findings.forEach((f, i) => {
    const row = ws.getRow(i + 3);
    const place = f.sheet === undefined ? '' : f.cell ? `${f.sheet}!${f.cell}` : f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
    const target = f.sheet !== undefined && wb.getWorksheet(f.sheet) ? `${quoteSheet(f.sheet)}!${f.cell ?? `A${f.row ?? 1}`}` : undefined;
    row.getCell(1).value = target ? { text: place, hyperlink: target } : place;
    if (target) row.getCell(1).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(2).value = l[f.severity];
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
    row.getCell(3).value = f.ruleId;
    row.getCell(4).value = f.message;
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    if (f.suggestion !== undefined) row.getCell(5).value = f.suggestion;
    if (f.basis !== undefined) row.getCell(6).value = f.basis;
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: 6 } };
}
