/**
 * Where the template's things are, from its layout: each sheet's name by its key, each column's
 * letters by its field, the rows a bloc fills. The template's checks are written from it, so that
 * a check names no sheet or column of its own: a field the layout lacks fails where the check is
 * built, never drops the check.
 */
import { columnLetters } from '../model/grid';
import type { LayoutSheet, ListKey } from './layout';
import { INFO_SHEET, type SheetKey } from './spec';

export type TableKey = Exclude<SheetKey, 'info'>;

export interface Geometry {
  /** A sheet's name as the template writes it. */
  name(sheet: SheetKey | 'lists'): string;
  /** A sheet's name as a reference from another sheet writes it: `'Thành viên'!`. */
  ref(sheet: SheetKey | 'lists'): string;
  /** The letters of a table's column, by its field. */
  col(sheet: TableKey, field: string): string;
  /** The letters of every column of a table, in order. */
  columns(sheet: TableKey): string[];
  /** The letters of `Chấm điểm`'s criteria, in order. */
  criteria(): string[];
  /** The first row of a table's units (`Chấm điểm`: below its row of maxima). */
  first(sheet: TableKey): number;
  /** The last row a bloc fills and the checks cover. */
  last(sheet: TableKey): number;
  /** `Chấm điểm`'s row of the criteria's maxima. */
  maxRow(): number;
  /** The cell of a `Thông tin` value, by its label's key: `B5`. */
  info(label: string): string;
  /** A table's column over the rows a bloc fills, from another sheet: `'Thành viên'!$B$3:$B$42`. */
  range(sheet: TableKey, field: string): string;
  /** A list of `Danh mục`, as long as it is. */
  list(list: ListKey): string;
}

/** A sheet's name quoted for a reference (`'Đề nghị khen thưởng'!`). */
export const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'!`;

export function geometryOf(layout: readonly LayoutSheet[]): Geometry {
  const sheet = (key: SheetKey | 'lists') => {
    const found = layout.find((s) => s.key === key);
    if (!found) throw new Error(`The template's layout has no sheet "${key}"`);
    return found;
  };
  const table = (key: TableKey) => {
    const s = sheet(key);
    const firstRow = s.headerRow + 1 + (key === 'scores' ? 1 : 0);
    return { s, firstRow, lastRow: s.headerRow + s.formRows };
  };
  const col = (key: TableKey, field: string) => {
    const i = sheet(key).columns.findIndex((c) => c.key === field);
    if (i < 0) throw new Error(`The template's sheet "${sheet(key).name}" has no column "${field}"`);
    return columnLetters(i + 1);
  };
  return {
    name: (key) => sheet(key).name,
    ref: (key) => sheetRef(sheet(key).name),
    col,
    columns: (key) => sheet(key).columns.map((_, i) => columnLetters(i + 1)),
    criteria: () => sheet('scores').columns.flatMap((c, i) => (c.criterion ? [columnLetters(i + 1)] : [])),
    first: (key) => table(key).firstRow,
    last: (key) => table(key).lastRow,
    maxRow: () => sheet('scores').headerRow + 1,
    info: (label) => {
      // The labels in the spec's order, from the row under the header: their values in B.
      const info = sheet('info');
      const row = INFO_SHEET.labels.findIndex((l) => l.key === label);
      if (row < 0) throw new Error(`The template's sheet "${info.name}" has no label "${label}"`);
      return `B${info.headerRow + 1 + row}`;
    },
    range: (key, field) => {
      const c = col(key, field);
      const { firstRow, lastRow } = table(key);
      return `${sheetRef(sheet(key).name)}$${c}$${firstRow}:$${c}$${lastRow}`;
    },
    list: (list) => {
      const lists = sheet('lists');
      const i = lists.columns.findIndex((c) => c.list === list);
      if (i < 0) throw new Error(`The template's lists have no list "${list}"`);
      const length = lists.rows.filter((r) => r[i] !== undefined).length;
      const c = columnLetters(i + 1);
      return `${sheetRef(lists.name)}$${c}$${lists.headerRow + 1}:$${c}$${lists.headerRow + Math.max(1, length)}`;
    },
  };
}
