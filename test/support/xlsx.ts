/**
 * Workbooks written at the XML level, straight from ECMA-376 (no spreadsheet program and no
 * writer of ours in between): the parts as strings, zipped. `book()` fills in the parts a
 * test does not care about, in their plainest standard form.
 */
import { makeZip } from '../../reader/zip-writer';
import type { Cell, Grid } from '../../engine/model/grid';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

/** A zip of the given parts, in the order given. */
export function zipParts(parts: Record<string, string | Buffer>): Buffer {
  return makeZip(Object.entries(parts).map(([name, data]) => ({ name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data })));
}

export interface BookSheet {
  name: string;
  /** The worksheet's `<sheetData>` content (or the whole part when it starts with `<?xml` or `<`+root). */
  data: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** Elements after `</sheetData>` (merges). */
  after?: string;
}

export interface BookOptions {
  sheets: BookSheet[];
  /** The shared strings' `<si>` elements. */
  shared?: string[];
  /** The style sheet's content (`<numFmts>…</numFmts><cellXfs>…</cellXfs>`). */
  styles?: string;
  date1904?: boolean;
}

/** A minimal standard package: content types, package and workbook relationships, the parts. */
export function book(o: BookOptions): Buffer {
  const parts: Record<string, string> = {};
  const sheetParts = o.sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetParts.map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${o.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${o.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const n = o.sheets.length;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${sheetParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${o.shared ? `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}${o.styles ? `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`;
  o.sheets.forEach((s, i) => {
    parts[sheetParts[i]!] = /^\s*<(\?xml|worksheet|\w+:worksheet)/.test(s.data) ? s.data : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.data}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  if (o.shared) parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${o.shared.length}" uniqueCount="${o.shared.length}">${o.shared.join('')}</sst>`;
  if (o.styles) parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${o.styles}</styleSheet>`;
  return zipParts(parts);
}

/** A Grid's sheet rows as the engine sees them: holes and missing cells are null. */
export function rowsOf(grid: Grid, sheet = 0): (Cell | null)[][] {
  const s = grid.sheets[sheet];
  if (!s) throw new Error(`no sheet ${sheet}`);
  return Array.from({ length: s.rows.length }, (_, r) => Array.from(s.rows[r] ?? [], (c) => c ?? null));
}

export const text = (value: string): Cell => ({ kind: 'text', value });
export const num = (value: number, numFmt?: string): Cell => (numFmt ? { kind: 'number', value, numFmt } : { kind: 'number', value });
export const date = (value: string): Cell => ({ kind: 'date', value });
