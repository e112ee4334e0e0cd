/**
 * Every output a user reads, made from the samples, the faulty samples and the hostile corpus
 * at a fixed date: the report in each format and language, the per-file reports, the summary
 * workbook, the annotated copies, the template and the command's help. test/hardening/
 * same-outputs.test.ts compares them with the outputs recorded before the code was moved
 * (issue 23: nothing a user sees changes). Workbooks are compared part by part, their
 * document properties (which carry the time ExcelJS wrote them) aside.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../engine';
import { assembleReport, perFileReports } from '../../formats/assemble';
import { annotateBuffer } from '../../writers/annotate-copy';
import { checkBuffer, readBuffer, type FileOutcome } from '../../reader/check';
import { DEFAULT_LIMITS } from '../../reader/intake';
import { render, summaryTable } from '../../formats/render';
import { summaryWorkbook } from '../../writers/summary';
import { templateWorkbook } from '../../writers/template';
import { unzip } from '../../reader/zip-writer';
import { isTemplateSheetName } from '../../engine';
import { hostileCorpus } from '../../scripts/hostile';
import { runCli } from './cli';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-22';
const CHECKED_AT = new Date('2026-11-22T08:30:00+07:00');
const LANGS: Lang[] = ['vi', 'en'];

/** The parts of a workbook, each by its digest, the document properties aside. */
function parts(bytes: Buffer): string {
  return unzip(bytes)
    .filter((p) => !p.name.startsWith('docProps/'))
    .map((p) => `${p.name} ${createHash('sha256').update(p.data).digest('hex')}`)
    .sort()
    .join('\n');
}

function inputs(): { path: string; data: Buffer }[] {
  const from = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.xlsx')).sort().map((f) => ({ path: `${dir}/${f}`, data: readFileSync(join(ROOT, dir, f)) }));
  const samples = [...from('samples'), ...from('samples/faulty')];
  const base = readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));
  const hostile = hostileCorpus(base).filter((h) => h.data.length < 2_000_000).map((h) => ({ path: `hostile/${h.name}`, data: h.data }));
  return [...samples, ...hostile];
}

/** Every output, by a name that says what it is. */
export async function outputs(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files = inputs();
  const outcomes: FileOutcome[] = files.map((f) => checkBuffer({ path: f.path, today: TODAY }, f.data));
  for (const lang of LANGS) {
    const { report, entries, governmentFlags } = assembleReport(outcomes, lang);
    for (const format of ['json', 'text', 'csv', 'html'] as const) out.set(`report.${lang}.${format}`, render(report, format, lang, false, CHECKED_AT));
    out.set(`report.${lang}.colour.text`, render(report, 'text', lang, true, CHECKED_AT));
    out.set(`table.${lang}.text`, summaryTable(report, lang));
    out.set(`per-file.${lang}.html`, perFileReports(report, lang, CHECKED_AT).join('\n<!-- next file -->\n'));
    const summary = summaryWorkbook(report, outcomes, lang, { checkedAt: CHECKED_AT, governmentFlags });
    out.set(`summary.${lang}.xlsx`, parts(Buffer.from(await summary.xlsx.writeBuffer())));
    const copies: string[] = [];
    for (const [k, f] of files.entries()) {
      if (!f.path.startsWith('samples/faulty/')) continue;
      const read = readBuffer(f.path, f.data, DEFAULT_LIMITS, isTemplateSheetName);
      if ('ok' in read) continue;
      const copy = await annotateBuffer(read.buf, read.grid, entries[k]!, lang, CHECKED_AT);
      copies.push(`## ${f.path}\n${'bytes' in copy ? parts(copy.bytes) : `no copy: ${copy.reason}`}`);
    }
    out.set(`annotated.${lang}.xlsx`, copies.join('\n'));
  }
  out.set('template.xlsx', parts(Buffer.from(await templateWorkbook({}, TODAY).xlsx.writeBuffer())));
  out.set('template-filled.xlsx', parts(Buffer.from(await templateWorkbook({ province: 'Lai Châu', blocName: 'Khối thi đua số 1', year: 2025, members: ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Y tế', 'Sở Xây dựng'] }, TODAY).xlsx.writeBuffer())));
  for (const args of [['--help'], ['--help', '--lang', 'en'], ['validate', '--help'], ['template', '--help', '--lang', 'en'], ['rules'], ['rules', '--lang', 'en'], ['profiles'], ['nothing'], ['validate', '--format', 'pdf', 'x.xlsx']]) {
    const r = await runCli(args);
    out.set(`cli ${args.join(' ')}`, `${r.code}\n--- out\n${r.out}--- err\n${r.err}`);
  }
  return out;
}

/** A name as a file name under test/fixtures/outputs. */
export const fileName = (name: string): string => `${name.replace(/[^a-z0-9.-]+/gi, '_')}.txt`;
