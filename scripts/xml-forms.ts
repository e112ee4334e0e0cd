/**
 * One workbook, many spellings: a package rewritten into forms the standards allow and other
 * programs write (other quotes, attribute orders, prefixes, comments, CDATA, references,
 * cells without `r`, inline strings, runs, `_xHHHH_` escapes, CR LF, ISO dates, the 1904
 * system, Strict namespaces, absolute targets, a moved workbook, conditional formats' own
 * number formats, a whole-sheet `<dimension>`, a chartsheet, UTF-16). Each form means exactly
 * what the original means, so the check must say exactly the same (scripts/conformance.ts).
 */
import { type El, MAIN, type Node, PKG_REL, Pkg, REL, STRICT_MAIN, STRICT_REL, all, attr, cells, isEl, kids, mainEl, relative, setAttr, textOf } from '../reader/package-edit';
import { readStyles } from '../reader/workbook';
import { relsPartOf, resolveTarget } from '../reader/opc';
import { columnLetters, fromA1 } from '../engine/model/grid';
import { templateSheetOf } from '../engine/template/locate';
import { serialToIso } from '../engine/template/values';

/** Cells whose style shows a date, holding a serial. */
function* dateCells(pkg: Pkg): Generator<El> {
  const { sheets, styles } = pkg.layout();
  const kinds = readStyles(styles ? pkg.text(styles) : undefined);
  for (const s of sheets) {
    for (const { c } of cells(pkg.tree(s))) {
      const t = attr(c, 't') ?? 'n';
      const v = kids(c, 'v')[0];
      if (t === 'n' && v && kinds.kind(Number(attr(c, 's') ?? 0)) === 'date' && textOf(v).trim() !== '') yield c;
    }
  }
}

export type Form = (pkg: Pkg) => void;

/** A form that cannot mean the same for this workbook (the runner skips it and says why). */
export class NotApplicable extends Error {}

