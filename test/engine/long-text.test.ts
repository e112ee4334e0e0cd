/** Long texts in a workbook: findings quote their start only. */
import { checkGrid } from '../../engine/check';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';
import { edited } from '../../samples/faulty';

test('a finding quotes at most 300 characters of a cell, then …; a pair of surrogates is never cut', () => {
  // 5 units, then pairs: unit 299 is the first half of a pair.
  const long = `Hội x${'𝓗'.repeat(200)}${'x'.repeat(5000)}`;
  const bloc = edited(laiChauMttq, (b) => { b.proposals[0]!.unit = long; });
  const found = checkGrid(blocToGrid(bloc), { today: '2026-11-22' }).findings.find((f) => f.ruleId === 'refs/unknown-unit')!;
  const name = found.data.name as string;
  expect(name.endsWith('…')).toBe(true);
  expect(name.length).toBeLessThanOrEqual(301);
  expect(long.startsWith(name.slice(0, -1))).toBe(true);
  expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(name)).toBe(false);
});

test('a unit name of 2,000,000 characters: every text in every finding is its start only', () => {
  const bloc = edited(laiChauMttq, (b) => { b.members[1]!.name = `Liên đoàn Lao động tỉnh ${'a b '.repeat(500_000)}`; });
  const result = checkGrid(blocToGrid(bloc), { today: '2026-11-22' });
  expect(result.findings.length).toBeGreaterThan(0);
  for (const f of result.findings) for (const v of Object.values(f.data)) if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(301);
});
