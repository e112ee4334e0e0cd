/**
 * `npm run bench:zip`: thidua's own zip reading (reader/zip.ts: the central directory read by
 * hand, each part inflated by Node's zlib, or pako in the desk page, with an output limit)
 * against fflate, the small well-kept library a user would pick, for the decision in
 * docs/decisions.md ("Zip: our reader or fflate"):
 *
 * - speed: every part of the samples inflated, ours and `fflate.unzipSync`, and the desk's
 *   inflate (pako) against `fflate.inflateSync`, per workbook;
 * - the hostile corpus: each file read by fflate as a library can be asked to (its `filter`
 *   refuses entries by the size their header declares), in a child process held to 600 MB,
 *   beside our verdict.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inflate as FflateInflate, inflateSync as fflateInflate, unzipSync } from 'fflate';
import { checkAllParts, DEFAULT_LIMITS, sniff } from '../reader/intake';
import { entryData, inflatePart, zipEntries } from '../reader/zip';
import { inflateRawSync as pakoInflate } from '../desk/zlib';
import { hostileCorpus } from '../scripts/hostile';
import { spread } from './engine';

const ROOT = join(__dirname, '..', '..');

function samples(): Buffer[] {
  const dirs = [join(ROOT, 'samples'), join(ROOT, 'samples', 'faulty')];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.xlsx')).map((f) => readFileSync(join(d, f))));
}

/** Median milliseconds per workbook of `read` over the files, `rounds` times. */
function timed(files: Buffer[], rounds: number, read: (b: Buffer) => void): { median: number; p95: number } {
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (const f of files) read(f);
    per.push(Number(process.hrtime.bigint() - start) / 1e6 / files.length);
  }
  const s = spread(per);
  return { median: s.median, p95: s.p95 };
}

/** fflate reading a file as a library user would, limits by declared size, in a child of 600 MB: its outcome, time and peak memory. */
function fflateChild(path: string): { outcome: string; ms: number; mb: number } {
  const script = `
    const { unzipSync } = require(${JSON.stringify(require.resolve('fflate'))});
    const buf = require('fs').readFileSync(${JSON.stringify(path)});
    let total = 0, count = 0;
    try {
      const parts = unzipSync(new Uint8Array(buf), { filter: (f) => { count++; total += f.originalSize; return count <= ${DEFAULT_LIMITS.maxEntries} && f.originalSize <= ${DEFAULT_LIMITS.maxUncompressedBytes} && total <= ${DEFAULT_LIMITS.maxUncompressedBytes}; } });
      const bytes = Object.values(parts).reduce((n, p) => n + p.length, 0);
      console.log('read ' + Object.keys(parts).length + ' parts, ' + Math.round(bytes / 1048576) + ' MB');
    } catch (e) { console.log('threw: ' + String(e.message).slice(0, 60)); }`;
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--max-old-space-size=600', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = Number(/(\d+)\s*$/.exec((r.stderr ?? '').trim())?.[1] ?? NaN);
  const outcome = r.error ? 'timeout (30 s)' : r.status !== 0 ? `crashed (exit ${r.status ?? r.signal})` : r.stdout.trim();
  return { outcome, ms, mb: kb / 1024 };
}

function main(): void {
  const files = samples();
  const rounds = process.argv.includes('--quick') ? 5 : 21;
  const ours = timed(files, rounds, (b) => {
    for (const e of zipEntries(b)!) inflatePart(b, e);
  });
  const theirs = timed(files, rounds, (b) => void unzipSync(new Uint8Array(b)));
  const desk = timed(files, rounds, (b) => {
    for (const e of zipEntries(b)!) if (e.method === 8) pakoInflate(entryData(b, e)!, { maxOutputLength: e.uncompressedSize + 1024 });
  });
  const deskFflate = timed(files, rounds, (b) => {
    for (const e of zipEntries(b)!) if (e.method === 8) fflateInflate(entryData(b, e)!, { out: new Uint8Array(e.uncompressedSize) });
  });
  // fflate's streaming inflate fed 64 KB of input at a time, stopping past the part's limit (what the desk would need).
  const deskFflateLimited = timed(files, rounds, (b) => {
    for (const e of zipEntries(b)!) {
      if (e.method !== 8) continue;
      const data = entryData(b, e)!;
      const max = e.uncompressedSize + 1024;
      let total = 0;
      const chunks: Uint8Array[] = [];
      const inflate = new FflateInflate((chunk) => {
        total += chunk.length;
        if (total <= max) chunks.push(chunk);
      });
      for (let at = 0; at < data.length && total <= max; at += 65536) inflate.push(data.subarray(at, at + 65536), at + 65536 >= data.length);
      if (total > max) throw new Error('past the limit');
    }
  });
  console.log(`${files.length} sample workbooks, ${rounds} rounds, ms per workbook (median, p95):`);
  console.log(`  ours (zlib, limit per part)     ${ours.median.toFixed(2)}  ${ours.p95.toFixed(2)}`);
  console.log(`  fflate unzipSync                ${theirs.median.toFixed(2)}  ${theirs.p95.toFixed(2)}`);
  console.log(`  desk: pako inflate, limit       ${desk.median.toFixed(2)}  ${desk.p95.toFixed(2)}`);
  console.log(`  desk: fflate inflateSync        ${deskFflate.median.toFixed(2)}  ${deskFflate.p95.toFixed(2)}`);
  console.log(`  desk: fflate Inflate, limit     ${deskFflateLimited.median.toFixed(2)}  ${deskFflateLimited.p95.toFixed(2)}`);

  const dir = mkdtempSync(join(tmpdir(), 'thidua-zip-'));
  try {
    const base = readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));
    const hostile = [...hostileCorpus(base), { name: 'zip-bomb.xlsx', data: readFileSync(join(ROOT, 'test', 'fixtures', 'hostile', 'zip-bomb.xlsx')) }];
    console.log('\nhostile corpus: ours (the intake: sniff, then every part) | fflate unzipSync with size filters, 600 MB heap');
    for (const h of hostile) {
      if (!/^bom|zip-bomb|noi-doi|zip64|cat|hong/.test(h.name)) continue;
      const path = join(dir, h.name);
      writeFileSync(path, h.data);
      const start = process.hrtime.bigint();
      const first = sniff(h.data);
      const mine = first.ok ? checkAllParts(h.data) : first;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const f = fflateChild(path);
      console.log(`  ${h.name}: ${mine.ok ? 'read' : mine.code} in ${ms.toFixed(0)} ms | ${f.outcome} in ${f.ms.toFixed(0)} ms, ${f.mb.toFixed(0)} MB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
