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

/** A peer over the folder as a whole process (bench/peer-child.ts): its wall time. */
function peer(mode: 'sheetjs' | 'exceljs' | 'floor', dir: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(__dirname, 'peer-child.js'), mode, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The bare ExcelJS loop over the folder, in a fresh process (bench/bare-child.ts): its loop time. */
function bareReadFile(dir: string): number {
  const r = spawnSync(process.execPath, [join(__dirname, 'bare-child.js'), dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

export interface BatchFigures {
  files: number;
  /** Whole processes, medians: thidua with --jobs 1 and --jobs 2, SheetJS, ExcelJS, the inflate-only floor. */
  jobs1: number;
  jobs2: number;
  sheetjs: number;
  exceljs: number;
  floor: number;
  /** The bare ExcelJS loop (its loop only), the older budget's baseline. */
  bare: number;
  /** Medians of each round's ratio: --jobs 1 ÷ --jobs 2, --jobs 2 ÷ bare, --jobs 1 ÷ SheetJS, --jobs 1 ÷ floor. */
  speedup: number;
  ratioToBare: number;
  toSheetjs: number;
  toFloor: number;
}

export async function batchFigures(copies: number, repeats = 3): Promise<BatchFigures> {
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
    const times = { jobs1: [] as number[], jobs2: [] as number[], sheetjs: [] as number[], exceljs: [] as number[], floor: [] as number[], bare: [] as number[] };
    for (let i = 0; i < repeats; i++) {
      times.jobs1.push(wall(args(1)));
      times.jobs2.push(wall(args(2)));
      times.sheetjs.push(peer('sheetjs', dir));
      times.exceljs.push(peer('exceljs', dir));
      times.floor.push(peer('floor', dir));
      times.bare.push(bareReadFile(dir));
    }
    // Each ratio is taken within a round, then the median of the rounds' ratios.
    const ratio = (a: number[], b: number[]) => median(a.map((t, i) => t / b[i]!));
    return {
      files: copies,
      jobs1: median(times.jobs1),
      jobs2: median(times.jobs2),
      sheetjs: median(times.sheetjs),
      exceljs: median(times.exceljs),
      floor: median(times.floor),
      bare: median(times.bare),
      speedup: ratio(times.jobs1, times.jobs2),
      ratioToBare: ratio(times.jobs2, times.bare),
      toSheetjs: ratio(times.jobs1, times.sheetjs),
      toFloor: ratio(times.jobs1, times.floor),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const copies = Number(process.argv[2] ?? 300);
  void batchFigures(copies).then((f) => {
    console.log(peersTable(f));
  });
}

/** The peers side by side (BENCHMARKS.md's table). */
export function peersTable(f: BatchFigures): string {
  const row = (what: string, ms: number) => `| ${what} | ${ms.toFixed(0)} ms | ${(ms / f.floor).toFixed(1)} × |`;
  return [
    `${f.files} workbooks, whole processes, medians:`,
    '| command | time | ÷ floor |',
    '|---|---|---|',
    row('`thidua validate --jobs 1` (the whole check)', f.jobs1),
    row('`thidua validate --jobs 2`', f.jobs2),
    row('SheetJS CE 0.20 (`@e965/xlsx`), read only, dense', f.sheetjs),
    row('ExcelJS, read only', f.exceljs),
    row('every part inflated, nothing parsed (the floor)', f.floor),
    `--jobs 1 ÷ --jobs 2 ${f.speedup.toFixed(2)}; --jobs 1 ÷ SheetJS ${f.toSheetjs.toFixed(2)}; --jobs 1 ÷ floor ${f.toFloor.toFixed(2)}; --jobs 2 ÷ bare ExcelJS loop ${f.ratioToBare.toFixed(2)}`,
  ].join('\n');
}
