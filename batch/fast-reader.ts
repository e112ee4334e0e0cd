/**
 * A lean .xlsx → Grid reader for the batch: it inflates only the parts the template needs
 * (the workbook, its relationships, shared strings, number formats and the template's own
 * sheets) and scans their XML for cells, without building ExcelJS's object model. It gives
 * the same Grid as the ExcelJS adapter (test/batch/fast-reader.test.ts holds it to that);
 * ExcelJS is still used where a workbook is written back (--annotate).
 */
import type { Cell, Grid, GridSheet } from '../engine/model/grid';
import { fromA1 } from '../engine/model/grid';
import { isDateFormatCode, serialToIso } from '../engine/template/values';
import { PartError, hasDoctype, inflatePart, zipEntries } from './intake';

type Entry = NonNullable<ReturnType<typeof zipEntries>>[number];

/** XML no program writes (an element never closed, a row past Excel's last): the file is damaged. */
export class MalformedXmlError extends PartError {
  constructor(message: string) {
    super('corrupt', message);
  }
}

/** A part's text; one that declares a DOCTYPE (entity expansion, external entities) is refused, never read. */
function entryText(buf: Buffer, e: Entry, inflated?: ReadonlyMap<string, Buffer>): string {
  const xml = inflated?.get(e.name) ?? inflatePart(buf, e);
  if (hasDoctype(xml)) throw new PartError('corrupt', `${e.name}: a DOCTYPE (never in a workbook)`);
  return xml.toString('utf8');
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e]!,
  );
}

const ATTRIBUTE = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTRIBUTE.get(name);
  if (!re) ATTRIBUTE.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

/** An element found by `elements`: its attributes' text and its content (none when `<x/>`). */
interface Element {
  head: string;
  body: string | undefined;
}

/** Whether the character after `<name` ends the name (so `<c` does not match `<col`). */
const endsName = (code: number) => code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/**
 * The `<tag …>…</tag>` and `<tag …/>` elements of `xml` from `from` to `to`, found with
 * indexOf: linear in the text even when it is broken. A start tag that is never closed is the
 * file's fault (MalformedXmlError), not a reason to search the rest of the text again and again
 * (a regular expression with a lazy body did, quadratically, on 50,000 unclosed rows).
 */
function* elements(xml: string, tag: string, from = 0, to = xml.length): Generator<Element> {
  const open = `<${tag}`;
  const close = `</${tag}>`;
  let pos = from;
  for (;;) {
    const start = xml.indexOf(open, pos);
    if (start < 0 || start >= to) return;
    if (!endsName(xml.charCodeAt(start + open.length))) {
      pos = start + open.length;
      continue;
    }
    const headEnd = xml.indexOf('>', start);
    if (headEnd < 0 || headEnd >= to) throw new MalformedXmlError(`unfinished <${tag}>`);
    if (xml.charCodeAt(headEnd - 1) === 47) {
      yield { head: xml.slice(start + open.length, headEnd - 1), body: undefined };
      pos = headEnd + 1;
      continue;
    }
    const closeAt = xml.indexOf(close, headEnd + 1);
    if (closeAt < 0 || closeAt + close.length > to) throw new MalformedXmlError(`<${tag}> never closed`);
    yield { head: xml.slice(start + open.length, headEnd), body: xml.slice(headEnd + 1, closeAt) };
    pos = closeAt + close.length;
  }
}

