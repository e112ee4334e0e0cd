/**
 * The law as thidua cites it, on one page an office lawyer can read in five minutes
 * (docs/legal.md, generated): every figure and citation of every version of every built-in
 * profile and every rule's own basis, each with what it rests on and whether the article was
 * checked against the text. A basis names an article only where someone has read it
 * (shared/spec/rules.md lists them); otherwise it names the document, or says `thông lệ`.
 */
import { BUILT_IN_PROFILES, resolveProfile, settingBasis } from '../profiles';
import { formatNumberVi } from '../template/values';
import type { Profile } from '../profiles/schema';
import { BATCH_RULES, RULES } from '../rules';

/** Articles checked against the texts (shared/spec/rules.md, 2026-11-29), by document. */
export const CHECKED_ARTICLES: Readonly<Record<string, readonly number[]>> = {
  'Luật Thi đua, khen thưởng 2022': [5, 25, 73, 74],
  'Luật Thi đua, khen thưởng 2003': [6],
  'Nghị định 91/2017/NĐ-CP': [69],
  'Nghị định 98/2023/NĐ-CP': [54],
  'Nghị định 152/2025/NĐ-CP': [54],
};

/**
 * Articles the spec's profile table cites without listing them as checked: cited because the
 * contract says so, and marked as not checked here.
 */
export const SPEC_CITED_ARTICLES: Readonly<Record<string, readonly number[]>> = {
  'Luật Thi đua, khen thưởng 2022': [26],
};

export type CitationStatus = 'checked' | 'spec-cited' | 'unchecked' | 'document' | 'custom' | 'example';

const KNOWN_DOCUMENTS = [...new Set([...Object.keys(CHECKED_ARTICLES), ...Object.keys(SPEC_CITED_ARTICLES)])];

/** Each `<document>, Điều N` of a basis: the known document named last before it (in its `;` part), and the article. */
function articles(basis: string): { document: string; article: number }[] {
  const out: { document: string; article: number }[] = [];
  for (const part of basis.split(';')) {
    for (const m of part.matchAll(/Điều\s+(\d+)/g)) {
      const before = part.slice(0, m.index);
      let document = '';
      let at = -1;
      for (const doc of KNOWN_DOCUMENTS) {
        const i = before.lastIndexOf(doc);
        if (i > at) [document, at] = [doc, i];
      }
      out.push({ document: document || before.trim(), article: Number(m[1]) });
    }
  }
  return out;
}

/** What a basis rests on: articles checked, an article not checked, a document only, custom, an example. */
export function citationStatus(basis: string): CitationStatus {
  if (/^thông lệ/i.test(basis.trim())) return 'custom';
  if (/^ví dụ/i.test(basis.trim())) return 'example';
  const cited = articles(basis);
  if (cited.length === 0) return 'document';
  const has = (list: Readonly<Record<string, readonly number[]>>, c: { document: string; article: number }) => list[c.document]?.includes(c.article) === true;
  if (cited.some((c) => !has(CHECKED_ARTICLES, c) && !has(SPEC_CITED_ARTICLES, c))) return 'unchecked';
  return cited.some((c) => !has(CHECKED_ARTICLES, c)) ? 'spec-cited' : 'checked';
}

const STATUS: Record<CitationStatus, string> = {
  checked: 'điều khoản đã đối chiếu với văn bản',
  'spec-cited': 'điều khoản theo đặc tả, chưa đối chiếu với văn bản',
  unchecked: 'CHƯA ĐỐI CHIẾU — không được trích',
  document: 'chỉ nêu văn bản, chưa đến điều khoản',
  custom: 'thông lệ, không phải quy định',
  example: 'ví dụ minh hoạ, không phải văn bản thật',
};

