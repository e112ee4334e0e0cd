/**
 * `--summary`: the office's workbook. `Tổng hợp` opens with a title, when it was checked and
 * with which rules, then one row per file: province, bloc, year, status (coloured), counts,
 * why a file could not be read, whom to call (`Người lập biểu`, `Điện thoại`), leaders,
 * proposals by award and a link to the file's annotated copy. `Phát hiện` has every finding;
 * `Cờ Chính phủ` the Government flags of each province and year against the province-wide limit.
 * Both have filters, frozen headers, widths that fit and a print setup (A4 landscape, one
 * page wide, the header row on every page). Text from the submitted files is written as text:
 * ExcelJS writes a string as a string, so `=…` from a workbook never becomes a formula.
 */
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs';
import { baseName as basename } from '../reader';
import { checkedDate, currentNationalSettings, type GovernmentFlagTally, type ReportJson, TALLY_TEXT, tallyRows, tallyVerdict, TOOL_VERSION, type Lang, WORDS, type Words } from '../engine';
import { fitWidths, STATUS_STYLE } from './sheet-layout';
import type { FileOutcome } from '../reader';

const T = {
  vi: {
    sheet: 'Tổng hợp', findings: 'Phát hiện', cross: 'Giữa các sổ',
    title: 'TỔNG HỢP KẾT QUẢ KIỂM TRA SỔ THI ĐUA',
    checked: 'Kiểm tra lúc', profile: 'Bộ quy tắc', bloc: 'Khối thi đua', unreadable: 'Lý do không đọc được', preparer: 'Người lập biểu', phone: 'Điện thoại',
    other: 'Hình thức khác', copy: 'Bản đánh dấu', open: 'Mở bản đánh dấu',
    fhead: ['Tệp', 'Trang', 'Ô', 'Mức độ', 'Quy tắc', 'Nội dung', 'Gợi ý', 'Căn cứ'],
    page: 'Trang &P/&N',
  },
  en: {
    sheet: 'Summary', findings: 'Findings', cross: 'Across files',
    title: 'EMULATION WORKBOOKS: CHECK SUMMARY',
    checked: 'Checked on', profile: 'Profile', bloc: 'Bloc', unreadable: 'Why it could not be read', preparer: 'Prepared by', phone: 'Phone',
    other: 'Other awards', copy: 'Annotated copy', open: 'Open the annotated copy',
    fhead: ['File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Suggestion', 'Basis'],
    page: 'Page &P of &N',
  },
} as const;


/** Where the annotated copy of each file was written, as a link relative to the summary. */
export interface SummaryOptions {
  checkedAt: Date;
  copies?: ReadonlyMap<string, string>;
  /** The Government flags of each province and year (`assembleReport`'s), for `Cờ Chính phủ`. */
  governmentFlags?: readonly GovernmentFlagTally[];
}

/** The columns of `Tổng hợp` before the awards'. */
function headings(t: (typeof T)[Lang], w: Words): string[] {
  const c = w.column;
  return [c.file, c.province, t.bloc, c.year, c.result, w.severityColumn.error, w.severityColumn.warning, w.severityColumn.info, t.unreadable, t.preparer, t.phone, c.leader, c.nextLeader];
}

