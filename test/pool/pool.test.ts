import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilePool, type PoolOptions } from '../../pool/pool';
import type { FileOutcome, FileTask } from '../../reader/check';
import { manyCells } from '../../scripts/hostile';

/** Files checked on a pool of their own, the pool ended after. */
async function checkFiles(tasks: FileTask[], options: PoolOptions, onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
  const pool = new FilePool(options);
  try {
    return await pool.run(tasks, onDone);
  } finally {
    await pool.destroy();
  }
}

const SAMPLE = join(__dirname, '..', '..', 'samples', 'lai-chau-mttq-2023.xlsx');

test('a file over its time limit is reported as timeout; the others finish', async () => {
  const slow = await checkFiles([{ path: SAMPLE }], { jobs: 1, timeoutMs: 1, memoryMb: 600 });
  expect(slow).toEqual([expect.objectContaining({ ok: false, code: 'timeout' })]);
  const fine = await checkFiles([{ path: SAMPLE }, { path: SAMPLE }], { jobs: 2, timeoutMs: 30000, memoryMb: 600 });
  expect(fine.map((o) => o.ok)).toEqual([true, true]);
});

test('a file that does not exist is that file\'s error, not the batch\'s', async () => {
  const [o] = await checkFiles([{ path: join(__dirname, 'khong-co.xlsx') }], { jobs: 1, timeoutMs: 30000, memoryMb: 600 });
  expect(o).toMatchObject({ ok: false, code: 'corrupt' });
});

test('a file\'s time limit counts its own work, not its wait: a task goes to the pool only when a worker is free for it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pool-'));
  const empty = join(dir, 'trong.xlsx');
  writeFileSync(empty, '');
  // A time limit starts when the task is handed to the pool: were a task ever waiting in the
  // pool's queue behind busy workers, its limit would be running on the wait. None ever is.
  const pool = new FilePool({ jobs: 2, timeoutMs: 30_000, memoryMb: 600 });
  const waiting: number[] = [];
  try {
    const outcomes = await pool.run(Array.from({ length: 400 }, () => ({ path: empty })), () => waiting.push(pool.waiting()));
    expect(waiting).toHaveLength(400);
    expect(Math.max(...waiting)).toBe(0);
    expect(new Set(outcomes.map((o) => (o.ok ? 'ok' : o.code)))).toEqual(new Set(['empty']));
  } finally {
    await pool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files go to a worker a few at a time; one that fails its group is checked alone, and only it is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pool-'));
  const big = join(dir, 'mot-trieu-o.xlsx');
  writeFileSync(big, manyCells(1_200_000, true));
  // 64 MB of heap checks a typical workbook and not 1,200,000 cells (within the reader's limits): the group that holds
  // the large file fails whole, its files are checked again one by one.
  const tasks = [...Array.from({ length: 6 }, () => ({ path: SAMPLE })), { path: big }, ...Array.from({ length: 5 }, () => ({ path: SAMPLE }))];
  const seen: string[] = [];
  try {
    const outcomes = await checkFiles(tasks, { jobs: 1, timeoutMs: 60_000, memoryMb: 64 }, (o) => seen.push(o.path));
    expect(outcomes.map((o) => o.path)).toEqual(tasks.map((t) => t.path));
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual([...Array(6).fill('ok'), 'too-large', ...Array(5).fill('ok')]);
    expect(seen).toHaveLength(tasks.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
