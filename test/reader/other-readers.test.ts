/**
 * Another reader agrees: LibreOffice Calc (headless) opens every equivalent form of a faulty
 * sample (scripts/xml-forms.ts) and writes each sheet as CSV; every text and number cell our
 * reader finds must be what LibreOffice shows there. Two forms are left out, and why:
 * LibreOffice 7.4 decodes no `_xHHHH_` escape but `_x000D_` (ECMA-376 §22.9.2.19 has them all,
 * and Excel writes them) and reads no inline string written with `<v>` (which some writers do).
 * CI installs Debian's `libreoffice-calc-nogui` (.ci/run); without LibreOffice, outside CI, the
 * test says so and does not run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readXlsx } from '../../reader/read-workbook';
import { COMBINED, FORMS, rewrite } from '../../scripts/xml-forms';

const ROOT = join(__dirname, '..', '..');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice && process.env.CI) throw new Error('CI needs LibreOffice (libreoffice-calc-nogui) for this test');
const maybe = soffice ? test : test.skip;

/** A CSV line's fields (RFC 4180: quotes doubled, fields may hold commas and line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

maybe('LibreOffice reads every form of a workbook as our reader does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-lo-'));
  const sample = readFileSync(join(ROOT, 'samples', 'faulty', 'lai-chau-so-lieu-dang-chu-va-truong-khoi-lien-tiep.xlsx'));
  const forms: [string, readonly string[]][] = [...Object.keys(FORMS).filter((f) => f !== 'escapes' && f !== 'inline-strings').map((f): [string, string[]] => [f, [f]]), ['all', COMBINED.filter((f) => f !== 'escapes' && f !== 'inline-strings')]];
  for (const [name, f] of forms) writeFileSync(join(dir, `${name}.xlsx`), rewrite(sample, f));
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', join(dir, 'csv'), ...forms.map(([name]) => join(dir, `${name}.xlsx`))], { stdio: 'pipe', timeout: 240_000 });
  const written = readdirSync(join(dir, 'csv'));
  const differences: string[] = [];
  let compared = 0;
  for (const [name] of forms) {
    const grid = readXlsx(readFileSync(join(dir, `${name}.xlsx`)));
    for (const sheet of grid.sheets) {
      const file = `${name}-${sheet.name}.csv`;
      if (!written.includes(file)) {
        differences.push(`${name}: LibreOffice has no sheet ${sheet.name}`);
        continue;
      }
      const shown = parseCsv(readFileSync(join(dir, 'csv', file), 'utf8'));
      sheet.rows.forEach((row, r) => row.forEach((cell, c) => {
        if (!cell || (cell.kind !== 'text' && cell.kind !== 'number')) return;
        const got = shown[r]?.[c];
        compared++;
        const same = cell.kind === 'text'
          ? got?.replace(/\r\n/g, '\n') === cell.value
          : got !== undefined && Math.abs(Number(got.replace('%', '')) / (got.endsWith('%') ? 100 : 1) - (cell.value as number)) < 0.006;
        if (!same) differences.push(`${name} ${sheet.name}!${r + 1}:${c + 1}: ours ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(got)}`);
      }));
    }
  }
  expect(differences.slice(0, 10)).toEqual([]);
  expect(compared).toBeGreaterThan(forms.length * 200);
}, 300_000);
