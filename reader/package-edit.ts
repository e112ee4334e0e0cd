/**
 * A package held as trees to rewrite: its XML parts parsed by thidua's tokenizer into plain
 * element trees, changed, and written back as XML 1.0 (UTF-8, or UTF-16 for parts asked so),
 * with renamed parts' relationship targets and content types following them. Used to make
 * a copy ExcelJS can read (writers/copy-package.ts) and, in the differential run, to spell one
 * workbook in many equivalent ways (scripts/xml-forms.ts).
 */
import { makeZip, unzip } from './zip-writer';
import { partKey } from './zip';
import { findWorkbook, readRelationships, relsPartOf, resolveTarget, sourceOfRels } from './opc';
import { partText, scanXml } from './xml';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export interface El {
  qname: string;
  ns: string;
  local: string;
  attrs: { qname: string; value: string }[];
  children: Node[];
}
export type Node = El | string | { cdata: string } | { comment: string } | { pi: string };

export const isEl = (n: Node): n is El => typeof n === 'object' && 'qname' in n;

export function parseXml(xml: string): El {
  const stack: El[] = [];
  let root: El | undefined;
  scanXml(xml, {
    open(tag) {
      const el: El = { qname: tag.qname, ns: tag.ns, local: tag.local, attrs: tag.attributes(), children: [] };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else root = el;
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    wantText: () => true,
    text(s) {
      stack[stack.length - 1]!.children.push(s);
    },
  });
  return root!;
}

export interface WriteOptions {
  quote?: '"' | "'";
  /** Between attributes (`' '` by default). */
  gap?: string;
  reverseAttributes?: boolean;
  /** Non-ASCII characters as character references. */
  charRefs?: boolean;
  /** Line ends in text written as CR LF, and a CR LF after every start tag of element-only content. */
  crlf?: boolean;
}

function escapeText(s: string, o: WriteOptions): string {
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  if (o.crlf) out = out.replace(/\n/g, '\r\n');
  return o.charRefs ? out.replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`) : out;
}

function escapeAttr(s: string, o: WriteOptions): string {
  const q = o.quote ?? '"';
  let out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  out = q === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&apos;');
  return o.charRefs ? out.replace(/[\u0080-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)!};`) : out;
}

