import { type Cell, type Grid, type PlainValue, fromA1, toCell } from '../../engine/model/grid';

/** A deep copy, so that a test's edits never leak into another test. */
export function cloneGrid(grid: Grid): Grid {
  return structuredClone(grid);
}

/** Set one cell (A1) of a sheet; `undefined` blanks it. */
export function setCell(grid: Grid, sheet: string, a1: string, value: PlainValue): Grid {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const at = fromA1(a1);
  if (!at) throw new Error(`bad address ${a1}`);
  while (s.rows.length < at.row) s.rows.push([]);
  const row = (s.rows[at.row - 1] ??= []);
  row[at.col - 1] = toCell(value) as Cell;
  return grid;
}

export function getSheet(grid: Grid, sheet: string) {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s;
}

/** Remove a whole row (1-based), shifting the rows below up. */
export function deleteRow(grid: Grid, sheet: string, row: number): Grid {
  getSheet(grid, sheet).rows.splice(row - 1, 1);
  return grid;
}
