/**
 * One run of `thidua validate` once its files are found and its workers started: the files
 * through the pool, the cross-file rules over the set, the report in its format. Loaded by
 * command/validate.ts after the workers have started (it brings in the engine).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { SingleBar } from 'cli-progress';
import { type FileJson, findProfile, loadProfile, type Profile, ProfileError, type ReportJson, type Lang } from '../engine';
import { assembleReport, type Format, perFileReports, render, summaryTable } from '../formats';
import { type FileOutcome, passedOverLine, uniqueNames } from '../reader';
import { type AnnotateTask, type Checker, writeAtomic } from '../pool';
import { zodSpeaks } from './zod-language';
import { type Io, UsageError, type ValidateOptions, type ValidateRun } from './options';

/** `--profile`: a built-in profile's id, or a file a province wrote (loaded by the engine's loadProfile). */
export function profileOption(arg: string | undefined): Profile | undefined {
  if (arg === undefined) return undefined;
  const known = findProfile(arg);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    throw new UsageError(`Không có bộ quy tắc "${arg}" (không phải tên bộ quy tắc có sẵn, cũng không phải tệp đọc được). Xem: thidua profiles`, `No profile "${arg}" (neither a built-in profile's name nor a readable file). See: thidua profiles`);
  }
  try {
    return loadProfile(JSON.parse(text));
  } catch (e) {
    throw new UsageError(e instanceof ProfileError ? e.message : `Tệp bộ quy tắc "${arg}" không phải JSON hợp lệ: ${(e as Error).message}`);
  }
}



function formatOf(options: ValidateOptions): Format {
  if (options.format) return options.format;
  const ext = options.out ? extname(options.out).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.csv') return 'csv';
  return 'text';
}

/** `<name><suffix>` in the folder, one per input, never two alike, never outside it. */
function outputNames(files: string[], folder: string, suffix: string): string[] {
  mkdirSync(folder, { recursive: true });
  return uniqueNames(files, suffix).map((name) => join(folder, name));
}

/** `<name>.kiem-tra.xlsx` in the folder, one per input, never two alike, never outside it. */
function annotatedNames(files: string[], folder: string): string[] {
  return outputNames(files, folder, '.kiem-tra.xlsx');
}

/**
 * `--per-file`: one printable report per workbook (`<name>.bao-cao.html`), to send back to the
 * bloc that sent it: its own findings and the cross-file findings that name it.
 */
function writePerFile(report: ReportJson, folder: string, lang: Lang, checkedAt: Date): number {
  const names = outputNames(report.files.map((f) => f.path), folder, '.bao-cao.html');
  perFileReports(report, lang, checkedAt).forEach((html, i) => writeAtomic(names[i]!, html));
  return names.length;
}

/** `Đã ghi …` on stderr for each output written (not with --quiet). */
function said(options: ValidateOptions, io: Io, vi: string, en: string): void {
  if (!options.quiet) io.err(`${options.lang === 'vi' ? vi : en}\n`);
}



/** A progress bar on a terminal's stderr (none for one item, when quiet or not a terminal), started. */
function progressBar(options: ValidateOptions, io: Io, total: number, what: 'files' | 'copies'): { tick(): void; stop(): void } | undefined {
  if (!options.progress || !io.stderrTty || options.quiet || total <= 1) return undefined;
  const format = options.lang === 'vi'
    ? ` {bar} {value}/{total} ${what === 'files' ? 'tệp' : 'bản đánh dấu'} | {rate} tệp/giây | còn {eta_formatted}`
    : ` {bar} {value}/{total} ${what} | {rate} files/s | {eta_formatted} left`;
  const bar = new SingleBar({ format, hideCursor: true, clearOnComplete: true, stream: process.stderr });
  const started = Date.now();
  let done = 0;
  bar.start(total, 0, { rate: '0' });
  return {
    tick: () => bar.increment(1, { rate: (++done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) }),
    stop: () => bar.stop(),
  };
}

/**
 * The annotated copies, once every check is final: each on a pool of its own with its own
 * time limit, so that a copy ExcelJS cannot make is said beside a check that stands.
 * Returns the copies written, by file.
 */
