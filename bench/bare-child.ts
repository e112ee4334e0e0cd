/**
 * The batch budget's baseline in a process of its own: ExcelJS `readFile` of every workbook
 * in a folder, one after another; prints the loop's milliseconds (ExcelJS's loading and the
 * process start not counted). A fresh process each time, like each `thidua validate` run it is
 * compared with, so that neither side gains from a heap the other warmed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

async function main(): Promise<void> {
  const dir = process.argv[2]!;
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(dir, f));
  const start = process.hrtime.bigint();
  for (const f of files) await new ExcelJS.Workbook().xlsx.readFile(f);
  process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);
}

void main();
