/**
 * `--annotate`: a copy of the workbook with each finding's cell marked (a fill by severity
 * and a note with the message) and a first sheet `Kết quả kiểm tra` listing the findings
 * with links to their cells. The copy is made from the workbook already loaded for the
 * check; the original file is never written.
 */
import type ExcelJS from 'exceljs';
import { baseName as basename } from '../reader';
import { fitWidths, SEVERITY_ARGB, STATUS_STYLE } from './sheet-layout';
import { checkedDate, type FileJson, type FindingJson, readMark, SEVERITY_ORDER, TOOL_VERSION, type Lang, WORDS } from '../engine';

export const RESULT_SHEET = 'Kết quả kiểm tra';

const LABEL = {
  vi: {
    head: ['Vị trí', 'Mức độ', 'Quy tắc', 'Nội dung', 'Gợi ý', 'Căn cứ'], title: 'KẾT QUẢ KIỂM TRA SỔ THI ĐUA', none: 'Không có phát hiện nào.',
    file: 'Sổ', checked: 'Kiểm tra lúc', profile: 'Bộ quy tắc',
  },
  en: {
    head: ['Place', 'Severity', 'Rule', 'Message', 'Suggestion', 'Basis'], title: 'CHECK RESULTS', none: 'No findings.',
    file: 'Workbook', checked: 'Checked on', profile: 'Profile',
  },
} as const;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The first row of the findings on the result sheet (title, file, result and date above it). */
export const FIRST_FINDING_ROW = 7;

/** A note's text in runs, as Excel writes one: the author in bold, then the text. */
type NoteRun = { text: string; font?: Partial<ExcelJS.Font> };
const NOTE_FONT = { name: 'Tahoma', size: 9 } as const;

function noteRuns(note: ExcelJS.Cell['note']): NoteRun[] {
  if (note === undefined || note === null) return [];
  if (typeof note === 'string') return [{ text: note }];
  return (note.texts ?? []).map((t) => ({ ...t }));
}

/**
 * The pane's marks a workbook was saved with (conditional formats of thidua's: engine/report/marks.ts)
 * taken out: the copy marks the findings of this check, never a second, older set over them.
 * The user's own conditional formats stay.
 */
export function removePaneMarks(wb: ExcelJS.Workbook): void {
  const isMark = (r: ExcelJS.ConditionalFormattingRule) => r.type === 'expression' && (r.formulae ?? []).length === 1 && readMark(String(r.formulae![0])) !== undefined;
  for (const ws of wb.worksheets) {
    const sheet = ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    sheet.conditionalFormattings = sheet.conditionalFormattings.map((cf) => ({ ...cf, rules: cf.rules.filter((r) => !isMark(r)) })).filter((cf) => cf.rules.length > 0);
  }
}

/**
 * The copy marked: each finding's cell filled by its worst severity, with a note signed
 * `thidua:` (a note the cell had is kept as it was, thidua's text below it), and a first
 * sheet naming the file, its result and when it was checked, then every finding with a link
 * to its cell.
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, entry: FileJson, lang: Lang, checkedAt: Date): void {
  const l = LABEL[lang];
  const w = WORDS[lang];
  removePaneMarks(wb);
  const findings = entry.findings;
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
    const worst = list.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_ARGB[worst.severity] } };
    const text = list.map((f) => `[${w.severityLabel[f.severity]}] ${f.message}${f.suggestion !== undefined ? ` → ${f.suggestion}` : ''}`).join('\n');
    const previous = noteRuns(cell.note);
    const ours: NoteRun[] = [{ text: 'thidua:', font: { ...NOTE_FONT, bold: true } }, { text: `\n${text}`, font: NOTE_FONT }];
    cell.note = { texts: previous.length ? [...previous, { text: '\n———\n', font: NOTE_FONT }, ...ours] : ours };
  }
  // The result sheet, first.
  const name = wb.getWorksheet(RESULT_SHEET) ? `${RESULT_SHEET} (thidua)` : RESULT_SHEET;
  const HEAD = FIRST_FINDING_ROW - 1;
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEAD }] });
  // ExcelJS writes sheets by `orderNo`: the result sheet goes before the bloc's own.
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  for (const other of wb.worksheets) if (other !== ws) order(other).orderNo += 1;
  order(ws).orderNo = 0;
  ws.getCell('A1').value = l.title;
  ws.getCell('A1').font = { bold: true, size: 13 };
  const bloc = entry.bloc ? [entry.bloc.name, entry.bloc.province, entry.bloc.year].filter((x) => x !== undefined).join(' — ') : '';
  ws.getCell('A2').value = `${l.file}: ${basename(entry.path)}${bloc ? ` (${bloc})` : ''}`;
  ws.getCell('A3').value = `${w.column.result}: ${w.status[entry.status]} — ${w.tally(entry.counts)}`;
  ws.getCell('A3').font = { bold: true };
  ws.getCell('A3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_STYLE[entry.status].fill } };
  ws.getCell('A4').value = `${l.checked}: ${checkedDate(checkedAt, lang)} · thidua ${TOOL_VERSION}${entry.profile ? ` · ${l.profile}: ${entry.profile.id} (${entry.profile.version})` : ''}`;
  ws.getRow(HEAD).values = [...l.head];
  ws.getRow(HEAD).font = { bold: true };
  if (findings.length === 0) ws.getCell(FIRST_FINDING_ROW, 1).value = l.none;
  findings.forEach((f, i) => {
    const row = ws.getRow(FIRST_FINDING_ROW + i);
    const place = f.sheet === undefined ? '' : f.cell ? `${f.sheet}!${f.cell}` : f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
    const target = f.sheet !== undefined && wb.getWorksheet(f.sheet) ? `${quoteSheet(f.sheet)}!${f.cell ?? `A${f.row ?? 1}`}` : undefined;
    row.getCell(1).value = target ? { text: place, hyperlink: target } : place;
    if (target) row.getCell(1).font = { color: { argb: 'FF0563C1' }, underline: true };
    row.getCell(2).value = w.severityLabel[f.severity];
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_ARGB[f.severity] } };
    row.getCell(3).value = f.ruleId;
    row.getCell(4).value = f.message;
    if (f.suggestion !== undefined) row.getCell(5).value = f.suggestion;
    if (f.basis !== undefined) row.getCell(6).value = f.basis;
  });
  fitWidths(ws, HEAD, [24, 10, 28, 70, 30, 30]);
  ws.autoFilter = { from: { row: HEAD, column: 1 }, to: { row: HEAD, column: 6 } };
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEAD}:${HEAD}` };
}
