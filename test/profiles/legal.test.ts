/** The law as written: every basis the profiles and the rules give is of a declared kind, and every article cited was read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_PROFILES, findProfile, resolveProfile, settingBasis, settingSeverity } from '../../engine/profiles';
import { basisKind, citedArticles, DECLARED_KINDS, readArticle, renderBasis, ruleBasis } from '../../engine/law/basis';
import { READ_ARTICLES, READ_GUIDANCE } from '../../engine/law/texts';
import { legalMarkdown } from '../../engine/report/legal';
import { BATCH_RULES, RULES } from '../../engine/rules';

const ROOT = join(__dirname, '..', '..');
const ALL = [...RULES, ...BATCH_RULES];

/** Every basis the profiles and the rules give, with where it stands. */
function bases(): [string, string][] {
  const out: [string, string][] = [];
  const visit = (where: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(`${where}[${i}]`, v));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'basis' && typeof v === 'string') out.push([`${where}.basis`, v]);
        else visit(`${where}.${k}`, v);
      }
    }
  };
  for (const p of BUILT_IN_PROFILES) visit(p.id, p.versions);
  for (const r of ALL) if (r.meta.basis) out.push([r.id, r.meta.basis]);
  return out;
}

const national = findProfile('quoc-gia')!;
const DATES = national.versions.map((v) => v.from);

test('every basis of every built-in profile and rule is of a declared kind: a read article, a law named, a guidance, the province\'s regulation, none, an example', () => {
  const all = bases();
  expect(all.length).toBeGreaterThan(40);
  expect(all.filter(([, b]) => !DECLARED_KINDS.includes(basisKind(b)))).toEqual([]);
});

test.each(ALL.map((r) => [r.id, r] as const))('%s: its basis under each version of the national profile is of a declared kind', (_id, rule) => {
  for (const date of DATES) {
    const basis = ruleBasis(rule, resolveProfile(national, date).settings);
    if (basis !== undefined) expect(DECLARED_KINDS).toContain(basisKind(basis));
  }
});

test('every article a basis cites was read, and docs/legal.md prints what it says and where it was read', () => {
  const legal = readFileSync(join(ROOT, 'docs', 'legal.md'), 'utf8');
  const cited = bases().flatMap(([, b]) => citedArticles(b));
  expect(cited.length).toBeGreaterThan(15);
  for (const c of cited) {
    const read = readArticle(c);
    expect(read).toBeDefined();
    expect(read!.says.length).toBeGreaterThan(20);
    expect(legal).toContain(read!.says.replace(/\|/g, '\\|'));
    expect(legal).toContain(read!.source.replace(/\|/g, '\\|'));
  }
  // Nothing read is left uncited by accident: each read article backs some basis.
  for (const a of READ_ARTICLES) expect(cited.some((c) => c.document === a.document && c.article === a.article)).toBe(true);
  for (const g of READ_GUIDANCE) expect(legal).toContain(g.says.replace(/\|/g, '\\|'));
});

test.each([
  ['Luật Thi đua, khen thưởng 2022, Điều 5', 'article'],
  ['Luật Thi đua, khen thưởng 2022, Điều 25, 26', 'article'],
  ['mức tiền thưởng: Nghị định 91/2017/NĐ-CP, Điều 66, 69 và 73', 'article'],
  ['Luật Thi đua, khen thưởng 2022, Điều 74', 'unread'],
  ['Luật Thi đua, khen thưởng 2022, Điều 71', 'unread'],
  ['Nghị định 98/2023/NĐ-CP, Điều 30', 'unread'],
  ['Nghị định 91/2017/NĐ-CP, Điều 11; Nghị định 98/2023/NĐ-CP, Điều 7', 'unread'],
  ['Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2009, 2013); Nghị định 91/2017/NĐ-CP', 'document'],
  ['Nghị quyết 202/2025/QH15', 'document'],
  ['Hướng dẫn 1479/HD-BTĐKT (2016), mục I.1', 'guidance'],
  ['quy chế khối thi đua của tỉnh (giá trị thường dùng)', 'province'],
  ['Quyết định 12/2024/QĐ-UBND của UBND tỉnh Lai Châu, Điều 9', 'province'],
  ['thông lệ', 'none'],
  ['không có văn bản quy định', 'none'],
  ['ví dụ minh hoạ: Bằng khen không quá 35 % số thành viên', 'example'],
  ['Nghị quyết của Hội đồng thi đua tỉnh năm 2024', 'other'],
])('%s is %s', (basis, kind) => {
  expect(basisKind(basis)).toBe(kind);
});

test('no article is cited that nobody read (Điều 71, 72 for the Bằng khen, Điều 30 for the vote threshold, and 2022 Điều 73, 74 not re-read)', () => {
  const text = JSON.stringify(BUILT_IN_PROFILES) + JSON.stringify(ALL.map((r) => [r.meta.basis, r.meta.messages, r.meta.description]));
  for (const wrong of ['Điều 71', 'Điều 72', 'Điều 30', 'Điều 50', 'Điều 73', 'Điều 74', 'thông lệ', '366-QĐ/TW (2025) về']) expect(text).not.toContain(wrong);
});

