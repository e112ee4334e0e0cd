#!/usr/bin/env node
/**
 * The `thidua` command. This version has the catalog and profile commands; `validate` and
 * `template` come with the batch validator.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUILT_IN_PROFILES, ProfileError, parseProfile, resolveProfile } from '../engine/profiles';
import { catalogMarkdown, ruleCatalog } from '../engine/report/catalog';
import { TOOL_VERSION } from '../engine/report/json';

const USAGE = `thidua ${TOOL_VERSION} — kiểm tra sổ thi đua của khối, cụm thi đua

Cách dùng:
  thidua rules [--format md|json] [--lang vi|en]   danh mục quy tắc
  thidua profiles [--check <tệp.json>]            các bộ quy tắc có sẵn / kiểm tra một tệp bộ quy tắc
  thidua --version | --help
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

class UsageError extends Error {}

function lang(v: string | undefined): 'vi' | 'en' {
  if (v === undefined || v === 'vi' || v === 'en') return v ?? 'vi';
  throw new UsageError(`--lang phải là vi hoặc en (nhận được "${v}")`);
}

function rules(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'md' }, lang: { type: 'string' } }, strict: true });
  const l = lang(values.lang);
  if (values.format === 'json') io.out(`${JSON.stringify(ruleCatalog(l), null, 2)}\n`);
  else if (values.format === 'md') io.out(catalogMarkdown(l));
  else throw new UsageError(`--format phải là md hoặc json (nhận được "${values.format}")`);
  return 0;
}

function profiles(args: string[], io: Io): number {
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
    const profile = parseProfile(JSON.parse(text));
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

export function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'rules':
        return rules(rest, io);
      case 'profiles':
        return profiles(rest, io);
      case '--version':
      case '-v':
        io.out(`${TOOL_VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        io.err(command === undefined ? USAGE : `Lệnh không có: "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
