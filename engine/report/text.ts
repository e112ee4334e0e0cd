import type { FileJson, ReportJson } from './schema';
import type { Lang } from '../rules/types';
import { WORDS } from './words';

/** `14:05, ngày 29/11/2026` (as Vietnamese write it) or `29/11/2026, 14:05`, in local time. */
export function checkedDate(d: Date, lang: Lang): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const day = `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
  return lang === 'vi' ? `${time}, ngày ${day}` : `${day}, ${time}`;
}

/**
 * Characters that act on a terminal or on how text reads rather than showing: C0 and C1
 * controls (tab and line feed kept), bidirectional embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Terminal control characters in workbook text must not reach a terminal. */
export function safeText(s: string): string {
  return s.replace(UNSAFE_CHARS, '�');
}

/** How a severity's word is shown: as it is, or coloured for a terminal (the command's). */
export type PaintSeverity = (severity: 'error' | 'warning' | 'info', word: string) => string;
const plain: PaintSeverity = (_s, word) => word;

/** `Sheet!A1  severity  rule-id  message  → suggestion`, one line per finding. */
export function formatFileText(file: FileJson, lang: Lang = 'vi', paint: PaintSeverity = plain): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  const title = file.bloc ? [file.bloc.name, file.bloc.province, file.bloc.year].filter((x) => x !== undefined).join(' — ') : '';
  lines.push(`${safeText(file.path)}${title ? `  (${safeText(title)})` : ''}`);
  if (file.status === 'unreadable') {
    // The code is for programs (JSON, CSV); a clerk reads what to do.
    lines.push(`  ${w.status.unreadable}: ${safeText(file.error?.message ?? '')}`);
    return lines.join('\n');
  }
  for (const f of file.findings) {
    const place = f.sheet === undefined ? (lang === 'vi' ? '(sổ)' : '(workbook)') : f.cell ? `${f.sheet}!${f.cell}` : f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
    const suggestion = f.suggestion !== undefined ? `  → ${safeText(f.suggestion)}` : '';
    lines.push(`  ${safeText(place)}  ${paint(f.severity, w.severity[f.severity])}  ${f.ruleId}  ${safeText(f.message)}${suggestion}`);
  }
  lines.push(`  ${w.fileResult(file.status, file.counts)}`);
  return lines.join('\n');
}

export function formatReportText(report: ReportJson, lang: Lang = 'vi', paint: PaintSeverity = plain): string {
  const parts = report.files.map((f) => formatFileText(f, lang, paint));
  // A finding across files names its files: the clerk must know which workbooks to open.
  for (const c of report.crossFile) parts.push(`${lang === 'vi' ? 'Nhiều sổ' : 'Across files'}  ${paint(c.severity, WORDS[lang].severity[c.severity])}  ${c.ruleId}  ${safeText(c.message)}\n  ${lang === 'vi' ? 'Các sổ' : 'Files'}: ${c.files.map(safeText).join('; ')}`);
  parts.push(WORDS[lang].runTotals(report.counts));
  return parts.join('\n\n');
}