export function writeXml(root: El, o: WriteOptions = {}): string {
  const q = o.quote ?? '"';
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${o.crlf ? '\r\n' : '\n'}`];
  const walk = (el: El) => {
    const attrs = o.reverseAttributes ? [...el.attrs].reverse() : el.attrs;
    parts.push(`<${el.qname}${attrs.map((a) => `${o.gap ?? ' '}${a.qname}=${q}${escapeAttr(a.value, o)}${q}`).join('')}`);
    if (el.children.length === 0) {
      parts.push('/>');
      return;
    }
    parts.push('>');
    const elementOnly = el.children.some(isEl) && el.children.every((c) => isEl(c) || (typeof c === 'object' && !('cdata' in c)) || (typeof c === 'string' && c.trim() === ''));
    if (o.crlf && elementOnly) parts.push('\r\n');
    for (const c of el.children) {
      if (typeof c === 'string') parts.push(escapeText(c, o));
      else if ('cdata' in c) parts.push(`<![CDATA[${c.cdata}]]>`);
      else if ('comment' in c) parts.push(`<!--${c.comment}-->`);
      else if ('pi' in c) parts.push(`<?${c.pi}?>`);
      else walk(c);
    }
    parts.push(`</${el.qname}>`);
  };
  walk(root);
  return parts.join('');
}

/** Every element under (and including) `el`, depth first. */
export function* all(el: El): Generator<El> {
  yield el;
  for (const c of el.children) if (isEl(c)) yield* all(c);
}

export const kids = (el: El, local: string) => el.children.filter((c): c is El => isEl(c) && c.local === local);
export const attr = (el: El, name: string) => el.attrs.find((a) => a.qname === name)?.value;
export function setAttr(el: El, name: string, value: string | undefined): void {
  const i = el.attrs.findIndex((a) => a.qname === name);
  if (value === undefined) {
    if (i >= 0) el.attrs.splice(i, 1);
  } else if (i >= 0) el.attrs[i]!.value = value;
  else el.attrs.push({ qname: name, value });
}
export const textOf = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : isEl(c) ? textOf(c) : 'cdata' in c ? c.cdata : '')).join('');
export const mainEl = (local: string, children: Node[] = [], attrs: { qname: string; value: string }[] = []): El => ({ qname: local, ns: MAIN, local, attrs, children });

/** A package being rewritten: its parts, XML ones parsed on demand and written back at the end. */
export class Pkg {
  parts = new Map<string, Buffer>();
  private readonly trees = new Map<string, El>();
  write: WriteOptions = {};
  utf16 = new Set<string>();

  /** Whether some item was stored under a name with a leading `/` (dropped here). */
  readonly slashedNames: boolean;

  constructor(buf: Buffer) {
    let slashed = false;
    for (const p of unzip(buf)) {
      if (p.name.endsWith('/')) continue;
      const name = p.name.replace(/^\/+/, '');
      if (name !== p.name) slashed = true;
      this.parts.set(name, p.data);
    }
    this.slashedNames = slashed;
  }

  /** Each internal `<Relationship>` of every relationship part, with its source part's name. */
  *relationships(): Generator<{ source: string; rel: El }> {
    for (const name of [...this.parts.keys()].filter((n) => /(^|\/)_rels\/[^/]*\.rels$/i.test(n))) {
      const source = sourceOfRels(name);
      for (const rel of all(this.tree(name))) if (rel.local === 'Relationship' && attr(rel, 'TargetMode') !== 'External' && attr(rel, 'Target') !== undefined) yield { source, rel };
    }
  }

  /** A part's name as stored, for a name in any case (OPC part names ignore case). */
  actual(name: string): string {
    if (this.parts.has(name)) return name;
    const key = partKey(name);
    return [...this.parts.keys()].find((k) => partKey(k) === key) ?? name;
  }

  tree(name: string): El {
    const key = this.actual(name);
    let t = this.trees.get(key);
    if (!t) {
      const data = this.parts.get(key);
      if (!data) throw new Error(`no part ${name}`);
      t = parseXml(partText(data));
      this.trees.set(key, t);
    }
    return t;
  }

  text(name: string): string | undefined {
    const key = this.actual(name);
    const t = this.trees.get(key);
    if (t) return writeXml(t);
    const data = this.parts.get(key);
    return data ? partText(data) : undefined;
  }

  /** The workbook part, its sheets' parts in order, the shared strings and styles parts. */
  layout(): { workbook: string; sheets: string[]; shared?: string; styles?: string } {
    const source = { text: (n: string) => this.text(n) };
    const workbook = this.actual(findWorkbook(source, (n) => this.parts.has(this.actual(n)))!);
    const rels = readRelationships(source, workbook);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets = kids(kids(this.tree(workbook), 'sheets')[0]!, 'sheet')
      .map((s) => byId.get(s.attrs.find((a) => a.qname.endsWith(':id'))!.value))
      .filter((r) => r?.type === 'worksheet')
      .map((r) => this.actual(r!.target));
    const first = (type: string) => { const r = rels.find((x) => x.type === type); return r && this.actual(r.target); };
    return { workbook, sheets, ...(first('sharedStrings') ? { shared: first('sharedStrings')! } : {}), ...(first('styles') ? { styles: first('styles')! } : {}) };
  }

  /** Every XML part (`.xml`, `.rels`). */
  xmlParts(): string[] {
    return [...this.parts.keys()].filter((n) => /\.(xml|rels)$/i.test(n));
  }

  /** Parts renamed; every relationship target and content-type override follows. */
  rename(rename: (name: string) => string): void {
    const to = (name: string) => rename(this.actual(name));
    for (const name of this.xmlParts()) this.tree(name);
    for (const { source, rel } of this.relationships()) {
      const newSource = source === '' ? '' : to(source);
      const target = to(resolveTarget(source, attr(rel, 'Target')!));
      setAttr(rel, 'Target', relative(newSource, target).split('/').map(encodeURIComponent).join('/'));
    }
    const types = this.trees.get('[Content_Types].xml');
    if (types) for (const o of all(types)) if (o.local === 'Override') setAttr(o, 'PartName', `/${to(resolveTarget('', attr(o, 'PartName')!)).split('/').map(encodeURIComponent).join('/')}`);
    const renamed = (m: Map<string, Buffer> | Map<string, El>) => new Map([...m].map(([k, v]) => [k === '[Content_Types].xml' ? k : k.endsWith('.rels') ? relsPartOf(to(sourceOfRels(k))) : to(k), v]));
    this.parts = renamed(this.parts) as Map<string, Buffer>;
    const trees = renamed(this.trees) as Map<string, El>;
    this.trees.clear();
    for (const [k, v] of trees) this.trees.set(k, v);
  }

  zip(): Buffer {
    for (const [name, tree] of this.trees) {
      const xml = writeXml(tree, this.write);
      this.parts.set(name, this.utf16.has(name) ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]) : Buffer.from(xml, 'utf8'));
    }
    return makeZip([...this.parts].map(([name, data]) => ({ name, data })));
  }
}

export function relative(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

/** The cells of a sheet with their row element. */
export function* cells(sheet: El): Generator<{ row: El; c: El }> {
  for (const data of kids(sheet, 'sheetData')) for (const row of kids(data, 'row')) for (const c of kids(row, 'c')) yield { row, c };
}

