/**
 * `npm run conformance`: the differential run. Every sample, faulty sample, LibreOffice and
 * openpyxl workbook is rewritten into each equivalent form of scripts/xml-forms.ts, and into all of
 * them at once; each rewrite must get exactly its original's report entry (status, findings
 * with rule, sheet, cell, message and data). A difference is a reader that depends on how a
 * writer spelled the XML. Part of it runs in `npm test` (test/reader/conformance.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FileJson } from '../engine/report/schema';
import { fileEntry } from '../formats/assemble';
import { checkBuffer } from '../reader/check';
import { COMBINED, FORMS, NotApplicable, rewrite } from './xml-forms';

const ROOT = __dirname.endsWith(join('dist', 'scripts')) ? join(__dirname, '..', '..') : join(__dirname, '..');
export const TODAY = '2026-11-22';

/** The workbooks the forms are made from: ours, our faulty ones, LibreOffice's and openpyxl's. */
export function conformanceInputs(): string[] {
  const from = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.xlsx') && !f.includes('mat-khau')).map((f) => join(ROOT, dir, f));
  return [...from('samples'), ...from(join('samples', 'faulty')), ...from(join('test', 'fixtures', 'libreoffice')), ...from(join('test', 'fixtures', 'by-openpyxl'))];
}

/** A workbook's report entry without its path. */
export function entryOf(buf: Buffer): Omit<FileJson, 'path'> {
  const { path: _path, ...entry } = fileEntry(checkBuffer({ path: 'so.xlsx', today: TODAY }, buf), 'vi');
  return entry;
}

/** The first difference between two entries, said briefly; undefined when they are equal. */
export function difference(a: Omit<FileJson, 'path'>, b: Omit<FileJson, 'path'>): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a.status !== b.status) return `status ${a.status} → ${b.status}${b.error ? ` (${b.error.code})` : ''}`;
  const key = (f: NonNullable<FileJson['findings']>[number]) => JSON.stringify(f);
  const before = new Set((a.findings ?? []).map(key));
  const after = new Set((b.findings ?? []).map(key));
  const lost = [...before].filter((k) => !after.has(k));
  const added = [...after].filter((k) => !before.has(k));
  return `${lost.length} finding(s) lost, ${added.length} new: ${[...lost.slice(0, 1).map((k) => `- ${k}`), ...added.slice(0, 1).map((k) => `+ ${k}`)].join(' ')}`;
}

function main(): void {
  const forms = [...Object.keys(FORMS).map((f) => [f]), COMBINED];
  let compared = 0;
  const failures: string[] = [];
  const skipped: string[] = [];
  for (const file of conformanceInputs()) {
    const buf = readFileSync(file);
    const original = entryOf(buf);
    for (const form of forms) {
      let diff: string | undefined;
      try {
        const rewritten = rewrite(buf, form);
        compared++;
        diff = difference(original, entryOf(rewritten));
      } catch (e) {
        if (e instanceof NotApplicable) {
          skipped.push(`${file.slice(ROOT.length + 1)} [${form.join(', ')}]: ${e.message}`);
          continue;
        }
        compared++;
        diff = `rewrite failed: ${(e as Error).message}`;
      }
      if (diff) failures.push(`${file.slice(ROOT.length + 1)} [${form.length > 1 ? 'all forms' : form[0]}]: ${diff}`);
    }
  }
  const files = conformanceInputs().length;
  console.log(`${compared} rewrites compared (${files} workbooks × ${forms.length} forms, the last all forms at once): ${compared - failures.length} equal, ${failures.length} different`);
  for (const f of failures) console.log(`  ${f}`);
  if (skipped.length > 0) console.log(`${skipped.length} not applicable:\n${skipped.map((s) => `  ${s}`).join('\n')}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

if (require.main === module) main();
