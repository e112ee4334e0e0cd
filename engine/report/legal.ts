/**
 * The law as thidua cites it, on one page an office lawyer can read in five minutes
 * (docs/legal.md, generated): the articles read and what they say, the guidance read, the second
 * reading of the citations, each rule's basis under each version of the national profile, every
 * figure of every built-in profile with its basis and the kind of text that basis is, and what to
 * do when the law changes.
 */
import { BASIS_KIND_LABEL, type BasisKind, basisKind, ruleBasis } from '../law/basis';
import { CITATION_REVIEW, DOCUMENTS, READ_ARTICLES, READ_GUIDANCE } from '../law/texts';
import { BUILT_IN_PROFILES, DEFAULT_PROFILE_ID, findProfile, resolveProfile, settingBasis, settingSeverity } from '../profiles';
import type { Profile, Settings } from '../profiles/schema';
import { formatNumberVi } from '../template/values';
import { BATCH_RULES, RULES } from '../rules';

/** The day the citations were last read against the texts. */
export const READ_ON = '05/12/2026';

const KIND_MEANING: Record<Exclude<BasisKind, 'unread' | 'other'>, string> = {
  article: 'một điều của luật, nghị định hoặc thông tư mà người làm thidua đã đọc; nội dung điều đó ở bảng dưới. Sai với điều này là trái quy định.',
  document: 'một luật, nghị định được nêu tên nhưng chưa nêu điều, vì điều đó chưa đọc được; không trích một điều chưa đọc.',
  guidance: 'một văn bản hướng dẫn (hướng dẫn, công văn) của cơ quan thi đua, khen thưởng; không phải luật.',
  province: 'khối do Ủy ban nhân dân tỉnh tổ chức (Nghị định 91/2017/NĐ-CP, Điều 12; Hướng dẫn 1479/HD-BTĐKT, mục I.1), nên ngưỡng phiếu, số dự tối thiểu, chỉ tiêu, luân phiên, thời gian họp, số thành viên là của tỉnh. Bộ quy tắc quốc gia dùng giá trị thường gặp; tỉnh có quy định khác thì dùng bộ quy tắc của tỉnh.',
  none: 'thông báo không nêu căn cứ.',
  example: 'ví dụ minh hoạ trong bộ quy tắc mẫu, không phải quy định thật của tỉnh nào.',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const kind = (basis: string) => BASIS_KIND_LABEL[basisKind(basis)].vi;

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
    rows.push(['Chỉ tiêu Cờ thi đua của Chính phủ (trong một khối)', `tối đa ${q.governmentFlag.max}`, q.governmentFlag.basis]);
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
    if (basis) rows.push([`Quy tắc \`${id}\``, settingSeverity(setting) ?? '', basis]);
  }
  return rows;
}

const DENOMINATOR = { members: 'số thành viên', present: 'số thành viên dự', valid: 'số phiếu hợp lệ' } as const;

/** "Khi luật thay đổi": what a maintainer does, in order. */
const WHEN_THE_LAW_CHANGES = [
  '## Khi luật thay đổi',
  '',
  'Một luật, nghị định hay thông tư mới không tự vào thidua: người bảo trì làm theo thứ tự sau, và chỉ với điều đã đọc.',
  '',
  '1. **Đọc văn bản.** Tìm văn bản gốc (Công báo, vbpl.vn, cổng thông tin của Ban Thi đua – Khen thưởng Trung ương). Với mỗi điều sẽ trích, thêm một dòng vào `READ_ARTICLES` trong `engine/law/texts.ts`: văn bản, số điều, câu ngắn nói điều thidua dựa vào, nơi đã đọc. Văn bản mới chưa có trong `DOCUMENTS` thì thêm tên đầy đủ và ngày hiệu lực. Điều chưa đọc được thì không thêm: chỉ nêu tên văn bản.',
  '2. **Thêm một phiên bản của bộ quy tắc** vào `engine/profiles/quoc-gia.json`, cuối mảng `versions`: `from` là ngày văn bản có hiệu lực (`yyyy-mm-dd`), `basis` là các văn bản chung của phiên bản; chỉ ghi những gì thay đổi (hình thức, thứ bậc, chỉ tiêu, mức độ hoặc căn cứ của một quy tắc trong `rules`), mỗi mục với căn cứ của nó. Sổ có ngày hội nghị (hoặc 31/12 của năm) từ ngày ấy dùng phiên bản mới; sổ trước đó giữ phiên bản cũ.',
  '3. **Một quy tắc mới** (một giới hạn mới của luật) là một tệp trong `engine/rules/<nhóm>/`, có bảng trường hợp trong `test/rules/`, có trong `shared/spec/rules.md` (trao đổi với người giữ đặc tả), mức độ trong mọi phiên bản của `quoc-gia`.',
  '4. **Sinh lại tài liệu:** `npm run docs` (tệp này, `docs/rules.md`, `docs/rules.en.md`).',
  '5. **Kiểm thử:** `npm test`. `test/profiles/legal.test.ts` từ chối mọi căn cứ nêu một điều chưa có trong `READ_ARTICLES`, mọi căn cứ không rõ loại, và tệp này nếu chưa sinh lại; thêm một trường hợp cho một sổ có ngày sau ngày hiệu lực (xem các trường hợp theo năm trong `test/profiles/legal.test.ts`). Các sổ mẫu phải vẫn không có lỗi.',
  '6. **Tỉnh có quy chế riêng** không cần sửa thidua: tỉnh viết bộ quy tắc của mình (`extends: "quoc-gia"`), mỗi con số với căn cứ là quy chế của tỉnh (số, ngày của quyết định), rồi `thidua profiles --check tep.json`.',
  '',
];

