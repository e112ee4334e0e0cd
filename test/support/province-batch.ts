/**
 * The blocs of one province and year as the office receives them: Lai Châu, 2023, conferences in
 * December 2023 (under Nghị định 91/2017), each bloc proposing its leader for one flag; the
 * first `government` of them for the Government flag. Written as workbooks by ExcelJS.
 */
import { join } from 'node:path';
import { gridToWorkbook } from './write-grid';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';
import { edited } from '../../samples/faulty';

export function provinceBlocs(government: number, total: number) {
  return Array.from({ length: total }, (_, i) =>
    edited(laiChauMttq, (b) => {
      b.blocName = `Khối thi đua số ${i + 1}`;
      b.meetingDate = '2023-12-20';
      b.proposals = [
        { unit: 'Liên đoàn Lao động tỉnh', award: i < government ? 'Cờ thi đua của Chính phủ' : 'Cờ thi đua của UBND tỉnh' },
        { unit: 'Hội Liên hiệp Phụ nữ tỉnh', award: 'Bằng khen của Chủ tịch UBND tỉnh' },
      ];
    }),
  );
}

/** `khoi-1.xlsx` … in `dir`; their paths. */
export async function writeProvinceBatch(dir: string, government: number, total: number): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, bloc] of provinceBlocs(government, total).entries()) {
    const path = join(dir, `khoi-${i + 1}.xlsx`);
    await gridToWorkbook(blocToGrid(bloc)).xlsx.writeFile(path);
    paths.push(path);
  }
  return paths;
}
