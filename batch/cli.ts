#!/usr/bin/env node
/**
 * The `thidua` command. The engine is loaded only by the commands that need it, and by
 * `validate` only once its workers have started (batch/validate.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeAtomic } from './files';
import { type FailOn, type Format, type Io, UsageError } from './io';
import { defaultJobs, validate } from './validate';

/** The help; the version comes with the engine, loaded only when asked for (a validate run loads it once its workers start). */
const usage = (version: string) => `thidua ${version} — kiểm tra sổ thi đua của khối, cụm thi đua

Cách dùng:
  thidua validate <tệp|thư mục|mẫu>... [tùy chọn]
      --profile <id|tệp>        bộ quy tắc (mặc định: theo "Bộ quy tắc" trong sổ, theo tỉnh, rồi quoc-gia)
      --format text|json|html|csv   mặc định: text, hoặc theo đuôi tệp của --out
      --out <tệp>               ghi báo cáo ra tệp
      --lang vi|en              ngôn ngữ thông báo (mặc định vi)
      --jobs <n>                số luồng song song (mặc định: số lõi)
      --fail-on error|warning|never  mức gây mã thoát 1 (mặc định error)
      --quiet, --no-progress, --no-color
  thidua template [--out tệp.xlsx] [--province P] [--year Y] [--bloc TÊN] [--members "A;B;C"]
                                                  biểu mẫu trống (có thể điền sẵn)
  thidua rules [--format md|json] [--lang vi|en]   danh mục quy tắc
  thidua profiles [--check <tệp.json>]            các bộ quy tắc có sẵn / kiểm tra một tệp bộ quy tắc
  thidua --version | --help
`;

/** Where the command writes; whether each stream is a terminal, when known. */
type CliIo = Pick<Io, 'out' | 'err'> & Partial<Pick<Io, 'stdoutTty' | 'stderrTty'>>;

async function version(): Promise<string> {
  return (await import('../engine')).TOOL_VERSION;
}

function lang(v: string | undefined): 'vi' | 'en' {
  if (v === undefined || v === 'vi' || v === 'en') return v ?? 'vi';
  throw new UsageError(`--lang phải là vi hoặc en (nhận được "${v}")`);
}

async function rules(args: string[], io: CliIo): Promise<number> {
  const { catalogMarkdown, catalog } = await import('../engine');
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, lang: { type: 'string' } }, strict: true });
  const l = lang(values.lang);
  if (values.format === 'json') io.out(`${JSON.stringify(catalog(l), null, 2)}\n`);
  else if (values.format === 'md') io.out(catalogMarkdown(l));
  else throw new UsageError(`--format phải là md hoặc json (nhận được "${values.format}")`);
  return 0;
}

async function profiles(args: string[], io: CliIo): Promise<number> {
  const { BUILT_IN_PROFILES, ProfileError, loadProfile, resolveProfile } = await import('../engine');
  const { values } = parseArgs({ args, options: { check: { type: 'string' }, lang: { type: 'string' } }, strict: true });
  const l = lang(values.lang);
  if (values.check === undefined) {
    for (const p of BUILT_IN_PROFILES) {
      io.out(`${p.id}${p.example ? (l === 'vi' ? ' (ví dụ)' : ' (example)') : ''} — ${p.name[l]}\n  ${p.description[l]}\n  ${l === 'vi' ? 'phiên bản' : 'versions'}: ${p.versions.map((v) => v.from).join(', ')}\n`);
    }
    return 0;
  }
  let text: string;
  try {
    text = readFileSync(values.check, 'utf8');
  } catch {
    io.err(`Không đọc được tệp "${values.check}".\n`);
    return 2;
  }
  try {
    const profile = loadProfile(JSON.parse(text));
    // Every version must resolve against what it extends.
    for (const v of profile.versions) resolveProfile(profile, v.from);
    io.out(`Bộ quy tắc "${profile.id}" hợp lệ (${profile.versions.length} phiên bản).\n`);
    return 0;
  } catch (e) {
    if (e instanceof SyntaxError) io.err(`Tệp "${values.check}" không phải JSON hợp lệ: ${e.message}\n`);
    else if (e instanceof ProfileError) io.err(`${e.message}\n`);
    else throw e;
    return 1;
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} phải là một trong: ${allowed.join(', ')} (nhận được "${value}")`);
}

async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      profile: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      annotate: { type: 'string' },
      summary: { type: 'string' },
      lang: { type: 'string' },
      jobs: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('Hãy chỉ ra tệp, thư mục hoặc mẫu tên tệp cần kiểm tra.');
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs phải là số nguyên từ 1 đến 64 (nhận được "${values.jobs}")`);
  const format = oneOf<Format>('format', values.format, ['text', 'json', 'html', 'csv']);
  const failOn = oneOf<FailOn>('fail-on', values['fail-on'], ['error', 'warning', 'never']) ?? 'error';
  const run = await validate(
    {
      inputs: positionals,
      lang: lang(values.lang),
      jobs,
      failOn,
      quiet: values.quiet,
      progress: !values['no-progress'],
      color: !values['no-color'] && !process.env.NO_COLOR,
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      ...(format ? { format } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.annotate !== undefined ? { annotate: values.annotate } : {}),
      ...(values.summary !== undefined ? { summary: values.summary } : {}),
      ...(values.today !== undefined ? { today: values.today } : {}),
    },
    { out: io.out, err: io.err, stdoutTty: io.stdoutTty ?? false, stderrTty: io.stderrTty ?? false },
  );
  return run.code;
}

async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { out: { type: 'string' }, province: { type: 'string' }, year: { type: 'string' }, bloc: { type: 'string' }, members: { type: 'string' } },
  });
  const out = values.out ?? 'mau-so-thi-dua.xlsx';
  if (values.out === undefined && existsSync(out)) throw new UsageError(`Đã có tệp "${out}"; hãy chỉ ra tên khác bằng --out.`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError('--out phải là tệp .xlsx');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new UsageError(`--year phải là năm từ 2000 đến 2100 (nhận được "${values.year}")`);
  const members = values.members?.split(/[;\n]/).map((m) => m.trim()).filter((m) => m !== '');
  const { templateWorkbook } = await import('./template');
  const wb = templateWorkbook({
    ...(values.province ? { province: values.province } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(values.bloc ? { blocName: values.bloc } : {}),
    ...(members && members.length > 0 ? { members } : {}),
  });
  writeAtomic(out, Buffer.from(await wb.xlsx.writeBuffer()));
  io.out(`Đã ghi biểu mẫu: ${out}\n`);
  return 0;
}

export async function main(
  argv: string[],
  io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), stdoutTty: process.stdout.isTTY === true, stderrTty: process.stderr.isTTY === true },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case 'rules':
        return await rules(rest, io);
      case 'profiles':
        return await profiles(rest, io);
      case '--version':
      case '-v':
        io.out(`${await version()}\n`);
        return 0;
      case '--help':
      case '-h':
        io.out(usage(await version()));
        return 0;
      default:
        io.err(command === undefined ? usage(await version()) : `Lệnh không có: "${command}".\n\n${usage(await version())}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\n\n${usage(await version())}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Lỗi không mong đợi: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
