/**
 * The package around a workbook (Open Packaging Conventions, ECMA-376 Part 2): relationship
 * parts, targets resolved against their source part (absolute, relative, `./`, `../`,
 * percent-encoded), and the workbook found through the package's `_rels/.rels` rather than
 * assumed at `xl/workbook.xml`. Transitional and Strict relationship types alike.
 */
import { XmlError, scanXml } from './xml';

export const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** The `r:` namespace of attributes such as `<sheet r:id>`, Transitional and Strict. */
export const OFFICE_RELATIONSHIPS = new Set(['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships']);
const TYPE_BASES = [...OFFICE_RELATIONSHIPS].map((ns) => `${ns}/`);

export interface Relationship {
  id: string;
  /** The type's last segment for the two Office bases (`worksheet`, `officeDocument`), else the whole type. */
  type: string;
  /** The target part's name (no leading `/`), or the URI as written for an external target. */
  target: string;
  external: boolean;
}

/** Where the package's parts come from (a zip, in Node or in a browser). */
export interface PartSource {
  /** A part's text, undefined when the package has no such part. */
  text(name: string): string | undefined;
}

function shortType(type: string): string {
  for (const base of TYPE_BASES) if (type.startsWith(base)) return type.slice(base.length);
  return type;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself ('') → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The source part of a relationship part (`xl/_rels/workbook.xml.rels` → `xl/workbook.xml`; `_rels/.rels` → the package, ''). */
export function sourceOfRels(rels: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? `${m[1]}${m[2]}` : '';
}

/** A target of plain segments (no `.` or `..`, no escape, query or fragment, no empty segment). */
const PLAIN_TARGET = /^\/?(?:[\w-][\w.-]*\/)*[\w-][\w.-]*$/;

/** A relationship's target as a part name, resolved against its source part (RFC 3986 §5.2). */
export function resolveTarget(source: string, target: string): string {
  // The common case by far (`worksheets/sheet1.xml`, `/xl/workbook.xml`): plain segments only.
  if (PLAIN_TARGET.test(target)) return target.startsWith('/') ? target.slice(1) : `${source.slice(0, source.lastIndexOf('/') + 1)}${target}`;
  let t = target.replace(/\\/g, '/').replace(/[#?].*$/, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A `%` that escapes nothing stands for itself.
  }
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(seg);
  }
  return base.join('/');
}

/** The relationships of a part (none when it has no relationship part). Throws XmlError. */
export function readRelationships(parts: PartSource, source: string): Relationship[] {
  const xml = parts.text(relsPartOf(source));
  if (xml === undefined) return [];
  const out: Relationship[] = [];
  scanXml(xml, {
    open(tag) {
      // A relationship part written without its namespace (some writers) is still one.
      if (tag.local !== 'Relationship' || (tag.ns !== RELATIONSHIPS_NS && tag.ns !== '')) return;
      const id = tag.attr('Id');
      const type = tag.attr('Type');
      const target = tag.attr('Target');
      if (id === undefined || type === undefined || target === undefined) return;
      const external = tag.attr('TargetMode') === 'External';
      out.push({ id, type: shortType(type), target: external ? target : resolveTarget(source, target), external });
    },
    close() {},
  });
  return out;
}

/** Main parts of a SpreadsheetML package by content type (workbook, macro-enabled, template). */
const WORKBOOK_TYPES = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template)\.macroEnabled)\.main\+xml$/i;

/**
 * The workbook part's name: the package's officeDocument relationship, else the part whose
 * content type says workbook, else `xl/workbook.xml`; undefined when none of them is there.
 */
export function findWorkbook(parts: PartSource, exists: (name: string) => boolean): string | undefined {
  try {
    for (const r of readRelationships(parts, '')) if (r.type === 'officeDocument' && !r.external && exists(r.target)) return r.target;
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
  }
  let byType: string | undefined;
  try {
    const types = parts.text('[Content_Types].xml');
    if (types !== undefined) {
      scanXml(types, {
        open(tag) {
          const type = tag.attr('ContentType');
          const name = tag.attr('PartName');
          if (byType === undefined && tag.local === 'Override' && name && type && WORKBOOK_TYPES.test(type) && exists(resolveTarget('', name))) byType = resolveTarget('', name);
        },
        close() {},
      });
    }
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
  }
  return byType ?? (exists('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
}
