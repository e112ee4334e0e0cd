/**
 * Workbooks built byte by byte to be broken or hostile (THREATS.md): bombs, lying zips,
 * entity tricks, giants, odd names. The test suite generates the corpus from here
 * (test/hardening/hostile.test.ts), the benchmark takes its over-the-limit files from here,
 * and `node dist/scripts/hostile.js <folder>` writes every file for a look by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { type ZipInput, makeZip, unzip } from '../reader/zip-writer';
import { deflatedZeros, rezip } from '../test/support/zip';

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

/** How a run must end for a file: its report status, and the error code when unreadable. */
export type Expect = { status: 'unreadable'; code: 'empty' | 'not-a-workbook' | 'xls-legacy' | 'encrypted' | 'corrupt' | 'too-large' | 'timeout' } | { status: 'checked' };

/** One entry of the hostile corpus. */
export interface HostileFile {
  name: string;
  data: Buffer;
  expect: Expect;
  why: string;
}

const SHEETS = { info: 'xl/worksheets/sheet1.xml', members: 'xl/worksheets/sheet2.xml', votes: 'xl/worksheets/sheet5.xml', covenant: 'xl/worksheets/sheet7.xml', stats: 'xl/worksheets/sheet8.xml' };

/** The sample with one part's XML changed by `edit`. */
function withPart(base: Buffer, part: string, edit: (xml: string) => string): Buffer {
  return rezip(base, (name, data) => (name === part ? Buffer.from(edit(data.toString('utf8'))) : data));
}

/** Replace one cell (`<c r="B3" …>…</c>` or `<c r="B3" …/>`) of a sheet's XML. */
function setCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`);
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
}

/** Rows appended to a sheet's data. */
const appendRows = (xml: string, rows: string) => xml.replace('</sheetData>', `${rows}</sheetData>`);

const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`;

