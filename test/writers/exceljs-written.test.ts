import ExcelJS from 'exceljs';
import { readXlsx as readGrid } from '../../reader/read-workbook';
import { gridToWorkbook } from '../support/write-grid';
import { checkGrid } from '../../engine/check';
import { blocToGrid } from '../../engine/template/writer';
import { SEVEN_BLOCS, laiChauMttq } from '../../samples/blocs';
import { TODAY } from '../support/rule-tester';

async function roundTrip(wb: ExcelJS.Workbook) {
  return readGrid(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe('ExcelJS → Grid', () => {
  test.each(SEVEN_BLOCS.map((b) => [b.id, b.bloc] as const))('%s survives a real .xlsx with no finding', async (_id, bloc) => {
    const grid = await roundTrip(gridToWorkbook(blocToGrid(bloc)));
    expect(checkGrid(grid, { today: TODAY }).findings).toEqual([]);
  });

  test('values, rich text, hyperlinks, errors, dates, percentages, merges and hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Một');
    ws.getCell('A1').value = 53211;
    ws.getCell('B1').value = 'Hội Nông dân';
    ws.getCell('C1').value = { richText: [{ text: 'Hội ' }, { text: 'Cựu chiến binh', font: { bold: true } }] };
    ws.getCell('D1').value = { text: 'Cổng thông tin', hyperlink: 'https://example.invalid' };
    ws.getCell('E1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('F1').value = new Date(Date.UTC(2024, 0, 12));
    ws.getCell('G1').value = 0.8333;
    ws.getCell('G1').numFmt = '0.00%';
    ws.getCell('H1').value = true;
    ws.getCell('A3').value = 6;
    ws.mergeCells('A3:A5');
    wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'x';
    const grid = await roundTrip(wb);
    const row = grid.sheets[0]!.rows[0]!;
    expect(row.map((c) => c && [c.kind, c.value])).toEqual([
      ['number', 53211], ['text', 'Hội Nông dân'], ['text', 'Hội Cựu chiến binh'], ['text', 'Cổng thông tin'],
      ['error', '#DIV/0!'], ['date', '2024-01-12'], ['number', 0.8333], ['boolean', true],
    ]);
    expect(row[6]!.numFmt).toBe('0.00%');
    expect(grid.sheets[0]!.merges).toEqual(['A3:A5']);
    expect(grid.sheets[1]).toMatchObject({ name: 'Ẩn', hidden: true });
  });

  test('formulas by cached result, including a cached 0, "" and false; none cached is said so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('F');
    ws.getCell('A1').value = { formula: 'B1*2', result: 12 } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { formula: 'B2*0', result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell('A3').value = { formula: 'IF(1,"")', result: '' } as ExcelJS.CellFormulaValue;
    ws.getCell('A4').value = { formula: '1>2', result: false } as ExcelJS.CellFormulaValue;
    ws.getCell('A5').value = { formula: 'B5' } as ExcelJS.CellFormulaValue;
    ws.getCell('A6').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    const rows = (await roundTrip(wb)).sheets[0]!.rows;
    expect(rows.map((r) => r[0])).toEqual([
      { kind: 'number', value: 12, formula: { cached: true } },
      { kind: 'number', value: 0, formula: { cached: true } },
      { kind: 'text', value: '', formula: { cached: true } },
      { kind: 'boolean', value: false, formula: { cached: true } },
      { kind: 'blank', value: null, formula: { cached: false } },
      { kind: 'error', value: '#DIV/0!', formula: { cached: true } },
    ]);
  });

  test('a workbook in the 1904 date system', async () => {
    const wb = gridToWorkbook({ ...blocToGrid(laiChauMttq), date1904: true });
    const grid = await roundTrip(wb);
    expect(grid.date1904).toBe(true);
    expect(checkGrid(grid, { today: TODAY }).model.info.meetingDate.value).toBe('2024-01-12');
  });
});
