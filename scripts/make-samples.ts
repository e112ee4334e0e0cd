/**
 * Writes samples/*.xlsx (the seven blocs of the source articles) and samples/faulty/*.xlsx
 * (realistic mistakes, each with its intended findings in samples/faulty.ts) from the data
 * in samples/. Run by `npm run samples`; the workbooks are committed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gridToWorkbook } from '../test/support/write-grid';
import { blocToGrid } from '../engine/template/writer';
import { SEVEN_BLOCS } from '../samples/blocs';
import { FAULTY } from '../samples/faulty';

const root = join(__dirname, '..', '..', 'samples');
const header = () => 2; // the canonical layout: title in row 1, headers in row 2 (Thông tin too)

async function main(): Promise<void> {
  mkdirSync(join(root, 'faulty'), { recursive: true });
  for (const { id, bloc } of SEVEN_BLOCS) {
    await gridToWorkbook(blocToGrid(bloc), { headerRow: header }).xlsx.writeFile(join(root, `${id}.xlsx`));
  }
  for (const v of FAULTY) await gridToWorkbook(v.grid(), { headerRow: header }).xlsx.writeFile(join(root, 'faulty', `${v.id}.xlsx`));
  console.log(`${SEVEN_BLOCS.length} samples and ${FAULTY.length} faulty samples written to samples/`);
}

void main();
