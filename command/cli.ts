/**
 * The `thidua` command. The engine is loaded only by the commands that need it, and by
 * `validate` only once its workers have started (command/validate.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeAtomic } from '../pool';
import { type FailOn, type Format, type Io, UsageError } from './options';
import { defaultJobs, validate } from './validate';
import type { Lang } from '../engine';

/** Each command's usage, in each language: `thidua <command> --help` prints its own, `thidua --help` all. */
const COMMAND_USAGE: Record<'validate' | 'template' | 'rules' | 'profiles', Record<Lang, string>> = {
  validate: {
    vi: `  thidua validate <tệp|thư mục|mẫu>... [tùy chọn]
      --profile <id|tệp>        bộ quy tắc (mặc định: theo "Bộ quy tắc" trong sổ, theo tỉnh, rồi quoc-gia)
      --format text|json|html|csv   mặc định: text, hoặc theo đuôi tệp của --out
      --out <tệp>               ghi báo cáo ra tệp
      --annotate <thư mục>      ghi bản sao đánh dấu ô sai của từng sổ
      --summary <tệp.xlsx>      sổ tổng hợp cho văn phòng: mỗi tệp một dòng, mọi phát hiện
      --per-file <thư mục>      mỗi sổ một báo cáo để in và gửi lại cho khối (<tên>.bao-cao.html)
      --lang vi|en              ngôn ngữ thông báo (mặc định vi)
      --jobs <n>                số luồng song song (mặc định: số lõi)
      --fail-on error|warning|never  mức gây mã thoát 1 (mặc định error)
      --quiet, --no-progress, --no-color
`,
    en: `  thidua validate <file|folder|pattern>... [options]
      --profile <id|file>       the rules (default: the workbook's "Bộ quy tắc", the province's, then quoc-gia)
      --format text|json|html|csv   default: text, or from the --out file's extension
      --out <file>              write the report to a file
      --annotate <folder>       an annotated copy of each workbook, its faulty cells marked
      --summary <file.xlsx>     one workbook for the office: a row per file, every finding
      --per-file <folder>       one printable report per workbook, to send back (<name>.bao-cao.html)
      --lang vi|en              the language of the messages (default vi)
      --jobs <n>                files checked at once (default: the number of cores)
      --fail-on error|warning|never  what makes the exit status 1 (default error)
      --quiet, --no-progress, --no-color
`,
  },
  template: {
    vi: `  thidua template [tùy chọn]       biểu mẫu trống, tự kiểm tra bằng công thức (mọi phiên bản Excel, WPS, LibreOffice)
      --out <tệp.xlsx>          tệp ghi ra (mặc định mau-so-thi-dua.xlsx; không ghi đè tệp đã có nếu thiếu --force)
      --province <tỉnh>         điền sẵn tỉnh (và dùng bộ quy tắc của tỉnh)
      --year <năm>              điền sẵn năm thi đua (bộ quy tắc của năm đó)
      --bloc <tên>              điền sẵn tên khối
      --members "A;B;C"         điền sẵn các đơn vị thành viên (bảng đủ dòng cho khối)
      --criteria "Tên 1:200;Tên 2:500;…"   các tiêu chí chấm điểm và điểm tối đa của mỗi tiêu chí
                                           (mặc định: của bộ quy tắc, hoặc 3 tiêu chí để đổi tên)
      --profile <id|tệp>        bộ quy tắc mà công thức kiểm tra theo (mặc định: của tỉnh, rồi quoc-gia)
      --force                   ghi đè tệp đã có
`,
    en: `  thidua template [options]        the blank template, checking itself with formulas (every Excel, WPS, LibreOffice)
      --out <file.xlsx>         the file written (default mau-so-thi-dua.xlsx; an existing file only with --force)
      --province <province>     the province filled in (and its profile used)
      --year <year>             the emulation year filled in (the profile of that year)
      --bloc <name>             the bloc's name filled in
      --members "A;B;C"         the member units filled in (tables with a row for each)
      --criteria "Name 1:200;Name 2:500;…"   the scoring criteria, each with its maximum points
                                             (default: the profile's, or 3 criteria to rename)
      --profile <id|file>       the profile the formulas follow (default: the province's, then quoc-gia)
      --force                   overwrite a file already there
`,
  },
  rules: {
    vi: `  thidua rules [--format text|md|json] [--lang vi|en]   danh mục quy tắc (text trên màn hình)
`,
    en: `  thidua rules [--format text|md|json] [--lang vi|en]   the catalog of rules (text on a terminal)
`,
  },
  profiles: {
    vi: `  thidua profiles [--check <tệp.json>]            các bộ quy tắc có sẵn / kiểm tra một tệp bộ quy tắc
`,
    en: `  thidua profiles [--check <file.json>]           the built-in profiles / check a profile file
`,
  },
};

