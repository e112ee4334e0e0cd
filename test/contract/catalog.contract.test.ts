/**
 * The code against the team's contract (`../shared/spec/rules.md`, beside the repository):
 * run by `npm run test:contract` (and by .ci/run), not by `npm test`, so that a clone of this
 * repository alone passes its own suite. Without `../shared` these tests fail, never skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProfile, resolveProfile, settingSeverity } from '../../engine/profiles';
import { BATCH_RULES, RULES } from '../../engine/rules';

const ROOT = join(__dirname, '..', '..');
const SPEC = join(ROOT, '..', 'shared', 'spec', 'rules.md');

/** `| \`votes/quorum\` | error | … |` rows of the spec's rule tables. */
function specRules(): Map<string, string> {
  if (!existsSync(SPEC)) throw new Error(`The rule catalog spec is not at ${SPEC}: the team's shared/ folder must sit beside the repository for the contract tests.`);
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

describe('rule catalog v1 against shared/spec/rules.md', () => {
  const spec = specRules();

  test('the spec lists the 53 rules of catalog v1', () => {
    expect(spec.size).toBe(53);
  });

  test('every id of the spec is a rule, and every rule is in the spec or an addition', () => {
    expect(ALL.map((r) => r.id).sort()).toEqual([...spec.keys(), ...Object.keys(ADDED)].sort());
    for (const id of Object.keys(ADDED)) expect(spec.has(id)).toBe(false);
  });

  test.each(ALL.map((r) => [r.id] as const))('%s: quoc-gia severity is the spec\'s default in every version', (id) => {
    if (ADDED[id] !== undefined) {
      expect(settingSeverity(resolveProfile(findProfile('quoc-gia')!, '2025-12-01').settings.rules[id])).toBe(ADDED[id]);
      return;
    }
    for (const date of ['2018-06-01', '2024-06-01', '2025-12-01']) {
      const { settings } = resolveProfile(findProfile('quoc-gia')!, date);
      expect(settingSeverity(settings.rules[id])).toBe(spec.get(id));
    }
  });
});

describe('the vendored manifest schemas are the contract\'s', () => {
  test('addin/schemas/office-addin-manifest holds shared/schemas/office-addin-manifest byte for byte', () => {
    const ours = join(ROOT, 'addin', 'schemas', 'office-addin-manifest');
    const theirs = join(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest');
    if (!existsSync(theirs)) throw new Error(`The manifest schemas are not at ${theirs}.`);
    for (const f of ['OfficeAppManifestV1_1.xsd', 'OfficeAppBasicTypesV1_0.xsd', 'MailAppVersionOverridesV1_0.xsd', 'MailAppVersionOverridesV1_1.xsd', 'TaskPaneAppVersionOverridesV1_0.xsd']) {
      expect([f, readFileSync(join(ours, f)).equals(readFileSync(join(theirs, f)))]).toEqual([f, true]);
    }
  });
});
