/**
 * The reader held to the standard: each fixture is SpreadsheetML written by hand from
 * ECMA-376 and XML 1.0 (test/support/xlsx.ts), and each expected Grid is written by hand
 * from what the standard says the file holds, not from what any program reads.
 */
import { readXlsx } from '../../reader/read-workbook';
import { PartError } from '../../reader/zip';
import { MAIN, PKG_REL, REL, STRICT_MAIN, STRICT_REL, book, date, num, rowsOf, text, zipParts } from '../support/xlsx';

const read = (buf: Buffer) => readXlsx(buf);

describe('XML as XML (XML 1.0, Namespaces in XML)', () => {
  test('attributes in single or double quotes, in any order, with any white space', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r='1'><c t = 's'\n\tr='A1' ><v>0</v></c><c s="0" r="B1"\tt="n"><v>7</v></c></row>` }],
      shared: ['<si><t>một</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[text('một'), num(7)]]);
  });

  test('CDATA sections are text, markup inside them is not', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[Hội <Nông> dân & ]]>tỉnh</t></is></c><c r="B1"><v><![CDATA[12]]></v></c></row>` }],
    }));
    expect(rowsOf(grid)).toEqual([[text('Hội <Nông> dân & tỉnh'), num(12)]]);
  });

  test('character and entity references', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }],
      shared: ['<si><t>H&#7897;i &amp; &#x110;o&#xE0;n &lt;TN&gt; &quot;x&quot; &apos;y&apos;</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[text('Hội & Đoàn <TN> "x" \'y\'')]]);
  });

  test('comments and processing instructions anywhere, and markup inside a comment is not read', () => {
    const sheet = `<?xml version="1.0"?><!-- before --><?app x?><worksheet xmlns="${MAIN}"><!-- c --><sheetData><?pi in data?><row r="1"><!-- <c r="A1"><v>99</v></c> --><c r="B1"><f>1+1</f><!-- between --><?pi?><v>2</v></c></row><!-- <row r="2"><c r="A2"><v>5</v></c></row> --></sheetData></worksheet><!-- after -->`;
    const grid = read(book({ sheets: [{ name: 'A', data: sheet }], shared: ['<si><!-- x --><t>a</t><?pi?></si>'] }));
    expect(rowsOf(grid)).toEqual([[null, { kind: 'number', value: 2, formula: { cached: true } }]]);
  });

  test('SpreadsheetML under any prefix, in every part, and a default namespace redeclared inside', () => {
    const parts = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      '_rels/.rels': `<p:Relationships xmlns:p="${PKG_REL}"><p:Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></p:Relationships>`,
      'xl/workbook.xml': `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="Một" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="s2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<ss:worksheet xmlns:ss="${MAIN}"><ss:sheetData><ss:row r="1"><ss:c r="A1" t="s"><ss:v>0</ss:v></ss:c><c xmlns="${MAIN}" r="B1"><v>3</v></c></ss:row></ss:sheetData></ss:worksheet>`,
      'xl/sharedStrings.xml': `<sst xmlns="urn:other" xmlns:m="${MAIN}"><m:si><m:t>Hội Nông dân</m:t></m:si></sst>`,
    };
    expect(rowsOf(read(zipParts(parts)))).toEqual([[text('Hội Nông dân'), num(3)]]);
  });

  test('elements of another namespace with SpreadsheetML names are not cells, values or formulas', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r="1" xmlns:o="urn:other"><c r="A1"><o:f>1+1</o:f><v>5</v></c><o:c r="B1"><v>9</v></o:c><c r="C1"><o:v>8</o:v></c></row>` }],
    }));
    expect(rowsOf(grid)).toEqual([[num(5)]]);
  });

  test('element names matched whole: <family> is no formula, <col> and <cfRule> no cell', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r="1"><c r="A1"><v>4</v><extLst><ext uri="x"><family xmlns="urn:o"/></ext></extLst></c></row>`, after: '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>' }],
    }));
    expect(rowsOf(grid)).toEqual([[num(4)]]);
  });

  test('line ends: a literal CR LF or CR in text is LF; a CR written as &#13; stays', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` }],
      shared: ['<si><t>dòng 1\r\ndòng 2\rdòng 3</t></si>', '<si><t>a&#13;&#10;b</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[text('dòng 1\ndòng 2\ndòng 3'), text('a\r\nb')]]);
  });

  test('a > inside an attribute value and white space in a value normalised to spaces (§3.3.3)', () => {
    const grid = read(book({ sheets: [{ name: 'Số liệu > 2023', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'Hai&#10;dòng', data: '' }] }));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Số liệu > 2023', 'Hai\ndòng']);
    const ws = zipParts({
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Hai\n dòng" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="s.xml"/></Relationships>`,
      'xl/s.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
    });
    expect(read(ws).sheets[0]!.name).toBe('Hai  dòng');
  });

  test('UTF-16 parts with their byte-order mark', () => {
    const sheet = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cựu chiến binh</t></is></c></row></sheetData></worksheet>`, 'utf16le')]);
    const parts = {
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `\ufeff<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="s.xml"/></Relationships>`,
      'xl/s.xml': sheet,
    };
    expect(rowsOf(read(zipParts(parts)))).toEqual([[text('Cựu chiến binh')]]);
  });

  test.each([
    ['an end tag that closes another element', '<row r="1"><c r="A1"><v>1</c></v></row>'],
    ['an unknown entity', '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'],
    ['an & that starts no reference', '<row r="1"><c r="A1" t="inlineStr"><is><t>A & B</t></is></c></row>'],
    ['a < in an attribute value', '<row r="1"><c r="A<1"><v>1</v></c></row>'],
    ['an attribute twice', '<row r="1" r="2"></row>'],
    ['an unquoted attribute', '<row r=1></row>'],
    ['a character reference to NUL', '<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>'],
    ['a character reference past Unicode', '<row r="1"><c r="A1" t="inlineStr"><is><t>&#x110000;</t></is></c></row>'],
    ['an element never closed', '<row r="1"><c r="A1"><v>1</v>'],
  ])('not well-formed (%s): the file is corrupt', (_why, data) => {
    expect(() => read(book({ sheets: [{ name: 'A', data }] }))).toThrow(expect.objectContaining({ code: 'corrupt' }) as unknown as Error);
  });

  test('a DOCTYPE in any part is refused, never expanded', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`;
    expect(() => read(book({ sheets: [{ name: 'A', data: doc }] }))).toThrow(PartError);
  });
});

