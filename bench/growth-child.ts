/**
 * One size of the engine's growth benchmark, in a process of its own (bench/engine.ts forks
 * one per size): builds the synthetic bloc, warms up, then on each message `{ runs }` times
 * that many checks and sends the times back. Sizes never share a heap, so the small bloc's
 * figure is not charged for the large one's memory, and the parent can alternate between
 * sizes so that the machine's slow and fast moments fall on both alike.
 */
import { checkGrid } from '../engine/check';
import { blocToGrid } from '../engine/template/writer';
import { syntheticBloc } from './engine';

const members = Number(process.argv[2]);
const grid = blocToGrid(syntheticBloc(members));
const today = '2026-11-22';
for (let i = 0; i < 3; i++) checkGrid(grid, { today });

process.on('message', (message: { runs: number }) => {
  const times: number[] = [];
  for (let i = 0; i < message.runs; i++) {
    const start = process.hrtime.bigint();
    checkGrid(grid, { today });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  process.send!({ times });
});
process.send!({ ready: true });
