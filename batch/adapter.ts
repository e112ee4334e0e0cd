/**
 * ExcelJS → Grid: the only place that reads workbooks with ExcelJS. A cell becomes what
 * the spreadsheet shows: formulas by their cached result (ExcelJS leaves a cached 0, "" or
 * false out of `cell.value`, so the result is read from `cell.result`), rich text and
 * hyperlinks as their text, dates as calendar dates, error values as errors.
 */
import ExcelJS from 'exceljs';
import './exceljs-cached-empty';
import type { Cell, Grid, GridSheet } from '../engine/model/grid';

type Value = ExcelJS.CellValue;

function isoFromDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const y = d.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/** A plain (non-formula) value to a cell of the grid. */
function plain(v: Value, numFmt: string | undefined): Cell {
  if (v === null || v === undefined) return { kind: 'blank', value: null };
  if (typeof v === 'number') return numFmt && numFmt.includes('%') ? { kind: 'number', value: v, numFmt } : { kind: 'number', value: v };
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) {
    const iso = isoFromDate(v);
    return iso ? { kind: 'date', value: iso } : { kind: 'error', value: '#VALUE!' };
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { kind: 'text', value: richText(v) };
    if ('error' in v && v.error !== undefined) return { kind: 'error', value: String(v.error) };
    if ('hyperlink' in v && 'text' in v) {
      const t = v.text as unknown;
      return { kind: 'text', value: typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? richText(t as { richText: { text: string }[] }) : '' };
    }
  }
  return { kind: 'text', value: String(v) };
}

function toCell(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : undefined;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    // `cell.result` carries a cached 0, "" or false that `v.result` drops.
    const result = (cell as unknown as { result: Value }).result ?? (v as { result?: Value }).result;
    if (result === undefined) return { kind: 'blank', value: null, formula: { cached: false } };
    return { ...plain(result, numFmt), formula: { cached: true } };
  }
  return plain(v, numFmt);
}

interface Merges {
  _merges?: Record<string, { range?: string; tl?: string; br?: string } | undefined>;
}

function sheetOf(ws: ExcelJS.Worksheet): GridSheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // A cell covered by a merge reads its master; the Grid's merges say so once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = toCell(cell);
      if (value.kind !== 'blank' || value.formula) out[c - 1] = value;
    });
    rows[r - 1] = out;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = Object.values((ws as unknown as Merges)._merges ?? {})
    .map((m) => m?.range ?? (m?.tl && m.br ? `${m.tl}:${m.br}` : undefined))
    .filter((m): m is string => typeof m === 'string');
  return {
    name: ws.name,
    ...(ws.state && ws.state !== 'visible' ? { hidden: true } : {}),
    rows,
    ...(merges.length > 0 ? { merges } : {}),
  };
}

/** The workbook as the engine's Grid: sheets in file order. */
export function workbookToGrid(wb: ExcelJS.Workbook): Grid {
  const sheets: GridSheet[] = [];
  wb.eachSheet((ws) => sheets.push(sheetOf(ws)));
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  return { sheets, ...(date1904 ? { date1904 } : {}) };
}

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

export async function readGrid(data: Buffer): Promise<Grid> {
  return workbookToGrid(await loadWorkbook(data));
}
