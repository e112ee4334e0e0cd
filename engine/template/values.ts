import type { Cell } from '../model/grid';
import { isDateFormatCode, isPercentFormatCode } from '../model/number-format';
import { collapseSpaces, headerKey } from '../text/normalize';

/**
 * Reading typed values out of cells the way a Vietnamese office writes them: numbers as
 * `53.211` (fifty-three thousand) or `48,5`, percentages as `159%` or as a fraction in a
 * percent-formatted cell, dates as real dates, serials, or `ngày 13 tháng 3 năm 2024`.
 */

/** How a value was read: `ok` as a real typed value, `text` parsed from text, `bad` not parsed. */
export type Parsed<T> = { status: 'ok'; value: T } | { status: 'text'; value: T } | { status: 'bad' } | { status: 'blank' };

export function parseVietnameseNumber(input: string): number | undefined {
  let s = collapseSpaces(input).replace(/\s/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  let sign = 1;
  if (/^[-−–]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let normal: string | undefined;
  if (/^\d+$/.test(s)) normal = s;
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.'); // 1.234.567,5
  else if (/^\d+,\d+$/.test(s)) normal = s.replace(',', '.'); // 48,5
  else if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(s)) normal = s.replace(/,/g, ''); // 1,234,567 (English)
  else if (/^\d+\.\d+$/.test(s)) normal = s; // 48.5 (not three decimals: handled above as thousands)
  if (normal === undefined) return undefined;
  const n = Number(normal) * sign;
  return Number.isFinite(n) ? n : undefined;
}

function isPercentFormat(cell: Cell): boolean {
  return cell.numFmt !== undefined && isPercentFormatCode(cell.numFmt);
}

/** A number; in a percent field a percent-formatted fraction is scaled to percent. */
export function readNumber(cell: Cell, percent = false): Parsed<number> {
  switch (cell.kind) {
    case 'blank':
      return { status: 'blank' };
    case 'number': {
      const v = cell.value as number;
      if (!Number.isFinite(v)) return { status: 'bad' };
      return { status: 'ok', value: percent && isPercentFormat(cell) ? round(v * 100, 10) : v };
    }
    case 'text': {
      const t = (cell.value as string).trim();
      if (t === '') return { status: 'blank' };
      const n = parseVietnameseNumber(t);
      return n === undefined ? { status: 'bad' } : { status: 'text', value: n };
    }
    case 'boolean':
    case 'date':
    case 'error':
      return { status: 'bad' };
  }
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** ISO date `yyyy-mm-dd`. */
export type IsoDate = string;

export function isoDate(y: number, m: number, d: number): IsoDate | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel date serial to ISO date, in the 1900 (with Lotus's 29/2/1900) or 1904 system. */
export function serialToIso(serial: number, date1904 = false): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const whole = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + whole * 86400000;
  else if (whole === 60) return undefined; // 29/2/1900 never existed
  else ms = Date.UTC(1899, 11, whole < 60 ? 31 : 30) + whole * 86400000;
  const dt = new Date(ms);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function parseDateText(input: string): IsoDate | undefined {
  const s = collapseSpaces(input);
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // `ngày 13 tháng 3 năm 2024`, also with a place before it (`Lai Châu, ngày …`).
  const k = headerKey(s);
  m = /(?:^|\s|,)ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/.exec(k);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/** A date from a real date, a serial with a date format, or text. */
export function readDate(cell: Cell, date1904 = false): Parsed<IsoDate> {
  switch (cell.kind) {
    case 'blank':
      return { status: 'blank' };
    case 'date': {
      const v = String(cell.value);
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
      const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
      return iso ? { status: 'ok', value: iso } : { status: 'bad' };
    }
    case 'number': {
      const n = cell.value as number;
      // A serial: formatted as a date, or a bare number in the range of plausible years.
      const looksLikeDate = (cell.numFmt !== undefined && isDateFormatCode(cell.numFmt)) || (n > 25000 && n < 80000);
      const iso = looksLikeDate ? serialToIso(n, date1904) : undefined;
      return iso ? { status: 'ok', value: iso } : { status: 'bad' };
    }
    case 'text': {
      const t = (cell.value as string).trim();
      if (t === '') return { status: 'blank' };
      const iso = parseDateText(t);
      return iso ? { status: 'text', value: iso } : { status: 'bad' };
    }
    default:
      return { status: 'bad' };
  }
}

/** The text of a cell as a person sees it (numbers without a thousands separator). */
export function cellText(cell: Cell): string {
  if (cell.kind === 'blank' || cell.value === null) return '';
  if (cell.kind === 'date') return formatIsoDate(String(cell.value));
  return String(cell.value);
}

/** `2024-03-13` → `13/3/2024`, as Vietnamese write it. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/** A number as Vietnamese write it: `66,67`, `53.211`. */
export function formatNumberVi(n: number, maxDecimals = 2): string {
  const r = round(n, maxDecimals);
  const [int, dec] = Math.abs(r).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (r < 0 ? '-' : '') + grouped + (dec ? `,${dec}` : '');
}