const TITLE = { vi: 'kiểm tra sổ thi đua của khối, cụm thi đua', en: 'checks the workbooks of emulation blocs (khối, cụm thi đua)' };
const EXIT = {
  vi: `Mã thoát: 0 không có gì đạt mức --fail-on; 1 có, hoặc có tệp không đọc được;
2 dùng lệnh sai hoặc không có gì để kiểm tra; 3 lỗi không mong đợi.
`,
  en: `Exit status: 0 nothing reaches --fail-on; 1 something does, or a file was unreadable;
2 a usage error or nothing to check; 3 an unexpected failure.
`,
};

/** Where the command writes; whether each stream is a terminal, when known. */
type CliIo = Pick<Io, 'out' | 'err'> & Partial<Pick<Io, 'stdoutTty' | 'stderrTty'>>;

async function version(): Promise<string> {
  return (await import('../engine')).TOOL_VERSION;
}

/** The usage of one command, or of all with the exit statuses. */
async function usage(l: Lang, command?: keyof typeof COMMAND_USAGE): Promise<string> {
  const head = `thidua ${await version()} — ${TITLE[l]}\n\n${l === 'vi' ? 'Cách dùng' : 'Usage'}:\n`;
  if (command) return `${head}${COMMAND_USAGE[command][l]}`;
  return `${head}${Object.values(COMMAND_USAGE).map((u) => u[l]).join('')}  thidua <${l === 'vi' ? 'lệnh' : 'command'}> --help\n  thidua --version | --help\n\n${EXIT[l]}`;
}

/** `--criteria "Tên 1:200;Tên 2:500"`: each criterion's name and maximum (the pane's box reads them alike). */
async function criteriaOption(value: string | undefined): Promise<{ name: string; max?: number }[] | undefined> {
  if (value === undefined) return undefined;
  const parsed = (await import('../engine')).parseCriteria(value);
  if ('error' in parsed) throw new UsageError(`--criteria: ${parsed.error.vi}`, `--criteria: ${parsed.error.en}`);
  return parsed.criteria;
}

/** The language asked for, read before the options are parsed (an option error is said in it too). */
export function askedLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value === 'en' ? 'en' : 'vi';
}

