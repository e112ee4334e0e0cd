import { join } from 'node:path';
import { checkFiles } from '../../batch/pool';

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