/** The header row at `row`: bold, shaded, frozen, filtered and printed on every page. */
function header(ws: ExcelJS.Worksheet, row: number, values: readonly string[]): void {
  const r = ws.getRow(row);
  r.values = [...values];
  r.font = { bold: true };
  r.alignment = { vertical: 'middle', wrapText: true };
  values.forEach((_, i) => (r.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }));
  ws.views = [{ state: 'frozen', ySplit: row }];
  ws.autoFilter = { from: { row, column: 1 }, to: { row, column: values.length } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${row}:${row}`, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 } };
}

/**
 * A telephone number typed into a cell not formatted as text loses its leading zero
 * (0912345678 → 912345678); every Vietnamese number, mobile or fixed, starts with 0, so
 * a 9- or 10-digit number is shown with its 0 back. Anything else is shown as written.
 */
export function phoneText(phone: string | undefined): string {
  if (phone === undefined) return '';
  return /^[1-9]\d{8,9}$/.test(phone) ? `0${phone}` : phone;
}

export function summaryWorkbook(report: ReportJson, outcomes: FileOutcome[], lang: Lang, options: SummaryOptions): ExcelJS.Workbook {
  const t = T[lang];
  const awards = currentNationalSettings().awards;
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  const wb = new Workbook();
  wb.creator = 'thidua';
  wb.created = options.checkedAt;
  const ws = wb.addWorksheet(t.sheet);
  const w = WORDS[lang];
  const head = [...headings(t, w), ...awards.map((a) => a.name), t.other, ...(options.copies ? [t.copy] : [])];

  // The title, then when and with which rules, then the counts.
  ws.getCell('A1').value = t.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const profiles = [...new Set(report.files.flatMap((f) => (f.profile ? [`${f.profile.id} (${f.profile.version})`] : [])))];
  ws.getCell('A2').value = `${t.checked}: ${checkedDate(options.checkedAt, lang)} · thidua ${TOOL_VERSION}${profiles.length ? ` · ${t.profile}: ${profiles.join(', ')}` : ''}`;
  const n = report.counts;
  ws.getCell('A3').value = w.filesTally(n);
  const HEAD = 5;
  header(ws, HEAD, head);
  ws.headerFooter = { oddFooter: `&L${t.title}&R${t.page}` };

  for (const f of report.files) {
    const o = byPath.get(f.path);
    const summary = o && o.ok ? o.summary : undefined;
    const proposals = summary?.proposals ?? [];
    const units = (id: string) => proposals.filter((p) => p.award === id).map((p) => p.unit).join('; ');
    const other = proposals.filter((p) => !awards.some((a) => a.id === p.award)).map((p) => `${p.unit} (${p.award})`).join('; ');
    const read = f.status !== 'unreadable';
    const row = ws.addRow([
      basename(f.path), f.bloc?.province ?? '', f.bloc?.name ?? '', f.bloc?.year ?? '', w.statusLabel[f.status],
      // A file not read has no count: 0 would say it was checked and found clean.
      read ? f.counts.error : '', read ? f.counts.warning : '', read ? f.counts.info : '', f.error?.message ?? '',
      summary?.preparer ?? '', phoneText(summary?.phone), summary?.leader ?? '', summary?.nextLeader ?? '',
      ...awards.map((a) => units(a.id)), other,
    ]);
    const status = row.getCell(5);
    status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_STYLE[f.status].fill } };
    status.font = { bold: true, color: { argb: STATUS_STYLE[f.status].font } };
    const link = options.copies?.get(f.path);
    if (link !== undefined) {
      const cell = row.getCell(head.length);
      cell.value = { text: t.open, hyperlink: link, tooltip: link };
      cell.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
  }
  // Narrow enough to print on A4 across: names wrap rather than widen the page.
  fitWidths(ws, HEAD, [28, 14, 28, 6, 15, 5, 7, 5, 34, 20, 12, 20, 20, ...awards.map(() => 22), 18, ...(options.copies ? [16] : [])]);

  const fs = wb.addWorksheet(t.findings);
  header(fs, 1, t.fhead);
  fs.headerFooter = { oddFooter: `&L${t.findings}&R${t.page}` };
  for (const f of report.files) {
    if (f.status === 'unreadable') fs.addRow([basename(f.path), '', '', w.severityLabel.error, `unreadable/${f.error?.code}`, f.error?.message ?? '', '', '']);
    for (const x of f.findings) fs.addRow([basename(f.path), x.sheet ?? '', x.cell ?? (x.row !== undefined ? String(x.row) : ''), w.severityLabel[x.severity], x.ruleId, x.message, x.suggestion ?? '', x.basis ?? '']);
  }
  for (const c of report.crossFile) fs.addRow([c.files.map((p) => basename(p)).join('; '), t.cross, '', w.severityLabel[c.severity], c.ruleId, c.message, '', '']);
  fitWidths(fs, 1, [28, 16, 6, 9, 26, 60, 30, 30]);

  // The Government flags of each province and year, against the province-wide limit.
  const tally = options.governmentFlags ?? [];
  if (tally.length > 0) {
    const g = TALLY_TEXT[lang];
    const gs = wb.addWorksheet(g.sheet);
    gs.getCell('A1').value = g.title;
    gs.getCell('A1').font = { bold: true, size: 13 };
    gs.getCell('A2').value = g.note;
    header(gs, 4, g.head);
    gs.headerFooter = { oddFooter: `&L${g.title}&R${t.page}` };
    tallyRows(tally, lang).forEach((cells, i) => {
      const row = gs.addRow(cells);
      if (tallyVerdict(tally[i]!) === 'over') row.getCell(7).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_STYLE.invalid.fill } };
    });
    fitWidths(gs, 4, [18, 6, 8, 14, 14, 8, 24, 34]);
  }
  return wb;
}
