/**
 * `thidua validate`: every workbook the office received, in one run. Files are checked on
 * worker threads; the cross-file rules run over the whole set; the report goes out as text,
 * JSON, CSV or HTML. Inputs are only ever read.
 */
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { glob } from 'tinyglobby';
import { checkBatch } from '../engine/check';
import { ProfileError, findProfile, parseProfile } from '../engine/profiles';
import type { Profile } from '../engine/profiles/schema';
import { crossFileJson, findingJson, reportJson, unreadableJson } from '../engine/report/json';
import type { FileJson, ReportJson } from '../engine/report/schema';
import { formatReportText, safeText } from '../engine/report/text';
import { formatCsv } from './format/csv';
import { formatHtml } from './format/html';
import { ERROR_MESSAGES } from './intake';
import { writeAtomic } from './files';
import { FilePool } from './pool';
import type { FileOutcome } from './worker';

export type Format = 'text' | 'json' | 'html' | 'csv';
export type FailOn = 'error' | 'warning' | 'never';

export interface ValidateOptions {
  inputs: string[];
  profile?: string;
  format?: Format;
  out?: string;
  annotate?: string;
  summary?: string;
  lang: 'vi' | 'en';
  jobs: number;
  failOn: FailOn;
  quiet: boolean;
  progress: boolean;
  color: boolean;
  today?: string;
  timeoutMs?: number;
  memoryMb?: number;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout / stderr are terminals. */
  stdoutTty: boolean;
  stderrTty: boolean;
}

export class UsageError extends Error {}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    // Excel's lock files (~$name.xlsx) and our own annotated copies are not submissions.
    else if (entry.isFile() && WORKBOOK.test(entry.name) && !entry.name.startsWith('~$') && !/\.kiem-tra\.xlsx$/i.test(entry.name)) out.push(p);
  }
}

/** Files named, folders searched recursively for .xlsx/.xlsm, globs expanded; in a stable order. */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) walk(input, files);
    else if (stat?.isFile()) files.push(input);
    else if (/[*?[\]{}]/.test(input)) {
      const found = (await glob(input, { onlyFiles: true, expandDirectories: false })).sort();
      if (found.length === 0) missing.push(input);
      files.push(...found);
    } else missing.push(input);
  }
  return { files: [...new Set(files)], missing };
}

/** `--profile`: an id, or a file a province wrote. */
export function loadProfile(arg: string | undefined): Profile | undefined {
  if (arg === undefined) return undefined;
  const known = findProfile(arg);
  if (known) return known;
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch {
    throw new UsageError(`Không có bộ quy tắc "${arg}" (không phải tên bộ quy tắc có sẵn, cũng không phải tệp đọc được). Xem: thidua profiles`);
  }
  try {
    return parseProfile(JSON.parse(text));
  } catch (e) {
    throw new UsageError(e instanceof ProfileError ? e.message : `Tệp bộ quy tắc "${arg}" không phải JSON hợp lệ: ${(e as Error).message}`);
  }
}

function unreadableMessage(o: Extract<FileOutcome, { ok: false }>, lang: 'vi' | 'en'): string {
  if (o.code === 'not-a-workbook' && /opendocument/i.test(o.detail)) {
    return lang === 'vi'
      ? 'Tệp là bảng tính OpenDocument (.ods) bị đổi tên thành .xlsx: hãy mở bằng LibreOffice, chọn Lưu thành "Excel 2007-365 (.xlsx)" rồi gửi lại.'
      : 'The file is an OpenDocument spreadsheet (.ods) renamed to .xlsx: open it in LibreOffice, save as "Excel 2007-365 (.xlsx)" and send it again.';
  }
  return ERROR_MESSAGES[o.code][lang];
}

export function fileEntry(o: FileOutcome, lang: 'vi' | 'en'): FileJson {
  if (!o.ok) return unreadableJson(o.path, o.code, unreadableMessage(o, lang));
  const { result } = o;
  return { path: o.path, status: result.status, bloc: result.bloc, profile: result.profile, counts: result.counts, findings: result.findings.map((f) => findingJson(f, lang)) };
}

function formatOf(options: ValidateOptions): Format {
  if (options.format) return options.format;
  const ext = options.out ? extname(options.out).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.csv') return 'csv';
  return 'text';
}

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', reset: '\u001b[0m' };

function colourText(text: string): string {
  return text.replace(/ {2}(lỗi|cảnh báo|lưu ý|error|warning|info) {2}/g, (m, sev: string) => {
    const key = sev === 'lỗi' ? 'error' : sev === 'cảnh báo' ? 'warning' : sev === 'lưu ý' ? 'info' : (sev as 'error');
    return `  ${COLOURS[key as 'error']}${sev}${COLOURS.reset}  `;
  });
}

export function render(report: ReportJson, format: Format, lang: 'vi' | 'en', color: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return formatCsv(report);
    case 'html':
      return formatHtml(report, lang);
    case 'text': {
      const text = `${formatReportText(report, lang)}\n`;
      return color ? colourText(text) : text;
    }
  }
}

