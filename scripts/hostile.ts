/**
 * Workbooks built byte by byte to be broken or hostile (THREATS.md): bombs, lying zips,
 * entity tricks, giants, odd names. The test suite generates the corpus from here
 * (test/hardening/hostile.test.ts), the benchmark takes its over-the-limit files from here,
 * and `node dist/scripts/hostile.js <folder>` writes every file for a look by hand.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';
import { type ZipInput, deflatedZeros, makeZip } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetInput {
  name: string;
  /** The worksheet part: its XML, or already-deflated data for a giant one. */
  xml: string | { deflated: { data: Buffer; size: number; crc: number } };
  /** The relationship target, when it should differ from the sheet's own part (a broken link). */
  target?: string;
  state?: 'hidden' | 'veryHidden';
}

export interface WorkbookInput {
  sheets: SheetInput[];
  sharedStrings?: string[] | string;
  /** Replaces the generated `xl/workbook.xml`. */
  workbookXml?: string;
  /** `xl/workbook.xml` prolog (a DOCTYPE, say). */
  prolog?: string;
  extra?: ZipInput[];
  /** Content type of the workbook part (a macro-enabled one for .xlsm). */
  workbookType?: string;
}

export const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A sheet's XML around rows of cells (`<row>` bodies given as they are). */
export function sheetXml(rows: string[], head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${head}<sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r}</row>`).join('')}</sheetData></worksheet>`;
}

/** A text cell written inline. */
export const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;

/** The smallest complete .xlsx: content types, relationships, workbook, sheets, shared strings. */
export function workbook(input: WorkbookInput): Buffer {
  const wbType = input.workbookType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const sheetParts = input.sheets.map((s, i) => ({ ...s, part: `xl/worksheets/sheet${i + 1}.xml` }));
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${wbType}"/>${sheetParts.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${input.sharedStrings !== undefined ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetParts.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${xmlEscape(s.target ?? s.part.slice(3))}"/>`).join('')}${input.sharedStrings !== undefined ? `<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const wbXml = input.workbookXml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${input.prolog ?? ''}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheetParts.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const shared = input.sharedStrings === undefined ? undefined
    : typeof input.sharedStrings === 'string' ? input.sharedStrings
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${input.sharedStrings.length}" uniqueCount="${input.sharedStrings.length}">${input.sharedStrings.map((t) => `<si><t xml:space="preserve">${xmlEscape(t)}</t></si>`).join('')}</sst>`;
  const entries: ZipInput[] = [
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rootRels) },
    { name: 'xl/workbook.xml', data: Buffer.from(wbXml) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(wbRels) },
    ...sheetParts.map((s): ZipInput => (typeof s.xml === 'string' ? { name: s.part, data: Buffer.from(s.xml) } : { name: s.part, data: Buffer.alloc(0), deflated: s.xml.deflated })),
    ...(shared !== undefined ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(shared) }] : []),
    ...(input.extra ?? []),
  ];
  return makeZip(entries);
}

/** A worksheet part of `rows` × `cols` numeric cells, deflated as it is made (never whole in memory as text). */
function deflatedCells(rows: number, cols: number, dimension: boolean): { data: Buffer; size: number; crc: number } {
  const chunks: Buffer[] = [];
  const colName = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : String.fromCharCode(64 + Math.floor(c / 26)) + String.fromCharCode(65 + (c % 26)));
  chunks.push(Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">${dimension ? `<dimension ref="A1:${colName(cols - 1)}${rows}"/>` : ''}<sheetData>`));
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${colName(c)}${r}"><v>${(r * 7 + c * 13) % 1000}</v></c>`;
    chunks.push(Buffer.from(`${row}</row>`));
  }
  chunks.push(Buffer.from('</sheetData></worksheet>'));
  const xml = Buffer.concat(chunks);
  return { data: deflateRawSync(xml), size: xml.length, crc: crc32(xml) };
}

/**
 * A template sheet holding `cells` numbers (in rows of 10), declaring its size in
 * `<dimension>` or not: the "millions of cells" workbook of the budgets.
 */
export function manyCells(cells: number, declared: boolean): Buffer {
  return workbook({ sheets: [{ name: 'Bình xét', xml: { deflated: deflatedCells(Math.ceil(cells / 10), 10, declared) } }] });
}

/** One entry of the hostile corpus: its file name and how a run must end for it. */
export interface HostileFile {
  name: string;
  data: Buffer;
  /** The report's status for it, and the error code when unreadable. */
  expect: { status: 'unreadable'; code: 'empty' | 'not-a-workbook' | 'xls-legacy' | 'encrypted' | 'corrupt' | 'too-large' | 'timeout' } | { status: 'checked' };
  why: string;
}

export { deflatedZeros, makeZip };

if (require.main === module) {
  const dir = process.argv[2] ?? 'hostile';
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [
    { name: 'ba-trieu-o-khai-bao.xlsx', data: manyCells(3_000_000, true), expect: { status: 'unreadable', code: 'too-large' }, why: '3 million cells, declared' },
    { name: 'hai-trieu-o-khong-khai-bao.xlsx', data: manyCells(2_000_000, false), expect: { status: 'unreadable', code: 'too-large' }, why: '2 million cells, no <dimension>' },
  ];
  for (const f of files) writeFileSync(join(dir, f.name), f.data);
  console.log(`${files.length} files written to ${dir}`);
}