/** Node's option parser's errors (English, with its codes) said in the user's language. */
function optionError(e: { code?: string; message: string }, l: Lang): string | undefined {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return l === 'vi' ? `Không có tùy chọn "${quoted}".` : `There is no option "${quoted}".`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return l === 'vi' ? `Tùy chọn ${quoted.split(' ')[0] || quoted} cần một giá trị.` : `The option ${quoted.split(' ')[0] || quoted} needs a value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return l === 'vi' ? `Lệnh này không nhận "${quoted}".` : `This command takes no "${quoted}".`;
    default:
      return undefined;
  }
}

/** A failure nobody planned for, said in one sentence with what was being done; never a stack trace. */
export function unexpected(e: unknown, command: string | undefined, l: Lang): string {
  const code = (e as { code?: string }).code;
  const why = code === 'ENOSPC' ? (l === 'vi' ? 'đĩa đã đầy' : 'the disk is full')
    : code === 'EACCES' || code === 'EPERM' ? (l === 'vi' ? 'không được phép ghi hoặc đọc một tệp' : 'a file could not be written or read')
      : code === 'ENOMEM' ? (l === 'vi' ? 'không đủ bộ nhớ' : 'out of memory')
        : (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  return l === 'vi'
    ? `Lỗi không mong đợi khi chạy "thidua ${command ?? ''}": ${why}. Hãy báo cho bộ phận hỗ trợ kèm lệnh đã chạy.\n`
    : `Unexpected failure while running "thidua ${command ?? ''}": ${why}. Report it to support with the command you ran.\n`;
}

function lang(v: string | undefined): Lang {
  if (v === undefined || v === 'vi' || v === 'en') return v ?? 'vi';
  throw new UsageError(`--lang phải là vi hoặc en (nhận được "${v}").`, `--lang must be vi or en (got "${v}").`);
}

async function rules(args: string[], io: CliIo): Promise<number> {
  const { catalogMarkdown, catalog, catalogText } = await import('../engine');
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, lang: { type: 'string' } }, strict: true });
  const l = lang(values.lang);
  // On a terminal, text to read; into a file or a program, Markdown (or JSON when asked).
  const format = values.format ?? (io.stdoutTty ? 'text' : 'md');
  if (format === 'json') io.out(`${JSON.stringify(catalog(l), null, 2)}\n`);
  else if (format === 'md') io.out(catalogMarkdown(l));
  else if (format === 'text') io.out(catalogText(l));
  else throw new UsageError(`--format phải là text, md hoặc json (nhận được "${format}").`, `--format must be text, md or json (got "${format}").`);
  return 0;
}

async function profiles(args: string[], io: CliIo): Promise<number> {
  const { BUILT_IN_PROFILES, ProfileError, loadProfile } = await import('../engine');
  const { zodSpeaks } = await import('./zod-language');
  const { values } = parseArgs({ args, options: { check: { type: 'string' }, lang: { type: 'string' } }, strict: true });
  const l = lang(values.lang);
  zodSpeaks(l);
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
    io.err(l === 'vi' ? `Không đọc được tệp "${values.check}".\n` : `Cannot read "${values.check}".\n`);
    return 2;
  }
  try {
    const profile = loadProfile(JSON.parse(text));
    io.out(l === 'vi' ? `Bộ quy tắc "${profile.id}" hợp lệ (${profile.versions.length} phiên bản).\n` : `Profile "${profile.id}" is valid (${profile.versions.length} versions).\n`);
    return 0;
  } catch (e) {
    if (e instanceof SyntaxError) io.err(l === 'vi' ? `Tệp "${values.check}" không phải JSON hợp lệ.\n` : `"${values.check}" is not valid JSON.\n`);
    else if (e instanceof ProfileError) io.err(`${e.message}\n`);
    else throw e;
    return 1;
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} phải là một trong: ${allowed.join(', ')} (nhận được "${value}").`, `--${name} must be one of: ${allowed.join(', ')} (got "${value}").`);
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
      'per-file': { type: 'string' },
      lang: { type: 'string' },
      jobs: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      today: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('Hãy chỉ ra tệp, thư mục hoặc mẫu tên tệp cần kiểm tra.', 'Name the files, folders or file patterns to check.');
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs phải là số nguyên từ 1 đến 64 (nhận được "${values.jobs}").`, `--jobs must be a whole number from 1 to 64 (got "${values.jobs}").`);
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
      ...(values['per-file'] !== undefined ? { perFile: values['per-file'] } : {}),
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
    options: { out: { type: 'string' }, province: { type: 'string' }, year: { type: 'string' }, bloc: { type: 'string' }, members: { type: 'string' }, criteria: { type: 'string' }, profile: { type: 'string' }, force: { type: 'boolean', default: false }, lang: { type: 'string' } },
  });
  const criteria = await criteriaOption(values.criteria);
  const out = values.out ?? 'mau-so-thi-dua.xlsx';
  // A workbook already there may be one a bloc filled in: never overwritten unless asked.
  if (existsSync(out) && !values.force) throw new UsageError(`Đã có tệp "${out}" (có thể là sổ đã điền): hãy chỉ ra tên khác bằng --out, hoặc thêm --force để ghi đè.`, `"${out}" exists already (it may be a filled-in workbook): name another file with --out, or add --force to overwrite it.`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError('--out phải là tệp .xlsx.', '--out must be an .xlsx file.');
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new UsageError(`--year phải là năm từ 2000 đến 2100 (nhận được "${values.year}").`, `--year must be a year from 2000 to 2100 (got "${values.year}").`);
  const members = values.members?.split(/[;\n]/).map((m) => m.trim()).filter((m) => m !== '');
  const profile = (await import('./run')).profileOption(values.profile);
  const { templateWorkbook, workbookBytes } = await import('../writers');
  const wb = templateWorkbook({
    ...(values.province ? { province: values.province } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(values.bloc ? { blocName: values.bloc } : {}),
    ...(members && members.length > 0 ? { members } : {}),
    ...(criteria ? { criteria } : {}),
  }, undefined, profile);
  writeAtomic(out, await workbookBytes(wb));
  io.out(`Đã ghi biểu mẫu: ${out}\n`);
  return 0;
}

export async function main(
  argv: string[],
  io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), stdoutTty: process.stdout.isTTY === true, stderrTty: process.stderr.isTTY === true },
): Promise<number> {
  const [command, ...rest] = argv;
  const l = askedLang(argv);
  try {
    // `thidua <command> --help`: that command's usage, in the language asked for.
    if (command !== undefined && command in COMMAND_USAGE && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(await usage(l, command as keyof typeof COMMAND_USAGE));
      return 0;
    }
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
        io.out(await usage(l));
        return 0;
      default:
        if (command === undefined || command.startsWith('--lang')) io.err(await usage(l));
        else io.err(`${l === 'vi' ? `Không có lệnh "${command}".` : `There is no command "${command}".`}\n\n${await usage(l)}`);
        return 2;
    }
  } catch (e) {
    const said = e instanceof UsageError ? e.text(l) : optionError(e as { code?: string; message: string }, l);
    if (said !== undefined) {
      io.err(`${said}\n${l === 'vi' ? 'Xem: thidua --help' : 'See: thidua --help --lang en'}\n`);
      return 2;
    }
    io.err(unexpected(e, command, l));
    return 3;
  }
}