describe('SpreadsheetML as ECMA-376 Part 1 says', () => {
  test('rows and cells without r are each the next one (§18.3.1.73, §18.3.1.4)', () => {
    const grid = read(book({ sheets: [{ name: 'A', data: '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="3"><c r="B3"><v>32</v></c></row><row><c><v>41</v></c></row><row><c r="C5"><v>53</v></c></row>' }] }));
    expect(rowsOf(grid)).toEqual([[num(1), num(2), null, null, num(5), num(6)], [], [null, num(32)], [num(41)], [null, null, num(53)]]);
  });

  test('references at the sheet\'s edges and in lower case', () => {
    const grid = read(book({ sheets: [{ name: 'A', data: '<row r="2"><c r="xfd2"><v>1</v></c></row><row><c r="A3"><v>2</v></c><c r="XFD3"><v>3</v></c></row>' }] }));
    const rows = rowsOf(grid);
    expect([rows[1]!.length, rows[1]![16383], rows[2]![0], rows[2]![16383]]).toEqual([16384, num(1), num(2), num(3)]);
  });

  test('a row without r takes its number from its first cell', () => {
    const grid = read(book({ sheets: [{ name: 'A', data: '<row><c r="A2"><v>1</v></c></row><row><c r="A4"><v>2</v></c></row>' }] }));
    expect(rowsOf(grid)).toEqual([[], [num(1)], [], [num(2)]]);
  });

  test('t="s" with an empty <v/> is blank, never shared string 0; an index past the table is blank', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"/><c r="D1" t="s"><v>7</v></c><c r="E1" t="s"><v> 0 </v></c></row>' }],
      shared: ['<si><t>Hội Nông dân</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[null, null, null, null, text('Hội Nông dân')]]);
  });

  test('inline strings: rich-text runs (phonetic runs left out), and <v> as some writers put it', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>Hội </t></r><r><t xml:space="preserve">Cựu chiến binh </t></r><rPh sb="0" eb="1"><t>ホ</t></rPh><phoneticPr fontId="1"/></is></c><c r="B1" t="inlineStr"><v>Đoàn Thanh niên</v></c><c r="C1" t="inlineStr"><is><t/></is></c></row>' }],
    }));
    expect(rowsOf(grid)).toEqual([[text('Hội Cựu chiến binh '), text('Đoàn Thanh niên'), text('')]]);
  });

  test('shared strings with rich-text runs, phonetic runs left out, empty <si/>', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' }],
      shared: ['<si><r><t>Liên đoàn </t></r><r><rPr><i/></rPr><t>Lao động</t></r><rPh sb="0" eb="2"><t>x</t></rPh></si>', '<si/>', '<si><t>cuối</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[text('Liên đoàn Lao động'), text(''), text('cuối')]]);
  });

  test('_xHHHH_ escapes decoded (§22.9.2.19), _x005F_ escaping an underscore', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>tab_x0009_here</t></is></c><c r="C1" t="str"><f>A1</f><v>Q_x005F_x0041_</v></c></row>' }],
      shared: ['<si><t>dòng 1_x000D__x000A_dòng 2 _xD83D__xDE00_</t></si>'],
    }));
    expect(rowsOf(grid)).toEqual([[text('dòng 1\r\ndòng 2 😀'), text('tab\there'), { kind: 'text', value: 'Q_x0041_', formula: { cached: true } }]]);
  });

  test('t="d": ISO 8601 dates, with or without a time; a time alone is a fraction of a day', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="d"><v>2024-01-12</v></c><c r="B1" t="d"><v>2024-01-12T00:00:00Z</v></c><c r="C1" t="d"><v>1900-01-01T00:00:00.000</v></c><c r="D1" t="d"><v>T12:00:00</v></c><c r="E1" t="d"><v>2024-02-30</v></c></row>' }],
    }));
    expect(rowsOf(grid)).toEqual([[date('2024-01-12'), date('2024-01-12'), date('1900-01-01'), num(0.5), { kind: 'error', value: '#VALUE!' }]]);
  });

  test('t="str", t="b", t="e", t="n" and no t', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" t="str"><v>văn bản</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="n"><v>-1.5E3</v></c><c r="F1"><v>53211</v></c><c r="G1" t="b"><v>true</v></c><c r="H1"><v> 7.5 </v></c><c r="I1"><v>0x1A</v></c><c r="J1"><v>INF</v></c></row>' }],
    }));
    expect(rowsOf(grid)).toEqual([[text('văn bản'), { kind: 'boolean', value: true }, { kind: 'boolean', value: false }, { kind: 'error', value: '#N/A' }, num(-1500), num(53211), { kind: 'boolean', value: true }, num(7.5), text('0x1A'), text('INF')]]);
  });

  test('formulas by their cached result, wherever it is stored; none cached is said so', () => {
    const cells = [
      '<c r="A1"><f>B1*2</f><v>12</v></c>',
      '<c r="B1"><v>0</v><f>A1*0</f></c>', // <v> before <f>: still the formula's result
      '<c r="C1" t="str"><f>IF(1,"")</f><v></v></c>',
      '<c r="D1" t="b"><f>1&gt;2</f><v>0</v></c>',
      '<c r="E1"><f>B5</f></c>',
      '<c r="F1" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
      '<c r="G1"><f t="shared" ref="G1:H1" si="0">A1+1</f><v>13</v></c>',
      '<c r="H1"><f t="shared" si="0"/><v>1</v></c>',
      '<c r="I1" t="inlineStr"><f>"x"</f><is><t>x</t></is></c>',
      '<c r="J1"><f t="array" ref="J1:J1">SUM(A1:B1)</f><v>12</v></c>',
    ];
    const grid = read(book({ sheets: [{ name: 'A', data: `<row r="1">${cells.join('')}</row>` }] }));
    const f = (c: object) => ({ ...c, formula: { cached: true } });
    expect(rowsOf(grid)).toEqual([[
      f(num(12)), f(num(0)), f(text('')), f({ kind: 'boolean', value: false }), { kind: 'blank', value: null, formula: { cached: false } },
      f({ kind: 'error', value: '#DIV/0!' }), f(num(13)), f(num(1)), f(text('x')), f(num(12)),
    ]]);
  });

  const styles = (numFmts: string, xfs: string[], dxfs = '') => `<numFmts count="1">${numFmts}</numFmts><cellXfs count="${xfs.length}">${xfs.map((x) => `<xf numFmtId="${x}"/>`).join('')}</cellXfs>${dxfs}`;

  test('number formats: the cells\' formats only, a conditional format\'s <numFmt> of the same id aside', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" s="1"><v>0.8333</v></c><c r="B1" s="2"><v>0.5</v></c></row>' }],
      styles: styles('<numFmt numFmtId="164" formatCode="0.00%"/>', ['0', '164', '10'], '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.0"/></dxf></dxfs>'),
    }));
    expect(rowsOf(grid)).toEqual([[num(0.8333, '0.00%'), num(0.5, '0.00%')]]);
  });

  test('built-in formats: 9 and 10 are percentages, 14 a date, 20 and 46 times; a cell without s has style 0', () => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1"><v>0.25</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1" s="2"><v>45303</v></c><c r="D1" s="3"><v>45303.5</v></c><c r="E1" s="4"><v>1.25</v></c></row>' }],
      styles: styles('', ['9', '10', '14', '20', '46']),
    }));
    expect(rowsOf(grid)).toEqual([[num(0.25, '0%'), num(0.5, '0.00%'), date('2024-01-12'), num(45303.5), num(1.25)]]);
  });

  test.each([
    ['mmmm', 'date'],
    ['mmm yy', 'date'],
    ['mm', 'date'],
    ['[h]:mm', 'number'],
    ['[mm]:ss', 'number'],
    ['h:mm AM/PM', 'number'],
    ['[$-42A]dd/mm/yyyy', 'date'],
    ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
    ['D/M/YY', 'date'],
    ['NN DD.MM.YYYY', 'date'],
    ['0"%"', 'number'],
    ['0\\%', 'number'],
    ['0.0%;[Red]-0.0%', 'percent'],
    ['#,##0 "ngày"', 'number'],
    ['0.00E+00', 'number'],
    ['General', 'number'],
  ])('a custom format %s shows a %s', (code, kind) => {
    const grid = read(book({
      sheets: [{ name: 'A', data: '<row r="1"><c r="A1" s="1"><v>45303</v></c></row>' }],
      styles: styles(`<numFmt numFmtId="170" formatCode="${code.replace(/"/g, '&quot;')}"/>`, ['0', '170']),
    }));
    const cell = rowsOf(grid)[0]![0];
    expect(cell).toEqual(kind === 'date' ? date('2024-01-12') : kind === 'percent' ? num(45303, code) : num(45303));
  });

  test('the 1904 date system', () => {
    const grid = read(book({ date1904: true, sheets: [{ name: 'A', data: '<row r="1"><c r="A1" s="1"><v>43841</v></c></row>' }], styles: styles('', ['0', '14']) }));
    expect(grid.date1904).toBe(true);
    expect(rowsOf(grid)).toEqual([[date('2024-01-12')]]);
  });

  test('dates below serial 61 (where ExcelJS is a day off): 1 is 1/1/1900, 59 is 28/2/1900, 61 is 1/3/1900', () => {
    const grid = read(book({ sheets: [{ name: 'A', data: '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>61</v></c></row>' }], styles: styles('', ['0', '14']) }));
    expect(rowsOf(grid)).toEqual([[date('1900-01-01'), date('1900-02-28'), date('1900-03-01')]]);
  });

  test('Strict Open XML: the purl.oclc.org namespaces and relationship types', () => {
    const parts = {
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${STRICT_MAIN}" xmlns:r="${STRICT_REL}"><workbookPr date1904="false"/><sheets><sheet name="Thành viên" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${STRICT_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="b" Type="${STRICT_REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="c" Type="${STRICT_REL}/styles" Target="styles.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<worksheet xmlns="${STRICT_MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1" t="d"><v>2024-01-12T00:00:00</v></c></row></sheetData></worksheet>`,
      'xl/sharedStrings.xml': `<sst xmlns="${STRICT_MAIN}"><si><t>Hội Nông dân</t></si></sst>`,
      'xl/styles.xml': `<styleSheet xmlns="${STRICT_MAIN}"><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/></cellXfs></styleSheet>`,
    };
    const grid = read(zipParts(parts));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Thành viên']);
    expect(rowsOf(grid)).toEqual([[text('Hội Nông dân'), num(0.5, '0%'), date('2024-01-12')]]);
  });

  test('part names and targets of any form: the workbook through _rels/.rels, absolute, ../, ./, percent-encoded (in the target or in the zip too), other case', () => {
    const parts = {
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="x" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="r" Type="${REL}/officeDocument" Target="/Book/Main.xml"/></Relationships>`,
      'Book/Main.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/><sheet name="B" sheetId="2" r:id="b"/><sheet name="C" sheetId="3" r:id="c"/><sheet name="D" sheetId="4" r:id="d"/><sheet name="E" sheetId="5" r:id="e"/></sheets></workbook>`,
      'Book/_rels/Main.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="/Book/Sheets/one.xml"/><Relationship Id="b" Type="${REL}/worksheet" Target="../Other/two.xml"/><Relationship Id="c" Type="${REL}/worksheet" Target="./Sheets/sheet%20three.xml"/><Relationship Id="d" Type="${REL}/worksheet" Target="sheets/FOUR.xml"/><Relationship Id="e" Type="${REL}/worksheet" Target="Sheets/s%C3%A1u.xml"/><Relationship Id="s" Type="${REL}/sharedStrings" Target="/strings.xml"/></Relationships>`,
      'Book/Sheets/one.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      'Other/two.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
      'Book/Sheets/sheet three.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>`,
      '/Book/Sheets/Four.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>4</v></c></row></sheetData></worksheet>`,
      'Book/Sheets/s%C3%A1u.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>6</v></c></row></sheetData></worksheet>`,
      'strings.xml': `<sst xmlns="${MAIN}"><si><t>một</t></si></sst>`,
    };
    const grid = read(zipParts(parts));
    expect(grid.sheets.map((s) => [s.name, rowsOf(grid, grid.sheets.indexOf(s))])).toEqual([
      ['A', [[text('một')]]], ['B', [[num(2)]]], ['C', [[num(3)]]], ['D', [[num(4)]]], ['E', [[num(6)]]],
    ]);
  });

  test('relationship parts and SpreadsheetML written without their namespace (some writers leave it out)', () => {
    const parts = {
      '_rels/.rels': `<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships><Relationship Id="a" Type="${REL}/worksheet" Target="s.xml"/></Relationships>`,
      'xl/s.xml': '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    };
    expect(rowsOf(read(zipParts(parts)))).toEqual([[num(1)]]);
  });

  test('no _rels/.rels: the workbook by its content type', () => {
    const parts = {
      '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/wb.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`,
      'wb.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
      '_rels/wb.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="s.xml"/></Relationships>`,
      's.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    };
    expect(rowsOf(read(zipParts(parts)))).toEqual([[num(1)]]);
  });

  test('chartsheets, dialog sheets and macro sheets are passed over; visible, hidden and veryHidden states', () => {
    const parts = {
      '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Biểu đồ" sheetId="1" r:id="c"/><sheet name="Hộp thoại" sheetId="2" r:id="d"/><sheet name="Macro" sheetId="3" r:id="m"/><sheet name="Hiện" sheetId="4" state="visible" r:id="v"/><sheet name="Ẩn" sheetId="5" state="hidden" r:id="h"/><sheet name="Rất ẩn" sheetId="6" state="veryHidden" r:id="w"/><sheet name="Nhầm" sheetId="7" r:id="x"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="c" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="d" Type="${REL}/dialogsheet" Target="dialogsheets/sheet1.xml"/><Relationship Id="m" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/><Relationship Id="v" Type="${REL}/worksheet" Target="worksheets/v.xml"/><Relationship Id="h" Type="${REL}/worksheet" Target="worksheets/h.xml"/><Relationship Id="w" Type="${REL}/worksheet" Target="worksheets/w.xml"/><Relationship Id="x" Type="${REL}/worksheet" Target="worksheets/x.xml"/></Relationships>`,
      'xl/chartsheets/sheet1.xml': `<chartsheet xmlns="${MAIN}"><sheetPr/><drawing r:id="x" xmlns:r="${REL}"/></chartsheet>`,
      'xl/dialogsheets/sheet1.xml': `<dialogsheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></dialogsheet>`,
      'xl/macrosheets/sheet1.xml': `<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></xm:macrosheet>`,
      'xl/worksheets/v.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      'xl/worksheets/h.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      'xl/worksheets/w.xml': `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      'xl/worksheets/x.xml': `<dialogsheet xmlns="${MAIN}"><sheetData/></dialogsheet>`,
    };
    const grid = read(zipParts(parts));
    expect(grid.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([['Hiện', false], ['Ẩn', true], ['Rất ẩn', true]]);
  });

  test('merged areas', () => {
    const grid = read(book({ sheets: [{ name: 'A', data: '<row r="1"><c r="A1"><v>6</v></c></row>', after: '<mergeCells count="2"><mergeCell ref="A1:A3"/><mergeCell ref=\'B1:C1\'/></mergeCells>' }] }));
    expect(grid.sheets[0]!.merges).toEqual(['A1:A3', 'B1:C1']);
  });
});

describe('limits that do not refuse good files', () => {
  test('a <dimension> reaching row 1,048,576 and styled rows and cells to the end: read, not refused', () => {
    const data = `<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9" style="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="1"/></row><row r="1048576" s="1" customFormat="1"><c r="A1048576" s="1"/></row></sheetData></worksheet>`;
    const grid = read(book({ sheets: [{ name: 'A', data }], styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="0"/></cellXfs>' }));
    expect(rowsOf(grid)).toEqual([[num(1)]]);
  });

  test('empty styled cells are not counted against the cell limit; cells with content are', () => {
    const styled = Array.from({ length: 3000 }, (_, i) => `<c r="A${i + 2}" s="0"/>`).join('');
    const data = `<row r="1"><c r="A1"><v>1</v></c></row>${Array.from({ length: 3000 }, (_, i) => `<row r="${i + 2}">${styled.slice(0, 0)}<c r="A${i + 2}" s="0"/></row>`).join('')}`;
    expect(rowsOf(readXlsx(book({ sheets: [{ name: 'A', data }] }), () => true, { maxSheetBytes: 1 << 24, maxCellTags: 10 }))).toEqual([[num(1)]]);
    const full = Array.from({ length: 11 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`).join('');
    expect(() => readXlsx(book({ sheets: [{ name: 'A', data: full }] }), () => true, { maxSheetBytes: 1 << 24, maxCellTags: 10 })).toThrow(expect.objectContaining({ code: 'too-large' }) as unknown as Error);
  });

  test('a row or column past Excel\'s last is damage', () => {
    expect(() => read(book({ sheets: [{ name: 'A', data: '<row r="1048577"><c><v>1</v></c></row>' }] }))).toThrow(expect.objectContaining({ code: 'corrupt' }) as unknown as Error);
    expect(() => read(book({ sheets: [{ name: 'A', data: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] }))).toThrow(expect.objectContaining({ code: 'corrupt' }) as unknown as Error);
  });

  test('only the sheets asked for are read', () => {
    const grid = readXlsx(book({ sheets: [{ name: 'A', data: '' }, { name: 'B', data: '<row><c><v>1</v></c></row>' }] }), (n) => n === 'B');
    expect(grid.sheets.map((s) => s.name)).toEqual(['B']);
  });
});

describe('part encodings (XML 1.0 Appendix F)', () => {
  const sheet = (xml: string) => `<?xml version="1.0" encoding="ENC"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${xml}</t></is></c></row></sheetData></worksheet>`;
  const withSheet = (bytes: Buffer) => zipParts({
    '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="s.xml"/></Relationships>`,
    'xl/s.xml': bytes,
  });
  test.each([
    ['UTF-16 LE without a byte-order mark', Buffer.from(sheet('Hội Cựu chiến binh').replace('ENC', 'UTF-16'), 'utf16le'), 'Hội Cựu chiến binh'],
    ['UTF-16 BE without a byte-order mark', Buffer.from(sheet('Hội Cựu chiến binh').replace('ENC', 'UTF-16'), 'utf16le').swap16(), 'Hội Cựu chiến binh'],
    ['UTF-8 with its byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sheet('Đoàn').replace('ENC', 'UTF-8'))]), 'Đoàn'],
    ['ISO-8859-1, as the declaration says', Buffer.from(sheet('Café Señor').replace('ENC', 'ISO-8859-1'), 'latin1'), 'Café Señor'],
  ])('%s', (_name, bytes, expected) => {
    expect(rowsOf(read(withSheet(bytes)))).toEqual([[text(expected)]]);
  });
});

test('empty parts (an empty shared strings part, an empty sheet) hold nothing; an empty workbook part is damage', () => {
  const parts = (workbook: string) => zipParts({
    '_rels/.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': workbook,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Id="a" Type="${REL}/worksheet" Target="a.xml"/><Relationship Id="b" Type="${REL}/worksheet" Target="b.xml"/><Relationship Id="s" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/a.xml': `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
    'xl/b.xml': '',
    'xl/sharedStrings.xml': '\n',
  });
  const grid = read(parts(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="A" sheetId="1" r:id="a"/><sheet name="B" sheetId="2" r:id="b"/></sheets></workbook>`));
  expect(grid.sheets.map((s) => [s.name, s.rows.length])).toEqual([['A', 1], ['B', 0]]);
  expect(() => read(parts(''))).toThrow(expect.objectContaining({ code: 'corrupt' }) as unknown as Error);
});
