/**
 * A peer of `thidua validate` over a folder of workbooks, as a whole process of its own
 * (bench/batch.ts times it from outside, start-up included, as it times thidua):
 * - `sheetjs`: SheetJS CE 0.20 (`@e965/xlsx`, the reader a user would pick), every sheet read
 *   in dense mode, nothing checked;
 * - `exceljs`: ExcelJS `readFile` of every workbook, nothing checked;
 * - `floor`: every part of every file inflated, nothing parsed (what no reader can go below).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflatePart, zipEntries } from '../reader/zip';

async function main(): Promise<void> {
  const [mode, dir] = [process.argv[2], process.argv[3]!];
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  let parts = 0;
  if (mode === 'sheetjs') {
    const XLSX = await import('@e965/xlsx');
    for (const f of files) parts += XLSX.read(readFileSync(f), { dense: true }).SheetNames.length;
  } else if (mode === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    for (const f of files) parts += (await new ExcelJS.Workbook().xlsx.readFile(f)).worksheets.length;
  } else if (mode === 'floor') {
    for (const f of files) {
      const buf = readFileSync(f);
      for (const e of zipEntries(buf) ?? []) parts += inflatePart(buf, e).length > 0 ? 1 : 0;
    }
  } else throw new Error(`no peer "${mode}"`);
  process.stdout.write(`${parts}\n`);
}

void main();