/** `length` characters of made-up Vietnamese syllables (varied: a zip does not shrink them a thousandfold). */
function syllables(length: number): string {
  const onsets = ['b', 'c', 'd', 'đ', 'g', 'h', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
  const rhymes = ['a', 'à', 'ân', 'ất', 'ông', 'ướng', 'iên', 'ội', 'ủy', 'an', 'ăng', 'ơi', 'ước', 'uyên', 'ệ', 'ỏ'];
  let seed = 20261122;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8;
  const words: string[] = [];
  let n = 0;
  while (n < length) {
    const w = onsets[next() % onsets.length]! + rhymes[next() % rhymes.length]!;
    words.push(w);
    n += w.length + 1;
  }
  return words.join(' ').slice(0, length);
}


/**
 * The hostile corpus (THREATS.md), built from `base` (a correct workbook: the Lai Châu
 * sample). Every file must end as a report entry with `expect`, within 5 s and 600 MB.
 */
export function hostileCorpus(base: Buffer, secretPath = '/etc/hostname'): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (name: string, why: string, expect: Expect, data: () => Buffer) => files.push({ name, why, expect, data: data() });
  const tooLarge: Expect = { status: 'unreadable', code: 'too-large' };
  const corrupt: Expect = { status: 'unreadable', code: 'corrupt' };
  const checked: Expect = { status: 'checked' };

  // Bombs.
  const zeros9 = deflatedZeros(9 * 1024 * 1024);
  add('bom-mot-phan.xlsx', 'one entry of 200 MB of zeros (ratio about 1,000:1)', tooLarge, () => rezip(base, undefined, [{ name: 'xl/media/anh.png', data: Buffer.alloc(0), deflated: deflatedZeros(200 * 1024 * 1024) }]));
  add('bom-nhieu-phan.xlsx', '40 entries of 9 MB of zeros each, under the one-entry ratio check, 360 MB in all', tooLarge, () => rezip(base, undefined, Array.from({ length: 40 }, (_, i) => ({ name: `xl/media/anh${i}.png`, data: Buffer.alloc(0), deflated: zeros9 }))));
  add('bom-6000-phan.xlsx', '6,000 tiny entries', tooLarge, () => rezip(base, undefined, Array.from({ length: 6000 }, (_, i) => ({ name: `xl/printerSettings/p${i}.bin`, data: Buffer.from('x') }))));
  add('bom-noi-doi-chuoi.xlsx', 'shared strings whose zip header says 3 KB and which inflate to 100 MB', tooLarge, () => {
    const sst = unzip(base).find((p) => p.name === 'xl/sharedStrings.xml')!.data;
    const padded = Buffer.concat([sst.subarray(0, sst.length - '</sst>'.length), Buffer.from(`<!--${' '.repeat(100 * 1024 * 1024)}-->`), Buffer.from('</sst>')]);
    return rezip(base, (name, data) => (name === 'xl/sharedStrings.xml' ? null : data), [{ name: 'xl/sharedStrings.xml', data: padded, claimedSize: sst.length }]);
  });
  add('bom-noi-doi-trang.xlsx', 'a sheet whose zip header says 2 KB and which inflates to 60 MB', tooLarge, () => {
    const sheet = unzip(base).find((p) => p.name === SHEETS.stats)!.data.toString();
    const big = Buffer.from(appendRows(sheet, '<!--' + ' '.repeat(60 * 1024 * 1024) + '-->'));
    return rezip(base, (name, data) => (name === SHEETS.stats ? null : data), [{ name: SHEETS.stats, data: big, claimedSize: 2000 }]);
  });

  // XML entity tricks: refused, never expanded, never fetched.
  add('thuc-the-long.xlsx', 'billion laughs in the shared strings', corrupt, () => withPart(base, 'xl/sharedStrings.xml', (x) => x.replace('<sst', `${BILLION_LAUGHS}<sst`).replace('<si>', '<si><t>&lol9;</t></si><si>')));
  add('thuc-the-ngoai.xlsx', 'an external entity (a file of this machine) in a sheet', corrupt, () =>
    withPart(base, SHEETS.members, (x) => setCell(x.replace('<worksheet', `<!DOCTYPE w [<!ENTITY xxe SYSTEM "file://${secretPath}">]><worksheet`), 'B3', '<c r="B3" t="inlineStr"><is><t>&xxe;</t></is></c>')));

  add('thuc-the-long-trang.xlsx', 'billion laughs in a sheet', corrupt, () =>
    withPart(base, SHEETS.votes, (x) => setCell(x.replace('<worksheet', `${BILLION_LAUGHS}<worksheet`), 'A3', '<c r="A3" t="inlineStr"><is><t>&lol9;</t></is></c>')));
  add('thuc-the-ngoai-chuoi.xlsx', 'an external entity (a file of this machine) in the shared strings', corrupt, () =>
    withPart(base, 'xl/sharedStrings.xml', (x) => x.replace('<sst', `<!DOCTYPE s [<!ENTITY xxe SYSTEM "file://${secretPath}">]><sst`).replace('<si>', '<si><t>&xxe;</t></si><si>')));

  // Giants and depths that are still workbooks: checked.
  add('long-sau.xlsx', 'a cell nested 100,000 elements deep', checked, () =>
    withPart(base, SHEETS.stats, (x) => appendRows(x, `<row r="40"><c r="B40" t="inlineStr"><is>${'<r>'.repeat(100_000)}<t>sâu</t>${'</r>'.repeat(100_000)}</is></c></row>`)));
  add('chuoi-10-trieu.xlsx', 'a member named by a shared string of 10,000,000 characters', checked, () => {
    const parts = unzip(base);
    const sst = parts.find((p) => p.name === 'xl/sharedStrings.xml')!.data.toString();
    const index = (sst.match(/<si>/g) ?? []).length;
    return rezip(base, (name, data) => {
      if (name === 'xl/sharedStrings.xml') return Buffer.from(sst.replace('</sst>', `<si><t>${syllables(10_000_000)}</t></si></sst>`));
      if (name === SHEETS.members) return Buffer.from(setCell(data.toString(), 'B4', `<c r="B4" t="s"><v>${index}</v></c>`));
      return data;
    });
  });
  add('o-32767.xlsx', 'cells of 32,767 characters (Excel\'s most) in the members, votes and stats', checked, () => {
    const long = (ch: string) => `<is><t>${ch.repeat(32767)}</t></is>`;
    return rezip(base, (name, data) => {
      if (name === SHEETS.members) return Buffer.from(setCell(data.toString(), 'C3', `<c r="C3" t="inlineStr">${long('ư')}</c>`));
      if (name === SHEETS.votes) return Buffer.from(setCell(data.toString(), 'F4', `<c r="F4" t="inlineStr">${long('x')}</c>`));
      if (name === SHEETS.stats) return Buffer.from(appendRows(data.toString(), `<row r="30"><c r="B30" t="inlineStr">${long(' ')}</c></row>`));
      return data;
    });
  });
  add('o-40000.xlsx', 'a cell of 40,000 characters, past Excel\'s most (no spreadsheet program wrote it)', checked, () =>
    withPart(base, SHEETS.stats, (x) => appendRows(x, `<row r="31"><c r="B31" t="inlineStr"><is><t>${syllables(40_000)}</t></is></c></row>`)));
  add('trieu-dong-dinh-dang.xlsx', 'a million empty rows that only carry a style', checked, () =>
    withPart(base, SHEETS.stats, (x) => appendRows(x, Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 48_577}" s="1" customFormat="1" ht="15"/>`).join(''))));

  // Names.
  add('ten-trang-la.xlsx', 'sheet names with path separators, "..", control characters and right-to-left marks', checked, () =>
    withPart(base, 'xl/workbook.xml', (x) => x.replace('name="Số liệu"', 'name="../../Số liệu&#x202e;&#x9;/etc"').replace('name="Giao ước"', 'name="..\\Giao ước\u200f&#x1b;[31m"')));
  add('quan-he-hong.xlsx', 'a sheet whose relationship points nowhere, another outside the package', checked, () =>
    withPart(base, 'xl/_rels/workbook.xml.rels', (x) => x.replace(/Target="worksheets\/sheet8.xml"/, 'Target="worksheets/khong-co.xml"').replace(/Target="worksheets\/sheet7.xml"/, `Target="../../../..${secretPath}"`)));
  add('trung-ten-trang.xlsx', 'two sheets named "Thành viên" in the workbook XML', checked, () => withPart(base, 'xl/workbook.xml', (x) => x.replace('name="Số liệu"', 'name="Thành viên"')));

  // Values at the edges.
  add('so-la.xlsx', 'ballot counts of 1e308, NaN, 1e309 and -0', checked, () =>
    withPart(base, SHEETS.votes, (x) => ['1e308', 'NaN', '1e309', '-0'].reduce((acc, v, i) => setCell(acc, `${'BCDE'[i]}3`, `<c r="${'BCDE'[i]}3"><v>${v}</v></c>`), x)));
  add('ngay-bien.xlsx', 'dates of 1/1/1900 and 31/12/9999, serial 0, -1 and 10,000,000', checked, () =>
    rezip(base, (name, data) => {
      if (name === SHEETS.info) return Buffer.from(setCell(data.toString(), 'B9', '<c r="B9" s="2"><v>1</v></c>'));
      if (name === SHEETS.covenant) {
        return Buffer.from(['2958465', '0', '-1', '10000000'].reduce((acc, v, i) => setCell(acc, `D${i + 3}`, `<c r="D${i + 3}" s="2"><v>${v}</v></c>`), data.toString()));
      }
      return data;
    }));
  add('cong-thuc-khong-ket-qua.xlsx', 'formulas with no cached value in the counts', checked, () =>
    withPart(base, SHEETS.votes, (x) => setCell(setCell(x, 'B3', '<c r="B3"><f>SUM(B4:B9)</f></c>'), 'G3', '<c r="G3"><f>1/0</f></c>')));
  add('macro.xlsm', 'a macro-enabled workbook with a VBA project', checked, () =>
    rezip(base, (name, data) => (name === '[Content_Types].xml' ? Buffer.from(data.toString().replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')) : data),
      [{ name: 'xl/vbaProject.bin', data: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('Attribute VB_Name = "Module1"\nSub Auto_Open()\nShell "calc.exe"\nEnd Sub\n')]) }]));

  // Broken, not hostile.
  add('hang-khong-dong.xlsx', '50,000 rows never closed', corrupt, () =>
    withPart(base, SHEETS.members, (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c>`).join('')}</sheetData>`)));
  add('cat-cut.xlsx', 'the file cut off halfway', corrupt, () => base.subarray(0, Math.floor(base.length / 2)));
  return files;
}


if (require.main === module) {
  const dir = process.argv[2] ?? 'hostile';
  const base = readFileSync(process.argv[3] ?? join(__dirname, '..', '..', 'samples', 'lai-chau-mttq-2023.xlsx'));
  mkdirSync(dir, { recursive: true });
  const files: HostileFile[] = [
    ...hostileCorpus(base),
    { name: 'ba-trieu-o-khai-bao.xlsx', data: manyCells(3_000_000, true), expect: { status: 'unreadable', code: 'too-large' }, why: '3 million cells, declared' },
    { name: 'hai-trieu-o-khong-khai-bao.xlsx', data: manyCells(2_000_000, false), expect: { status: 'unreadable', code: 'too-large' }, why: '2 million cells, no <dimension>' },
  ];
  for (const f of files) writeFileSync(join(dir, f.name), f.data);
  console.log(`${files.length} files written to ${dir}`);
}
