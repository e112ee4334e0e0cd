/**
 * An .xlsx package → Grid: the workbook found through the package's relationships, its
 * sheets through the workbook's, and only the sheets asked for read (the template's), with
 * the shared strings and styles they need. Chartsheets, dialog sheets and macro sheets are
 * passed over. Each worksheet is inflated no further than the sheet limit and its cells are
 * counted before any is built, so a giant or a bomb costs a scan, never a Grid.
 */
import type { Grid, GridSheet } from '../engine';
import { PartError, ZipParts } from './zip';
import { type PartSource, type Relationship, findWorkbook, readRelationships } from './opc';
import { readSharedStrings, readStyles, readWorkbookPart } from './workbook';
import { readWorksheet } from './worksheet';
import { XmlError, partText } from './xml';

export interface ReadLimits {
  /** Largest worksheet XML, inflated (whatever its zip header claims). */
  maxSheetBytes: number;
  /** Cells with content (`<c>…</c>`, not `<c/>`) in the sheets read, summed. */
  maxCellTags: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  // A 50,000-row workbook (the budget's largest, validated in about 220 MB) has 14 MB of sheet
  // XML and about 500,000 cells; memory grows with the cells, so three times that is the
  // most a worker may read within the 600 MB budget (BENCHMARKS.md).
  maxSheetBytes: 64 * 1024 * 1024,
  maxCellTags: 1_500_000,
};

const isNameByte = (b: number | undefined) => b !== undefined && ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e);

/**
 * Cell elements with content in a worksheet's bytes: `<c …>` and `<x:c>` (any prefix), not
 * `<col`, `<cfRule` nor an empty `<c …/>` (a styled blank, which builds nothing). A byte scan,
 * to refuse a giant before the tokenizer builds anything from it.
 */
export function contentCells(xml: Uint8Array): number {
  let n = 0;
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    let k = j;
    while (k - j < 9 && isNameByte(xml[k])) k++;
    if (k > j && xml[k] === 0x3a) j = k + 1;
    if (xml[j] !== 0x63 || isNameByte(xml[j + 1]) || xml[j + 1] === 0x3a) continue;
    const gt = xml.indexOf(0x3e, j);
    if (gt < 0) break;
    if (xml[gt - 1] !== 0x2f) n++;
    i = gt;
  }
  return n;
}

/** The package's parts as text (UTF-8 or UTF-16), inflated within their headers' sizes. */
export function zipSource(zip: ZipParts): PartSource {
  return {
    text(name) {
      const bytes = zip.bytes(name);
      const text = bytes === undefined ? undefined : partText(bytes);
      // An empty part (some writers leave an empty shared strings part) holds nothing: as if absent.
      return text === undefined || text.trim() === '' ? undefined : text;
    },
  };
}

/** Run `read`, turning malformed XML into the file's `corrupt`. */
function wellFormed<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof XmlError) throw new PartError('corrupt', `${part}: ${e.message}`);
    throw e;
  }
}

/**
 * The workbook's sheets that `want` accepts, in the workbook's order, as a Grid. Throws
 * PartError (past a limit, or damaged) for the caller to report. `found`: the workbook part,
 * when the intake has found it already.
 */
export function readWorkbook(zip: ZipParts, want: (sheetName: string) => boolean, limits: ReadLimits, found?: string): Grid {
  const parts = zipSource(zip);
  const workbookName = found ?? wellFormed('_rels/.rels', () => findWorkbook(parts, (name) => zip.entry(name) !== undefined));
  if (workbookName === undefined) throw new PartError('corrupt', 'no workbook part');
  const rels = new Map<string, Relationship>();
  for (const r of wellFormed(`${workbookName} relationships`, () => readRelationships(parts, workbookName))) if (!rels.has(r.id)) rels.set(r.id, r);
  const workbookXml = parts.text(workbookName);
  if (workbookXml === undefined) throw new PartError('corrupt', `${workbookName} is empty`);
  const workbook = wellFormed(workbookName, () => readWorkbookPart(workbookXml));
  const wanted: { name: string; hidden: boolean; part: string | undefined; bytes?: Uint8Array }[] = [];
  let cells = 0;
  for (const sheet of workbook.sheets) {
    if (!want(sheet.name)) continue;
    const rel = sheet.relationship === undefined ? undefined : rels.get(sheet.relationship);
    // Chartsheets, dialog sheets and macro sheets hold no cells to check.
    if (rel && rel.type !== 'worksheet') continue;
    const part = rel && !rel.external && zip.entry(rel.target) ? rel.target : undefined;
    const bytes = part === undefined ? undefined : zip.bytes(part, limits.maxSheetBytes);
    if (bytes) {
      cells += contentCells(bytes);
      if (cells > limits.maxCellTags) throw new PartError('too-large', `more than ${limits.maxCellTags} cells`);
    }
    wanted.push({ name: sheet.name, hidden: sheet.hidden, part, ...(bytes ? { bytes } : {}) });
  }
  const first = (type: string) => [...rels.values()].find((r) => r.type === type && !r.external)?.target;
  const needed = wanted.some((w) => w.bytes);
  const sharedPart = first('sharedStrings');
  const stylesPart = first('styles');
  const shared = needed && sharedPart ? wellFormed(sharedPart, () => readSharedStrings(parts.text(sharedPart))) : [];
  const styles = wellFormed(stylesPart ?? 'styles', () => readStyles(needed && stylesPart ? parts.text(stylesPart) : undefined));
  const sheets: GridSheet[] = [];
  for (const w of wanted) {
    if (!w.bytes) {
      sheets.push({ name: w.name, rows: [] });
      continue;
    }
    const xml = partText(w.bytes);
    const sheet = xml.trim() === '' ? { name: w.name, rows: [] } : wellFormed(w.part!, () => readWorksheet(w.name, xml, w.hidden, styles, shared, workbook.date1904));
    if (sheet) sheets.push(sheet);
  }
  return { sheets, ...(workbook.date1904 ? { date1904: true } : {}) };
}

/** A whole .xlsx file's sheets (or those `want` accepts) as a Grid. Throws PartError. */
export function readXlsx(buf: Buffer, want: (sheetName: string) => boolean = () => true, limits: ReadLimits = DEFAULT_READ_LIMITS): Grid {
  const zip = ZipParts.open(buf);
  if (!zip) throw new PartError('corrupt', 'zip central directory missing or broken');
  return readWorkbook(zip, want, limits);
}
