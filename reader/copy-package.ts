/**
 * A package made readable to ExcelJS, in memory (the input is never touched), before an
 * annotated copy is written. ExcelJS looks parts up by fixed names (`xl/workbook.xml`,
 * `xl/worksheets/sheetN.xml`), matches elements by the names as written (no prefix), refuses
 * absolute relationship targets, rows and cells without `r` and UTF-16 parts, and drops the
 * text of a note written as a bare `<t>` (it reads only `<r>` runs); all of which the standard
 * allows and some writers use. Two forms, the lighter first:
 *
 * - `excelJsReady`: the package as it is, its absolute targets made relative and its notes'
 *   bare text in a run;
 * - `canonicalPackage`: every SpreadsheetML and relationship part re-spelled by thidua's own
 *   tokenizer (UTF-8, SpreadsheetML unprefixed and Transitional, `r:` for relationships,
 *   `r` on every row and cell) and the main parts at the names ExcelJS expects.
 */
import { type El, MAIN, PKG_REL, Pkg, REL, all, attr, cells, isEl, relative, setAttr, textOf } from './package-edit';
import { OFFICE_RELATIONSHIPS, findWorkbook, readRelationships, resolveTarget } from './opc';
import { zipSource } from './read-workbook';
import { SPREADSHEETML } from './workbook';
import { ZipParts } from './zip';
import { columnLetters, fromA1 } from '../engine';

/** The package with absolute relationship targets made relative and notes' text in runs (itself when it needs neither). */
export function excelJsReady(buf: Buffer): Buffer {
  const pkg = new Pkg(buf);
  let changed = pkg.slashedNames;
  for (const { source, rel } of pkg.relationships()) {
    const target = attr(rel, 'Target')!;
    if (!target.startsWith('/')) continue;
    setAttr(rel, 'Target', relative(source, resolveTarget(source, target)));
    changed = true;
  }
  changed = notesInRuns(pkg) || changed;
  return changed ? pkg.zip() : buf;
}

/**
 * A note's text written as a bare `<t>` (ECMA-376 §18.7.7 allows it, as for a shared string)
 * put in a run `<r><t>…</t></r>`, which ExcelJS reads. Whether any was.
 */
function notesInRuns(pkg: Pkg): boolean {
  let changed = false;
  const parts = new Set<string>();
  for (const { source, rel } of pkg.relationships()) if (/\/comments$/.test(attr(rel, 'Type') ?? '')) parts.add(pkg.actual(resolveTarget(source, attr(rel, 'Target')!)));
  for (const part of parts) {
    if (!pkg.parts.has(part)) continue;
    for (const text of all(pkg.tree(part))) {
      if (text.local !== 'text') continue;
      text.children = text.children.map((c) => {
        if (!isEl(c) || c.local !== 't') return c;
        changed = true;
        const r = c.qname.includes(':') ? `${c.qname.split(':')[0]}:r` : 'r';
        return { qname: r, ns: c.ns, local: 'r', attrs: [], children: [c] };
      });
    }
  }
  return changed;
}

const KNOWN = new Set([...SPREADSHEETML, ...OFFICE_RELATIONSHIPS, PKG_REL].filter((ns) => ns !== ''));