export const FORMS: Record<string, Form> = {
  'single-quotes': (p) => {
    for (const n of p.xmlParts()) p.tree(n);
    p.write.quote = "'";
  },
  'attribute-order-and-spacing': (p) => {
    for (const n of p.xmlParts()) p.tree(n);
    p.write.reverseAttributes = true;
    p.write.gap = '\n\t  ';
  },
  'prefixes': (p) => {
    const { workbook, sheets, shared, styles } = p.layout();
    for (const name of [workbook, ...sheets, shared, styles].filter((n): n is string => n !== undefined)) {
      const root = p.tree(name);
      for (const el of all(root)) {
        if (el.ns === MAIN) el.qname = `x:${el.local}`;
        for (const a of el.attrs) if (a.qname.startsWith('r:')) a.qname = `rel:${a.qname.slice(2)}`;
      }
      setAttr(root, 'xmlns', undefined);
      setAttr(root, 'xmlns:x', MAIN);
      setAttr(root, 'xmlns:rel', REL);
    }
    for (const name of p.xmlParts().filter((n) => n.endsWith('.rels'))) {
      const root = p.tree(name);
      for (const el of all(root)) el.qname = `pr:${el.local}`;
      setAttr(root, 'xmlns', undefined);
      setAttr(root, 'xmlns:pr', PKG_REL);
    }
  },
  'comments-and-processing-instructions': (p) => {
    for (const n of p.xmlParts()) {
      for (const el of all(p.tree(n))) {
        const texts = el.children.filter((c) => typeof c === 'string');
        if (texts.length === 1 && el.children.length === 1 && (texts[0] as string).length > 1) {
          const t = texts[0] as string;
          const half = Math.floor(t.length / 2);
          el.children = [{ comment: ' đầu ' }, t.slice(0, half), { comment: ' <c r="A1"><v>9</v></c> ' }, { pi: 'app giữa' }, t.slice(half)];
        } else if (texts.length === 0) el.children.unshift({ comment: ' - ' }, { pi: 'thidua x="1"' });
      }
    }
  },
  'cdata': (p) => {
    const { sheets, shared } = p.layout();
    for (const name of [...sheets, ...(shared ? [shared] : [])]) {
      for (const el of all(p.tree(name))) {
        if ((el.local === 't' || el.local === 'v') && el.children.length > 0) el.children = textOf(el).split(']]>').flatMap((s, i) => (i === 0 ? [{ cdata: s }] : [{ cdata: ']]' }, { cdata: `>${s}` }]));
      }
    }
  },
  'character-references': (p) => {
    for (const n of p.xmlParts()) p.tree(n);
    p.write.charRefs = true;
  },
  'rows-and-cells-without-r': (p) => {
    for (const s of p.layout().sheets) {
      for (const data of kids(p.tree(s), 'sheetData')) {
        let lastRow = 0;
        for (const row of kids(data, 'row')) {
          const r = Number(attr(row, 'r') ?? lastRow + 1);
          if (r === lastRow + 1) setAttr(row, 'r', undefined);
          lastRow = r;
          let lastCol = 0;
          for (const c of kids(row, 'c')) {
            const col = fromA1(attr(c, 'r') ?? '')?.col ?? lastCol + 1;
            if (col === lastCol + 1) setAttr(c, 'r', undefined);
            lastCol = col;
          }
        }
      }
    }
  },
  'inline-strings': (p) => {
    const { sheets, shared } = p.layout();
    if (!shared) return;
    const si = kids(p.tree(shared), 'si');
    sheets.forEach((s, k) => {
      for (const { c } of cells(p.tree(s))) {
        if (attr(c, 't') !== 's') continue;
        const v = kids(c, 'v')[0];
        const item = v && si[Number(textOf(v))];
        if (!item) continue;
        setAttr(c, 't', 'inlineStr');
        // Every other sheet with <v> as some writers put it, the rest with <is> and its runs.
        c.children = c.children.filter((x) => !(isEl(x) && x.local === 'v')).concat(k % 2 === 1 ? [mainEl('v', [item.children.filter((x): x is El => isEl(x) && x.local !== 'rPh').map(textOf).join('')])] : [mainEl('is', structuredClone(item.children))]);
      }
    });
  },
  'rich-text-runs': (p) => {
    const { shared } = p.layout();
    if (!shared) return;
    for (const item of kids(p.tree(shared), 'si')) {
      const t = kids(item, 't')[0];
      if (!t || item.children.length !== 1) continue;
      const s = textOf(t);
      const cut = Math.max(0, s.indexOf(' '));
      const run = (text: string, bold: boolean) => mainEl('r', [...(bold ? [mainEl('rPr', [mainEl('b')])] : []), mainEl('t', [text], [{ qname: 'xml:space', value: 'preserve' }])]);
      item.children = [run(s.slice(0, cut), true), run(s.slice(cut), false), mainEl('rPh', [mainEl('t', ['ふ'])], [{ qname: 'sb', value: '0' }, { qname: 'eb', value: '1' }])];
    }
  },
  'escapes': (p) => {
    const { shared } = p.layout();
    if (!shared) return;
    for (const el of all(p.tree(shared))) {
      if (el.local !== 't') continue;
      // The text as stored (escapes already in it keep their meaning); more characters escaped.
      el.children = [textOf(el).replace(/[ươ\n]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)];
    }
  },
  'crlf': (p) => {
    for (const n of p.xmlParts()) p.tree(n);
    p.write.crlf = true;
  },
  'iso-dates': (p) => {
    for (const c of [...dateCells(p)]) {
      const v = kids(c, 'v')[0]!;
      const iso = serialToIso(Number(textOf(v)));
      if (!iso) continue;
      setAttr(c, 't', 'd');
      v.children = [`${iso}T00:00:00`];
    }
  },
  'date1904': (p) => {
    const { workbook, sheets } = p.layout();
    const dates = [...dateCells(p)];
    // A bare number in `Thông tin` that the reader takes for a date whose format was lost
    // (25,000–80,000) would mean another day under 1904, as in Excel: no equivalent exists.
    const names = kids(kids(p.tree(workbook), 'sheets')[0]!, 'sheet').map((s) => attr(s, 'name'));
    for (const [i, s] of sheets.entries()) {
      if (templateSheetOf(names[i] ?? '')?.key !== 'info') continue;
      for (const { c } of cells(p.tree(s))) {
        const v = kids(c, 'v')[0];
        const n = v && (attr(c, 't') ?? 'n') === 'n' ? Number(textOf(v)) : NaN;
        if (n > 25000 && n < 80000 && !dates.includes(c)) throw new NotApplicable(`a bare date serial (${n}) in ${s}`);
      }
    }
    const root = p.tree(workbook);
    let pr = kids(root, 'workbookPr')[0];
    if (!pr) {
      pr = mainEl('workbookPr');
      pr.qname = root.qname.includes(':') ? `${root.qname.split(':')[0]}:workbookPr` : 'workbookPr';
      const at = root.children.findIndex((c) => isEl(c) && !['fileVersion', 'fileSharing'].includes(c.local));
      root.children.splice(Math.max(0, at), 0, pr);
    }
    setAttr(pr, 'date1904', 'true');
    for (const c of dates) {
      const v = kids(c, 'v')[0]!;
      v.children = [String(Number(textOf(v)) - 1462)];
    }
  },
  'strict': (p) => {
    for (const n of p.xmlParts()) {
      for (const el of all(p.tree(n))) {
        if (el.ns === MAIN) el.ns = STRICT_MAIN;
        for (const a of el.attrs) {
          if (a.value === MAIN) a.value = STRICT_MAIN;
          else if (a.value === REL) a.value = STRICT_REL;
          else if (a.qname === 'Type' && a.value.startsWith(`${REL}/`)) a.value = `${STRICT_REL}/${a.value.slice(REL.length + 1)}`;
        }
      }
    }
  },
  'absolute-targets': (p) => {
    for (const { source, rel } of p.relationships()) setAttr(rel, 'Target', `/${resolveTarget(source, attr(rel, 'Target')!)}`);
  },
  // The workbook in one folder, its sheets in a sibling (targets with `../`), other names.
  'moved-workbook': (p) => p.rename((n) => (n.startsWith('xl/worksheets/') ? `so-lam-viec/trang/${n.slice(14).replace(/sheet(\d+)/, 'trang-$1')}` : n.startsWith('xl/') ? `so-lam-viec/ban/${n.slice(3)}` : n)),
  'conditional-format-numFmts': (p) => {
    const { styles } = p.layout();
    if (!styles) return;
    const root = p.tree(styles);
    const ids = [...all(root)].filter((e) => e.local === 'numFmt').map((e) => attr(e, 'numFmtId')!);
    const dxf = (id: string) => mainEl('dxf', [mainEl('numFmt', [], [{ qname: 'numFmtId', value: id }, { qname: 'formatCode', value: '0.0' }])]);
    let dxfs = kids(root, 'dxfs')[0];
    if (!dxfs) {
      dxfs = mainEl('dxfs');
      const after = root.children.findIndex((c) => isEl(c) && ['tableStyles', 'colors', 'extLst'].includes(c.local));
      root.children.splice(after < 0 ? root.children.length : after, 0, dxfs);
    }
    dxfs.children.push(...[...ids, '9', '10', '14'].map(dxf));
    for (const el of all(dxfs)) if (root.qname.includes(':')) el.qname = `${root.qname.split(':')[0]}:${el.local}`;
    setAttr(dxfs, 'count', String(kids(dxfs, 'dxf').length));
  },
  'built-in-percent-formats': (p) => {
    const { styles } = p.layout();
    if (!styles) return;
    const root = p.tree(styles);
    const builtin = new Map<string, string>();
    for (const f of [...all(root)].filter((e) => e.local === 'numFmt')) {
      const code = attr(f, 'formatCode');
      if (code === '0%' || code === '0.00%') builtin.set(attr(f, 'numFmtId')!, code === '0%' ? '9' : '10');
    }
    for (const xfs of kids(root, 'cellXfs')) for (const xf of kids(xfs, 'xf')) if (builtin.has(attr(xf, 'numFmtId') ?? '')) setAttr(xf, 'numFmtId', builtin.get(attr(xf, 'numFmtId')!));
  },
  'whole-sheet-dimension-and-styled-blanks': (p) => {
    for (const s of p.layout().sheets) {
      const root = p.tree(s);
      const dim = kids(root, 'dimension')[0];
      if (dim) setAttr(dim, 'ref', 'A1:XFD1048576');
      for (const data of kids(root, 'sheetData')) {
        for (const row of kids(data, 'row')) {
          const r = attr(row, 'r');
          const last = kids(row, 'c').at(-1);
          const col = last ? (fromA1(attr(last, 'r') ?? '')?.col ?? 0) : 0;
          if (r && col > 0 && col < 60) row.children.push(mainEl('c', [], [{ qname: 'r', value: `${columnLetters(60)}${r}` }, { qname: 's', value: '0' }]));
        }
        const rows = kids(data, 'row');
        const lastRow = Number(attr(rows.at(-1) ?? mainEl('row'), 'r') ?? 0);
        if (lastRow > 0 && lastRow < 1_000_000) data.children.push(mainEl('row', [mainEl('c', [], [{ qname: 'r', value: 'A1048576' }, { qname: 's', value: '0' }])], [{ qname: 'r', value: '1048576' }]));
      }
      for (const el of all(root)) if (el.ns === MAIN && root.qname.includes(':')) el.qname = `${root.qname.split(':')[0]}:${el.local}`;
    }
  },
  'chartsheet-and-dialog-sheet': (p) => {
    addSheet(p, 'Biểu đồ', 'chartsheet', 1, `<chartsheet xmlns="MAIN"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`);
    addSheet(p, 'Hộp thoại', 'dialogsheet', 3, `<dialogsheet xmlns="MAIN"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tên đơn vị</t></is></c></row></sheetData></dialogsheet>`);
  },
  'extensions': (p) => {
    // Elements of other namespaces wherever the schema allows extensions, some with the local
    // names of SpreadsheetML's own (`f`, `v`, `c`, `row`): none of them is a cell or a value.
    const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
    for (const s of p.layout().sheets) {
      const root = p.tree(s);
      const prefix = root.qname.includes(':') ? `${root.qname.split(':')[0]}:` : '';
      const ext = (children: El[]): El => ({ qname: `${prefix}extLst`, ns: root.ns, local: 'extLst', attrs: [], children: [{ qname: `${prefix}ext`, ns: root.ns, local: 'ext', attrs: [{ qname: 'uri', value: '{78C0D931-6437-407d-A8EE-F0AAD7539E65}' }, { qname: 'xmlns:x14', value: X14 }], children }] });
      const foreign = (local: string, children: Node[] = []): El => ({ qname: `x14:${local}`, ns: X14, local, attrs: [], children });
      for (const { c } of cells(root)) if (kids(c, 'v').length > 0) c.children.push(ext([foreign('f', ['1+1']), foreign('v', ['99'])]));
      root.children.push(ext([foreign('row', [foreign('c', [foreign('v', ['7'])])]), foreign('family')]));
    }
  },
  'strings-as-str': (p) => {
    // Strings written in the cell as `t="str"` (as a formula's string result is), not shared.
    const { sheets, shared } = p.layout();
    if (!shared) return;
    const si = kids(p.tree(shared), 'si');
    for (const s of sheets) {
      for (const { c } of cells(p.tree(s))) {
        const v = kids(c, 'v')[0];
        const item = attr(c, 't') === 's' && v ? si[Number(textOf(v))] : undefined;
        if (!item || kids(item, 't').length !== 1 || item.children.length !== 1) continue;
        setAttr(c, 't', 'str');
        v!.children = [textOf(kids(item, 't')[0]!)];
      }
    }
  },
  'date-format-codes': (p) => {
    // Date formats in other spellings of the same: a locale, and capitals as LibreOffice writes them.
    const { styles } = p.layout();
    if (!styles) return;
    for (const numFmts of kids(p.tree(styles), 'numFmts')) {
      for (const f of kids(numFmts, 'numFmt')) {
        const code = attr(f, 'formatCode') ?? '';
        if (/^[dmy/.\-\s]+$/i.test(code) && /y/i.test(code)) setAttr(f, 'formatCode', `[$-42A]${code.toUpperCase()}`);
      }
    }
  },
  'utf-16': (p) => {
    const { sheets, shared } = p.layout();
    for (const n of [...sheets, ...(shared ? [shared] : [])]) {
      p.tree(n);
      p.utf16.add(n);
    }
  },
};

