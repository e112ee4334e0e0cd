/**
 * Engine benchmarks (shared/spec/interfaces.md, "Budgets"): the engine on a typical bloc,
 * and on synthetic blocs of growing size. Part of `npm run bench` (bench/run.ts).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { checkGrid } from '../engine/check';
import { type BlocData, blocToGrid } from '../engine/template/writer';
import { laiChauMttq } from '../samples/blocs';

const TODAY = '2026-11-22';

export interface Figure {
  name: string;
  unit: string;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
  budget?: string;
  ok?: boolean;
}

function measure(name: string, run: () => void, runs: number, warmup: number): Omit<Figure, 'budget' | 'ok'> {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { name, unit: 'ms', ...spread(times) };
}

/** Median, p95, min and max of measured values. */
export function spread(values: readonly number[]): Pick<Figure, 'median' | 'p95' | 'min' | 'max' | 'runs'> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: values.length };
}

export const median = (values: readonly number[]): number => spread(values).median;

/** A bloc of n members with 5 candidates' rows per member across awards (proportional vote rows). */
export function syntheticBloc(members: number): BlocData {
  const names = Array.from({ length: members }, (_, i) => `Đơn vị thành viên mã ${String(i + 1).padStart(6, '0')} khu vực ${['Bắc', 'Trung', 'Nam', 'Tây'][i % 4]}`);
  const awards = Array.from({ length: Math.max(1, Math.floor(members / 100)) }, (_, i) => (i % 2 === 0 ? 'Cờ thi đua của UBND tỉnh' : 'Bằng khen của Chủ tịch UBND tỉnh') + (i > 1 ? ` đợt ${i}` : ''));
  const rowsPerAward = Math.ceil((members * 5) / awards.length);
  return {
    province: 'Lai Châu',
    blocName: `Khối thi đua tổng hợp ${members}`,
    year: 2023,
    leader: names[0]!,
    deputy: names[1]!,
    memberCount: members,
    meetingDate: '2024-01-12',
    nextLeader: names[1]!,
    members: names.map((name) => ({ name, rating: 'HTTNV' as const })),
    scores: {
      criteria: [{ name: 'Tiêu chí 1', max: 50 }, { name: 'Tiêu chí 2', max: 50 }],
      rows: names.map((unit, i) => ({ unit, scores: [40 + (i % 10), 30 + (i % 7)] })),
    },
    votes: awards.map((award) => ({
      award, present: members, issued: members, returned: members, valid: members,
      candidates: Array.from({ length: rowsPerAward }, (_, j) => ({ unit: names[j % members]!, votes: Math.floor(members * 0.6) })),
    })),
    proposals: [],
  };
}

/** A forked bench/growth-child.js for one size: ask it for timed runs. */
class SizeProcess {
  private readonly child: ChildProcess;
  private pending: ((times: number[]) => void) | undefined;
  readonly ready: Promise<void>;

  constructor(readonly members: number) {
    this.child = fork(join(__dirname, 'growth-child.js'), [String(members)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.on('message', (m: { ready?: boolean; times?: number[] }) => {
        if (m.ready) resolve();
        else if (m.times) this.pending?.(m.times);
      });
    });
  }

  run(runs: number): Promise<number[]> {
    return new Promise((resolve) => {
      this.pending = resolve;
      this.child.send({ runs });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

/**
 * How time grows with the bloc: each size in its own process, the sizes taking turns (each
 * turn about a second of work per size), so that a slow moment of this shared machine does not
 * fall on one size only. The growth ratio of a pair of sizes is taken in each round (time per
 * member of the larger over that of the smaller, each the round's median), and the figure is
 * the median of those rounds' ratios.
 */
async function growthFigures(sizes: readonly number[], rounds: number): Promise<{ figures: Figure[]; ratio: (large: number, small: number) => Figure }> {
  const procs = sizes.map((n) => new SizeProcess(n));
  const times = new Map<number, number[]>(sizes.map((n) => [n, []]));
  const perRound = new Map<number, number[]>(sizes.map((n) => [n, []]));
  try {
    await Promise.all(procs.map((p) => p.ready));
    for (let round = 0; round < rounds; round++) {
      for (const p of procs) {
        const t = await p.run(Math.max(1, Math.round(20_000 / p.members)));
        times.get(p.members)!.push(...t);
        perRound.get(p.members)!.push(median(t) / p.members);
      }
    }
  } finally {
    for (const p of procs) p.stop();
  }
  const figures = sizes.map((n): Figure => {
    const s = spread(times.get(n)!);
    return { name: `engine: synthetic bloc of ${n} members, ${n * 5} vote rows`, unit: 'ms', ...s, ...(n === 2000 ? { budget: '≤ 200 ms', ok: s.median <= 200 } : {}) };
  });
  const ratio = (large: number, small: number): Figure => {
    const r = spread(perRound.get(large)!.map((t, i) => t / perRound.get(small)![i]!));
    return { name: `engine: time per member, ${large.toLocaleString('en')} vs ${small.toLocaleString('en')} members (ratio, median of ${rounds} rounds)`, unit: '×', ...r, budget: '10× input ≤ 12× time (ratio ≤ 1.2)', ok: r.median <= 1.2 };
  };
  return { figures, ratio };
}

export async function engineFigures(quick = false): Promise<Figure[]> {
  const typical = blocToGrid(laiChauMttq);
  const figures: Figure[] = [];
  const t = measure('engine: typical bloc (Lai Châu, 6 members, all sheets)', () => checkGrid(typical, { today: TODAY }), quick ? 200 : 2000, 200);
  figures.push({ ...t, budget: 'median ≤ 1 ms', ok: t.median <= 1 });
  const sizes = quick ? [250, 2000] : [250, 2000, 20000];
  const growth = await growthFigures(sizes, quick ? 2 : 25);
  figures.push(...growth.figures);
  if (!quick) figures.push(growth.ratio(20000, 2000));
  return figures;
}