/** SpreadsheetML and relationship elements unprefixed, `r:` for relationship attributes. */
function respell(root: El): void {
  const walk = (el: El, scope: Map<string, string>) => {
    let inner = scope;
    for (const a of el.attrs) {
      if (a.qname.startsWith('xmlns:')) {
        if (inner === scope) inner = new Map(scope);
        inner.set(a.qname.slice(6), a.value);
      }
    }
    if (SPREADSHEETML.has(el.ns) && el.ns !== '') {
      el.ns = MAIN;
      el.qname = el.local;
    } else if (el.ns === PKG_REL) el.qname = el.local;
    el.attrs = el.attrs
      .filter((a) => !((a.qname === 'xmlns' || a.qname.startsWith('xmlns:')) && KNOWN.has(a.value)))
      .map((a) => {
        const colon = a.qname.indexOf(':');
        return colon > 0 && OFFICE_RELATIONSHIPS.has(inner.get(a.qname.slice(0, colon)) ?? '') ? { qname: `r:${a.qname.slice(colon + 1)}`, value: a.value } : a;
      });
    for (const c of el.children) if (typeof c === 'object' && 'qname' in c) walk(c, inner);
  };
  walk(root, new Map());
  if (root.ns === MAIN) root.attrs.unshift({ qname: 'xmlns', value: MAIN }, { qname: 'xmlns:r', value: REL });
  else if (root.ns === PKG_REL) root.attrs.unshift({ qname: 'xmlns', value: PKG_REL });
  // Strict relationship types read as Transitional ones.
  for (const r of all(root)) {
    const type = r.ns === PKG_REL ? attr(r, 'Type') : undefined;
    for (const ns of OFFICE_RELATIONSHIPS) if (type?.startsWith(`${ns}/`)) setAttr(r, 'Type', `${REL}/${type.slice(ns.length + 1)}`);
  }
}

/** The text of an `<is>` or `<si>`: its `<t>` runs, phonetic runs left out. */
function runText(el: El): string {
  return el.children.map((c) => (typeof c === 'string' ? c : isEl(c) ? (c.local === 'rPh' ? '' : runText(c)) : '')).join('');
}

/**
 * Cells as ExcelJS reads them: inline strings as one plain `<t>` (it drops inline rich text and
 * phonetic runs), a string without a formula written `t="str"` as an inline string (it drops
 * its value), no cell extensions.
 */
function cellsForExcelJs(sheet: El): void {
  for (const { c } of cells(sheet)) {
    // A cell's extensions (`<extLst>`) stop ExcelJS reading the cell: the copy does without.
    c.children = c.children.filter((x) => !(isEl(x) && x.local === 'extLst'));
    if (attr(c, 't') === 'str' && !c.children.some((x) => isEl(x) && x.local === 'f')) {
      const v = c.children.find((x): x is El => isEl(x) && x.local === 'v');
      setAttr(c, 't', 'inlineStr');
      c.children = [{ qname: 'is', ns: MAIN, local: 'is', attrs: [], children: v ? [...v.children] : [] }];
    }
    if (attr(c, 't') !== 'inlineStr') continue;
    for (const is of c.children) {
      if (!isEl(is) || is.local !== 'is') continue;
      is.children = [{ qname: 't', ns: MAIN, local: 't', attrs: [{ qname: 'xml:space', value: 'preserve' }], children: [runText(is)] }];
    }
  }
}

/** Every row and cell given its `r`. */
function numberCells(sheet: El): void {
  let rowNo = 0;
  let lastRow: El | undefined;
  let colNo = 0;
  for (const { row, c } of cells(sheet)) {
    if (row !== lastRow) {
      lastRow = row;
      colNo = 0;
      const first = fromA1(attr(c, 'r') ?? '');
      rowNo = Number(attr(row, 'r') ?? first?.row ?? rowNo + 1);
      setAttr(row, 'r', String(rowNo));
    }
    colNo = fromA1(attr(c, 'r') ?? '')?.col ?? colNo + 1;
    setAttr(c, 'r', `${columnLetters(colNo)}${rowNo}`);
  }
}

