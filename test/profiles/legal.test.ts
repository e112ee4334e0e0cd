/** The law as written: every citation of the profiles and the rules is one someone has read, or says what it is. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_PROFILES, settingBasis } from '../../engine/profiles';
import { citationStatus, legalMarkdown } from '../../engine/report/legal';
import { BATCH_RULES, RULES } from '../../engine/rules';

const ROOT = join(__dirname, '..', '..');

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
  for (const r of [...RULES, ...BATCH_RULES]) if (r.meta.basis) out.push([r.id, r.meta.basis]);
  return out;
}

test('no article is cited that nobody checked (Điều 71, 72 for the Bằng khen and Điều 30 for the vote threshold were wrong)', () => {
  const all = bases();
  expect(all.length).toBeGreaterThan(30);
  expect(all.filter(([, b]) => citationStatus(b) === 'unchecked')).toEqual([]);
  const text = JSON.stringify(BUILT_IN_PROFILES) + JSON.stringify([...RULES, ...BATCH_RULES].map((r) => [r.meta.basis, r.meta.messages, r.meta.description]));
  for (const wrong of ['Điều 71', 'Điều 72', 'Điều 30', 'Điều 50']) expect(text).not.toContain(wrong);
});

test.each([
  ['Luật Thi đua, khen thưởng 2022, Điều 5', 'checked'],
  ['Luật Thi đua, khen thưởng 2022, Điều 73', 'checked'],
  ['Luật Thi đua, khen thưởng 2022, Điều 71', 'unchecked'],
  ['Nghị định 98/2023/NĐ-CP, Điều 30', 'unchecked'],
  ['mức tiền thưởng của từng hình thức, Nghị định 152/2025/NĐ-CP, Điều 54', 'checked'],
  ['Luật Thi đua, khen thưởng 2022, Điều 26', 'spec-cited'],
  ['Luật Thi đua, khen thưởng 2003 (sửa đổi 2013); Nghị định 91/2017/NĐ-CP', 'document'],
  ['thông lệ', 'custom'],
  ['ví dụ minh hoạ: Bằng khen không quá 35 % số thành viên', 'example'],
])('%s: %s', (basis, status) => {
  expect(citationStatus(basis)).toBe(status);
});

test('a workbook under each version of the national profile cites that version\'s law for one award per achievement', () => {
  const [v2018, v2024] = BUILT_IN_PROFILES.find((p) => p.id === 'quoc-gia')!.versions;
  expect(settingBasis(v2018!.rules!['awards/one-per-unit'])).toBe('Luật Thi đua, khen thưởng 2003, Điều 6');
  expect(settingBasis(v2024!.rules!['awards/one-per-unit'])).toBe('Luật Thi đua, khen thưởng 2022, Điều 5');
});

test('docs/legal.md is generated from the profiles and up to date', () => {
  expect(readFileSync(join(ROOT, 'docs', 'legal.md'), 'utf8')).toBe(legalMarkdown());
});
