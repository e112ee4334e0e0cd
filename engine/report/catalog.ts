import { BASIS_KIND_LABEL, basisKind, ruleBasis } from '../law/basis';
import { TEMPLATE_CHECKS } from '../template/checks';
import { SHEETS } from '../template/spec';
import { currentNationalSettings, ruleSeverity } from '../profiles';
import { BATCH_RULES, RULES } from '../rules';
import type { Lang, RuleMeta } from '../rules/types';
import { ERROR_CODES } from './schema';
import { WORDS, type Words } from './words';
import { UNREADABLE } from './unreadable';

/**
 * Everything thidua can say, as data: the rules, from their own metadata, and the reasons a
 * file cannot be read (`unreadable/<code>`), for `thidua rules` and docs/rules.md.
 */
export interface CatalogEntry {
  id: string;
  category: RuleMeta['category'] | 'unreadable';
  /** Severity in the national profile as in force today's law (the newest version). */
  severity: string;
  description: string;
  basis?: string;
  /** What kind of text the basis is, in the catalog's language (a law's article, the province's regulation, …). */
  basisKind?: string;
  /** The rule's options with their defaults, as a profile sets them. */
  options?: Record<string, unknown>;
  messages: Record<string, string>;
  /** The safe fix its suggestion offers (`meta.fix`). */
  fix?: string;
}

function basisFields(basis: string | undefined, lang: Lang): Pick<CatalogEntry, 'basis' | 'basisKind'> {
  if (basis === undefined || basisKind(basis) === 'none') return { basisKind: BASIS_KIND_LABEL.none[lang] };
  return { basis, basisKind: BASIS_KIND_LABEL[basisKind(basis)][lang] };
}

