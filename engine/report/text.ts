import type { FileJson, ReportJson } from './schema';
import type { Lang } from '../rules/types';

/** A severity (and `off`, a profile's) and a file's result, as every plain-text output words them. */
export const SEVERITY_WORDS = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý', off: 'tắt' },
  en: { error: 'error', warning: 'warning', info: 'info', off: 'off' },
} as const;
export const STATUS_WORDS = {
  vi: { valid: 'đạt', invalid: 'không đạt', unreadable: 'không đọc được' },
  en: { valid: 'valid', invalid: 'invalid', unreadable: 'unreadable' },
} as const;
/** `14:05, ngày 29/11/2026` (as Vietnamese write it) or `29/11/2026, 14:05`, in local time. */
export function checkedDate(d: Date, lang: Lang): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  const day = `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
  return lang === 'vi' ? `${time}, ngày ${day}` : `${day}, ${time}`;
}

const SEVERITY_VI = SEVERITY_WORDS.vi;
const SEVERITY_EN = SEVERITY_WORDS.en;

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
  const sev = lang === 'vi' ? SEVERITY_VI : SEVERITY_EN;
  const lines: string[] = [];
  const title = file.bloc ? [file.bloc.name, file.bloc.province, file.bloc.year].filter((x) => x !== undefined).join(' — ') : '';
  lines.push(`${safeText(file.path)}${title ? `  (${safeText(title)})` : ''}`);
  if (file.status === 'unreadable') {
    // The code is for programs (JSON, CSV); a clerk reads what to do.
    lines.push(`  ${lang === 'vi' ? 'không đọc được' : 'unreadable'}: ${safeText(file.error?.message ?? '')}`);
    return lines.join('\n');
  }
  for (const f of file.findings) {
    const place = f.sheet === undefined ? (lang === 'vi' ? '(sổ)' : '(workbook)') : f.cell ? `${f.sheet}!${f.cell}` : f.row ? `${f.sheet}!${f.row}:${f.row}` : f.sheet;
    const suggestion = f.suggestion !== undefined ? `  → ${safeText(f.suggestion)}` : '';
    lines.push(`  ${safeText(place)}  ${paint(f.severity, sev[f.severity])}  ${f.ruleId}  ${safeText(f.message)}${suggestion}`);
  }
  const c = file.counts;
  lines.push(lang === 'vi' ? `  ${file.status === 'valid' ? 'Đạt' : 'Không đạt'}: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý` : `  ${file.status}: ${c.error} errors, ${c.warning} warnings, ${c.info} info`);
  return lines.join('\n');
}

export function formatReportText(report: ReportJson, lang: Lang = 'vi', paint: PaintSeverity = plain): string {
  const parts = report.files.map((f) => formatFileText(f, lang, paint));
  // A finding across files names its files: the clerk must know which workbooks to open.
  for (const c of report.crossFile) parts.push(`${lang === 'vi' ? 'Nhiều sổ' : 'Across files'}  ${paint(c.severity, (lang === 'vi' ? SEVERITY_VI : SEVERITY_EN)[c.severity])}  ${c.ruleId}  ${safeText(c.message)}\n  ${lang === 'vi' ? 'Các sổ' : 'Files'}: ${c.files.map(safeText).join('; ')}`);
  const n = report.counts;
  parts.push(
    lang === 'vi'
      ? `${n.files} sổ: ${n.valid} đạt, ${n.invalid} không đạt, ${n.unreadable} không đọc được; ${n.error} lỗi, ${n.warning} cảnh báo, ${n.info} lưu ý`
      : `${n.files} files: ${n.valid} valid, ${n.invalid} invalid, ${n.unreadable} unreadable; ${n.error} errors, ${n.warning} warnings, ${n.info} info`,
  );
  return parts.join('\n\n');
}
