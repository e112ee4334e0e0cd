/**
 * A bounded fuzz run in the suite (a fixed seed, so CI is repeatable); `npm run fuzz` runs
 * thousands with a random seed. See scripts/fuzz.ts and THREATS.md.
 */
import fc from 'fast-check';
import type { FileOutcome } from '../../reader/check';
import { failureOf, fuzz, fuzzBases, mutate, mutationArb } from '../../scripts/fuzz';

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

test(`${RUNS} mutated real workbooks each end as a report entry: no crash, hang, rule failure or memory blow-up`, async () => {
  const run = await fuzz(RUNS, SEED);
  expect(run.failures).toEqual([]);
  expect(run.cases).toBe(RUNS);
  // The mutations reach the reader and the rules, not only parts nobody reads.
  expect(run.outcomes['unreadable/corrupt']).toBeGreaterThan(RUNS / 50);
  expect(run.outcomes.invalid).toBeGreaterThan(RUNS / 50);
}, 120_000);

test('a mutation is a pure function of its description (a failure can be replayed)', () => {
  const bases = fuzzBases();
  for (const m of fc.sample(mutationArb, { numRuns: 30, seed: SEED })) expect(mutate(bases, m).equals(mutate(bases, m))).toBe(true);
});

test('what counts as thidua\'s failure rather than the file\'s', () => {
  const path = 'x.xlsx';
  expect(failureOf({ path, ok: false, code: 'timeout', detail: 'over 10000 ms' })).toMatch(/timeout/);
  expect(failureOf({ path, ok: false, code: 'too-large', detail: 'over 600 MB' })).toMatch(/out of memory/);
  expect(failureOf({ path, ok: false, code: 'too-large', detail: '6001 zip entries' })).toBeUndefined();
  expect(failureOf({ path, ok: false, code: 'corrupt', detail: 'unfinished <row>' })).toBeUndefined();
  const checked = (ruleId: string): FileOutcome => ({
    path, ok: true,
    result: { profile: { id: 'quoc-gia', version: '2024-01-01' }, findings: [{ ruleId, severity: 'error', messageId: 'failed', data: { rule: 'votes/quorum', error: 'boom' } }], counts: { error: 1, warning: 0, info: 0 }, status: 'invalid', bloc: {} },
    summary: { members: [], proposals: [] } as unknown as Extract<FileOutcome, { ok: true }>['summary'],
  });
  expect(failureOf(checked('engine/rule-failed'))).toMatch(/a rule threw/);
  expect(failureOf(checked('votes/quorum'))).toBeUndefined();
});