/** The first element `tag` in `xml`, if any. */
function first(xml: string, tag: string): Element | undefined {
  for (const e of elements(xml, tag)) return e;
  return undefined;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * SpreadsheetML with its namespace bound to a prefix (`<x:worksheet xmlns:x="…/main">`, as
 * some .NET programs write it) read as if unprefixed; other XML as it is.
 */
function unprefixed(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b[^>]*>/.exec(xml.slice(0, 4096));
  if (!root) return xml;
  const prefix = root[1]!;
  if (!root[0].includes(`xmlns:${prefix}="${MAIN_NS}"`)) return xml;
  return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1');
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, phonetic runs (`<rPh>`) left out. */
function runText(xml: string): string {
  if (!xml.includes('<rPh')) {
    let out = '';
    for (const t of elements(xml, 't')) out += decodeXml(t.body ?? '');
    return out;
  }
  let out = '';
  let pos = 0;
  for (;;) {
    const ph = xml.indexOf('<rPh', pos);
    const end = ph < 0 ? xml.length : ph;
    for (const t of elements(xml, 't', pos, end)) out += decodeXml(t.body ?? '');
    if (ph < 0) return out;
    const close = xml.indexOf('</rPh>', ph);
    if (close < 0) return out;
    pos = close + 6;
  }
}

/** Number formats that show a date: built in 14–22, 27–36, 45–47, 50–58, or a custom code that does. */
function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
  return isDateFormatCode(code);
}

const BUILTIN_PERCENT: Record<number, string> = { 9: '0%', 10: '0.00%' };

interface Styles {
  /** cellXfs index → the format code when it is a percentage, or 'date'. */
  kind: ('date' | string | undefined)[];
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { kind: [] };
  const custom = new Map<number, string>();
  for (const f of elements(xml, 'numFmt')) {
    const id = Number(attr(f.head, 'numFmtId'));
    const code = attr(f.head, 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = first(xml, 'cellXfs')?.body ?? '';
  const kind = [...elements(xfs, 'xf')].map((x) => {
    const id = Number(attr(x.head, 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_PERCENT[id];
    if (code !== undefined && code.includes('%')) return code;
    return isDateFormat(id, custom.get(id)) ? 'date' : undefined;
  });
  return { kind };
}

function cellOf(type: string | undefined, value: string | undefined, inline: string | undefined, style: string | 'date' | undefined, shared: string[], date1904: boolean): Cell | undefined {
  switch (type) {
    case 's': {
      const s = value === undefined ? undefined : shared[Number(value)];
      return s === undefined ? undefined : { kind: 'text', value: s };
    }
    case 'inlineStr':
      return { kind: 'text', value: inline ?? '' };
    case 'str':
      return value === undefined ? undefined : { kind: 'text', value: decodeXml(value) };
    case 'b':
      return value === undefined ? undefined : { kind: 'boolean', value: value === '1' || value === 'true' };
    case 'e':
      return value === undefined ? undefined : { kind: 'error', value: decodeXml(value) };
    case 'd': {
      const iso = value && /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
      return iso ? { kind: 'date', value: iso } : undefined;
    }
    default: {
      if (value === undefined || value === '') return undefined;
      const n = Number(value);
      if (!Number.isFinite(n)) return { kind: 'text', value };
      if (style === 'date') {
        const iso = serialToIso(n, date1904);
        return iso ? { kind: 'date', value: iso } : { kind: 'number', value: n };
      }
      return style !== undefined ? { kind: 'number', value: n, numFmt: style } : { kind: 'number', value: n };
    }
  }
}

/** The `<v>` of a cell's content: its text, '' when empty, undefined when there is none. */
function valueOf(body: string): string | undefined {
  for (const v of elements(body, 'v')) return v.body ?? '';
  return undefined;
}

function readSheet(name: string, xml: string, hidden: boolean, styles: Styles, shared: string[], date1904: boolean): GridSheet {
  const rows: (Cell | undefined)[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  const data = dataStart >= 0 ? xml.slice(dataStart, dataEnd >= 0 ? dataEnd : undefined) : '';
  let rowNo = 0;
  for (const row of elements(data, 'row')) {
    const r = attr(row.head, 'r');
    rowNo = r ? Number(r) : rowNo + 1;
    // A row number past Excel's last row is no row (and would make a giant array).
    if (!Number.isInteger(rowNo) || rowNo < 1 || rowNo > 1_048_576) throw new MalformedXmlError(`row number ${r}`);
    let colNo = 0;
    const out: (Cell | undefined)[] = [];
    for (const c of elements(row.body ?? '', 'c')) {
      const ref = attr(c.head, 'r');
      const at = ref ? fromA1(ref) : undefined;
      colNo = at ? at.col : colNo + 1;
      if (colNo < 1 || colNo > 16_384) throw new MalformedXmlError(`cell reference ${ref}`);
      const body = c.body ?? '';
      const formula = body.includes('<f');
      const v = valueOf(body);
      const is = body.includes('<is') ? first(body, 'is') : undefined;
      const s = attr(c.head, 's');
      const style = s !== undefined ? styles.kind[Number(s)] : undefined;
      const type = attr(c.head, 't');
      const cell = cellOf(type, v, is ? runText(is.body ?? '') : undefined, style, shared, date1904);
      if (formula) out[colNo - 1] = v !== undefined ? (cell ? { ...cell, formula: { cached: true } } : { kind: 'text', value: '', formula: { cached: true } }) : { kind: 'blank', value: null, formula: { cached: false } };
      else if (cell) out[colNo - 1] = cell;
    }
    rows[rowNo - 1] = out;
  }
  // Rows that only carry a style (no value) hold nothing: trailing ones are dropped.
  while (rows.length > 0 && !(rows[rows.length - 1] ?? []).some((c) => c !== undefined)) rows.pop();
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = [...elements(xml, 'mergeCell')].map((m) => attr(m.head, 'ref')).filter((ref): ref is string => ref !== undefined);
  return { name, rows, ...(hidden ? { hidden: true } : {}), ...(merges.length > 0 ? { merges } : {}) };
}

/**
 * The workbook's sheets (only those `want` accepts, in file order) as a Grid. Throws
 * PartError (too large, or damaged) for the caller to report. `inflated`:
 * parts the intake already inflated (by their zip entry names), not inflated again.
 */
export function readGridFast(buf: Buffer, want: (sheetName: string) => boolean = () => true, inflated?: ReadonlyMap<string, Buffer>): Grid {
  const entries = zipEntries(buf);
  if (!entries) throw new PartError('corrupt', 'zip central directory missing');
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? unprefixed(entryText(buf, e, inflated)) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new PartError('corrupt', 'no xl/workbook.xml');
  const rels = new Map<string, string>();
  for (const rel of elements(text('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    const id = attr(rel.head, 'Id');
    const target = attr(rel.head, 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const wbPr = first(workbook, 'workbookPr')?.head ?? '';
  const date1904 = /date1904="(1|true)"/.test(wbPr);
  const shared = [...elements(text('xl/sharedStrings.xml') ?? '', 'si')].map((si) => runText(si.body ?? ''));
  const styles = readStyles(text('xl/styles.xml'));
  const sheets: GridSheet[] = [];
  for (const sheet of elements(workbook, 'sheet')) {
    const name = attr(sheet.head, 'name') ?? '';
    if (!want(name)) continue;
    const rid = attr(sheet.head, 'r:id') ?? attr(sheet.head, 'id');
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? text(path) : undefined;
    const state = attr(sheet.head, 'state');
    sheets.push(xml === undefined ? { name, rows: [] } : readSheet(name, xml, state === 'hidden' || state === 'veryHidden', styles, shared, date1904));
  }
  return { sheets, ...(date1904 ? { date1904 } : {}) };
}
