import type { Grid } from '../../engine/model/grid';

export { setCell } from '../../engine/model/grid';

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