async function annotateCopies(options: ValidateOptions, io: Io, outcomes: FileOutcome[], entries: FileJson[], copies: string[], checkedAt: Date): Promise<Map<string, string>> {
  const tasks: AnnotateTask[] = outcomes.flatMap((o, i) => (o.ok ? [{ path: o.path, out: copies[i]!, lang: options.lang, entry: entries[i]!, checkedAt: checkedAt.toISOString() }] : []));
  const { FilePool } = await import('../pool');
  const pool = new FilePool({ jobs: Math.min(options.jobs, Math.max(1, tasks.length)), timeoutMs: options.copyTimeoutMs ?? 120_000, memoryMb: options.memoryMb ?? 2048 });
  const bar = progressBar(options, io, tasks.length, 'copies');
  let reasons: (string | undefined)[];
  try {
    reasons = await pool.annotate(tasks, options.lang, () => bar?.tick());
  } finally {
    bar?.stop();
    await pool.destroy();
  }
  reasons.forEach((reason, k) => {
    if (reason === undefined) return;
    const path = tasks[k]!.path;
    io.err(options.lang === 'vi' ? `Không ghi được bản đánh dấu của ${path}: ${reason}\n` : `No annotated copy of ${path}: ${reason}\n`);
  });
  return new Map(tasks.flatMap((task, k) => (reasons[k] === undefined ? [[task.path, task.out] as const] : [])));
}

/** The files through the pool, then the cross-file rules, the report and its outputs. */
export async function runBatch(options: ValidateOptions, io: Io, pool: Checker, files: string[], passed = 0): Promise<ValidateRun> {
  zodSpeaks(options.lang);
  const copies = options.annotate ? annotatedNames(files, options.annotate) : undefined;
  const forced = profileOption(options.profile);
  const bar = progressBar(options, io, files.length, 'files');
  const outcomes = await pool.run(
    files.map((path) => ({
      path,
      ...(forced ? { profile: forced } : {}),
      ...(options.today ? { today: options.today } : {}),
    })),
    () => bar?.tick(),
  );
  bar?.stop();
  const { report, entries, governmentFlags } = assembleReport(outcomes, options.lang, forced);
  const format = formatOf(options);
  const checkedAt = new Date();
  const rendered = render(report, format, options.lang, format === 'text' && !options.out && options.color && io.stdoutTty, checkedAt);
  // The text output says what it passed over (JSON v1 has no place for it; it reports files).
  const output = format === 'text' && passed > 0 ? `${rendered}${passedOverLine(passed, options.lang)}\n` : rendered;
  if (options.out) {
    writeAtomic(options.out, output);
    said(options, io, `Đã ghi báo cáo: ${options.out}`, `Report written: ${options.out}`);
  } else if (!(options.quiet && format === 'text')) io.out(output);
  if (options.perFile) {
    const n = writePerFile(report, options.perFile, options.lang, checkedAt);
    said(options, io, `Đã ghi ${n} báo cáo riêng (mỗi sổ một báo cáo) vào: ${options.perFile}`, `${n} per-file reports written to: ${options.perFile}`);
  }
  // The copies before the summary, which links to those that were written.
  let made: Map<string, string> | undefined;
  if (copies) {
    made = await annotateCopies(options, io, outcomes, entries, copies, checkedAt);
    said(options, io, `Đã ghi ${made.size} bản đánh dấu vào: ${options.annotate}`, `${made.size} annotated copies written to: ${options.annotate}`);
  }
  if (options.summary) {
    const { summaryWorkbook, workbookBytes } = await import('../writers');
    const from = dirname(resolve(options.summary));
    const links = made && new Map([...made].map(([path, copy]) => [path, relative(from, resolve(copy)).split(sep).map(encodeURIComponent).join('/')]));
    writeAtomic(options.summary, await workbookBytes(summaryWorkbook(report, outcomes, options.lang, { checkedAt, governmentFlags, ...(links ? { copies: links } : {}) })));
    said(options, io, `Đã ghi sổ tổng hợp: ${options.summary}`, `Summary written: ${options.summary}`);
  }
  if (io.stderrTty && !options.quiet && format === 'text' && !options.out && files.length > 1) io.err(`\n${summaryTable(report, options.lang)}\n`);
  const c = report.counts;
  const failed = c.unreadable > 0 || (options.failOn === 'error' && c.error > 0) || (options.failOn === 'warning' && c.error + c.warning > 0);
  return { code: failed ? 1 : 0, report, outcomes };
}

