/**
 * A package made readable to ExcelJS, in memory (the input is never touched), before an
 * annotated copy is written: ExcelJS looks parts up by fixed names and refuses absolute
 * relationship targets (`/xl/worksheets/sheet1.xml`), which the standard allows and some
 * writers use. Absolute targets are made relative to their source part, and entry names
 * written with a leading `/` lose it. What cannot be made so is said, for the report.
 */
import { makeZip } from './zip-writer';
import { findWorkbook, resolveTarget } from './xlsx/opc';
import { zipSource } from './xlsx/reader';
import { ZipParts, inflatePart, partKey } from './zip';

/** `target` (a part name) relative to the folder of `source`. */
function relativeTo(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}

/** The source part of a relationship part: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`. */
function sourceOf(rels: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? `${m[1]}${m[2]}` : '';
}

/** Each `<Relationship>`'s absolute internal Target rewritten relative to the source part. */
function relativeTargets(xml: string, source: string): string {
  return xml.replace(/<([\w.-]+:)?Relationship\b[^>]*>/g, (element) => {
    if (/\bTargetMode\s*=\s*(["'])External\1/.test(element)) return element;
    return element.replace(/\bTarget\s*=\s*(["'])([^"']*)\1/, (attr, quote: string, target: string) =>
      target.startsWith('/') ? `Target=${quote}${relativeTo(source, resolveTarget(source, target))}${quote}` : attr,
    );
  });
}

/** The package ready for ExcelJS, or the reason it cannot be. */
export function packageForExcelJs(buf: Buffer): Buffer | string {
  const zip = ZipParts.open(buf);
  if (!zip) return 'zip';
  const workbook = findWorkbook(zipSource(zip), (name) => zip.entry(name) !== undefined);
  if (workbook === undefined || partKey(workbook) !== 'xl/workbook.xml') return `workbook at ${workbook ?? '?'}`;
  let changed = false;
  const entries = zip.entries.map((e) => {
    let data = inflatePart(buf, e);
    const name = e.name.replace(/^\/+/, '');
    if (name !== e.name) changed = true;
    if (/(^|\/)_rels\/[^/]*\.rels$/i.test(name)) {
      const xml = data.toString('utf8');
      const fixed = relativeTargets(xml, sourceOf(name));
      if (fixed !== xml) {
        data = Buffer.from(fixed, 'utf8');
        changed = true;
      }
    }
    return { name, data };
  });
  return changed ? makeZip(entries) : buf;
}
