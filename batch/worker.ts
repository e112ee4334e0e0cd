/**
 * One file, in a worker thread: sniff, read with ExcelJS, check with the engine. Whatever
 * goes wrong ends as this file's `unreadable` entry; the batch goes on.
 */
import { readFileSync } from 'node:fs';
import { checkGrid } from '../engine/check';
import { type BlocSummary, summarize } from '../engine/model/bloc';
import type { Profile, Settings } from '../engine/profiles/schema';
import type { BlocResult } from '../engine/check';
import type { ErrorCode } from '../engine/report/schema';
import { readGrid } from './adapter';
import { DEFAULT_LIMITS, type Limits, sniff } from './intake';

export interface FileTask {
  path: string;
  profile?: string | Profile;
  profiles?: Profile[];
  today?: string;
  limits?: Limits;
}

export type FileOutcome =
  | { path: string; ok: true; result: Omit<BlocResult, 'model' | 'settings'>; summary: BlocSummary; settings: Settings; sheets: string[] }
  | { path: string; ok: false; code: ErrorCode; detail: string };

export async function checkFile(task: FileTask): Promise<FileOutcome> {
  let buf: Buffer;
  try {
    buf = readFileSync(task.path);
  } catch (e) {
    return { path: task.path, ok: false, code: 'corrupt', detail: `cannot read: ${(e as Error).message}` };
  }
  const intake = sniff(buf, task.limits ?? DEFAULT_LIMITS);
  if (!intake.ok) return { path: task.path, ok: false, code: intake.code, detail: intake.detail };
  let grid;
  try {
    grid = await readGrid(buf);
  } catch (e) {
    // ExcelJS throws on broken XML, missing parts and the odd internal slip: all the file's.
    return { path: task.path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
  }
  const { model, settings, ...result } = checkGrid(grid, {
    ...(task.profile !== undefined ? { profile: task.profile } : {}),
    ...(task.profiles ? { profiles: task.profiles } : {}),
    ...(task.today ? { today: task.today } : {}),
  });
  return { path: task.path, ok: true, result, summary: summarize(model), settings, sheets: grid.sheets.map((s) => s.name) };
}

export default checkFile;
