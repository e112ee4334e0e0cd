import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { currentNationalSettings, settingSeverity } from '../../engine/profiles';
import { BATCH_RULES, RULES } from '../../engine/rules';
import { catalogMarkdown } from '../../engine/report/catalog';
import { TEMPLATE_CHECKS } from '../../engine/template/checks';
import { ERROR_CODES } from '../../engine/report/schema';
import { UNREADABLE } from '../../engine/report/unreadable';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const ALL = [...RULES, ...BATCH_RULES];
const testText = readdirSync(join(ROOT, 'test', 'rules')).map((f) => readFileSync(join(ROOT, 'test', 'rules', f), 'utf8')).join('\n');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The catalog as the code holds it; its agreement with the team's spec is test/contract/catalog.contract.test.ts. */
describe('rule catalog v1', () => {
  test('the registry is sorted by id and each module is named after its id', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const r of ALL) {
      const [category, name] = r.id.split('/');
      const folder = category === 'refs' ? 'refs' : category!;
      expect(existsSync(join(ROOT, 'engine', 'rules', folder, `${name}.ts`))).toBe(true);
    }
  });

  test.each(ALL.map((r) => [r.id, r] as const))('%s: messages in vi and en with the same placeholders', (_id, rule) => {
    const messages = Object.entries(rule.meta.messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const [, m] of messages) {
      expect(m.vi.trim()).not.toBe('');
      expect(m.en.trim()).not.toBe('');
      expect(placeholders(m.vi)).toEqual(placeholders(m.en));
    }
    expect(rule.meta.description.vi).not.toBe('');
    expect(rule.meta.description.en).not.toBe('');
  });

  // A table (runRuleTests, runBatchRuleTests) checks itself when it is defined: the rule
  // exists, at least one valid and one invalid case, no case twice, known messageIds only.
  test.each(ALL.map((r) => [r.id] as const))('%s: has a table of cases', (id) => {
    const tester = BATCH_RULES.some((r) => r.id === id) ? 'runBatchRuleTests' : 'runRuleTests';
    expect(testText).toContain(`${tester}('${id}', {`);
  });

  test('the national profile of today names every rule (ruleSeverity falls back to it, and past it to warning)', () => {
    const national = currentNationalSettings().rules;
    expect(ALL.map((r) => r.id).filter((id) => settingSeverity(national[id]) === undefined)).toEqual([]);
  });

  test('every id a rule or a template check names is a rule: defersTo (never itself), each formula check\'s ruleId', () => {
    const ids = new Set(ALL.map((r) => r.id));
    for (const r of ALL) {
      for (const owner of r.meta.defersTo ?? []) expect([r.id, owner, ids.has(owner) && owner !== r.id]).toEqual([r.id, owner, true]);
    }
    for (const c of TEMPLATE_CHECKS) expect([c.ruleId, ids.has(c.ruleId)]).toEqual([c.ruleId, true]);
  });

  test('docs/rules.md and docs/rules.en.md are generated from the metadata and up to date', () => {
    expect(readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8')).toBe(catalogMarkdown('vi'));
    expect(readFileSync(join(ROOT, 'docs', 'rules.en.md'), 'utf8')).toBe(catalogMarkdown('en'));
    for (const r of ALL) expect(catalogMarkdown('vi')).toContain(`### \`${r.id}\``);
  });

  test('the legal bases the spec names are cited', () => {
    const basis = (id: string) => ALL.find((r) => r.id === id)!.meta.basis;
    expect(basis('awards/one-per-unit')).toBe('Luật Thi đua, khen thưởng 2022, Điều 5');
    expect(basis('awards/government-flag')).toBe('Luật Thi đua, khen thưởng 2022, Điều 25');
    expect(basis('bloc/unknown-province')).toBe('Nghị quyết 202/2025/QH15');
  });
});

describe('one catalog: the reasons a file cannot be read beside the rules', () => {
  test('`thidua rules --format json` lists every unreadable code with its messages, in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const r = await runCli(['rules', '--format', 'json', '--lang', lang]);
      const entries = JSON.parse(r.out) as { id: string; category: string; messages: Record<string, string> }[];
      const unreadable = entries.filter((e) => e.category === 'unreadable');
      expect(unreadable.map((e) => e.id)).toEqual(ERROR_CODES.map((c) => `unreadable/${c}`));
      for (const e of unreadable) expect(e.messages.message).toBe(UNREADABLE[e.id.slice('unreadable/'.length) as (typeof ERROR_CODES)[number]].message[lang]);
      expect(entries.filter((e) => e.category !== 'unreadable')).toHaveLength(ALL.length);
    }
  });

  test('an unreadable file in a report is worded by the catalog', async () => {
    const r = await runCli(['validate', join(ROOT, 'test', 'fixtures', 'libreoffice', 'lai-chau.xls'), '--format', 'json', '--no-progress']);
    const file = (JSON.parse(r.out) as { files: { error: { code: 'xls-legacy'; message: string } }[] }).files[0]!;
    expect(file.error).toEqual({ code: 'xls-legacy', message: UNREADABLE['xls-legacy'].message.vi });
  });
});
