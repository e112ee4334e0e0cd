import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findProfile, resolveProfile, settingSeverity } from '../../engine/profiles';
import { BATCH_RULES, RULES } from '../../engine/rules';
import { catalogMarkdown } from '../../engine/report/catalog';
import { ERROR_CODES } from '../../engine/report/schema';
import { UNREADABLE } from '../../engine/report/unreadable';
import { runCli } from '../helpers/cli';

const ROOT = join(__dirname, '..', '..');
const SPEC = join(ROOT, '..', 'shared', 'spec', 'rules.md');

/** `| \`votes/quorum\` | error | … |` rows of the spec's rule tables. */
function specRules(): Map<string, string> {
  if (!existsSync(SPEC)) throw new Error(`The rule catalog spec is not at ${SPEC}: shared/ must sit beside the repository.`);
  const rows = new Map<string, string>();
  for (const line of readFileSync(SPEC, 'utf8').split('\n')) {
    const m = /^\|\s*`([a-z]+\/[a-z-]+)`\s*\|\s*(error|warning|info|off)\s*\|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

const ALL = [...RULES, ...BATCH_RULES];
/**
 * Rules added beyond catalog v1 (the spec allows additions, never a renamed id), each with its
 * default in the national profile of today's law (docs/decisions.md says why).
 */
const ADDED: Record<string, string> = { 'batch/government-flag-share': 'off', 'members/rating-mismatch': 'error' };
const testText = readdirSync(join(ROOT, 'test', 'rules')).map((f) => readFileSync(join(ROOT, 'test', 'rules', f), 'utf8')).join('\n');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('rule catalog v1', () => {
  const spec = specRules();

  test('the spec lists the 53 rules of catalog v1', () => {
    expect(spec.size).toBe(53);
  });

  test('every id of the spec is a rule, and every rule is in the spec or an addition', () => {
    expect(ALL.map((r) => r.id).sort()).toEqual([...spec.keys(), ...Object.keys(ADDED)].sort());
    for (const id of Object.keys(ADDED)) expect(spec.has(id)).toBe(false);
  });

  test('the registry is sorted by id and each module is named after its id', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const r of ALL) {
      const [category, name] = r.id.split('/');
      const folder = category === 'refs' ? 'refs' : category!;
      expect(existsSync(join(ROOT, 'engine', 'rules', folder, `${name}.ts`))).toBe(true);
    }
  });

  test.each(ALL.map((r) => [r.id, r] as const))('%s: quoc-gia severity is the spec\'s default in every version', (id) => {
    if (ADDED[id] !== undefined) {
      expect(settingSeverity(resolveProfile(findProfile('quoc-gia')!, '2025-12-01').settings.rules[id])).toBe(ADDED[id]);
      return;
    }
    for (const date of ['2018-06-01', '2024-06-01', '2025-12-01']) {
      const { settings } = resolveProfile(findProfile('quoc-gia')!, date);
      expect(settingSeverity(settings.rules[id])).toBe(spec.get(id));
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
