import { type Grid, SheetView, isBlank } from '../model/grid';
import type { FoundSheet, ShapeIssue } from '../model/bloc';
import { headerKey, memoize } from '../text/normalize';
import { type ColumnSpec, type SheetKey, type TableSheetSpec, INFO_SHEET, SHEETS } from './spec';
import { cellText } from './values';

/** How far down the header row may be (title rows above it are allowed). */
export const HEADER_SEARCH_ROWS = 15;

/**
 * A header or label as compared: `Tỷ lệ (%)`, `TỶ LỆ:` and `Tỷ lệ (*)` are one; a trailing
 * unit in brackets (`Kế hoạch (tỷ đồng)`) is dropped.
 */
export const headerMatchKey = memoize((s: string): string => {
  let k = headerKey(s);
  for (;;) {
    const next = k.replace(/\s*(\(\s*\*\s*\)|\*|:|\([^()]*\))\s*$/, '').trim();
    if (next === k) break;
    k = next;
  }
  return k;
});

const specKeys = new WeakMap<object, Set<string>>();

export function matchesSpec(text: string, spec: { header: string; synonyms: readonly string[] }): boolean {
  if (text.length > 80) return false; // no header is that long
  const k = headerMatchKey(text);
  if (k === '') return false;
  let keys = specKeys.get(spec);
  if (!keys) {
    keys = new Set([spec.header, ...spec.synonyms].map(headerMatchKey));
    specKeys.set(spec, keys);
  }
  return keys.has(k);
}

/** The template sheet a sheet name stands for (after normalisation, with synonyms). */
export function templateSheetOf(name: string): (typeof SHEETS)[number] | undefined {
  const key = headerKey(name);
  return SHEETS.find((s) => headerKey(s.name) === key || s.synonyms.some((syn) => headerKey(syn) === key));
}

export function isTemplateSheetName(name: string): boolean {
  return templateSheetOf(name) !== undefined;
}

/** Sheets of the template found by name (the first of each); extra sheets are ignored. */
export function findSheets(grid: Grid): Map<SheetKey, SheetView> {
  const found = new Map<SheetKey, SheetView>();
  for (const sheet of grid.sheets) {
    const spec = templateSheetOf(sheet.name);
    if (spec && !found.has(spec.key)) found.set(spec.key, new SheetView(sheet));
  }
  return found;
}

export function missingSheets(found: Map<SheetKey, SheetView>): ShapeIssue[] {
  return SHEETS.filter((s) => s.required && !found.has(s.key)).map((s) => ({ kind: 'missing-sheet' as const, sheet: s.name }));
}

function columnFor(spec: TableSheetSpec, text: string): ColumnSpec | undefined {
  return spec.columns.find((c) => matchesSpec(text, c));
}

/**
 * A row that only numbers the columns, as official forms often have: `(1) (2) (3)…`,
 * `1 2 3…` or `A B C…`, at least three cells, consecutive from the first column used.
 */
function isColumnNumberingRow(view: SheetView, row: number): boolean {
  const marks: string[] = [];
  for (let c = 1; c <= view.colCount; c++) {
    const cell = view.get(row, c);
    if (isBlank(cell)) continue;
    const m = /^\(?(\d{1,2}|[A-Z])\)?$/.exec(cellText(cell).trim());
    if (!m) return false;
    marks.push(m[1]!);
  }
  if (marks.length < 3) return false;
  const code = (x: string) => (/\d/.test(x) ? Number(x) : x.charCodeAt(0));
  return marks.every((x, i) => i === 0 || code(x) === code(marks[i - 1]!) + 1);
}

/** Locate the header, map columns, find the data rows of a table sheet. */
export function locateTable(view: SheetView, spec: TableSheetSpec, shape: ShapeIssue[]): FoundSheet {
  let headerRow: number | undefined;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, view.rowCount); r++) {
    const fields = new Set<string>();
    for (let c = 1; c <= view.colCount; c++) {
      const cell = view.get(r, c);
      if (cell.kind !== 'text') continue;
      const col = columnFor(spec, cell.value as string);
      if (col) fields.add(col.key);
    }
    if (fields.size >= 2) {
      headerRow = r;
      break;
    }
  }
  const columns: Record<string, number> = {};
  if (headerRow !== undefined) {
    for (let c = 1; c <= view.colCount; c++) {
      if (view.isMergedCopy(headerRow, c)) continue;
      const cell = view.get(headerRow, c);
      if (cell.kind !== 'text') continue;
      const col = columnFor(spec, cell.value as string);
      if (!col) continue;
      if (columns[col.key] !== undefined) {
        shape.push({ kind: 'duplicate-column', sheet: view.name, column: col.header, at: { sheet: view.name, row: headerRow, col: c }, firstCol: columns[col.key]! });
        continue;
      }
      columns[col.key] = c;
    }
  }
  for (const col of spec.columns) {
    if (col.required && columns[col.key] === undefined) {
      shape.push({ kind: 'missing-column', sheet: view.name, column: col.header, ...(headerRow !== undefined ? { headerRow } : {}) });
    }
  }
  if (headerRow === undefined) return { key: spec.key, view, columns, firstRow: 1, lastRow: 0 };
  let first = headerRow + 1;
  while (first <= view.rowCount && isColumnNumberingRow(view, first)) first++;
  let last = first - 1;
  while (last + 1 <= view.rowCount && !view.isBlankRow(last + 1)) last++;
  return { key: spec.key, view, headerRow, columns, firstRow: first, lastRow: last };
}

/** Thông tin: where a label's value is (the first non-blank cell right of the label). */
export interface InfoCell {
  row: number;
  col: number;
  labelCol: number;
}

export interface InfoCells {
  values: Map<string, InfoCell>;
}

export function locateInfo(view: SheetView): InfoCells {
  const values = new Map<string, InfoCell>();
  for (let r = 1; r <= view.rowCount; r++) {
    // The label is column A; tolerate an STT column before it.
    for (let c = 1; c <= Math.min(3, view.colCount); c++) {
      const cell = view.get(r, c);
      if (isBlank(cell)) continue;
      if (cell.kind !== 'text') continue;
      const label = INFO_SHEET.labels.find((l) => matchesSpec(cell.value as string, l));
      if (!label) break;
      if (values.has(label.key)) break;
      let valueCol = c + 1;
      while (valueCol <= view.colCount && (isBlank(view.get(r, valueCol)) || view.isMergedCopy(r, valueCol))) valueCol++;
      values.set(label.key, { row: r, col: valueCol <= view.colCount ? valueCol : c + 1, labelCol: c });
      break;
    }
  }
  return { values };
}