test('a finding says what its basis is: a law by its name, the province\'s regulation as such, a guidance as a guidance, nothing where nothing is written', () => {
  expect(renderBasis('Luật Thi đua, khen thưởng 2022, Điều 5', 'vi')).toBe('Căn cứ: Luật Thi đua, khen thưởng 2022, Điều 5');
  expect(renderBasis('quy chế khối thi đua của tỉnh (giá trị thường dùng)', 'vi')).toBe('Căn cứ: quy chế khối thi đua của tỉnh (giá trị thường dùng)');
  expect(renderBasis('quy chế khối thi đua của tỉnh (giá trị thường dùng)', 'en')).toBe('Basis (the province\'s bloc regulation): quy chế khối thi đua của tỉnh (giá trị thường dùng)');
  expect(renderBasis('Hướng dẫn 1479/HD-BTĐKT (2016), mục I.1', 'vi')).toBe('Căn cứ (văn bản hướng dẫn): Hướng dẫn 1479/HD-BTĐKT (2016), mục I.1');
  expect(renderBasis('ví dụ minh hoạ: Bằng khen ≤ 35 %', 'vi')).toBe('Căn cứ: ví dụ minh hoạ: Bằng khen ≤ 35 %');
  expect(renderBasis('ví dụ minh hoạ: Bằng khen ≤ 35 %', 'en')).toBe('Basis (an example, not a real regulation): ví dụ minh hoạ: Bằng khen ≤ 35 %');
  expect(renderBasis('Quyết định 12/2024/QĐ-UBND, Điều 9', 'vi')).toBe('Căn cứ (quy chế khối thi đua của tỉnh): Quyết định 12/2024/QĐ-UBND, Điều 9');
  expect(renderBasis('thông lệ', 'vi')).toBeUndefined();
});

describe('each version of the national profile cites the law of its years', () => {
  const at = (date: string) => resolveProfile(national, date).settings;
  const rule = (id: string) => ALL.find((r) => r.id === id)!;

  test('one award per achievement: Luật 2003 Điều 6 as amended in 2013, then Luật 2022 Điều 5', () => {
    expect(ruleBasis(rule('awards/one-per-unit'), at('2023-12-15'))).toMatch(/^Luật Thi đua, khen thưởng 2003, Điều 6 .*39\/2013\/QH13/);
    expect(ruleBasis(rule('awards/one-per-unit'), at('2024-12-15'))).toBe('Luật Thi đua, khen thưởng 2022, Điều 5');
  });

  test('the leading award: Nghị định 91/2017 Điều 11 and Thông tư 08/2017 Điều 8, then Luật 2022 Điều 25, 26', () => {
    expect(ruleBasis(rule('awards/leading-rank'), at('2023-12-15'))).toBe('Nghị định 91/2017/NĐ-CP, Điều 11; Thông tư 08/2017/TT-BNV, Điều 8');
    expect(ruleBasis(rule('awards/leading-rank'), at('2025-12-15'))).toBe('Luật Thi đua, khen thưởng 2022, Điều 25, 26');
  });

  test('the figures no national text sets are the province\'s regulation, never "thông lệ"', () => {
    for (const date of DATES) {
      const s = at(date);
      for (const b of [s.approval.basis, s.quorum.basis, s.percentDenominator.basis, s.rotation.basis, s.meetingWindow.basis, s.blocSize.basis, s.quota.provinceFlags.basis, s.quota.leadingFlags.basis, s.quota.governmentFlag.basis, s.quota.certificates.basis]) {
        expect(basisKind(b)).toBe('province');
      }
    }
  });

  test('awards/excellent-share is off in every version, its figure said to have no basis for a bloc', () => {
    for (const date of DATES) {
      expect(settingSeverity(at(date).rules['awards/excellent-share'])).toBe('off');
      expect(basisKind(at(date).excellentShare.basis)).toBe('none');
    }
  });

  test('the province-wide Government-flag limit: Nghị định 91/2017 Điều 11 until 2023, off from 2024 (no article of 98/2023 read)', () => {
    expect(settingSeverity(at('2023-12-15').rules['batch/government-flag-share'])).toBe('warning');
    expect(settingBasis(at('2023-12-15').rules['batch/government-flag-share'])).toBe('Nghị định 91/2017/NĐ-CP, Điều 11');
    for (const date of ['2024-12-15', '2025-12-15']) expect(settingSeverity(at(date).rules['batch/government-flag-share'])).toBe('off');
  });
});

test('docs/legal.md is generated from the law registry and the profiles, and up to date', () => {
  const legal = legalMarkdown();
  expect(readFileSync(join(ROOT, 'docs', 'legal.md'), 'utf8')).toBe(legal);
  expect(legal).toContain('## Khi luật thay đổi');
  expect(legal).toContain('## Các phiên bản của bộ quy tắc và văn bản làm căn cứ');
  for (const p of BUILT_IN_PROFILES) for (const v of p.versions) expect(legal).toContain(`| \`${p.id}\` | ${v.from} |`);
});
