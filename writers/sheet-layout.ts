/** How thidua's own sheets (the office summary, a copy's result sheet) are laid out for the screen and for print. */
import type ExcelJS from 'exceljs';
import { type FileJson, type FindingSeverity, SEVERITY_FILL } from '../engine';

/** A severity's fill as ExcelJS takes it (ARGB): the colours of the pane and the HTML report. */
export const SEVERITY_ARGB = Object.fromEntries(Object.entries(SEVERITY_FILL).map(([k, rgb]) => [k, `FF${rgb}`])) as Record<FindingSeverity, string>;

/** A file's result coloured as Excel's own good, bad and neutral cell styles (fill, text). */
export const STATUS_STYLE: Record<FileJson['status'], { fill: string; font: string }> = {
  valid: { fill: 'FFC6EFCE', font: 'FF006100' },
  invalid: { fill: SEVERITY_ARGB.error, font: 'FF9C0006' },
  unreadable: { fill: SEVERITY_ARGB.warning, font: 'FF9C5700' },
};

const cellText = (v: ExcelJS.CellValue): string => (v && typeof v === 'object' && 'text' in v ? String(v.text) : v === null || v === undefined ? '' : String(v));

/**
 * Each column as wide as its longest line (header included), up to its `max` characters,
 * where longer text wraps; then each row as tall as its most wrapped cell. Heights are
 * written, not left to the program: LibreOffice and WPS keep a row one line tall when they
 * open a file whose rows have no height, and the text of one row runs over the next.
 */
export function fitWidths(ws: ExcelJS.Worksheet, fromRow: number, max: readonly number[]): void {
  const widths = max.map((m, i) => {
    let longest = 0;
    ws.getColumn(i + 1).eachCell({ includeEmpty: false }, (cell, row) => {
      if (row >= fromRow) for (const line of cellText(cell.value).split('\n')) longest = Math.max(longest, line.length);
    });
    return Math.min(m, Math.max(5, longest + 2));
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, r) => {
    if (r < fromRow) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      const room = Math.max(1, (widths[c - 1] ?? 10) - 2);
      lines = Math.max(lines, cellText(cell.value).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / room)), 0));
    });
    row.height = Math.min(409, 15 * lines);
    row.alignment = { vertical: 'top', wrapText: true };
  });
}
