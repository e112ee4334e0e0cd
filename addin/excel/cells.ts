/**
 * Excel's answers as the engine's cells (see index.ts): a value with its type and format, a
 * sheet's values in short, an address's areas, text Excel would take for something else.
 */
import { type Cell, numberFormatKind } from '../../engine';

export function toCell(value: unknown, type: string, format: string, formula: unknown): Cell | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=');
  let cell: Cell | undefined;
  switch (type) {
    case 'Empty':
      cell = undefined;
      break;
    case 'Error':
      cell = { kind: 'error', value: String(value) };
      break;
    case 'Boolean':
      cell = { kind: 'boolean', value: Boolean(value) };
      break;
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      // Dates come as serials: the format tells the reader so (as ExcelJS's dates do).
      const kind = numberFormatKind(format);
      const keepFormat = kind === 'percent' || kind === 'date';
      cell = keepFormat ? { kind: 'number', value: n, numFmt: format } : { kind: 'number', value: n };
      break;
    }
    default:
      cell = value === '' || value === null || value === undefined ? undefined : { kind: 'text', value: String(value) };
  }
  if (!isFormula) return cell;
  // A formula in a live workbook always has a result (Excel calculates before it answers).
  return { ...(cell ?? { kind: 'blank', value: null }), formula: { cached: true } };
}

/** `'Bình xét'!B4:B5, 'Bình xét'!E4:E5` → [`B4:B5`, `E4:E5`] (sheet names may hold commas). */
export function areaAddresses(address: string): string[] {
  return [...address.matchAll(/(?:'(?:[^']|'')+'|[^',!\s][^',!]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)].map((m) => m[1]!.replace(/\$/g, ''));
}

/** FNV-1a of a text, from a seed. */
function fnv(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A sheet's values in short: two sums of the cells' hashes (by address and value), and their
 * count. A sum does not care about order, so a sheet read whole or in pieces has the same one.
 */
export class ValuesSignature {
  private a = 0;
  private b = 0;
  private n = 0;

  add(top: number, left: number, values: readonly (readonly unknown[])[]): this {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        const key = `${top + r},${left + c},${typeof v}:${String(v)}`;
        this.a = (this.a + fnv(key, 0x811c9dc5)) >>> 0;
        this.b = (this.b + fnv(key, 0x9e3779b9)) >>> 0;
        this.n++;
      }),
    );
    return this;
  }

  toString(): string {
    return `${this.n}.${this.a.toString(36)}.${this.b.toString(36)}`;
  }
}

/** Excel refused a request or its answer for its size (Excel on the web: 5 MB). */
export function tooLarge(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/** The months as Excel's English date parsing takes them (`5-Jan`, `Jan 2024`, `January 5`). */
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const MONTH_DATE = new RegExp(`^(\\d{1,2}[\\s/.,-]*)?${MONTH}([\\s/.,-]*\\d{1,4})?([\\s/.,-]+\\d{1,4})?$`, 'i');

/**
 * A text Excel would not keep as text if written as it is: a formula (`=`, `+`, `-`, `@`), a
 * number in any of its shapes (grouping, decimal comma, sign or parentheses, scientific
 * notation `1e5`, a percentage, a currency symbol before or after), a fraction or a date
 * (`1/2`, `12/5/2024`, `5-Jan`), a time (`8:30`, `8 AM`), a boolean, an error (`#N/A`), or a text
 * whose own leading apostrophe Excel would take as this mark. Written with the apostrophe that
 * tells Excel "text", which Excel does not show in the cell. Where in doubt it quotes: a quoted
 * text stays the same text.
 */
export function needsQuote(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/^[=+\-@']/.test(s) || /^[=+\-@']/.test(t)) return true;
  if (/^#/.test(t) || /^(true|false)$/i.test(t)) return true;
  // Digits with only what numbers, dates and times are written with around them.
  if (/\d/.test(t) && /^[\d\s.,:/\-+()%$€£¥₫eE]*(\s*(am|pm|a|p|đ|vnd|vnđ))?$/i.test(t)) return true;
  return MONTH_DATE.test(t);
}

export const READ_PROPS = 'values,numberFormat,valueTypes,formulas';

export function toRows(top: number, left: number, values: unknown[][], types: string[][], formats: string[][], formulas: unknown[][], into: (Cell | undefined)[][]): void {
  values.forEach((row, r) => {
    const out: (Cell | undefined)[] = into[top + r] ?? [];
    row.forEach((v, c) => {
      const cell = toCell(v, String(types[r]![c]), String(formats[r]![c] ?? ''), formulas[r]![c]);
      if (cell) out[left + c] = cell;
    });
    into[top + r] = out;
  });
}
