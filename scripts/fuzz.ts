/**
 * Fuzzing the batch validator (THREATS.md): real workbooks (the samples and the LibreOffice
 * files) mutated by fast-check — bytes flipped in the zip or inside an XML part, XML elements
 * dropped or duplicated, parts cut short or swapped — and each one checked by the real worker
 * pool. Every case must end as a report entry: checked, or unreadable with a code; never a
 * crash, a hang (timeout), a rule that throws (engine/rule-failed) or a worker out of memory.
 *
 * `npm run fuzz` runs 5,000 cases with a random seed (FUZZ_RUNS, FUZZ_SEED to choose);
 * test/hardening/fuzz.test.ts runs a bounded number with a fixed seed.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FilePool } from '../pool/pool';
import type { FileOutcome } from '../reader/check';
import { RULE_FAILED_ID } from '../engine/rules/rule-failed';
import { type ZipInput, makeZip, unzip } from '../reader/zip-writer';

/** The repository: this file runs compiled from dist/scripts, or as TypeScript from scripts. */
const ROOT = __dirname.endsWith(join('dist', 'scripts')) ? join(__dirname, '..', '..') : join(__dirname, '..');

/** The workbooks mutated: every sample and every LibreOffice re-save. */
export function fuzzBases(): { name: string; data: Buffer }[] {
  const from = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => ({ name: f, data: readFileSync(join(ROOT, dir, f)) }));
  return [...from('samples'), ...from(join('test', 'fixtures', 'libreoffice')).filter((f) => !f.name.includes('mat-khau'))];
}

const TAGS = ['row', 'c', 'v', 'si', 't', 'sheet', 'Relationship', 'mergeCell', 'xf', 'numFmt', 'f', 'is', 'dimension', 'sheetData', 'cellXfs'];

export interface Mutation {
  base: number;
  kind: 'flip-zip' | 'flip-part' | 'drop' | 'duplicate' | 'truncate' | 'swap' | 'attribute';
  part: number;
  other: number;
  at: number;
  tag: number;
  bytes: number[];
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  base: fc.nat(),
  kind: fc.constantFrom('flip-zip', 'flip-part', 'drop', 'duplicate', 'truncate', 'swap', 'attribute'),
  part: fc.nat(),
  other: fc.nat(),
  at: fc.nat(),
  tag: fc.nat(),
  bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
});

/** The `n`-th element `<tag …>…</tag>` (or `<tag …/>`) of an XML text: its start and end. */
function nthElement(xml: string, tag: string, n: number): [number, number] | undefined {
  const starts: number[] = [];
  const re = new RegExp(`<${tag}[\\s>/]`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) starts.push(m.index);
  if (starts.length === 0) return undefined;
  const start = starts[n % starts.length]!;
  const headEnd = xml.indexOf('>', start);
  if (headEnd < 0) return undefined;
  if (xml[headEnd - 1] === '/') return [start, headEnd + 1];
  const close = xml.indexOf(`</${tag}>`, headEnd);
  return close < 0 ? undefined : [start, close + tag.length + 3];
}

