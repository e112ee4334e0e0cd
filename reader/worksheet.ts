/**
 * A worksheet part (SpreadsheetML, ECMA-376 Part 1 §18.3) as a GridSheet: each cell as the
 * spreadsheet shows it. Rows and cells without `r` are the next one; every cell type (`n`,
 * `s`, `str`, `inlineStr` with runs or with `<v>`, `b`, `e`, `d`); a formula by its cached
 * result, and said so when it has none; number formats from the cell's style.
 */
import { type Cell, type GridSheet, serialToIso } from '../engine';
import { type StartTag, XmlError, scanXml } from './xml';
import { SPREADSHEETML, type Styles, decodeEscapes } from './workbook';

/** A row or column past Excel's last, or a reference that is none: the part is damaged. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/**
 * A cell reference (`AB12`, any case, no `$`) as row × 16,385 + column, or -1 when it is none or
 * past Excel's last row or column. By hand: it is read for every cell.
 */
function cellRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (col === 0 || col > MAX_COL || i === ref.length) return -1;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || row > MAX_ROW) return -1;
    row = row * 10 + d;
  }
  return row < 1 || row > MAX_ROW ? -1 : row * 16_385 + col;
}

/** A `t="d"` value (ISO 8601): its calendar date, a time of day as a fraction, or undefined. */
function isoCell(value: string): Cell | undefined {
  const m = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:[T ]|\s*$)/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const dt = new Date(Date.UTC(2000, mo - 1, d));
    if (y >= 1 && mo >= 1 && mo <= 12 && dt.getUTCMonth() === mo - 1) return { kind: 'date', value: `${String(y).padStart(4, '0')}-${m[2]}-${m[3]}` };
    return undefined;
  }
  const t = /^\s*T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(value);
  if (t) return { kind: 'number', value: (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) / 86400 };
  return undefined;
}

/** A cell's value from its type, its `<v>` text and its `<is>` text. */
function cellValue(type: string, v: string | undefined, inline: string | undefined, style: number, styles: Styles, shared: readonly string[], date1904: boolean): Cell | undefined {
  switch (type) {
    case 's': {
      const t = v?.trim();
      if (!t) return undefined; // `<v/>` is no string, never shared string 0
      const s = /^\d+$/.test(t) ? shared[Number(t)] : undefined;
      return s === undefined ? undefined : { kind: 'text', value: s };
    }
    case 'inlineStr': {
      const s = inline ?? (v === undefined ? undefined : decodeEscapes(v));
      return s === undefined ? undefined : { kind: 'text', value: s };
    }
    case 'str':
      return v === undefined ? undefined : { kind: 'text', value: decodeEscapes(v) };
    case 'b': {
      const t = v?.trim();
      return t === undefined || t === '' ? undefined : { kind: 'boolean', value: t === '1' || t === 'true' };
    }
    case 'e':
      return v === undefined || v.trim() === '' ? undefined : { kind: 'error', value: v.trim() };
    case 'd':
      return v === undefined || v.trim() === '' ? undefined : (isoCell(v) ?? { kind: 'error', value: '#VALUE!' });
    default: {
      if (v === undefined) return inline !== undefined ? { kind: 'text', value: inline } : undefined;
      const t = v.trim();
      if (t === '') return undefined;
      const n = Number(t);
      // xsd:double: no `0x1A`, `0b1` or `0o7`, which JavaScript's Number would take.
      if (!Number.isFinite(n) || (t.length > 2 && /[xbo]/i.test(t[1]!) && t[0] === '0')) return { kind: 'text', value: t };
      const kind = styles.kind(style);
      if (kind === 'date') {
        const iso = serialToIso(n, date1904);
        if (iso) return { kind: 'date', value: iso };
      }
      return kind === 'percent' ? { kind: 'number', value: n, numFmt: styles.code(style) } : { kind: 'number', value: n };
    }
  }
}

/**
 * The worksheet's cells, merges and state as a GridSheet; undefined when the part is no
 * worksheet (a chartsheet or dialog sheet behind a worksheet relationship). Throws XmlError
 * when the part is not well-formed or a row or column is past Excel's last.
 */
