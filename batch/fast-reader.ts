/**
 * A lean .xlsx → Grid reader for the batch: it inflates only the parts the template needs
 * (the workbook, its relationships, shared strings, number formats and the template's own
 * sheets) and scans their XML for cells, without building ExcelJS's object model. It gives
 * the same Grid as the ExcelJS adapter (test/batch/fast-reader.test.ts holds it to that);
 * ExcelJS is still used where a workbook is written back (--annotate).
 */
import { inflateRawSync } from 'node:zlib';
import type { Cell, Grid, GridSheet } from '../engine/model/grid';
import { fromA1 } from '../engine/model/grid';
import { serialToIso } from '../engine/template/values';
import { entryData, zipEntries } from './intake';

type Entry = NonNullable<ReturnType<typeof zipEntries>>[number];

export class XlsxFormatError extends Error {}

function entryText(buf: Buffer, e: Entry, inflated?: ReadonlyMap<string, Buffer>): string {
  const done = inflated?.get(e.name);
  if (done) return done.toString('utf8');
  const data = entryData(buf, e);
  if (!data) throw new XlsxFormatError(`${e.name}: bad local header`);
  if (e.method === 0) return data.toString('utf8');
  if (e.method === 8) return inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) + 1024 }).toString('utf8');
  throw new XlsxFormatError(`${e.name}: compression method ${e.method}`);
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

/** The text of an `<si>` or `<is>`: its `<t>` runs, phonetic runs left out. */
function runText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += decodeXml(m[1] ?? '');
  return out;
}

/** Number formats that show a date (built in 14–22, 27–36, 45–47, 50–58; or a code with d, m, y). */
function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || (/m/i.test(bare) && !/^[#0.,\s%]*$/.test(bare) && /[dhs:y]/i.test(bare));
}

const BUILTIN_PERCENT: Record<number, string> = { 9: '0%', 10: '0.00%' };

interface Styles {
  /** cellXfs index → the format code when it is a percentage, or 'date'. */
  kind: ('date' | string | undefined)[];
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { kind: [] };
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const kind = [...xfs.matchAll(/<xf\b[^>]*?(?:\/>|>)/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
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

function readSheet(name: string, xml: string, hidden: boolean, styles: Styles, shared: string[], date1904: boolean): GridSheet {
  const rows: (Cell | undefined)[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  const data = dataStart >= 0 ? xml.slice(dataStart, dataEnd >= 0 ? dataEnd : undefined) : '';
  let rowNo = 0;
  for (const rm of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = attr(rm[1] ?? '', 'r');
    rowNo = r ? Number(r) : rowNo + 1;
    let colNo = 0;
    const out: (Cell | undefined)[] = [];
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const head = cm[1] ?? '';
      const ref = attr(head, 'r');
      const at = ref ? fromA1(ref) : undefined;
      colNo = at ? at.col : colNo + 1;
      const body = cm[2] ?? '';
      const formula = /<f\b/.test(body);
      const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>|<v(?:\s[^>]*)?\/>/.exec(body);
      const is = /<is>([\s\S]*?)<\/is>/.exec(body);
      const s = attr(head, 's');
      const style = s !== undefined ? styles.kind[Number(s)] : undefined;
      const type = attr(head, 't');
      const cell = cellOf(type, v ? (v[1] ?? '') : undefined, is ? runText(is[1]!) : undefined, style, shared, date1904);
      if (formula) out[colNo - 1] = v ? (cell ? { ...cell, formula: { cached: true } } : { kind: 'text', value: '', formula: { cached: true } }) : { kind: 'blank', value: null, formula: { cached: false } };
      else if (cell) out[colNo - 1] = cell;
    }
    rows[rowNo - 1] = out;
  }
  // Rows that only carry a style (no value) hold nothing: trailing ones are dropped.
  while (rows.length > 0 && !(rows[rows.length - 1] ?? []).some((c) => c !== undefined)) rows.pop();
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const merges = [...xml.matchAll(/<mergeCell\b[^>]*?ref="([^"]+)"/g)].map((m) => m[1]!);
  return { name, rows, ...(hidden ? { hidden: true } : {}), ...(merges.length > 0 ? { merges } : {}) };
}

/**
 * The workbook's sheets (only those `want` accepts, in file order) as a Grid. Throws
 * XlsxFormatError (or a zlib error) on a damaged file: the caller reports it. `inflated`:
 * parts the intake already inflated (by their zip entry names), not inflated again.
 */
export function readGridFast(buf: Buffer, want: (sheetName: string) => boolean = () => true, inflated?: ReadonlyMap<string, Buffer>): Grid {
  const entries = zipEntries(buf);
  if (!entries) throw new XlsxFormatError('zip central directory missing');
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const text = (name: string) => {
    const e = byName.get(name);
    return e ? entryText(buf, e, inflated) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxFormatError('no xl/workbook.xml');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const wbPr = /<workbookPr\b[^>]*>/.exec(workbook)?.[0] ?? '';
  const date1904 = /date1904="(1|true)"/.test(wbPr);
  const shared = [...(text('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runText(m[1] ?? ''));
  const styles = readStyles(text('xl/styles.xml'));
  const sheets: GridSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    if (!want(name)) continue;
    const rid = attr(m[0], 'r:id') ?? attr(m[0], 'id');
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? text(path) : undefined;
    const state = attr(m[0], 'state');
    sheets.push(xml === undefined ? { name, rows: [] } : readSheet(name, xml, state === 'hidden' || state === 'veryHidden', styles, shared, date1904));
  }
  return { sheets, ...(date1904 ? { date1904 } : {}) };
}
