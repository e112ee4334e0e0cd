import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checks, type ChecksOptions, IN_PROCESS_MAX_BYTES } from '../../pool/checks';
import { FilePool } from '../../pool/pool';
import type { FileOutcome, FileTask } from '../../reader/check';
import { manyCells } from '../../scripts/hostile';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'lai-chau-mttq-2023.xlsx');
const OTHER = join(__dirname, '..', '..', 'samples', 'soc-trang-khoi-6-2023.xlsx');

async function check(tasks: FileTask[], options: ChecksOptions): Promise<{ outcomes: FileOutcome[]; seen: string[] }> {
  const checks = new Checks(options);
  const seen: string[] = [];
  try {
    return { outcomes: await checks.run(tasks, (o) => seen.push(o.path)), seen };
  } finally {
    await checks.destroy();
  }
}

let dir: string;
let big: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-checks-'));
  big = join(dir, 'mot-trieu-o.xlsx');
  // Over IN_PROCESS_MAX_BYTES, and more than a worker with 64 MB of heap can read.
  writeFileSync(big, manyCells(1_200_000, true));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the large file of the test is one the command\'s thread would not take', () => {
  expect(statSync(big).size).toBeGreaterThan(IN_PROCESS_MAX_BYTES);
  expect(statSync(SAMPLE).size).toBeLessThan(IN_PROCESS_MAX_BYTES);
});

test('--jobs 1: typical files checked here, a large one on a worker under its limits, all in the order given', async () => {
  const tasks = [{ path: SAMPLE }, { path: big }, { path: OTHER }, { path: join(dir, 'khong-co.xlsx') }];
  const { outcomes, seen } = await check(tasks, { workers: 0, timeoutMs: 60_000, memoryMb: 64 });
  expect(outcomes.map((o) => o.path)).toEqual(tasks.map((t) => t.path));
  // Only a worker has a memory limit to be over: the large file was checked on one.
  expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'too-large', 'ok', 'corrupt']);
  expect(seen).toEqual(tasks.map((t) => t.path));
});

test('with workers beside this thread: every file checked once, outcomes in the order given, the large file a worker\'s', async () => {
  const tasks = [...Array.from({ length: 60 }, (_, i) => ({ path: i % 2 ? SAMPLE : OTHER })), { path: big }, ...Array.from({ length: 60 }, () => ({ path: SAMPLE }))];
  const { outcomes, seen } = await check(tasks, { workers: 1, timeoutMs: 60_000, memoryMb: 64 });
  expect(outcomes.map((o) => o.path)).toEqual(tasks.map((t) => t.path));
  expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual([...Array(60).fill('ok'), 'too-large', ...Array(60).fill('ok')]);
  expect(seen.sort()).toEqual(tasks.map((t) => t.path).sort());
});

test('a check on this thread matches a worker\'s, finding for finding', async () => {
  const tasks = [{ path: SAMPLE }, { path: OTHER }];
  const here = await check(tasks, { workers: 0, timeoutMs: 60_000, memoryMb: 600 });
  const pool = new FilePool({ jobs: 1, timeoutMs: 60_000, memoryMb: 600 });
  try {
    expect(await pool.check(tasks)).toEqual(here.outcomes);
  } finally {
    await pool.destroy();
  }
});
