import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilePool, checkFiles } from '../../batch/pool';

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

test('a file\'s time limit counts its own work, not its wait behind the other files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pool-'));
  const empty = join(dir, 'trong.xlsx');
  writeFileSync(empty, '');
  const timeoutMs = 1000;
  const queued = new FilePool({ jobs: 1, timeoutMs, memoryMb: 600 });
  try {
    await queued.run([{ path: empty }]); // the worker started and warm
    const start = Date.now();
    const outcomes = await queued.run(Array.from({ length: 8000 }, () => ({ path: empty })));
    // The queue as a whole took longer than one file's limit, or this test would prove nothing.
    expect(Date.now() - start).toBeGreaterThan(timeoutMs);
    expect(outcomes.filter((o) => !o.ok && o.code === 'timeout')).toHaveLength(0);
    expect(new Set(outcomes.map((o) => (o.ok ? 'ok' : o.code)))).toEqual(new Set(['empty']));
  } finally {
    await queued.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});
