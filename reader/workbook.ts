/**
 * The workbook-wide parts of SpreadsheetML (ECMA-376 Part 1 §18.2, §18.4, §18.8): the sheet
 * list and date system, the shared strings (rich-text runs, phonetic runs left out, `_xHHHH_`
 * escapes decoded) and the number formats of the cells' styles. Transitional and Strict
 * namespaces alike, under any prefix.
 */
import { builtinFormatKind, type NumberFormatKind, numberFormatKind } from '../engine';
import { OFFICE_RELATIONSHIPS } from './opc';
import { type StartTag, scanXml } from './xml';

/** SpreadsheetML's namespace: Transitional, Strict, and none (a writer that left it out). */
export const SPREADSHEETML: ReadonlySet<string> = new Set(['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main', '']);

/**
 * `_xHHHH_` escapes (§22.9.2.19, ST_Xstring) decoded: `_x000D_` is a carriage return,
 * `_x005F_` an underscore (so `_x005F_x0041_` is the text `_x0041_`).
 */
export function decodeEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** What the cells' styles (`cellXfs`) make of numbers. */
export interface Styles {
  kind(xf: number): NumberFormatKind;
  /** The style's format code (for a percentage, which the Grid keeps). */
  code(xf: number): string;
}

const BUILTIN_CODES: Record<number, string> = { 9: '0%', 10: '0.00%' };

/**
 * Each start tag of a part, with the SpreadsheetML names of the elements open above it and
 * its own ('' for an element of another namespace): `['styleSheet', 'numFmts', 'numFmt']`.
 */
function visitElements(xml: string, visit: (tag: StartTag, path: readonly string[]) => void): void {
  const path: string[] = [];
  scanXml(xml, {
    open(tag) {
      path.push(SPREADSHEETML.has(tag.ns) ? tag.local : '');
      visit(tag, path);
    },
    close() {
      path.pop();
    },
  });
}

/**
 * The number format of each cell style. Only `<numFmts>` under the style sheet counts: a
 * `<numFmt>` inside `<dxfs>` belongs to a conditional format and may reuse an id.
 */
export function readStyles(xml: string | undefined): Styles {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  if (xml !== undefined) {
    visitElements(xml, (tag, [, parent, local, deeper]) => {
      if (deeper !== undefined) return;
      if (parent === 'numFmts' && local === 'numFmt') {
        const code = tag.attr('formatCode');
        if (code !== undefined) custom.set(Number(tag.attr('numFmtId')), code);
      } else if (parent === 'cellXfs' && local === 'xf') xfFormats.push(Number(tag.attr('numFmtId') ?? 0));
    });
  }
  const code = (id: number) => custom.get(id) ?? BUILTIN_CODES[id] ?? 'General';
  const kinds = xfFormats.map((id) => (custom.has(id) ? numberFormatKind(custom.get(id)!) : builtinFormatKind(id)));
  return {
    kind: (xf) => kinds[xf] ?? 'number',
    code: (xf) => code(xfFormats[xf] ?? 0),
  };
}

/** The shared string table: each `<si>`'s text, its runs joined. */
export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (xml === undefined) return out;
  let depth = 0;
  let current: string | undefined;
  let run: string | undefined;
  let phonetic = 0;
  scanXml(xml, {
    open(tag) {
      depth++;
      if (!SPREADSHEETML.has(tag.ns)) return;
      if (tag.local === 'si' && depth === 2) current = '';
      else if (tag.local === 'rPh') phonetic++;
      else if (tag.local === 't' && current !== undefined && phonetic === 0) run = '';
    },
    close(ns, local) {
      depth--;
      if (!SPREADSHEETML.has(ns)) return;
      if (local === 't' && run !== undefined) {
        current += decodeEscapes(run);
        run = undefined;
      } else if (local === 'rPh') phonetic--;
      else if (local === 'si' && depth === 1) {
        out.push(current ?? '');
        current = undefined;
      }
    },
    wantText: () => run !== undefined,
    text(s) {
      run += s;
    },
  });
  return out;
}

/** A `<sheet>` of the workbook: its name, relationship and visibility. */
export interface SheetEntry {
  name: string;
  relationship: string | undefined;
  hidden: boolean;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

export function readWorkbookPart(xml: string): WorkbookPart {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  visitElements(xml, (tag, path) => {
    if (path.length === 2 && path[1] === 'workbookPr') {
      const v = tag.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (path.length === 3 && path[1] === 'sheets' && path[2] === 'sheet') {
      const state = tag.attr('state');
      sheets.push({ name: tag.attr('name') ?? '', relationship: tag.attr('id', OFFICE_RELATIONSHIPS), hidden: state === 'hidden' || state === 'veryHidden' });
    }
  });
  return { sheets, date1904 };
}
