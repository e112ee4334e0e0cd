import { checkedDate, type FileJson, type ReportJson, type Lang, WORDS, type Words } from '../engine';

/** Everything from a workbook is text: escaped, never markup. */
export function escapeHtml(s: string | number | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const T = {
  vi: {
    title: 'Kết quả kiểm tra sổ thi đua',
    show: 'Hiện', place: 'Vị trí', severity: 'Mức độ', rule: 'Quy tắc', message: 'Nội dung', suggestion: 'Gợi ý', workbook: '(cả sổ)', cross: 'Giữa các sổ', none: 'Không có phát hiện nào.',
    checked: 'Kiểm tra lúc', profile: 'Bộ quy tắc', overview: 'Tổng quan', files2: 'Các sổ', filter: 'Lọc theo tên tệp, khối, tỉnh', sort: 'Bấm tiêu đề cột để sắp xếp.',
  },
  en: {
    title: 'Emulation workbook check',
    show: 'Show', place: 'Place', severity: 'Severity', rule: 'Rule', message: 'Message', suggestion: 'Suggestion', workbook: '(workbook)', cross: 'Across files', none: 'No findings.',
    checked: 'Checked on', profile: 'Profile', overview: 'Overview', files2: 'Files', filter: 'Filter by file, bloc, province', sort: 'Click a column header to sort.',
  },
} as const;
/** An output's own words and the words every output shares. */
type Text = (typeof T)[Lang] & { w: Words };

const anchor = (i: number) => `so-${i + 1}`;

function fileSection(f: FileJson, i: number, t: Text): string {
  const head = `<h2 id="${anchor(i)}">${escapeHtml(f.path)} <span class="status ${f.status}">${escapeHtml(t.w.status[f.status])}</span></h2>`;
  const about = [f.bloc ? [f.bloc.name, f.bloc.province, f.bloc.year].filter((x) => x !== undefined).join(' — ') : '', f.profile ? `${t.profile}: ${f.profile.id} (${f.profile.version})` : ''].filter((x) => x !== '');
  const bloc = about.length ? `<p class="bloc">${about.map(escapeHtml).join('<br>')}</p>` : '';
  if (f.status === 'unreadable') return `<section>${head}<p class="error">${escapeHtml(f.error?.message)}</p></section>`;
  if (f.findings.length === 0) return `<section>${head}${bloc}<p>${t.none}</p></section>`;
  const bySheet = new Map<string, FileJson['findings']>();
  for (const x of f.findings) bySheet.set(x.sheet ?? t.workbook, [...(bySheet.get(x.sheet ?? t.workbook) ?? []), x]);
  const groups = [...bySheet].map(([sheet, list]) => {
    const rows = list
      .map((x) => `<tr class="${x.severity}"><td class="n">${escapeHtml(x.cell ?? (x.row !== undefined ? `${x.row}:${x.row}` : ''))}</td><td class="n">${escapeHtml(t.w.severityCounted[x.severity])}</td><td><code>${escapeHtml(x.ruleId)}</code></td><td>${escapeHtml(x.message)}${x.basis ? `<br><small>${escapeHtml(x.basis)}</small>` : ''}</td><td>${escapeHtml(x.suggestion)}</td></tr>`)
      .join('');
    return `<h3>${escapeHtml(sheet)}</h3><table><thead><tr><th class="n">${t.place}</th><th class="n">${t.severity}</th><th>${t.rule}</th><th>${t.message}</th><th>${t.suggestion}</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `<section>${head}${bloc}${groups.join('')}</section>`;
}

/** One row per file, linking to its section: what the office scans first. */
function overview(report: ReportJson, t: Text): string {
  const rows = report.files
    .map((f, i) => `<tr class="${f.status}"><td><a href="#${anchor(i)}">${escapeHtml(f.path)}</a></td><td>${escapeHtml(f.bloc?.province)}</td><td>${escapeHtml(f.bloc?.name)}</td><td class="n">${escapeHtml(f.bloc?.year)}</td><td class="n">${escapeHtml(t.w.status[f.status])}</td><td class="n">${f.counts.error}</td><td class="n">${f.counts.warning}</td></tr>`)
    .join('');
  return `<section class="overview"><h2>${t.overview}</h2><p class="controls"><input type="search" id="loc" placeholder="${t.filter}" aria-label="${t.filter}"> <small>${t.sort}</small></p>
<table id="tong-quan"><thead><tr><th>${t.w.column.file}</th><th>${t.w.column.province}</th><th>${t.w.column.bloc}</th><th class="n">${t.w.column.year}</th><th class="n">${t.w.column.result}</th><th class="n">${t.w.severityColumn.error}</th><th class="n">${t.w.severityColumn.warning}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/**
 * A self-contained page (no external asset; a few lines of script filter and sort): when it was
 * checked, an overview linking to each file, each file's findings by sheet, the findings across
 * files. Printed (A4), it drops the controls and starts each file on a page of its own.
 */
export function formatHtml(report: ReportJson, lang: Lang = 'vi', checkedAt: Date = new Date()): string {
  const t: Text = { ...T[lang], w: WORDS[lang] };
  const c = report.counts;
  const cross = report.crossFile.length
    ? `<section><h2>${t.cross}</h2><table><thead><tr><th>${t.severity}</th><th>${t.rule}</th><th>${t.message}</th><th>${t.files2}</th></tr></thead><tbody>${report.crossFile.map((x) => `<tr class="${x.severity}"><td>${escapeHtml(t.w.severityCounted[x.severity])}</td><td><code>${escapeHtml(x.ruleId)}</code></td><td>${escapeHtml(x.message)}</td><td>${x.files.map(escapeHtml).join('<br>')}</td></tr>`).join('')}</tbody></table></section>`
    : '';
  const filters = (['error', 'warning', 'info'] as const).map((s) => `<label><input type="checkbox" data-severity="${s}" checked> ${t.w.severityCounted[s]}</label>`).join(' ');
  const when = checkedDate(checkedAt, lang);
  // One workbook's report (to send back to its bloc): no overview of one row, no page per section.
  const single = report.files.length === 1;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${t.title}</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}
tr.error td:nth-child(2){color:#b00020;font-weight:600}tr.warning td:nth-child(2){color:#8a5a00}tr.info td:nth-child(2){color:#0b5394}
.status{font-size:.8em;padding:.1rem .4rem;border-radius:.3rem}.status.valid{background:#e6f4ea}.status.invalid{background:#fce8e6}.status.unreadable{background:#fef7e0}
#tong-quan th{cursor:pointer}.hidden{display:none}.n{white-space:nowrap}
@page{size:A4;margin:15mm 12mm}
@media print{body{margin:0;font-size:9.5pt}td,th{padding:.15rem .3rem}td{overflow-wrap:anywhere}.n{overflow-wrap:normal}.controls{display:none}section{break-before:page}section.overview,.single section{break-before:auto}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}}
</style></head><body${single ? ' class="single"' : ''}>
<h1>${t.title}</h1>
<p>${t.checked}: ${escapeHtml(when)}</p>
<p>${t.w.runTotals(c)}</p>
<p class="controls">${t.show}: ${filters}</p>
${single ? '' : overview(report, t)}
${report.files.map((f, i) => fileSection(f, i, t)).join('\n')}
${cross}
<script>
for (const box of document.querySelectorAll('input[data-severity]')) {
  box.addEventListener('change', () => {
    for (const row of document.querySelectorAll('tr.' + box.dataset.severity)) row.classList.toggle('hidden', !box.checked);
  });
}
const table = document.getElementById('tong-quan');
if (table) {
  document.getElementById('loc').addEventListener('input', (e) => {
    const q = e.target.value.toLowerCase();
    for (const row of table.tBodies[0].rows) row.classList.toggle('hidden', !row.textContent.toLowerCase().includes(q));
  });
  table.tHead.rows[0].querySelectorAll('th').forEach((th, col) => th.addEventListener('click', () => {
    const rows = [...table.tBodies[0].rows];
    const down = th.dataset.order !== 'asc';
    th.dataset.order = down ? 'asc' : 'desc';
    const key = (r) => r.cells[col].textContent;
    rows.sort((a, b) => (down ? 1 : -1) * key(a).localeCompare(key(b), undefined, { numeric: true }));
    table.tBodies[0].append(...rows);
  }));
}
</script>
</body></html>
`;
}
