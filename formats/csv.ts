import { type ReportJson, WORDS, type Lang } from '../engine';

/**
 * A value that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or a
 * carriage return first) is written as text: a submitted workbook's text never runs as a
 * formula in the office's copy (OWASP "CSV injection").
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The table a clerk opens in Excel: headers and values in the report's language (JSON stays the machine format). */
const HEADER = {
  vi: ['Tệp', 'Kết quả', 'Tỉnh/Thành phố', 'Khối', 'Năm', 'Trang', 'Ô', 'Mức độ', 'Quy tắc', 'Nội dung', 'Gợi ý', 'Căn cứ'],
  en: ['File', 'Result', 'Province', 'Bloc', 'Year', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Suggestion', 'Basis'],
} as const;

/** One line per finding (and one per unreadable file), UTF-8 with a BOM so that Excel reads Vietnamese. */
export function formatCsv(report: ReportJson, lang: Lang = 'vi'): string {
  const w = { ...WORDS[lang].severity, ...WORDS[lang].status };
  const lines = [HEADER[lang].join(',')];
  for (const f of report.files) {
    const base = [f.path, w[f.status], f.bloc?.province, f.bloc?.name, f.bloc?.year];
    if (f.status === 'unreadable') lines.push([...base, '', '', w.error, `unreadable/${f.error?.code}`, f.error?.message, '', ''].map(csvCell).join(','));
    for (const x of f.findings) lines.push([...base, x.sheet, x.cell ?? (x.row !== undefined ? String(x.row) : ''), w[x.severity], x.ruleId, x.message, x.suggestion, x.basis].map(csvCell).join(','));
  }
  for (const c of report.crossFile) lines.push([c.files.join(' | '), '', '', '', '', '', '', w[c.severity], c.ruleId, c.message, '', ''].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
