/**
 * The report as the command writes it and the desk offers it: JSON, text (coloured on a
 * terminal), CSV or HTML; and the table a terminal ends with.
 */
import { formatReportText, type Lang, type ReportJson, safeText, WORDS } from '../engine';
import { formatCsv } from './csv';
import { formatHtml } from './html';

/** The formats of the report (`--format`). */
export type Format = 'text' | 'json' | 'html' | 'csv';

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', reset: '\u001b[0m' };

export function render(report: ReportJson, format: Format, lang: Lang, color: boolean, checkedAt: Date = new Date()): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return formatCsv(report, lang);
    case 'html':
      return formatHtml(report, lang, checkedAt);
    case 'text': {
      // Each severity's word coloured where it is written, never found again in the text.
      return `${formatReportText(report, lang, color ? (sev, word) => `${COLOURS[sev]}${word}${COLOURS.reset}` : undefined)}\n`;
    }
  }
}

/** The table a terminal ends with: file, result, bloc, year, errors, warnings. */
export function summaryTable(report: ReportJson, lang: Lang): string {
  const w = WORDS[lang];
  const head = [w.column.file, w.column.result, w.column.bloc, w.column.year, w.severityColumn.error, w.severityColumn.warning];
  const rows = report.files.map((f) => [f.path, w.status[f.status], f.bloc?.name ?? '', String(f.bloc?.year ?? ''), f.status === 'unreadable' ? '' : String(f.counts.error), f.status === 'unreadable' ? '' : String(f.counts.warning)].map((x) => safeText(x)));
  const widths = head.map((h, i) => Math.min(50, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  // A path too long keeps its end, where the file's name is; a bloc's name keeps its start.
  const fit = (c: string, i: number) => (c.length <= widths[i]! ? c.padEnd(widths[i]!) : i === 0 ? `…${c.slice(c.length - widths[i]! + 1)}` : `${c.slice(0, widths[i]! - 1)}…`);
  const line = (cells: string[]) => cells.map(fit).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
