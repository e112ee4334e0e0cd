/**
 * The batch validator on a few hundred workbooks: `--jobs 1` against `--jobs 2`, and a bare
 * ExcelJS `readFile` loop over the same files in one process (the budget's baseline).
 * Run with `npm run bench:batch` (or `node dist/bench/batch.js [copies]`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './engine';
import { runThidua } from './process';

const ROOT = join(__dirname, '..', '..');
const wall = (args: string[]): number => runThidua(args).ms;

/** The bare ExcelJS loop over the folder, in a fresh process (bench/bare-child.ts): its loop time. */
function bareReadFile(dir: string): number {
  const r = spawnSync(process.execPath, [join(__dirname, 'bare-child.js'), dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

export async function batchFigures(copies: number, repeats = 3): Promise<{ files: number; jobs1: number; jobs2: number; bare: number; speedup: number; ratioToBare: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  try {
    const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx'));
    for (let i = 0; i < copies; i++) {
      const src = samples[i % samples.length]!;
      const dst = join(dir, `${String(i).padStart(4, '0')}-${src}`);
      copyFileSync(join(ROOT, 'samples', src), dst);
    }
    const args = (jobs: number) => ['validate', dir, '--jobs', String(jobs), '--format', 'json', '--out', join(dir, `r${jobs}.json`), '--no-progress'];
    wall(args(2)); // warm the disk cache
    // The three take turns, so that a slow spell of a shared machine falls on all of them.
    const times = { jobs1: [] as number[], jobs2: [] as number[], bare: [] as number[] };
    for (let i = 0; i < repeats; i++) {
      times.jobs1.push(wall(args(1)));
      times.jobs2.push(wall(args(2)));
      times.bare.push(bareReadFile(dir));
    }
    const jobs1 = median(times.jobs1);
    const jobs2 = median(times.jobs2);
    const b = median(times.bare);
    // Each turn's --jobs 2 over the same turn's bare loop, then the median of those ratios.
    const ratioToBare = median(times.jobs2.map((t, i) => t / times.bare[i]!));
    return { files: copies, jobs1, jobs2, bare: b, speedup: jobs1 / jobs2, ratioToBare };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const copies = Number(process.argv[2] ?? 300);
  void batchFigures(copies).then((f) => {
    console.log(`${f.files} workbooks: --jobs 1 ${f.jobs1.toFixed(0)} ms, --jobs 2 ${f.jobs2.toFixed(0)} ms (speed-up ×${f.speedup.toFixed(2)}); bare ExcelJS readFile loop ${f.bare.toFixed(0)} ms; --jobs 2 / bare = ${f.ratioToBare.toFixed(2)} (budget ≤ 0.75)`);
  });
}
