import { readFileSync } from 'node:fs';
import { readXlsx } from '../../reader/read-workbook';
import { CHECK_SHEET } from '../../engine/template/checks';

/** `Kiểm tra` as a program computed and saved it: rule id (column A) → its count (column C). */
export function counted(file: string): Map<string, number> {
  const sheet = readXlsx(readFileSync(file)).sheets.find((s) => s.name === CHECK_SHEET)!;
  const out = new Map<string, number>();
  for (const row of sheet.rows.slice(1)) {
    const id = row?.[0];
    const n = row?.[2];
    if (id?.kind === 'text' && n) out.set(String(id.value), n.kind === 'number' ? Number(n.value) : NaN);
  }
  return out;
}
