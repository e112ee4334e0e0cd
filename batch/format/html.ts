import type { FileJson, ReportJson } from '../../engine';

/** Everything from a workbook is text: escaped, never markup. */
export function escapeHtml(s: string | number | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const T = {
  vi: { title: 'Kết quả kiểm tra sổ thi đua', files: 'sổ', valid: 'đạt', invalid: 'không đạt', unreadable: 'không đọc được', error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý', show: 'Hiện', place: 'Vị trí', rule: 'Quy tắc', message: 'Nội dung', suggestion: 'Gợi ý', workbook: '(cả sổ)', cross: 'Giữa các sổ', none: 'Không có phát hiện nào.' },
  en: { title: 'Emulation workbook check', files: 'files', valid: 'valid', invalid: 'invalid', unreadable: 'unreadable', error: 'errors', warning: 'warnings', info: 'info', show: 'Show', place: 'Place', rule: 'Rule', message: 'Message', suggestion: 'Suggestion', workbook: '(workbook)', cross: 'Across files', none: 'No findings.' },
} as const;

function fileSection(f: FileJson, t: (typeof T)['vi' | 'en']): string {
  const head = `<h2>${escapeHtml(f.path)} <span class="status ${f.status}">${escapeHtml(t[f.status])}</span></h2>`;
  const bloc = f.bloc ? `<p class="bloc">${escapeHtml([f.bloc.name, f.bloc.province, f.bloc.year].filter((x) => x !== undefined).join(' — '))}</p>` : '';
  if (f.status === 'unreadable') return `<section>${head}<p class="error">${escapeHtml(f.error?.message)}</p></section>`;
  if (f.findings.length === 0) return `<section>${head}${bloc}<p>${t.none}</p></section>`;
  const bySheet = new Map<string, FileJson['findings']>();
  for (const x of f.findings) bySheet.set(x.sheet ?? t.workbook, [...(bySheet.get(x.sheet ?? t.workbook) ?? []), x]);
  const groups = [...bySheet].map(([sheet, list]) => {
    const rows = list
      .map((x) => `<tr class="${x.severity}"><td>${escapeHtml(x.cell ?? (x.row !== undefined ? `${x.row}:${x.row}` : ''))}</td><td>${escapeHtml(t[x.severity])}</td><td><code>${escapeHtml(x.ruleId)}</code></td><td>${escapeHtml(x.message)}${x.basis ? `<br><small>${escapeHtml(x.basis)}</small>` : ''}</td><td>${escapeHtml(x.suggestion)}</td></tr>`)
      .join('');
    return `<h3>${escapeHtml(sheet)}</h3><table><thead><tr><th>${t.place}</th><th></th><th>${t.rule}</th><th>${t.message}</th><th>${t.suggestion}</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section>${head}${bloc}${groups.join('')}</section>`;
}

/** A self-contained page: no external asset, filters by severity with a few lines of script. */
export function formatHtml(report: ReportJson, lang: 'vi' | 'en' = 'vi'): string {
  const t = T[lang];
  const c = report.counts;
  const cross = report.crossFile.length
    ? `<section><h2>${t.cross}</h2><table><tbody>${report.crossFile.map((x) => `<tr class="${x.severity}"><td>${escapeHtml(t[x.severity])}</td><td><code>${escapeHtml(x.ruleId)}</code></td><td>${escapeHtml(x.message)}</td><td>${x.files.map(escapeHtml).join('<br>')}</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const filters = (['error', 'warning', 'info'] as const).map((s) => `<label><input type="checkbox" data-severity="${s}" checked> ${t[s]}</label>`).join(' ');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${t.title}</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}tr.error td:nth-child(2){color:#b00020;font-weight:600}
tr.warning td:nth-child(2){color:#8a5a00}tr.info td:nth-child(2){color:#0b5394}.status{font-size:.8em;padding:.1rem .4rem;border-radius:.3rem}
.status.valid{background:#e6f4ea}.status.invalid{background:#fce8e6}.status.unreadable{background:#fef7e0}.hidden{display:none}
</style></head><body>
<h1>${t.title}</h1>
<p>${c.files} ${t.files}: ${c.valid} ${t.valid}, ${c.invalid} ${t.invalid}, ${c.unreadable} ${t.unreadable}; ${c.error} ${t.error}, ${c.warning} ${t.warning}, ${c.info} ${t.info}</p>
<p>${t.show}: ${filters}</p>
${report.files.map((f) => fileSection(f, t)).join('\n')}
${cross}
<script>
for (const box of document.querySelectorAll('input[data-severity]')) {
  box.addEventListener('change', () => {
    for (const row of document.querySelectorAll('tr.' + box.dataset.severity)) row.classList.toggle('hidden', !box.checked);
  });
}
</script>
</body></html>
`;
}