/** The workbook a mutation makes of its base. */
export function mutate(bases: readonly { data: Buffer }[], m: Mutation): Buffer {
  const base = bases[m.base % bases.length]!.data;
  if (m.kind === 'flip-zip') {
    const out = Buffer.from(base);
    m.bytes.forEach((b, i) => {
      const p = (m.at + i * 7919) % out.length;
      out[p] = out[p]! ^ (b || 1);
    });
    return out;
  }
  const parts = unzip(base).filter((p) => !p.name.endsWith('/'));
  const xmlParts = parts.map((p, i) => [p, i] as const).filter(([p]) => /\.(xml|rels)$/.test(p.name));
  const [target, index] = xmlParts[m.part % xmlParts.length]!;
  let data = target.data;
  const xml = data.toString('utf8');
  const tag = TAGS[m.tag % TAGS.length]!;
  switch (m.kind) {
    case 'flip-part': {
      data = Buffer.from(data);
      m.bytes.forEach((b, i) => {
        const p = (m.at + i * 31) % Math.max(1, data.length);
        data[p] = data[p]! ^ (b || 1);
      });
      break;
    }
    case 'drop':
    case 'duplicate': {
      const el = nthElement(xml, tag, m.at);
      if (el) data = Buffer.from(m.kind === 'drop' ? xml.slice(0, el[0]) + xml.slice(el[1]) : xml.slice(0, el[1]) + xml.slice(el[0], el[1]) + xml.slice(el[1]));
      break;
    }
    case 'truncate':
      data = data.subarray(0, m.at % Math.max(1, data.length));
      break;
    case 'attribute': {
      // An attribute's value replaced by an odd one: a huge row number, a bad reference, a negative style.
      const odd = ['1048577', '0', '-1', 'XFD1048577', 'A0', '', '99999999999', 'NaN', '../../x', 'ZZZZ1'][m.bytes[0]! % 10]!;
      let seen = 0;
      data = Buffer.from(xml.replace(/(\s(?:r|s|t|ref|r:id|Id|Target|name|sheetId|numFmtId)=")([^"]*)"/g, (whole, head: string) => (seen++ === m.at % 50 ? `${head}${odd}"` : whole)));
      break;
    }
    case 'swap': {
      const [other] = xmlParts[m.other % xmlParts.length]!;
      data = other.data;
      break;
    }
  }
  const entries: ZipInput[] = parts.map((p, i) => ({ name: p.name, data: i === index ? data : p.data }));
  return makeZip(entries);
}

/** Why an outcome is a failure of thidua rather than of the file, or undefined. */
export function failureOf(o: FileOutcome): string | undefined {
  if (!o.ok) {
    if (o.code === 'timeout') return `timeout: ${o.detail}`;
    if (o.code === 'too-large' && /over \d+ MB/.test(o.detail)) return `worker out of memory: ${o.detail}`;
    return undefined;
  }
  const failed = o.result.findings.find((f) => f.ruleId === RULE_FAILED_ID);
  return failed ? `a rule threw: ${JSON.stringify(failed.data)}` : undefined;
}

export interface FuzzRun {
  cases: number;
  outcomes: Record<string, number>;
  failures: { mutation: Mutation; why: string }[];
}

/** `runs` mutated workbooks through the pool; the tally of outcomes and any failure. */
export async function fuzz(runs: number, seed: number, timeoutMs = 10_000): Promise<FuzzRun> {
  const bases = fuzzBases();
  const dir = mkdtempSync(join(tmpdir(), 'thidua-fuzz-'));
  const pool = new FilePool({ jobs: 2, timeoutMs, memoryMb: 600 });
  const run: FuzzRun = { cases: 0, outcomes: {}, failures: [] };
  try {
    const mutations = fc.sample(mutationArb, { numRuns: runs, seed });
    const batch = 50;
    for (let i = 0; i < mutations.length; i += batch) {
      const slice = mutations.slice(i, i + batch);
      const tasks = slice.map((m, j) => {
        const path = join(dir, `ca-${i + j}.xlsx`);
        writeFileSync(path, mutate(bases, m));
        return { path, today: '2026-11-22' };
      });
      const outcomes = await pool.run(tasks);
      outcomes.forEach((o, j) => {
        run.cases++;
        const key = o.ok ? o.result.status : `unreadable/${o.code}`;
        run.outcomes[key] = (run.outcomes[key] ?? 0) + 1;
        const why = failureOf(o);
        if (why) run.failures.push({ mutation: slice[j]!, why });
      });
      for (const t of tasks) rmSync(t.path, { force: true });
    }
  } finally {
    await pool.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
  return run;
}

if (require.main === module) {
  const runs = Number(process.env.FUZZ_RUNS ?? 5000);
  const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
  const started = Date.now();
  void fuzz(runs, seed).then((r) => {
    const ok = r.cases - r.failures.length;
    console.log(`fuzz: seed ${seed}, ${r.cases} cases in ${((Date.now() - started) / 1000).toFixed(0)} s: ${ok} ended as a report entry with no crash, ${r.failures.length} failures`);
    console.log(`outcomes: ${Object.entries(r.outcomes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const f of r.failures.slice(0, 20)) console.log(`FAIL ${f.why}\n  replay: ${JSON.stringify(f.mutation)}`);
    process.exitCode = r.failures.length > 0 ? 1 : 0;
  });
}