/** One row per figure a version sets: what, the value, its basis. */
function figures(profile: Profile, version: Profile['versions'][number]): [string, string, string][] {
  const rows: [string, string, string][] = [];
  const awards = resolveProfile(profile, version.from).settings.awards;
  const awardName = (id: string) => awards.find((a) => a.id === id)?.name ?? id;
  for (const a of version.awards ?? []) rows.push([`Hình thức: ${a.name}`, `${a.kind === 'flag' ? 'cờ' : 'bằng khen'}, cấp ${a.level === 'national' ? 'nhà nước' : 'tỉnh'}${a.leading ? ', dẫn đầu' : ''}`, a.basis]);
  if (version.precedence) rows.push(['Thứ bậc các hình thức', version.precedence.order.map(awardName).join(' > '), version.precedence.basis]);
  const q = version.quota;
  if (q) {
    rows.push(['Chỉ tiêu cờ của tỉnh', `tối đa max(${q.provinceFlags.min}, ⌊${q.provinceFlags.share * 100} % × số thành viên⌋)`, q.provinceFlags.basis]);
    rows.push(['Chỉ tiêu cờ dẫn đầu', `tối đa ${q.leadingFlags.max}`, q.leadingFlags.basis]);
    rows.push(['Chỉ tiêu Cờ thi đua của Chính phủ', `tối đa ${q.governmentFlag.max}`, q.governmentFlag.basis]);
    rows.push(['Chỉ tiêu Bằng khen', q.certificates.share === null ? 'không giới hạn' : `tối đa ${q.certificates.share * 100} % số thành viên`, q.certificates.basis]);
  }
  if (version.approval) rows.push(['Ngưỡng tán thành', `cờ ≥ ${version.approval.flags * 100} %, hình thức khác > ${version.approval.others * 100} % số thành viên`, version.approval.basis]);
  if (version.quorum) rows.push(['Số thành viên dự tối thiểu', Math.abs(version.quorum.share - 2 / 3) < 1e-9 ? '2/3 số thành viên' : `${formatNumberVi(version.quorum.share * 100)} % số thành viên`, version.quorum.basis]);
  if (version.percentDenominator) rows.push(['Mẫu số của Tỷ lệ (%)', DENOMINATOR[version.percentDenominator.of], version.percentDenominator.basis]);
  if (version.rotation) rows.push(['Luân phiên', `phó khối kế nhiệm: ${version.rotation.deputySucceeds ? 'có' : 'không'}; không làm trưởng khối hai năm liền: ${version.rotation.noConsecutiveTerm ? 'có' : 'không'}`, version.rotation.basis]);
  if (version.meetingWindow) rows.push(['Thời gian hội nghị tổng kết', `${version.meetingWindow.start} … ${version.meetingWindow.end} (tháng-ngày)`, version.meetingWindow.basis]);
  if (version.blocSize) rows.push(['Số thành viên của khối', `${version.blocSize.min} … ${version.blocSize.max}`, version.blocSize.basis]);
  if (version.excellentShare) rows.push(['Tỷ lệ xếp loại HTXSNV', `tối đa ${version.excellentShare.max * 100} % từ năm ${version.excellentShare.fromYear}`, version.excellentShare.basis]);
  for (const [id, setting] of Object.entries(version.rules ?? {})) {
    const basis = settingBasis(setting);
    if (basis) rows.push([`Căn cứ của quy tắc \`${id}\``, '', basis]);
  }
  return rows;
}

const DENOMINATOR = { members: 'số thành viên', present: 'số thành viên dự', valid: 'số phiếu hợp lệ' } as const;

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** docs/legal.md. */
export function legalMarkdown(): string {
  const out = [
    '# Căn cứ pháp lý của thidua',
    '',
    'Tệp này được sinh tự động từ các bộ quy tắc và siêu dữ liệu của các quy tắc (`npm run docs`); đừng sửa tay.',
    'Mỗi con số và mỗi trích dẫn, với căn cứ và tình trạng đối chiếu. Một căn cứ chỉ nêu số điều khi điều đó đã được',
    'đọc trong văn bản; nếu không, chỉ nêu tên văn bản; một thông lệ ghi là "thông lệ" và không được trích như quy định.',
    '',
    '## Các điều khoản đã đối chiếu với văn bản (29/11/2026)',
    '',
    ...Object.entries(CHECKED_ARTICLES).map(([doc, list]) => `- ${doc}: Điều ${list.join(', ')}`),
    '',
    `Trích theo đặc tả nhưng chưa đối chiếu: ${Object.entries(SPEC_CITED_ARTICLES).map(([doc, list]) => `${doc}, Điều ${list.join(', ')}`).join('; ')}.`,
    '',
    '## Căn cứ riêng của từng quy tắc',
    '',
    '| quy tắc | căn cứ | tình trạng |',
    '|---|---|---|',
    ...[...RULES, ...BATCH_RULES].filter((r) => r.meta.basis).map((r) => `| \`${r.id}\` | ${cell(r.meta.basis!)} | ${STATUS[citationStatus(r.meta.basis!)]} |`),
    '',
    'Một phiên bản của bộ quy tắc có thể nêu căn cứ khác cho một quy tắc khi luật thay đổi (xem các bảng dưới).',
    '',
  ];
  for (const profile of BUILT_IN_PROFILES) {
    out.push(`## Bộ quy tắc \`${profile.id}\`: ${profile.name.vi}${profile.example ? ' (ví dụ minh hoạ)' : ''}`, '', profile.description.vi, '');
    if (profile.extends) out.push(`Kế thừa \`${profile.extends}\`; chỉ ghi những gì khác.`, '');
    for (const version of profile.versions) {
      out.push(`### Phiên bản từ ${version.from}`, '', `Căn cứ chung: ${version.basis} (${STATUS[citationStatus(version.basis)]}).`, '', '| nội dung | giá trị | căn cứ | tình trạng |', '|---|---|---|---|');
      for (const [what, value, basis] of figures(profile, version)) out.push(`| ${cell(what)} | ${cell(value)} | ${cell(basis)} | ${STATUS[citationStatus(basis)]} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
