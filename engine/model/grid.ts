/**
 * The engine's input: a workbook as plain data. Both front ends (ExcelJS in Node, Office.js
 * in the pane) produce exactly this, so the engine never sees a host API. It is plain data
 * (no classes, no Maps) so that it crosses a worker boundary by structured clone.
 */

/** What a cell holds, as the spreadsheet shows it (for formulas: the cached result). */
export type CellKind = 'number' | 'text' | 'boolean' | 'date' | 'error' | 'blank';

export interface Cell {
  kind: CellKind;
  /**
   * number → number; text → string; boolean → boolean; error → the error text (`#REF!`);
   * date → ISO calendar date `yyyy-mm-dd` (time of day dropped); blank → null.
   */
  value: number | string | boolean | null;
  /** Present when the cell holds a formula; `cached` is false when no result was stored. */
  formula?: { cached: boolean };
  /**
   * The number format, kept by adapters when it matters to the reader: a percentage
   * (`0.00%`) or a date format on a number (a date serial that the host did not convert).
   */
  numFmt?: string;
}

export interface GridSheet {
  /** The sheet's name as it stands in the file. */
  name: string;
  hidden?: boolean;
  /** `rows[r - 1][c - 1]` is the cell at row r, column c (both 1-based); holes are blank. */
  rows: (Cell | undefined)[][];
  /** Merged areas as A1 ranges (`B3:B5`); every covered cell reads the master (top-left) cell. */
  merges?: string[];
}

export interface Grid {
  sheets: GridSheet[];
  /** The workbook counts date serials from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904?: boolean;
}

export const BLANK: Cell = Object.freeze({ kind: 'blank', value: null }) as Cell;

/** Column number (1-based) to letters: 1 → A, 28 → AB. */
export function columnLetters(col: number): string {
  let out = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** `AB12` → { row: 12, col: 28 }; undefined for anything else. */
export function fromA1(a1: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row, col };
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): Range | undefined {
  const [a, b = a] = ref.split(':');
  const from = a === undefined ? undefined : fromA1(a);
  const to = fromA1(b ?? '');
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/**
 * A read view over one sheet: merged areas resolved, bounds known. The reader and the
 * rules read cells only through this.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeMaster = new Map<number, Cell>();

  constructor(readonly sheet: GridSheet) {
    this.name = sheet.name;
    this.rowCount = sheet.rows.length;
    let cols = 0;
    for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
    this.colCount = cols;
    for (const ref of sheet.merges ?? []) {
      const r = parseRange(ref);
      if (!r) continue;
      // A merge reaching far past the data (a whole column merged) is clipped to the data.
      const bottom = Math.min(r.bottom, this.rowCount);
      const right = Math.min(r.right, this.colCount);
      const master = this.raw(r.top, r.left);
      for (let row = r.top; row <= bottom; row++) {
        for (let col = r.left; col <= right; col++) {
          if (row === r.top && col === r.left) continue;
          this.mergeMaster.set(this.key(row, col), master);
        }
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  private raw(row: number, col: number): Cell {
    return this.sheet.rows[row - 1]?.[col - 1] ?? BLANK;
  }

  /** The cell at row, col (1-based), with a merged area's master value. */
  get(row: number, col: number): Cell {
    if (this.mergeMaster.size > 0) {
      const m = this.mergeMaster.get(this.key(row, col));
      if (m) return m;
    }
    return this.raw(row, col);
  }

  /** Whether this cell is covered by a merge but is not its master. */
  isMergedCopy(row: number, col: number): boolean {
    return this.mergeMaster.has(this.key(row, col));
  }

  isBlankRow(row: number): boolean {
    for (let c = 1; c <= this.colCount; c++) if (!isBlank(this.get(row, c))) return false;
    return true;
  }
}

export function isBlank(cell: Cell): boolean {
  return cell.kind === 'blank' || (cell.kind === 'text' && (cell.value as string).trim() === '');
}

/** Plain JS value to a cell: convenient for tests, fixtures and the template writer. */
export type PlainValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Cell
  | { date: string };

export function toCell(v: PlainValue): Cell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return { kind: 'text', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if ('kind' in v) return v;
  return { kind: 'date', value: v.date };
}

/** Build a sheet from rows of plain values (row 1 first). */
export function sheetFromRows(name: string, rows: PlainValue[][], merges?: string[]): GridSheet {
  return {
    name,
    rows: rows.map((r) => r.map(toCell)),
    ...(merges && merges.length > 0 ? { merges } : {}),
  };
}

/** Set one cell (A1) of a sheet in place; `undefined` blanks it. Returns the grid. */
export function setCell(grid: Grid, sheet: string, a1: string, value: PlainValue): Grid {
  const s = grid.sheets.find((x) => x.name === sheet);
  const at = fromA1(a1);
  if (!s || !at) throw new Error(`setCell: no sheet "${sheet}" or bad address "${a1}"`);
  while (s.rows.length < at.row) s.rows.push([]);
  const row = (s.rows[at.row - 1] ??= []);
  row[at.col - 1] = toCell(value);
  return grid;
}