/** The package re-spelled for ExcelJS (see the module's comment). */
export function canonicalPackage(buf: Buffer): Buffer {
  const pkg = new Pkg(buf);
  notesInRuns(pkg);
  const { workbook, sheets, shared, styles } = pkg.layout();
  for (const name of pkg.xmlParts()) {
    if (name === '[Content_Types].xml') continue;
    const root = pkg.tree(name);
    if (SPREADSHEETML.has(root.ns) || root.ns === PKG_REL) respell(root);
  }
  for (const s of sheets) {
    numberCells(pkg.tree(s));
    cellsForExcelJs(pkg.tree(s));
  }
  const names = new Map<string, string>([[workbook, 'xl/workbook.xml'], ...sheets.map((s, i): [string, string] => [s, `xl/worksheets/sheet${i + 1}.xml`])]);
  if (shared) names.set(shared, 'xl/sharedStrings.xml');
  if (styles) names.set(styles, 'xl/styles.xml');
  // ExcelJS finds a sheet's notes only at `xl/commentsN.xml`, where Excel puts them.
  const source = { text: (n: string) => pkg.text(n) };
  let k = 0;
  for (const s of sheets) {
    const comments = readRelationships(source, s).find((r) => r.type === 'comments' && !r.external);
    if (comments && pkg.parts.has(pkg.actual(comments.target))) names.set(pkg.actual(comments.target), `xl/comments${++k}.xml`);
  }
  const taken = new Set(names.values());
  // A part already at a name the main parts now take moves aside.
  pkg.rename((n) => names.get(n) ?? (taken.has(n) ? `xl/thidua-${n.replace(/\//g, '-')}` : n));
  return pkg.zip();
}

/** Whether the package's workbook part is where ExcelJS looks for it. */
export function workbookWhereExcelJsLooks(buf: Buffer): boolean {
  const zip = ZipParts.open(buf);
  return zip !== undefined && findWorkbook(zipSource(zip), (n) => zip.entry(n) !== undefined) === 'xl/workbook.xml';
}

/** Each worksheet's comments (notes) part, by sheet name. */
function commentParts(pkg: Pkg): Map<string, string> {
  const source = { text: (n: string) => pkg.text(n) };
  const { workbook } = pkg.layout();
  const rels = new Map(readRelationships(source, workbook).map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const s of all(pkg.tree(workbook))) {
    if (s.local !== 'sheet') continue;
    const name = attr(s, 'name');
    const rel = rels.get(s.attrs.find((a) => a.qname.endsWith(':id'))?.value ?? '');
    if (name === undefined || rel?.type !== 'worksheet' || rel.external) continue;
    const comments = readRelationships(source, pkg.actual(rel.target)).find((r) => r.type === 'comments' && !r.external);
    if (comments && pkg.parts.has(pkg.actual(comments.target))) out.set(name, pkg.actual(comments.target));
  }
  return out;
}

/** The author of each note, by sheet name and cell (`A1`). */
function noteAuthors(pkg: Pkg): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const [sheet, part] of commentParts(pkg)) {
    const root = pkg.tree(part);
    const names = [...all(root)].filter((e) => e.local === 'author').map(textOf);
    const byCell = new Map<string, string>();
    for (const c of all(root)) if (c.local === 'comment' && attr(c, 'ref')) byCell.set(attr(c, 'ref')!.toUpperCase(), names[Number(attr(c, 'authorId') ?? 0)] ?? '');
    out.set(sheet, byCell);
  }
  return out;
}

/**
 * The notes of an annotated copy signed: ExcelJS signs every note "Author" (it keeps no
 * author). A note thidua added is by `thidua`; a note the workbook already had keeps the
 * author it had in `original` (thidua's text appended to it changes nothing of whose it is).
 */
export function signNotes(copy: Buffer, original: Buffer, author = 'thidua'): Buffer {
  let theirs: Map<string, Map<string, string>>;
  try {
    theirs = noteAuthors(new Pkg(original));
  } catch {
    return copy; // the original's notes not read again: whose each note is cannot be told
  }
  const pkg = new Pkg(copy);
  for (const [sheet, part] of commentParts(pkg)) {
    const root = pkg.tree(part);
    const known = theirs.get(sheet);
    const names = [author];
    const index = (name: string) => (names.includes(name) ? names.indexOf(name) : names.push(name) - 1);
    for (const c of all(root)) {
      if (c.local !== 'comment') continue;
      const was = known?.get((attr(c, 'ref') ?? '').toUpperCase());
      setAttr(c, 'authorId', String(index(was ?? author)));
    }
    const authors = [...all(root)].find((e) => e.local === 'authors');
    if (authors) authors.children = names.map((n) => ({ qname: 'author', ns: authors.ns, local: 'author', attrs: [], children: [n] }));
  }
  return pkg.zip();
}
