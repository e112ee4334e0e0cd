/**
 * The hostile corpus (scripts/hostile.ts, THREATS.md) through the real command, each file in
 * a process of its own and all of them in one batch beside correct workbooks: every file ends
 * as its report entry, within 5 s and 600 MB, and the correct files read exactly as alone.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileJson, ReportJson } from '../../engine/report/schema';
import { UNSAFE_CHARS } from '../../engine/report/text';
import { type HostileFile, hostileCorpus, manyCells } from '../../scripts/hostile';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'command', 'cli.js');
const SAMPLES = join(ROOT, 'samples');

/** The command in a process of its own: its report and its output. */
function run(args: string[]): { report: ReportJson; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out = args.includes('--out') ? readFileSync(args[args.indexOf('--out') + 1]!, 'utf8') : r.stdout;
  return { report: (args.includes('json') ? JSON.parse(out) : undefined) as ReportJson, stdout: r.stdout, stderr: r.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A file's entry in the shape that must not depend on what else was in the batch. */
const entryShape = (f: FileJson) => ({ status: f.status, counts: f.counts, error: f.error?.code, findings: f.findings.map((x) => [x.ruleId, x.severity, x.sheet, x.cell, x.message]) });

/** A file outside any workbook that the corpus's external entity and relationship point at. */
// Unique by randomness, not by the clock: no test reads the time.
const SECRET = `bi-mat-${randomUUID()}`;
const SECRET_PATH = join(tmpdir(), `thidua-bi-mat-${process.pid}.txt`);
writeFileSync(SECRET_PATH, SECRET);

const corpus: HostileFile[] = [
  ...hostileCorpus(readFileSync(join(SAMPLES, 'lai-chau-mttq-2023.xlsx')), SECRET_PATH),
  { name: 'hai-trieu-o.xlsx', data: manyCells(2_000_000, false), expect: { status: 'unreadable', code: 'too-large' }, why: '2,000,000 cells and no <dimension>' },
];

/** Correct and faulty workbooks that go in the batch beside the hostile ones, under odd names too. */
const neighbours: [string, string][] = [
  ['lai-chau-mttq-2023.xlsx', 'tot-lai-chau.xlsx'],
  ['ninh-thuan-mat-tran-2023.xlsx', '\u202egpj.xlsx'],
  ['quang-ninh-mttq-2023.xlsx', '-rf ..\tdong\nmoi.xlsx'],
  // Backslashes and dots (a name starting with a dot would be a hidden file, passed over).
  [join('faulty', readdirSync(join(SAMPLES, 'faulty')).sort()[0]!), 'sai\\..\\..\\x..xlsx'],
];

let dir: string;
let batchDir: string;
let aloneDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-hostile-'));
  batchDir = join(dir, 'vao');
  aloneDir = join(dir, 'rieng');
  mkdirSync(batchDir);
  mkdirSync(aloneDir);
  for (const f of corpus) writeFileSync(join(batchDir, f.name), f.data);
  for (const [src, name] of neighbours) {
    copyFileSync(join(SAMPLES, src), join(batchDir, name));
    copyFileSync(join(SAMPLES, src), join(aloneDir, name));
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(SECRET_PATH, { force: true });
});

// Time and memory (each file within 5 s and 600 MB) are the benchmark's (npm run bench), not a test's.
describe('every hostile file, alone, ends as its report entry', () => {
  test.each(corpus.map((f) => [f.name, f.why, f] as const))('%s (%s)', (name, _why, f) => {
    const r = run(['validate', join(batchDir, name), '--format', 'json', '--no-progress']);
    expect(r.report.files).toHaveLength(1);
    const entry = r.report.files[0]!;
    if (f.expect.status === 'unreadable') expect([entry.status, entry.error?.code]).toEqual(['unreadable', f.expect.code]);
    else expect(['valid', 'invalid']).toContain(entry.status);
  });
});

describe('the hostile files in one batch beside correct workbooks', () => {
  let batch: ReturnType<typeof run>;
  let annotated: ReturnType<typeof run>;
  const inputsBefore = new Map<string, string>();

  beforeAll(() => {
    for (const f of readdirSync(batchDir)) inputsBefore.set(f, sha(join(batchDir, f)));
    batch = run(['validate', batchDir, '--format', 'json', '--jobs', '2', '--no-progress', '--fail-on', 'never']);
    annotated = run(['validate', batchDir, '--format', 'json', '--jobs', '2', '--no-progress', '--fail-on', 'never', '--annotate', join(dir, 'danh-dau'), '--summary', join(dir, 'tong-hop.xlsx')]);
  });

  test('every file has its entry, with the status it has alone', () => {
    const byName = new Map(batch.report.files.map((f) => [f.path.slice(batchDir.length + 1), f]));
    expect(byName.size).toBe(corpus.length + neighbours.length);
    for (const f of corpus) {
      const entry = byName.get(f.name)!;
      if (f.expect.status === 'unreadable') expect([f.name, entry.status, entry.error?.code]).toEqual([f.name, 'unreadable', f.expect.code]);
      else expect([f.name, ['valid', 'invalid'].includes(entry.status)]).toEqual([f.name, true]);
    }
  });

  test('the correct and faulty workbooks read exactly as they do alone (nothing of one file in another\'s entry)', () => {
    const alone = run(['validate', aloneDir, '--format', 'json', '--no-progress', '--fail-on', 'never']);
    for (const [, name] of neighbours) {
      const inBatch = batch.report.files.find((f) => f.path === join(batchDir, name))!;
      const solo = alone.report.files.find((f) => f.path === join(aloneDir, name))!;
      expect(entryShape(inBatch)).toEqual(entryShape(solo));
    }
    expect(batch.report.files.find((f) => f.path.endsWith('tot-lai-chau.xlsx'))!.status).toBe('valid');
  });

  test('with --annotate the findings are the same, and every copy lands inside the output folder under a safe name', () => {
    expect(annotated.report.files.map(entryShape)).toEqual(batch.report.files.map(entryShape));
    const copies = readdirSync(join(dir, 'danh-dau'));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      expect(c).toMatch(/\.kiem-tra\.xlsx$/);
      expect(c).not.toMatch(/[/\\\t\n]|\.\.|^[-.]/);
      expect(c).toBe(c.replace(UNSAFE_CHARS, ''));
    }
    expect(existsSync(join(dir, 'tong-hop.xlsx'))).toBe(true);
    // Workbooks ExcelJS could not hold get no copy, and the office is told why.
    expect(copies).toContain('macro.kiem-tra.xlsx');
    expect(copies).not.toContain('o-40000.kiem-tra.xlsx');
    expect(copies).not.toContain('trieu-dong-dinh-dang.kiem-tra.xlsx');
    expect(annotated.stderr).toMatch(/o-40000\.xlsx: một ô dài 40000 ký tự, quá giới hạn 32767 của Excel/);
    expect(annotated.stderr).toMatch(/trieu-dong-dinh-dang\.xlsx: sổ quá lớn để ghi bản đánh dấu \(hơn 8 MB dữ liệu\)/);
  });

  test('nothing is written next to the inputs, and no input changes', () => {
    const after = new Map(readdirSync(batchDir).map((f) => [f, sha(join(batchDir, f))]));
    expect(after).toEqual(inputsBefore);
  });

  test('a file outside the workbook (an external entity, a relationship climbing out) is never read into a report', () => {
    expect(batch.stdout).toContain('thuc-the-ngoai.xlsx');
    expect(batch.stdout).not.toContain(SECRET);
    expect(JSON.stringify(annotated.report)).not.toContain(SECRET);
  });

  test('the text report shows control characters and bidirectional marks in names as visible replacements', () => {
    const text = run(['validate', batchDir, '--format', 'text', '--no-progress', '--fail-on', 'never', '--no-color']).stdout;
    expect(text).toContain('gpj.xlsx');
    expect(text).toBe(text.replace(UNSAFE_CHARS, ''));
  });
});