export function ruleCatalog(lang: Lang): CatalogEntry[] {
  const settings = currentNationalSettings();
  return [...RULES, ...BATCH_RULES]
    .map((r) => ({
      id: r.id,
      category: r.meta.category,
      severity: ruleSeverity(settings, r.id),
      description: r.meta.description[lang],
      ...basisFields(ruleBasis(r, settings), lang),
      ...(r.meta.options ? { options: r.meta.options.parse({}) as Record<string, unknown> } : {}),
      ...(r.meta.fix ? { fix: r.meta.fix } : {}),
      messages: Object.fromEntries(Object.entries(r.meta.messages).map(([k, v]) => [k, v[lang]])),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The reasons a file cannot be read, as catalog entries: an unreadable file counts as an error. */
export function unreadableCatalog(lang: Lang): CatalogEntry[] {
  return ERROR_CODES.map((code) => ({
    id: `unreadable/${code}`,
    category: 'unreadable' as const,
    severity: 'error',
    description: UNREADABLE[code].description[lang],
    messages: { message: UNREADABLE[code].message[lang], ...Object.fromEntries(Object.entries(UNREADABLE[code].variants ?? {}).map(([name, v]) => [name, v[lang]])) },
  }));
}

/** The whole catalog: the rules, then the reasons a file cannot be read. */
export function catalog(lang: Lang): CatalogEntry[] {
  return [...ruleCatalog(lang), ...unreadableCatalog(lang)];
}

const HEAD = {
  vi: { title: 'Danh mục quy tắc v1', note: 'Tệp này được sinh tự động từ siêu dữ liệu của các quy tắc (`npm run docs`); đừng sửa tay. Mức độ và căn cứ là của bộ quy tắc quốc gia (`quoc-gia`) theo luật hiện hành; mỗi căn cứ ghi rõ loại (điều khoản đã đọc, luật chưa nêu điều, văn bản hướng dẫn, quy chế khối thi đua của tỉnh, hoặc không có văn bản quy định); căn cứ theo từng năm ở `docs/legal.md`. Mục `unreadable` là các lý do không đọc được tệp, mỗi lý do với việc người gửi cần làm.', severity: 'Mức độ', basis: 'Căn cứ', byTemplate: 'Biểu mẫu tự kiểm tra', yes: 'có', no: 'không (chỉ thidua, phần bổ trợ)', rule: 'Quy tắc', overview: 'Biểu mẫu của `thidua template` tự kiểm tra các quy tắc có "có" bằng công thức (định dạng có điều kiện và trang `Kiểm tra`), trong mọi phiên bản Excel, WPS và LibreOffice; các quy tắc khác chỉ `thidua validate`, trang kiểm tra của Sở và phần bổ trợ kiểm tra được. Công thức so tên đơn vị và hình thức đúng từng chữ (không phân biệt hoa, thường) và chỉ với số liệu gõ dạng số, nên bắt ít hơn thidua: số 0 trong `Kiểm tra` không thay cho việc kiểm tra bằng thidua.', where: 'Tự kiểm tra trong biểu mẫu', options: 'Tùy chọn (mặc định)', messages: 'Thông báo', fix: 'Sửa an toàn', fixes: { nfc: 'đổi sang dạng Unicode dựng sẵn (NFC)', spaces: 'bỏ dấu cách thừa', number: 'ghi số thay cho chữ', recomputed: 'ghi giá trị tính lại' } },
  en: { title: 'Rule catalog v1', note: 'Generated from the rules\' metadata (`npm run docs`); do not edit by hand. Severity and basis are those of the national profile (`quoc-gia`) under the law now in force; each basis says what kind of text it is (an article read, a law named without an article, a guidance, the province\'s bloc regulation, or no written rule); the bases by year are in `docs/legal.md`. The `unreadable` section lists the reasons a file cannot be read, each with what the sender should do.', severity: 'Severity', basis: 'Basis', byTemplate: 'Checked by the template itself', yes: 'yes', no: 'no (thidua, the add-in)', rule: 'Rule', overview: 'The template of `thidua template` checks the rules marked "yes" by itself, with formulas (conditional formats and the sheet `Kiểm tra`), in every version of Excel, in WPS and in LibreOffice; the others only `thidua validate`, the office desk page and the add-in check. The formulas compare unit and award names letter for letter (ignoring case) and read only figures typed as numbers, so they catch less than thidua: a 0 in `Kiểm tra` does not replace a check by thidua.', where: 'Checked in the template', options: 'Options (defaults)', messages: 'Messages', fix: 'Safe fix', fixes: { nfc: 'the text in NFC', spaces: 'the text with its spaces tidied', number: 'the number the text stands for', recomputed: 'the value recomputed' } },
} as const;

export function catalogMarkdown(lang: Lang): string {
  const h = HEAD[lang];
  const out = [`# ${h.title}`, '', h.note, ''];
  // Which rules the template checks by itself (a column), and where.
  const covered = new Map<string, string[]>();
  for (const c of TEMPLATE_CHECKS) covered.set(c.ruleId, [...(covered.get(c.ruleId) ?? []), SHEETS.find((s) => s.key === c.sheet)!.name]);
  const scopes = new Map(TEMPLATE_CHECKS.filter((c) => c.scope).map((c) => [c.ruleId, c.scope![lang]]));
  const where = (id: string) => `${[...new Set(covered.get(id))].join(', ')}${scopes.has(id) ? `; ${scopes.get(id)}` : ''}`;
  const rules = ruleCatalog(lang);
  out.push(h.overview, '', `| ${h.rule} | ${h.byTemplate} |`, '|---|---|', ...rules.map((e) => `| \`${e.id}\` | ${covered.has(e.id) ? `${h.yes} (${where(e.id)})` : h.no} |`), '', `${covered.size} / ${rules.length}`, '');
  let category = '';
  for (const e of catalog(lang)) {
    if (e.category !== category) {
      category = e.category;
      out.push(`## ${category}`, '');
    }
    out.push(`### \`${e.id}\``, '', e.description, '', `- ${h.severity}: \`${e.severity}\``);
    if (e.basisKind) out.push(`- ${h.basis}: ${e.basis ? `${e.basis} (${e.basisKind})` : e.basisKind}`);
    if (e.options) out.push(`- ${h.options}: \`${JSON.stringify(e.options)}\``);
    if (e.fix) out.push(`- ${h.fix}: ${h.fixes[e.fix as keyof typeof h.fixes]}`);
    if (covered.has(e.id)) out.push(`- ${h.where}: ${where(e.id)}`);
    out.push(`- ${h.messages}:`);
    for (const [id, text] of Object.entries(e.messages)) out.push(`  - \`${id}\`: ${text}`);
    out.push('');
  }
  return out.join('\n');
}


/** The catalog for a terminal: each entry's id, severity, what it checks and its basis; no markup. */
export function catalogText(lang: Lang): string {
  const out: string[] = [];
  let category = '';
  for (const e of catalog(lang)) {
    if (e.category !== category) {
      category = e.category;
      out.push('', category.toUpperCase());
    }
    out.push(`  ${e.id.padEnd(32)} ${WORDS[lang].severity[e.severity as keyof Words['severity']] ?? e.severity}`, `      ${e.description}`);
    if (e.basisKind) out.push(`      ${lang === 'vi' ? 'Căn cứ' : 'Basis'}: ${e.basis ? `${e.basis} (${e.basisKind})` : e.basisKind}`);
    if (e.category === 'unreadable') out.push(`      → ${e.messages.message}`);
  }
  out.push('', lang === 'vi' ? 'Toàn văn các thông báo: thidua rules --format md (hoặc json).' : 'Every message in full: thidua rules --format md (or json).', '');
  return out.join('\n').replace(/^\n/, '');
}