/** docs/legal.md. */
export function legalMarkdown(): string {
  const out = [
    '# Căn cứ pháp lý của thidua',
    '',
    'Tệp này được sinh tự động từ `engine/law/texts.ts`, các bộ quy tắc và siêu dữ liệu của các quy tắc (`npm run docs`); đừng sửa tay.',
    `Mọi trích dẫn đã được đọc lại với văn bản ngày ${READ_ON}. Một căn cứ chỉ nêu số điều khi điều đó đã được đọc; nếu không, chỉ nêu tên văn bản.`,
    '',
    '## Các loại căn cứ',
    '',
    'Mỗi thông báo của thidua nêu căn cứ của nó, và nói căn cứ đó là gì:',
    '',
    ...(Object.entries(KIND_MEANING) as [BasisKind, string][]).map(([k, meaning]) => `- **${BASIS_KIND_LABEL[k].vi}**: ${meaning}`),
    '',
    '## Các điều khoản đã đọc',
    '',
    '| văn bản | điều | nội dung thidua dựa vào | đã đọc ở |',
    '|---|---|---|---|',
    ...READ_ARTICLES.map((a) => `| ${cell(a.document)} | ${a.article} | ${cell(a.says)} | ${cell(a.source)}${a.via ? ` (${cell(a.via)})` : ''} |`),
    '',
    '## Văn bản hướng dẫn đã đọc',
    '',
    '| văn bản | nội dung thidua dựa vào | đã đọc ở |',
    '|---|---|---|',
    ...READ_GUIDANCE.map((g) => `| ${cell(g.title)} | ${cell(g.says)} | ${cell(g.source)} |`),
    '',
    '## Tên đầy đủ của các văn bản',
    '',
    ...Object.entries(DOCUMENTS).map(([short, full]) => `- ${short}: ${full}`),
    '',
    `## Đối chiếu lần hai (${READ_ON})`,
    '',
    '| điều đã nêu | văn bản đối chiếu | kết quả |',
    '|---|---|---|',
    ...CITATION_REVIEW.map((r) => `| ${cell(r.claim)} | ${cell(r.text)} | ${cell(r.verdict)} |`),
    '',
    ...ruleTable(),
    ...versionTable(),
  ];
  for (const profile of BUILT_IN_PROFILES) {
    out.push(`## Bộ quy tắc \`${profile.id}\`: ${profile.name.vi}${profile.example ? ' (ví dụ minh hoạ)' : ''}`, '', profile.description.vi, '');
    if (profile.extends) out.push(`Kế thừa \`${profile.extends}\`; chỉ ghi những gì khác.`, '');
    for (const version of profile.versions) {
      out.push(`### Phiên bản từ ${version.from}`, '', `Căn cứ chung: ${version.basis} (${kind(version.basis)}).`, '', '| nội dung | giá trị | căn cứ | loại căn cứ |', '|---|---|---|---|');
      for (const [what, value, basis] of figures(profile, version)) out.push(`| ${cell(what)} | ${cell(value)} | ${cell(basis)} | ${kind(basis)} |`);
      out.push('');
    }
  }
  out.push(...WHEN_THE_LAW_CHANGES);
  return out.join('\n');
}

/** Each rule's basis under each version of the national profile. */
function ruleTable(): string[] {
  const national = findProfile(DEFAULT_PROFILE_ID)!;
  const versions = national.versions.map((v) => ({ from: v.from, settings: resolveProfile(national, v.from).settings }));
  const rules = [...RULES, ...BATCH_RULES];
  const withBasis = rules.filter((r) => versions.some((v) => ruleBasis(r, v.settings) !== undefined));
  const without = rules.filter((r) => !withBasis.includes(r));
  const at = (r: (typeof rules)[number], s: Settings) => {
    const b = ruleBasis(r, s);
    const severity = settingSeverity(s.rules[r.id]);
    return b === undefined ? '—' : `${cell(b)} (${kind(b)})${severity === 'off' ? '; tắt' : ''}`;
  };
  return [
    `## Căn cứ của từng quy tắc trong bộ quy tắc \`${DEFAULT_PROFILE_ID}\``,
    '',
    `| quy tắc | ${versions.map((v) => `từ ${v.from}`).join(' | ')} |`,
    `|---|${versions.map(() => '---').join('|')}|`,
    ...withBasis.map((r) => `| \`${r.id}\` | ${versions.map((v) => at(r, v.settings)).join(' | ')} |`),
    '',
    `Các quy tắc kiểm tra chính số liệu của sổ (khuôn mẫu, ô, chữ, thành viên, điểm, phiếu), không dựa vào văn bản nào và không nêu căn cứ: ${without.map((r) => `\`${r.id}\``).join(', ')}.`,
    '',
  ];
}

/** Every version of every built-in profile and the texts it rests on. */
function versionTable(): string[] {
  return [
    '## Các phiên bản của bộ quy tắc và văn bản làm căn cứ',
    '',
    'Sổ dùng phiên bản có hiệu lực vào ngày hội nghị tổng kết (không có thì ngày 31/12 của năm).',
    '',
    '| bộ quy tắc | phiên bản từ | văn bản làm căn cứ | loại căn cứ |',
    '|---|---|---|---|',
    ...BUILT_IN_PROFILES.flatMap((p) => p.versions.map((v) => `| \`${p.id}\` | ${v.from} | ${cell(v.basis)} | ${kind(v.basis)} |`)),
    '',
  ];
}
