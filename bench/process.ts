/** One `thidua` command in a process of its own, as an office clerk would run it: wall time and peak memory. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'dist', 'command', 'cli.js');

export interface ProcessRun {
  ms: number;
  /** Peak RSS of the process and its threads (`/usr/bin/time`). */
  mb: number;
  stdout: string;
}

export function runThidua(args: string[]): ProcessRun {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`thidua ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const kb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1] ?? NaN);
  return { ms, mb: kb / 1024, stdout: r.stdout };
}