/** The forms applied together, in an order where each still applies. */
export const COMBINED = ['date-format-codes', 'strings-as-str', 'rich-text-runs', 'inline-strings', 'escapes', 'iso-dates', 'rows-and-cells-without-r', 'conditional-format-numFmts', 'chartsheet-and-dialog-sheet', 'extensions', 'prefixes', 'comments-and-processing-instructions', 'cdata', 'absolute-targets', 'moved-workbook', 'strict', 'single-quotes', 'attribute-order-and-spacing', 'crlf', 'utf-16'];

/** A sheet of another kind added at `at` in the workbook's list, with its part, relationship and content type. */
function addSheet(p: Pkg, name: string, kind: 'chartsheet' | 'dialogsheet', at: number, xml: string): void {
  const { workbook } = p.layout();
  const root = p.tree(workbook);
  const sheets = kids(root, 'sheets')[0]!;
  const relRoot = p.tree(relsPartOf(workbook));
  const prefixOf = (el: El | undefined) => (el?.qname.includes(':') ? `${el.qname.split(':')[0]}:` : '');
  const rAttr = sheets.children.filter(isEl).flatMap((s) => s.attrs).find((a) => a.qname.endsWith(':id'))!.qname;
  const ids = sheets.children.filter(isEl).map((s) => Number(attr(s, 'sheetId') ?? 0));
  const id = `rIdThidua${kind}`;
  // The relationship prefix declared here too: some writers (openpyxl) declare it on each <sheet>.
  const sheet = mainEl('sheet', [], [{ qname: `xmlns:${rAttr.split(':')[0]}`, value: REL }, { qname: 'name', value: name }, { qname: 'sheetId', value: String(Math.max(...ids) + 1) }, { qname: rAttr, value: id }]);
  sheet.qname = `${prefixOf(sheets)}sheet`;
  sheets.children.splice(at, 0, sheet);
  const first = kids(relRoot, 'Relationship')[0]!;
  const part = `${workbook.replace(/[^/]*$/, '')}${kind}s/sheet1.xml`;
  relRoot.children.push({ qname: `${prefixOf(first)}Relationship`, ns: PKG_REL, local: 'Relationship', attrs: [{ qname: 'Id', value: id }, { qname: 'Type', value: `${attr(first, 'Type')!.replace(/\/[^/]*$/, '')}/${kind}` }, { qname: 'Target', value: relative(workbook, part) }], children: [] });
  const types = p.tree('[Content_Types].xml');
  types.children.push({ qname: 'Override', ns: types.ns, local: 'Override', attrs: [{ qname: 'PartName', value: `/${part}` }, { qname: 'ContentType', value: `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml` }], children: [] });
  p.parts.set(part, Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${xml.replace('MAIN', root.ns)}`));
}

/** A workbook rewritten into the given forms, one after another. */
export function rewrite(buf: Buffer, forms: readonly string[]): Buffer {
  const pkg = new Pkg(buf);
  for (const f of forms) {
    const form = FORMS[f];
    if (!form) throw new Error(`no form ${f}`);
    form(pkg);
  }
  return pkg.zip();
}
