import ExcelJS from 'exceljs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readGrid } from '../../batch/adapter';
import { MalformedXmlError, readGridFast } from '../../batch/fast-reader';
import { rezip, unzip } from '../../scripts/zip';
import { gridToWorkbook } from '../../batch/write-grid';
import type { Grid } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';

const ROOT = join(__dirname, '..', '..');
const files = [
  ...readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.xlsx')).map((f) => join(ROOT, 'samples', f)),
  ...readdirSync(join(ROOT, 'samples', 'faulty')).map((f) => join(ROOT, 'samples', 'faulty', f)),
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'libreoffice')).filter((f) => f.endsWith('.xlsx') && !f.includes('mat-khau')).map((f) => join(ROOT, 'test', 'fixtures', 'libreoffice', f)),
];

/** Rows as the engine sees them: holes and missing rows are the same blank. */
function normal(grid: Grid) {
  return {
    date1904: grid.date1904 ?? false,
    sheets: grid.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden ?? false,
      merges: [...(s.merges ?? [])].sort(),
      rows: Array.from({ length: s.rows.length }, (_, r) => Array.from(s.rows[r] ?? [], (c) => c ?? null)),
    })),
  };
}

describe('the lean reader gives the same Grid as the ExcelJS adapter', () => {
  test.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s', async (_name, file) => {
    const buf = readFileSync(file);
    expect(normal(readGridFast(buf))).toEqual(normal(await readGrid(buf)));
  });

  test('every kind of cell: rich text, hyperlinks, errors, dates, percentages, booleans, formulas, 1904', async () => {
    const wb = gridToWorkbook({ ...blocToGrid(laiChauMttq), date1904: true });
    const ws = wb.addWorksheet('Khác');
    ws.getCell('A1').value = { richText: [{ text: 'Hội ' }, { text: 'Cựu chiến binh', font: { bold: true } }] };
    ws.getCell('B1').value = { text: 'Cổng thông tin', hyperlink: 'https://example.invalid' };
    ws.getCell('C1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('D1').value = 0.8333;
    ws.getCell('D1').numFmt = '0.00%';
    ws.getCell('E1').value = false;
    ws.getCell('F1').value = { formula: 'IF(1,"")', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('G1').value = { formula: 'B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('H1').value = '<tag> & "quotes" \'x\'';
    ws.getCell('A3').value = new Date(Date.UTC(2024, 2, 13));
    ws.getCell('A3').numFmt = 'dd/mm/yyyy';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(normal(readGridFast(buf))).toEqual(normal(await readGrid(buf)));
  });

  test('only the sheets asked for are read', () => {
    const grid = readGridFast(readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx')), (name) => name === 'Bình xét');
    expect(grid.sheets.map((s) => s.name)).toEqual(['Bình xét']);
  });
});

describe('the lean reader on XML other programs write', () => {
  const sample = readFileSync(join(ROOT, 'samples', 'lai-chau-mttq-2023.xlsx'));

  test('SpreadsheetML under a prefix (<x:worksheet>, as .NET programs write it) reads the same', () => {
    const prefixed = rezip(sample, (name, data) => {
      if (!/^xl\/(workbook|sharedStrings|styles|worksheets\/[^/]+)\.xml$/.test(name)) return data;
      const xml = data.toString('utf8').replace(/<(\/?)([A-Za-z]\w*)([\s>/])/g, (m, slash: string, tag: string, after: string) => `<${slash}x:${tag}${after}`)
        .replace(/xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
      return Buffer.from(xml);
    });
    expect(unzip(prefixed).find((p) => p.name === 'xl/workbook.xml')!.data.toString()).toContain('<x:sheets>');
    expect(normal(readGridFast(prefixed))).toEqual(normal(readGridFast(sample)));
  });

  test('50,000 rows never closed: refused at once, not searched again and again', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c>`).join('');
    const broken = rezip(sample, (name, data) => (name === 'xl/worksheets/sheet2.xml' ? Buffer.from(data.toString().replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`)) : data));
    const start = Date.now();
    expect(() => readGridFast(broken)).toThrow(MalformedXmlError);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});
