/**
 * `npm run bench`: every budget of shared/spec/interfaces.md ("Budgets"), each figure beside
 * its budget, written to bench/results.json. See BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gridToWorkbook } from '../test/support/write-grid';
import { blocToGrid } from '../engine/template/writer';
import { hostileCorpus, manyCells } from '../scripts/hostile';
import { batchFigures, peersTable } from './batch';
import { type Figure, engineFigures, spread, syntheticBloc } from './engine';
import { runThidua } from './process';
import { deskFigures } from './desk';
import { paneFigures } from './pane';
import { tokenizerFigures } from './xml-tokenizer';

const ROOT = join(__dirname, '..', '..');

/** `node -e 0`, the whole process: what any Node command costs to start. */
function nodeStart(): number {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `thidua validate` of files, as JSON: wall time, peak memory and the first file's error code. */
function processRun(files: string[]): { ms: number; mb: number; code?: string } {
  const r = runThidua(['validate', ...files, '--format', 'json', '--no-progress']);
  let code: string | undefined;
  try {
    code = (JSON.parse(r.stdout) as { files: { error?: { code: string } }[] }).files[0]?.error?.code;
  } catch {
    code = undefined;
  }
  return { ms: r.ms, mb: r.mb, ...(code ? { code } : {}) };
}

function figure(name: string, unit: string, values: number[], budget: string, ok: (m: number) => boolean): Figure {
  const s = spread(values);
  return { name, unit, ...s, budget, ok: ok(s.median) };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const figures: Figure[] = await engineFigures(quick);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  try {
    // Batch: 500 typical workbooks, --jobs 2, against a bare ExcelJS loop in one process.
    const b = await batchFigures(quick ? 100 : 500, quick ? 1 : 5);
    const ratio = (name: string, value: number, budget: string, ok: boolean): Figure => ({ name, unit: '×', median: value, p95: value, min: value, max: value, runs: 1, budget, ok });
    console.log(peersTable(b));
    figures.push(ratio(`validate --jobs 2 over ${b.files} workbooks / bare ExcelJS readFile loop (--jobs 1 ${b.jobs1.toFixed(0)} ms, --jobs 2 ${b.jobs2.toFixed(0)} ms, bare ${b.bare.toFixed(0)} ms)`, b.ratioToBare, '≤ 0.75', b.ratioToBare <= 0.75));
    figures.push(ratio(`validate over ${b.files} workbooks, --jobs 1 ÷ --jobs 2 (the speed-up of a second core)`, b.speedup, '≥ 1.6', b.speedup >= 1.6));
    figures.push(ratio(`validate --jobs 1 over ${b.files} workbooks ÷ SheetJS reading them (${b.sheetjs.toFixed(0)} ms)`, b.toSheetjs, '≤ 1', b.toSheetjs <= 1));
    figures.push(ratio(`validate --jobs 1 over ${b.files} workbooks ÷ inflating every part (the floor, ${b.floor.toFixed(0)} ms)`, b.toFloor, '≤ 3', b.toFloor <= 3));
    // One workbook, the whole process, against `node -e 0` taking turns with it.
    // So are `thidua rules` and `thidua template` (the blank template written with ExcelJS).
    const one = join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx');
    const template = join(dir, 'mau.xlsx');
    const starts = {
      'validate one workbook': () => processRun([one]).ms,
      'rules': () => runThidua(['rules']).ms,
      'template': () => {
        rmSync(template, { force: true });
        return runThidua(['template', '--out', template]).ms;
      },
    };
    for (const [what, run] of Object.entries(starts)) {
      const runs: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < (quick ? 3 : 9); i++) {
        const bare = nodeStart();
        const ms = run();
        runs.push(ms);
        ratios.push(ms / bare);
      }
      figures.push(figure(`${what}, whole process ÷ node -e 0 (${spread(runs).median.toFixed(0)} ms)`, '×', ratios, '≤ 2.5', (m) => m <= 2.5));
    }
    // A 50,000-row workbook: its peak memory.
    const big = join(dir, 'nam-muoi-nghin-dong.xlsx');
    await gridToWorkbook(blocToGrid(syntheticBloc(10_000))).xlsx.writeFile(big);
    const bigRun = processRun([big]);
    figures.push(figure(`a 50,000-row workbook (10,000 members, 50,000 vote rows): peak memory (${bigRun.ms.toFixed(0)} ms)`, 'MB', [bigRun.mb], '≤ 600 MB', (m) => m <= 600));
    // Over the limits: the 2 GiB zip bomb and a sheet declaring millions of cells.
    const bomb = processRun([join(ROOT, 'test', 'fixtures', 'hostile', 'zip-bomb.xlsx')]);
    figures.push(figure(`zip bomb (2 MB → 2 GiB): time to unreadable/${bomb.code ?? 'NOT REFUSED'}`, 'ms', [bomb.ms], '≤ 5,000 ms', (m) => bomb.code === 'too-large' && m <= 5000));
    figures.push(figure('zip bomb: peak memory', 'MB', [bomb.mb], '≤ 600 MB', (m) => m <= 600));
    for (const [label, data] of [
      ['3,000,000 cells declared in <dimension>', manyCells(3_000_000, true)],
      ['2,000,000 cells, no <dimension>', manyCells(2_000_000, false)],
    ] as const) {
      const path = join(dir, 'trieu-o.xlsx');
      writeFileSync(path, data);
      const run = processRun([path]);
      figures.push(figure(`${label} (${(data.length / 1e6).toFixed(1)} MB file): time to unreadable/${run.code ?? 'NOT REFUSED'} (${run.mb.toFixed(0)} MB peak)`, 'ms', [run.ms], '≤ 5,000 ms, ≤ 600 MB', (m) => run.code === 'too-large' && m <= 5000 && run.mb <= 600));
    }
    // The hostile corpus (scripts/hostile.ts): every file alone within 5 s and 600 MB, and all
    // of them in one batch within 600 MB (the hostile test checks what each is reported as).
    const hostileDir = join(dir, 'hostile');
    mkdirSync(hostileDir);
    for (const f of hostileCorpus(readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx')))) writeFileSync(join(hostileDir, f.name), f.data);
    const alone = readdirSync(hostileDir).map((name) => ({ name, ...processRun([join(hostileDir, name)]) }));
    const slowest = alone.reduce((a, b) => (b.ms > a.ms ? b : a));
    const largest = alone.reduce((a, b) => (b.mb > a.mb ? b : a));
    figures.push(figure(`hostile corpus, ${alone.length} files each alone: the slowest (${slowest.name})`, 'ms', [slowest.ms], '≤ 5,000 ms', (m) => m <= 5000));
    figures.push(figure(`hostile corpus, each alone: the largest peak memory (${largest.name})`, 'MB', [largest.mb], '≤ 600 MB', (m) => m <= 600));
    const together = processRun([hostileDir, '--jobs', '2']);
    figures.push(figure(`hostile corpus, all ${alone.length} in one batch (--jobs 2): peak memory (${together.ms.toFixed(0)} ms)`, 'MB', [together.mb], '≤ 600 MB', (m) => m <= 600));
    // The tokenizer decision (docs/decisions.md): saxes's time over ours on the same sheet.
    const tok = await tokenizerFigures();
    figures.push({ name: `XML tokenizer on ${tok.mb.toFixed(1)} MB of sheet XML: saxes ${tok.saxes.toFixed(0)} ms ÷ thidua's ${tok.ours.toFixed(0)} ms (median of 7 rounds each)`, unit: '×', median: tok.saxes / tok.ours, p95: tok.saxes / tok.ours, min: tok.saxes / tok.ours, max: tok.saxes / tok.ours, runs: 7 });
    // Pane: bundle size, and the live re-check latency measured by the browser test.
    const bundle = join(ROOT, 'dist', 'addin', 'taskpane.js');
    if (existsSync(bundle)) {
      const kb = gzipSync(readFileSync(bundle)).length / 1024;
      figures.push(figure('pane JavaScript, minified and gzipped', 'KB', [kb], '≤ 350 KB', (m) => m <= 350));
    }
    // The live re-check in a browser on the fake Excel: round trips and latency.
    figures.push(...(await paneFigures(quick)));
    // The office desk page on the batch's workbooks, against the command.
    figures.push(...(await deskFigures(quick ? 100 : 500, quick ? 1 : 3)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of figures) {
    const v = (x: number) => (f.unit === '×' ? x.toFixed(2) : x.toFixed(f.unit === 'ms' && x < 10 ? 3 : 0));
    console.log(`${f.ok === undefined ? '    ' : f.ok ? 'ok  ' : 'FAIL'} ${f.name}: ${v(f.median)} ${f.unit} (p95 ${v(f.p95)}, min ${v(f.min)}, max ${v(f.max)}, ${f.runs} runs)${f.budget ? `  budget ${f.budget}` : ''}`);
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`;
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2)}\n`);
  console.log(`bench/results.json written (${machine})`);
}

void main();
