/**
 * Reading the workbook (see index.ts): the sheets a check asks for in as few round trips as
 * Excel allows, large ones in pieces; and the probe, a light look with no check.
 */
import { areaAddresses, READ_PROPS, tooLarge, toRows, ValuesSignature } from './cells';
import type { Session } from './session';
import type { HostSheet, Probe, ReadResult } from './types';

interface Loaded {
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
  formats?: Excel.ConditionalFormatCollection;
}

/** The used range's values of a large sheet, piece by piece, smaller after a refusal. */
async function readInPieces(session: Session, context: Excel.RequestContext, ws: Excel.Worksheet, sheet: HostSheet, signature: ValuesSignature): Promise<void> {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (used.isNullObject) return;
  const rows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  let top = 0;
  while (top < rows) {
    const step = Math.max(1, Math.floor(session.chunkCells / cols));
    const count = Math.min(step, rows - top);
    const piece = ws.getRangeByIndexes(top, 0, count, cols);
    piece.load(READ_PROPS);
    try {
      await context.sync();
    } catch (e) {
      if (!tooLarge(e) || count === 1) throw e;
      session.chunkCells = Math.max(cols, Math.floor(session.chunkCells / 2));
      continue;
    }
    toRows(top, 0, piece.values, piece.valueTypes as string[][], piece.numberFormat, piece.formulas, sheet.rows);
    signature.add(top, 0, piece.values);
    top += count;
  }
}

/**
 * Sheets (by id; all when `ids` is undefined) read, and with `marks`, the conditional formats
 * of every sheet loaded to be diffed; at most one round trip when nothing is large.
 */
