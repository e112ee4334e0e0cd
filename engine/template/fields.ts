import type { Cell, SheetView } from '../model/grid';
import type { Field, Place, ValueIssue } from '../model/bloc';
import { collapseSpaces, headerKey } from '../text/normalize';
import { RATINGS, type Rating } from './spec';
import { type IsoDate, cellText, readDate, readNumber } from './values';

const MAX_PLAUSIBLE = 1e12;

/** Where a field is (one shape either way, and no object spread: the reader makes one per cell). */
const place = (sheet: string, row: number, col: number | undefined): Place => (col !== undefined ? { sheet, row, col } : { sheet, row });

/**
 * Reads typed values out of cells and records what it could not take as an issue; the
 * cell/* rules turn issues into findings. Never throws.
 */
export class FieldReader {
  readonly issues: ValueIssue[] = [];

  constructor(private readonly date1904: boolean) {}

  private issue(kind: ValueIssue['kind'], at: Place, field: string, extra: Partial<ValueIssue> = {}): void {
    this.issues.push({ kind, at, field, ...extra });
  }

  /**
   * A blank that matters: a formula without a cached result is the formula rule's business;
   * one whose result is blank (`=IF(COUNT(C4:E4)=0;"";SUM(C4:E4))` with no score typed)
   * leaves the value missing as much as an empty cell does.
   */
  private blank(cell: Cell, at: Place, field: string, required: boolean): void {
    if (required && !(cell.formula && !cell.formula.cached)) this.issue('required', at, field);
  }

  text(view: SheetView, row: number, col: number | undefined, field: string, required: boolean): Field<string> {
    const at = place(view.name, row, col);
    if (col === undefined) return { at };
    const raw = view.get(row, col);
    if (raw.kind === 'error') return { at, raw };
    const value = collapseSpaces(cellText(raw));
    if (value === '') {
      this.blank(raw, at, field, required);
      return { at, raw };
    }
    return { at, raw, value };
  }

  number(view: SheetView, row: number, col: number | undefined, field: string, opts: { required?: boolean; integer?: boolean; percent?: boolean } = {}): Field<number> {
    const at = place(view.name, row, col);
    if (col === undefined) return { at };
    const raw = view.get(row, col);
    if (raw.kind === 'error') return { at, raw };
    const parsed = readNumber(raw, opts.percent ?? false);
    switch (parsed.status) {
      case 'blank':
        this.blank(raw, at, field, opts.required ?? false);
        return { at, raw };
      case 'bad':
        this.issue('not-a-number', at, field, { text: cellText(raw) });
        return { at, raw };
      case 'text':
      case 'ok':
        // No count, score or figure of a bloc reaches a trillion: such a value is a typing slip.
        if (Math.abs(parsed.value) > MAX_PLAUSIBLE) {
          this.issue('not-a-number', at, field, { text: cellText(raw) });
          return { at, raw };
        }
        if (opts.integer && !Number.isInteger(parsed.value)) {
          this.issue('not-an-integer', at, field, { text: cellText(raw), parsed: parsed.value });
          return { at, raw };
        }
        if (parsed.status === 'text') this.issue('number-as-text', at, field, { text: cellText(raw), parsed: parsed.value });
        return { at, raw, value: parsed.value };
    }
  }

  date(view: SheetView, row: number, col: number | undefined, field: string, required: boolean): Field<IsoDate> {
    const at = place(view.name, row, col);
    if (col === undefined) return { at };
    const raw = view.get(row, col);
    if (raw.kind === 'error') return { at, raw };
    const parsed = readDate(raw, this.date1904);
    switch (parsed.status) {
      case 'blank':
        this.blank(raw, at, field, required);
        return { at, raw };
      case 'bad':
        this.issue('invalid-date', at, field, { text: cellText(raw) });
        return { at, raw };
      case 'text':
        this.issue('date-as-text', at, field, { text: cellText(raw), parsed: parsed.value });
        return { at, raw, value: parsed.value };
      case 'ok':
        return { at, raw, value: parsed.value };
    }
  }

  rating(view: SheetView, row: number, col: number | undefined, field: string): Field<Rating> {
    const f = this.text(view, row, col, field, false);
    if (f.value === undefined) return { at: f.at, ...(f.raw ? { raw: f.raw } : {}) };
    const k = headerKey(f.value).replace(/[\s.]/g, '');
    for (const [code, words] of Object.entries(RATINGS)) {
      if (k === code.toLowerCase() || k === headerKey(words).replace(/\s/g, '')) return { ...f, value: code as Rating };
    }
    this.issue('unknown-value', f.at, field, { text: f.value, allowed: Object.keys(RATINGS).join(', ') });
    return { at: f.at, ...(f.raw ? { raw: f.raw } : {}) };
  }

  /** `Ký kết`: Có/Không, x, ✓, true/false; blank means not signed. */
  signed(view: SheetView, row: number, col: number | undefined, field: string): Field<boolean> {
    const at = place(view.name, row, col);
    if (col === undefined) return { at };
    const raw = view.get(row, col);
    if (raw.kind === 'boolean') return { at, raw, value: raw.value as boolean };
    if (raw.kind === 'blank') return { at, raw, value: false };
    const k = headerKey(cellText(raw));
    if (k === '') return { at, raw, value: false };
    if (['co', 'x', '✓', '✔', 'v', 'da ky', 'yes', 'ky', '1'].includes(k)) return { at, raw, value: true };
    if (['khong', 'chua ky', 'no', '0', '-'].includes(k)) return { at, raw, value: false };
    this.issue('unknown-value', at, field, { text: cellText(raw), allowed: 'Có, Không, x' });
    return { at, raw };
  }
}
