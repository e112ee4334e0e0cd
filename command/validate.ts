/**
 * `thidua validate`: every workbook the office received, in one run. Files are checked on the
 * command's own thread and, for a long batch, on worker threads beside it; the cross-file
 * rules run over the whole set; the report goes out as text, JSON, CSV or HTML. Inputs are only
 * ever read.
 *
 * This module is light on purpose: it finds the files and starts the workers, and only then
 * loads the engine and the report writers (command/run.ts), so that the loading here overlaps
 * the workers'.
 */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { Checks } from '../pool';

import { type Io, UsageError, type ValidateOptions, type ValidateRun } from './options';


import { passedOver } from '../reader';

/** Every file under `dir` (hidden folders and the run's own output folders aside), in a stable order. */
function walk(dir: string, out: string[], skip: ReadonlySet<string>): number {
  let passed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !skip.has(resolve(p))) passed += walk(p, out, skip);
    } else if (entry.isFile()) {
      if (passedOver(entry.name)) passed++;
      else out.push(p);
    }
  }
  return passed;
}

/**
 * The files a glob names, spelled as it was given: `/srv/nhan/*.xlsx` gives absolute paths and
 * `../nhan/*.xlsx` keeps its `../nhan/` (tinyglobby alone answers relative to the working
 * folder, which is not what the clerk typed). The part before the first wildcard is the folder
 * searched; Windows' `\` separators are read as `/` there, where `\` would otherwise escape.
 */
async function globAsGiven(pattern: string): Promise<string[]> {
  const spelled = sep === '\\' ? pattern.replaceAll('\\', '/') : pattern;
  const parts = spelled.split('/');
  const wild = parts.findIndex((p) => /[*?[\]{}]/.test(p));
  const base = parts.slice(0, wild).join('/');
  const rest = parts.slice(wild).join('/');
  const cwd = base === '' && spelled.startsWith('/') ? '/' : base === '' ? '.' : base;
  const found = await glob(rest, { cwd, onlyFiles: true, expandDirectories: false });
  return found.sort().map((f) => (cwd === '.' ? f : cwd.endsWith('/') ? `${cwd}${f}` : `${cwd}/${f}`));
}

/**
 * Files named, folders searched recursively, globs expanded; in a stable order. Every file
 * found is a received file (a .xls, .ods or .docx among them is reported unreadable, with what
 * to send instead), but lock and hidden files, counted in `passed`. `outputs`: this run's own
 * output folders, never searched (an annotated copy is not a submission).
 */
export async function expandInputs(inputs: string[], outputs: readonly string[] = []): Promise<{ files: string[]; missing: string[]; passed: number }> {
  const files: string[] = [];
  const missing: string[] = [];
  const skip = new Set(outputs.map((o) => resolve(o)));
  let passed = 0;
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) passed += walk(input, files, skip);
    else if (stat?.isFile()) files.push(input);
    else if (/[*?[\]{}]/.test(input)) {
      const found = await globAsGiven(input);
      if (found.length === 0) missing.push(input);
      for (const f of found) {
        if (passedOver(basename(f))) passed++;
        else files.push(f);
      }
    } else missing.push(input);
  }
  return { files: [...new Set(files)], missing, passed };
}

/** Why a file cannot be written at `path` (its folder missing, not a folder, not writable), or undefined. */
function unwritableFile(path: string): { vi: string; en: string } | undefined {
  if (existsSync(path) && statSync(path).isDirectory()) return { vi: 'đó là một thư mục', en: 'it is a folder' };
  return unwritableFolder(dirname(resolve(path)), false);
}

/** Why a folder cannot be written into (or made, when `make`), or undefined. */
function unwritableFolder(folder: string, make: boolean): { vi: string; en: string } | undefined {
  let at = resolve(folder);
  // A folder to be made: the nearest one that exists must take it.
  while (make && !existsSync(at) && dirname(at) !== at) at = dirname(at);
  if (!existsSync(at)) return { vi: `không có thư mục "${at}"`, en: `there is no folder "${at}"` };
  if (!statSync(at).isDirectory()) return { vi: `"${at}" không phải thư mục`, en: `"${at}" is not a folder` };
  try {
    accessSync(at, constants.W_OK);
  } catch {
    return { vi: `không được phép ghi vào "${at}"`, en: `"${at}" cannot be written to` };
  }
  return undefined;
}

/**
 * Every output path checked before any file is read: a report that cannot be written must not
 * be found out after the whole batch has run.
 */
function checkOutputs(options: ValidateOptions): void {
  const problems: [string, { vi: string; en: string } | undefined][] = [
    ['--out', options.out === undefined ? undefined : unwritableFile(options.out)],
    ['--summary', options.summary === undefined ? undefined : /\.xlsx$/i.test(options.summary) ? unwritableFile(options.summary) : { vi: 'phải là tệp .xlsx', en: 'it must be an .xlsx file' }],
    ['--annotate', options.annotate === undefined ? undefined : unwritableFolder(options.annotate, true)],
    ['--per-file', options.perFile === undefined ? undefined : unwritableFolder(options.perFile, true)],
  ];
  for (const [option, why] of problems) {
    if (why) throw new UsageError(`Không ghi được ${option}: ${why.vi}. Hãy chọn chỗ ghi khác.`, `Cannot write ${option}: ${why.en}. Choose another place.`);
  }
}

/**
 * Files that make a worker worth its start-up beside the command's own thread: a worker takes
 * 50–100 ms to start and load the engine (a quarter of a second on a slow machine), the time
 * this thread checks 40 to 100 typical workbooks in while its JIT warms up (BENCHMARKS.md).
 */
const FILES_PER_WORKER = 40;

export async function validate(options: ValidateOptions, io: Io): Promise<ValidateRun> {
  const { files, missing, passed } = await expandInputs(options.inputs, [options.annotate, options.perFile].filter((o): o is string => o !== undefined));
  if (missing.length > 0) throw new UsageError(`Không tìm thấy: ${missing.join(', ')}.`, `Not found: ${missing.join(', ')}.`);
  if (files.length === 0) throw new UsageError('Không có tệp nào để kiểm tra.', 'There is no file to check.');
  checkOutputs(options);
  // --jobs N: this thread and up to N − 1 workers, one for every FILES_PER_WORKER files.
  const workers = Math.min(options.jobs - 1, Math.floor(files.length / FILES_PER_WORKER));
  const pool = new Checks({ workers, timeoutMs: options.timeoutMs ?? 30_000, memoryMb: options.memoryMb ?? 2048 });
  try {
    const { runBatch } = await import('./run');
    return await runBatch(options, io, pool, files, passed);
  } finally {
    await pool.destroy();
  }
}


export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