export async function read(session: Session, context: Excel.RequestContext, ids: readonly string[] | undefined, marks: boolean): Promise<{ result: Omit<ReadResult, 'marksFound'>; formats: Map<string, Excel.ConditionalFormatCollection> }> {
  const worksheets = context.workbook.worksheets;
  let targets: { id: string; ws: Excel.Worksheet }[];
  if (ids === undefined) {
    worksheets.load('items/id,items/name,items/visibility');
    await context.sync();
    targets = worksheets.items.map((ws) => ({ id: ws.id, ws }));
    session.known = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
  } else {
    targets = ids.map((id) => ({ id, ws: worksheets.getItem(id) }));
    for (const t of targets) t.ws.load('id,name,visibility');
  }
  const loaded = new Map<string, Loaded>();
  for (const t of targets) {
    const used = t.ws.getUsedRangeOrNullObject(true);
    used.load(session.piecewise.has(t.id) ? 'rowIndex,columnIndex' : `rowIndex,columnIndex,${READ_PROPS}`);
    const protection = t.ws.protection;
    protection.load('protected');
    const entry: Loaded = { ws: t.ws, protection, used };
    if (session.supports(13)) {
      entry.merges = used.getMergedAreasOrNullObject();
      entry.merges.load('address');
    }
    loaded.set(t.id, entry);
  }
  // The marks live on every sheet, read again or not; a protected sheet's are left as they are.
  const formats = new Map<string, Excel.ConditionalFormatCollection>();
  const guarded = new Map<string, Excel.WorksheetProtection>();
  if (marks) {
    for (const k of ids === undefined ? targets.map((t) => ({ id: t.id, name: t.ws.name })) : session.known) {
      const protection = loaded.get(k.id)?.protection ?? worksheets.getItem(k.id).protection;
      if (!loaded.has(k.id)) protection.load('protected');
      guarded.set(k.id, protection);
      const cfs = worksheets.getItem(k.id).getRange().conditionalFormats;
      // `customOrNullObject`: loading `custom` fails the request when a colour scale or an icon set is there (office-js #2180).
      cfs.load('items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
      formats.set(k.id, cfs);
    }
  }
  // Whether Excel calculates by itself, asked in the same round trip (ExcelApi 1.8).
  const application = session.supports(8) ? context.workbook.application : undefined;
  application?.load('calculationMode');
  let large = false;
  try {
    await context.sync();
  } catch (e) {
    if (!tooLarge(e)) throw e;
    large = true;
  }
  if (large) {
    // Too much in one answer: the same again without the values, which come in pieces.
    for (const entry of loaded.values()) {
      entry.used = entry.ws.getUsedRangeOrNullObject(true);
      entry.used.load('rowIndex,columnIndex,rowCount,columnCount');
      if (session.supports(13)) {
        entry.merges = entry.used.getMergedAreasOrNullObject();
        entry.merges.load('address');
      }
    }
    for (const cfs of formats.values()) cfs.load('items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
    await context.sync();
    // The sheets larger than a piece are those read in pieces from now on.
    const cells = (e: Loaded) => (e.used.isNullObject ? 0 : e.used.rowCount * e.used.columnCount);
    for (const [id, entry] of loaded) if (cells(entry) > session.chunkCells) session.piecewise.add(id);
    // Several sheets too large together: the largest, at least, in pieces.
    const largest = [...loaded].sort(([, a], [, b]) => cells(b) - cells(a))[0];
    if (largest && ![...loaded.keys()].some((id) => session.piecewise.has(id))) session.piecewise.add(largest[0]);
  }
  const sheets: HostSheet[] = [];
  for (const [id, entry] of loaded) {
    const sheet: HostSheet = { id, name: entry.ws.name, rows: [], ...(entry.ws.visibility !== 'Visible' ? { hidden: true } : {}) };
    const signature = new ValuesSignature();
    if (large || session.piecewise.has(id)) await readInPieces(session, context, entry.ws, sheet, signature);
    else if (!entry.used.isNullObject) {
      toRows(entry.used.rowIndex, entry.used.columnIndex, entry.used.values, entry.used.valueTypes as string[][], entry.used.numberFormat, entry.used.formulas, sheet.rows);
      signature.add(entry.used.rowIndex, entry.used.columnIndex, entry.used.values);
    }
    sheet.signature = signature.toString();
    if (entry.merges && !entry.merges.isNullObject) {
      const list = areaAddresses(entry.merges.address);
      if (list.length > 0) sheet.merges = list;
    }
    sheets.push(sheet);
    // A read supersedes the echo of an earlier write to this sheet.
    for (const key of [...session.echoes]) if (key.startsWith(`${id}|`)) session.echoes.delete(key);
  }
  if (ids !== undefined) session.known = session.known.map((k) => sheets.find((s) => s.id === k.id) ?? k).map((k) => ({ id: k.id, name: k.name }));
  for (const [id, p] of guarded) if (p.protected) formats.delete(id);
  const protectedSheets = [...new Set([
    ...[...loaded.values()].filter((e) => e.protection.protected).map((e) => e.ws.name),
    ...[...guarded].filter(([, p]) => p.protected).map(([id]) => session.known.find((k) => k.id === id)?.name ?? ''),
  ])].filter((n) => n !== '');
  const manualCalculation = application !== undefined && application.calculationMode === 'Manual';
  return { result: { sheets, complete: ids === undefined, ...(protectedSheets.length > 0 ? { protectedSheets } : {}), ...(manualCalculation ? { manualCalculation } : {}) }, formats };
}

/** A probe (see Probe): two round trips, no check. */
export function probe(session: Session): Promise<Probe> {
  return session.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const application = session.supports(8) ? context.workbook.application : undefined;
    application?.load('calculationMode');
    await context.sync();
    const looks = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      // A sheet read in pieces is not looked at for its values: they would be refused at once.
      if (!session.piecewise.has(ws.id)) used.load('rowIndex,columnIndex,values');
      const protection = ws.protection;
      protection.load('protected');
      return { ws, used, protection, formats: ws.getRange().conditionalFormats.getCount() };
    });
    await context.sync();
    const formatsMoved = looks.some(({ ws, formats }) => session.formatCounts.has(ws.id) && session.formatCounts.get(ws.id) !== formats.value);
    for (const { ws, formats } of looks) session.formatCounts.set(ws.id, formats.value);
    return {
      formatsMoved,
      sheets: looks.map(({ ws, used, protection }) => ({
        id: ws.id,
        name: ws.name,
        ...(session.piecewise.has(ws.id) ? {} : { signature: used.isNullObject ? new ValuesSignature().toString() : new ValuesSignature().add(used.rowIndex, used.columnIndex, used.values).toString() }),
        protected: protection.protected,
      })),
      manualCalculation: application !== undefined && application.calculationMode === 'Manual',
    };
  });
}