/** The table a terminal ends with: file, bloc, year, errors, warnings. */
function summaryTable(report: ReportJson, lang: 'vi' | 'en'): string {
  const head = lang === 'vi' ? ['Tệp', 'Khối', 'Năm', 'Lỗi', 'Cảnh báo'] : ['File', 'Bloc', 'Year', 'Errors', 'Warnings'];
  const rows = report.files.map((f) => [basename(f.path), f.status === 'unreadable' ? `(${f.error?.code})` : (f.bloc?.name ?? ''), String(f.bloc?.year ?? ''), String(f.counts.error), String(f.counts.warning)].map((x) => safeText(x)));
  const widths = head.map((h, i) => Math.min(50, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `<name>.kiem-tra.xlsx` in the folder, one per input, never two alike. */
function annotatedNames(files: string[], folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const used = new Set<string>();
  return files.map((f) => {
    const stem = basename(f).replace(/\.(xlsx|xlsm)$/i, '');
    let name = `${stem}.kiem-tra.xlsx`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}.kiem-tra.xlsx`;
    used.add(name.toLowerCase());
    return join(folder, name);
  });
}

export interface ValidateRun {
  code: number;
  report: ReportJson;
  outcomes: FileOutcome[];
}

export async function validate(options: ValidateOptions, io: Io): Promise<ValidateRun> {
  const forced = loadProfile(options.profile);
  const { files, missing } = await expandInputs(options.inputs);
  if (missing.length > 0) throw new UsageError(`Không tìm thấy: ${missing.join(', ')}`);
  if (files.length === 0) throw new UsageError('Không có tệp nào để kiểm tra (.xlsx, .xlsm).');
  // No more workers than files: one workbook needs one worker's start-up, not two.
  const pool = new FilePool({ jobs: Math.min(options.jobs, files.length), timeoutMs: options.timeoutMs ?? 30_000, memoryMb: options.memoryMb ?? 2048 });
  try {
    return await runBatch(options, io, forced, pool, files);
  } finally {
    await pool.destroy();
  }
}

async function runBatch(options: ValidateOptions, io: Io, forced: Profile | undefined, pool: FilePool, files: string[]): Promise<ValidateRun> {
  const bar = options.progress && io.stderrTty && !options.quiet && files.length > 1
    ? new SingleBar({ format: ' {bar} {value}/{total} tệp | {rate} tệp/giây | còn {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr })
    : undefined;
  const started = Date.now();
  let done = 0;
  bar?.start(files.length, 0, { rate: '0' });
  const copies = options.annotate ? annotatedNames(files, options.annotate) : undefined;
  const outcomes = await pool.run(
    files.map((path, i) => ({
      path,
      ...(forced ? { profile: forced } : {}),
      ...(options.today ? { today: options.today } : {}),
      ...(copies ? { annotate: { out: copies[i]!, lang: options.lang } } : {}),
    })),
    () => {
      done++;
      bar?.increment(1, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
    },
  );
  bar?.stop();
  const entries = outcomes.map((o) => fileEntry(o, options.lang));
  const ok = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok);
  const cross = checkBatch(ok.map((o) => ({ id: o.path, bloc: o.summary, settings: o.settings }))).map((c) => crossFileJson(c, options.lang));
  const report = reportJson(entries, cross);
  const format = formatOf(options);
  const output = render(report, format, options.lang, format === 'text' && !options.out && options.color && io.stdoutTty);
  if (options.out) writeAtomic(options.out, output);
  else if (!(options.quiet && format === 'text')) io.out(output);
  if (options.summary) {
    const { summaryWorkbook } = await import('./summary');
    writeAtomic(options.summary, Buffer.from(await summaryWorkbook(report, outcomes, options.lang).xlsx.writeBuffer()));
  }
  for (const o of outcomes) {
    if (o.ok && o.annotateError) io.err(`Không ghi được bản đánh dấu của ${o.path}: ${o.annotateError}\n`);
  }
  if (io.stderrTty && !options.quiet && format === 'text' && !options.out && files.length > 1) io.err(`\n${summaryTable(report, options.lang)}\n`);
  const c = report.counts;
  const failed = c.unreadable > 0 || (options.failOn === 'error' && c.error > 0) || (options.failOn === 'warning' && c.error + c.warning > 0);
  return { code: failed ? 1 : 0, report, outcomes };
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