export function readWorksheet(name: string, xml: string, hidden: boolean, styles: Styles, shared: readonly string[], date1904: boolean): GridSheet | undefined {
  let root: string | undefined;
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  let depth = 0;
  let dataDepth = -1;
  let rowNo = 0;
  let row: (Cell | undefined)[] | undefined;
  let rowGiven = false;
  let colNo = 0;
  // The cell being read.
  let inCell = false;
  let cellType = 'n';
  let cellStyle = 0;
  let hasFormula = false;
  let v: string | undefined;
  let inline: string | undefined;
  let capture: 'v' | 't' | undefined;
  let run = '';
  let inIs = false;
  let inPhonetic = false;
  // Namespaces come as the same few strings again and again: the last answer is kept.
  let lastNs = '';
  let lastMain = SPREADSHEETML.has('');
  const isMain = (ns: string) => {
    if (ns !== lastNs) {
      lastNs = ns;
      lastMain = SPREADSHEETML.has(ns);
    }
    return lastMain;
  };

  const startRow = (tag: StartTag) => {
    const r = tag.attr('r');
    if (r !== undefined) {
      const n = Number(r);
      if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw new XmlError(`row number ${r}`);
      rowNo = n;
      rowGiven = true;
    } else {
      rowNo++;
      rowGiven = false;
    }
    if (rowNo > MAX_ROW) throw new XmlError('a row past the last');
    row = undefined;
    colNo = 0;
  };
  const startCell = (tag: StartTag) => {
    const ref = tag.attr('r');
    if (ref !== undefined) {
      const at = cellRef(ref);
      if (at < 0) throw new XmlError(`cell reference ${ref}`);
      colNo = at % 16_385;
      const refRow = Math.floor(at / 16_385);
      // A row written without its number takes it from its first cell's reference.
      if (!rowGiven && row === undefined && refRow !== rowNo) rowNo = refRow;
    } else colNo++;
    if (colNo > MAX_COL) throw new XmlError('a column past the last');
    inCell = true;
    cellType = tag.attr('t') ?? 'n';
    const s = tag.attr('s');
    cellStyle = s === undefined ? 0 : Number(s);
    hasFormula = false;
    v = undefined;
    inline = undefined;
  };
  const endCell = () => {
    inCell = false;
    const cell = cellValue(cellType, v, inline, cellStyle, styles, shared, date1904);
    let out: Cell | undefined = cell;
    if (hasFormula) {
      const cached = v !== undefined || inline !== undefined;
      out = cached ? { ...(cell ?? { kind: 'text', value: '' }), formula: { cached: true } } : { kind: 'blank', value: null, formula: { cached: false } };
    }
    if (out === undefined) return;
    if (!row) {
      row = [];
      rows[rowNo - 1] = row;
    }
    row[colNo - 1] = out;
  };

  scanXml(xml, {
    open(tag) {
      depth++;
      root ??= tag.local;
      if (!isMain(tag.ns)) return;
      switch (tag.local) {
        case 'sheetData':
          dataDepth = depth;
          return;
        case 'row':
          if (depth === dataDepth + 1) startRow(tag);
          return;
        case 'c':
          if (depth === dataDepth + 2) startCell(tag);
          return;
        case 'v':
          if (inCell && depth === dataDepth + 3) {
            v = '';
            capture = 'v';
          }
          return;
        case 'f':
          if (inCell && depth === dataDepth + 3) hasFormula = true;
          return;
        case 'is':
          if (inCell && depth === dataDepth + 3) {
            inIs = true;
            inline = '';
          }
          return;
        case 'rPh':
          if (inIs) inPhonetic = true;
          return;
        case 't':
          if (inIs && !inPhonetic) {
            capture = 't';
            run = '';
          }
          return;
        case 'mergeCell': {
          const ref = tag.attr('ref');
          if (ref !== undefined) merges.push(ref);
          return;
        }
      }
    },
    close(ns, local) {
      depth--;
      if (!isMain(ns)) return;
      switch (local) {
        case 'sheetData':
          dataDepth = -1;
          return;
        case 'c':
          if (inCell && depth === dataDepth + 1) endCell();
          return;
        case 'v':
          capture = undefined;
          return;
        case 't':
          if (capture === 't') inline += decodeEscapes(run);
          capture = undefined;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          inPhonetic = false;
          return;
      }
    },
    wantText: () => capture !== undefined,
    text(s) {
      if (capture === 'v') v += s;
      else if (capture === 't') run += s;
    },
  });
  if (root !== 'worksheet') return undefined;
  // Rows that only carry a style (no value) hold nothing: trailing ones are dropped.
  while (rows.length > 0 && !(rows[rows.length - 1] ?? []).some((c) => c !== undefined)) rows.pop();
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows, ...(hidden ? { hidden: true } : {}), ...(merges.length > 0 ? { merges } : {}) };
}
