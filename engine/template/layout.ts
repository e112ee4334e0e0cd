import type { Settings } from '../profiles/schema';
import { type ColumnSpec, INFO_SHEET, RATINGS, TABLE_SHEETS } from './spec';

/**
 * The blank template (template.md, "What thidua template writes") as data: sheets with their
 * title, headers, widths, pre-filled values and, per column, the data validation and input
 * prompt that help a person typing. `thidua template` writes it with ExcelJS and the pane's
 * "Tạo mẫu" with Office.js, so both make the same workbook.
 */

export type Validation =
  | { type: 'list'; values: string[] }
  /** Names from the `Thành viên` sheet's `Tên đơn vị` column. */
  | { type: 'members' }
  | { type: 'whole'; min: number; max?: number }
  | { type: 'decimal'; min: number }
  | { type: 'date' };

export interface LayoutColumn {
  header: string;
  width: number;
  prompt: string;
  validation?: Validation;
}

export interface LayoutSheet {
  name: string;
  title: string;
  /** Row of the headers (1-based); data starts below it. Thông tin has labels in A, values in B. */
  headerRow: number;
  columns: LayoutColumn[];
  /** Values of the data rows, from `headerRow + 1`. */
  rows: (string | number | undefined)[][];
  /** How many rows below the header carry the validations. */
  inputRows: number;
}

export interface TemplatePrefill {
  province?: string;
  year?: number;
  blocName?: string;
  members?: string[];
}

/** Rows of a table that carry validations: room for the largest bloc and then some. */
export const INPUT_ROWS = 60;
/** Where the member drop-down reads names from (`Thành viên`!B3:B62). */
export const MEMBER_LIST_RANGE = `'Thành viên'!$B$3:$B$${2 + INPUT_ROWS}`;

function validationFor(col: ColumnSpec, awards: string[]): Validation | undefined {
  switch (col.type) {
    case 'award':
      return { type: 'list', values: awards };
    case 'unit':
      return { type: 'members' };
    case 'rating':
      return { type: 'list', values: Object.keys(RATINGS) };
    case 'signed':
      return { type: 'list', values: ['Có', 'Không'] };
    case 'integer':
      return { type: 'whole', min: 0 };
    case 'year':
      return { type: 'whole', min: 2000, max: 2100 };
    case 'number':
    case 'percent':
      return { type: 'decimal', min: 0 };
    case 'date':
      return { type: 'date' };
    default:
      return undefined;
  }
}

function width(header: string, type: ColumnSpec['type']): number {
  if (type === 'unit' || type === 'award' || header === 'Chỉ tiêu' || header === 'Thành tích') return 42;
  if (header === 'STT') return 6;
  return Math.max(10, Math.min(24, header.length + 4));
}

/** The template, with the award names of a profile's catalog for the drop-down. */
export function templateLayout(settings: Settings, prefill: TemplatePrefill = {}): LayoutSheet[] {
  const awards = settings.awards.map((a) => a.name);
  const members = prefill.members ?? [];
  const info: LayoutSheet = {
    name: INFO_SHEET.name,
    title: INFO_SHEET.title,
    headerRow: 2,
    columns: [
      { header: 'Nội dung', width: 30, prompt: 'Nhãn (không sửa)' },
      { header: 'Giá trị', width: 48, prompt: 'Điền giá trị của từng dòng' },
    ],
    rows: INFO_SHEET.labels.map((l) => {
      const value = l.key === 'province' ? prefill.province : l.key === 'year' ? prefill.year : l.key === 'blocName' ? prefill.blocName : l.key === 'memberCount' && members.length > 0 ? members.length : undefined;
      return [l.header, value];
    }),
    inputRows: INFO_SHEET.labels.length,
  };
  const tables = TABLE_SHEETS.map((spec): LayoutSheet => {
    const columns: LayoutColumn[] = spec.columns.map((c) => {
      const validation = spec.key === 'members' && c.key === 'unit' ? undefined : validationFor(c, awards);
      return { header: c.header, width: width(c.header, c.type), prompt: c.prompt, ...(validation ? { validation } : {}) };
    });
    let rows: (string | number | undefined)[][] = [];
    if (spec.key === 'members' || spec.key === 'covenant') rows = members.map((m, i) => [i + 1, m]);
    if (spec.key === 'scores') {
      // Criteria are the bloc's own: three placeholders between the unit and the total.
      const crit = ['Tiêu chí 1', 'Tiêu chí 2', 'Tiêu chí 3'].map((h) => ({ header: h, width: 12, prompt: 'Điểm của tiêu chí (đổi tên cột theo tiêu chí của khối)', validation: { type: 'decimal', min: 0 } as Validation }));
      columns.splice(2, 0, ...crit);
      rows = [[undefined, 'Điểm tối đa'], ...members.map((m, i) => [i + 1, m])];
    }
    return { name: spec.name, title: spec.title, headerRow: 2, columns, rows, inputRows: INPUT_ROWS };
  });
  return [info, ...tables];
}
