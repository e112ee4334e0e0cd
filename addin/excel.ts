/**
 * The pane's Excel: the only module that calls `Excel.run`. It reads sheets into the engine's
 * Grid, keeps the highlight marks, writes fixes and the template's sheets, and turns Excel's
 * events into changes for the controller. Written against the Office.js reference and its
 * known issues (docs/decisions.md, "The add-in in real Excel"):
 *
 * - A check is one `Excel.run`: one round trip reads the changed sheets (and the marks, when
 *   they are kept), the engine runs, and one more writes the marks that differ, as one undo
 *   record where ExcelApi 1.20 allows it (`mergeUndoGroup`).
 * - Marks are conditional formats whose formula names their cell (`=ISREF($G$3)+N("thidua")`):
 *   found in the workbook itself by a later pane, moved by Excel with their cell, diffed rather
 *   than cleared and re-added. The first version's `=ISLOGICAL(TRUE)` is recognised and removed.
 * - Reads that Excel on the web refuses for their size (5 MB) are retried in smaller pieces.
 * - A fix is written as the cell takes it: text as text, a percentage in the cell's own
 *   format, and never over a formula.
 */
/// <reference types="office-js" />
import { type Cell, type Criterion, CHECK_SHEET, checkSheetCells, geometryOf, formatBlocks, OFFERED_PROFILES, columnLetters, currentNationalSettings, DEFAULT_PROFILE_ID, findProfile, LISTS_SHEET, renamed, resolveProfile, sheetsRead, templateSheetOf, type Settings, templateChecks, type FindingSeverity, type GridSheet, headerKey, type LayoutSheet, markFormula, numberFormatKind, readMark, REQUIRED_MARK, SEVERITY_FILL, SEVERITY_ORDER, templateLayout, type Validation } from '../engine';

export interface ExcelHost {
  Excel: Pick<typeof Excel, 'run'>;
  /** `Office.context.requirements.isSetSupported`, or a stand-in in tests. */
  isSetSupported: (name: string, version: string) => boolean;
}

/** A sheet as read, with Excel's id for it (names change; ids do not). */
export interface HostSheet extends GridSheet {
  id: string;
  /** Its values as read, in short (valuesSignature): a probe that finds another knows the sheet changed. */
  signature?: string;
}

/** What a check asks of Excel. */
export interface CheckRequest {
  /** The sheets to read, by id (every sheet when undefined). */
  ids?: readonly string[];
  /** Make the workbook's marks of this pane those `decide` returns (false: leave them). */
  marks: boolean;
  /** Count the marks in the workbook (this pane's and other panes') without changing them. */
  countMarks?: boolean;
  /** With `marks`: other panes' marks removed too (the user asked). */
  takeOver?: boolean;
}

/**
 * A light look at the workbook, with no check: each sheet's name, the size of what is used
 * and its values in short, its protection and how many conditional formats it has; the
 * calculation mode. What it finds changed, no event having said so, is read again.
 */
export interface Probe {
  sheets: { id: string; name: string; signature?: string; protected: boolean }[];
  manualCalculation: boolean;
  /**
   * A sheet's conditional formats are not as many as this pane last left them (a mark undone,
   * cleared, or pasted with its cell): no event says so (office-js-docs #1503).
   */
  formatsMoved: boolean;
}

export interface Mark {
  sheet: string;
  cell: string;
  severity: FindingSeverity;
}

/** What changed in the workbook: cells of some sheets, or the sheets themselves. */
export type Change = { ids: string[] } | { structure: true };

/** What a check read: the sheets, whether that is every sheet, and the ids no longer there. */
export interface ReadResult {
  sheets: HostSheet[];
  complete: boolean;
  /** The sheets read that are protected (by name): the pane neither marks nor fixes there. */
  protectedSheets?: string[];
  /** Excel calculates only when asked (ExcelApi 1.8 tells): formula results may be stale. */
  manualCalculation?: boolean;
  /** Where the marks were looked at: the cells this pane had marked, and those other panes marked (co-authoring). */
  marksFound?: { own: number; foreign: number };
}

export type WriteOutcome = { written: true } | { written: false; reason: 'formula' | 'gone' | 'protected' };

export interface TemplateOutcome {
  added: string[];
  failed?: { sheet: string; reason: string };
}

/** A value as Office.js gives it, with its type and format, to a cell of the grid. */
export function toCell(value: unknown, type: string, format: string, formula: unknown): Cell | undefined {
  const isFormula = typeof formula === 'string' && formula.startsWith('=');
  let cell: Cell | undefined;
  switch (type) {
    case 'Empty':
      cell = undefined;
      break;
    case 'Error':
      cell = { kind: 'error', value: String(value) };
      break;
    case 'Boolean':
      cell = { kind: 'boolean', value: Boolean(value) };
      break;
    case 'Double':
    case 'Integer': {
      const n = Number(value);
      // Dates come as serials: the format tells the reader so (as ExcelJS's dates do).
      const kind = numberFormatKind(format);
      const keepFormat = kind === 'percent' || kind === 'date';
      cell = keepFormat ? { kind: 'number', value: n, numFmt: format } : { kind: 'number', value: n };
      break;
    }
    default:
      cell = value === '' || value === null || value === undefined ? undefined : { kind: 'text', value: String(value) };
  }
  if (!isFormula) return cell;
  // A formula in a live workbook always has a result (Excel calculates before it answers).
  return { ...(cell ?? { kind: 'blank', value: null }), formula: { cached: true } };
}

/** `'Bình xét'!B4:B5, 'Bình xét'!E4:E5` → [`B4:B5`, `E4:E5`] (sheet names may hold commas). */
export function areaAddresses(address: string): string[] {
  return [...address.matchAll(/(?:'(?:[^']|'')+'|[^',!\s][^',!]*)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g)].map((m) => m[1]!.replace(/\$/g, ''));
}

/** FNV-1a of a text, from a seed. */
function fnv(s: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A sheet's values in short: two sums of the cells' hashes (by address and value), and their
 * count. A sum does not care about order, so a sheet read whole or in pieces has the same one.
 */
export class ValuesSignature {
  private a = 0;
  private b = 0;
  private n = 0;

  add(top: number, left: number, values: readonly (readonly unknown[])[]): this {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        const key = `${top + r},${left + c},${typeof v}:${String(v)}`;
        this.a = (this.a + fnv(key, 0x811c9dc5)) >>> 0;
        this.b = (this.b + fnv(key, 0x9e3779b9)) >>> 0;
        this.n++;
      }),
    );
    return this;
  }

  toString(): string {
    return `${this.n}.${this.a.toString(36)}.${this.b.toString(36)}`;
  }
}

const MARK_COLOUR = Object.fromEntries(Object.entries(SEVERITY_FILL).map(([k, rgb]) => [k, `#${rgb}`])) as Record<FindingSeverity, string>;

/** Excel refused a request or its answer for its size (Excel on the web: 5 MB). */
function tooLarge(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/** The months as Excel's English date parsing takes them (`5-Jan`, `Jan 2024`, `January 5`). */
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const MONTH_DATE = new RegExp(`^(\\d{1,2}[\\s/.,-]*)?${MONTH}([\\s/.,-]*\\d{1,4})?([\\s/.,-]+\\d{1,4})?$`, 'i');

/**
 * A text Excel would not keep as text if written as it is: a formula (`=`, `+`, `-`, `@`), a
 * number in any of its shapes (grouping, decimal comma, sign or parentheses, scientific
 * notation `1e5`, a percentage, a currency symbol before or after), a fraction or a date
 * (`1/2`, `12/5/2024`, `5-Jan`), a time (`8:30`, `8 AM`), a boolean, an error (`#N/A`), or a text
 * whose own leading apostrophe Excel would take as this mark. Written with the apostrophe that
 * tells Excel "text", which Excel does not show in the cell. Where in doubt it quotes: a quoted
 * text stays the same text.
 */
export function needsQuote(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/^[=+\-@']/.test(s) || /^[=+\-@']/.test(t)) return true;
  if (/^#/.test(t) || /^(true|false)$/i.test(t)) return true;
  // Digits with only what numbers, dates and times are written with around them.
  if (/\d/.test(t) && /^[\d\s.,:/\-+()%$€£¥₫eE]*(\s*(am|pm|a|p|đ|vnd|vnđ))?$/i.test(t)) return true;
  return MONTH_DATE.test(t);
}

const READ_PROPS = 'values,numberFormat,valueTypes,formulas';

function toRows(top: number, left: number, values: unknown[][], types: string[][], formats: string[][], formulas: unknown[][], into: (Cell | undefined)[][]): void {
  values.forEach((row, r) => {
    const out: (Cell | undefined)[] = into[top + r] ?? [];
    row.forEach((v, c) => {
      const cell = toCell(v, String(types[r]![c]), String(formats[r]![c] ?? ''), formulas[r]![c]);
      if (cell) out[left + c] = cell;
    });
    into[top + r] = out;
  });
}

interface Loaded {
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  used: Excel.Range;
  merges?: Excel.RangeAreas;
  formats?: Excel.ConditionalFormatCollection;
}

/** The pane's host on real Excel (see pane/controller.ts, PaneHost). */
export function officeHost(host: ExcelHost, options: { chunkCells?: number; owner?: string } = {}) {
  /** This pane's id in the marks it makes (none: marks any pane may take for its own). */
  const owner = options.owner;
  const supports = (minor: number) => host.isSetSupported('ExcelApi', `1.${minor}`);
  const undoGroup = supports(20);
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => host.Excel.run({ delayForCellEdit: true, ...(undoGroup ? { mergeUndoGroup: true } : {}) } as Excel.RunOptions, batch);
  let chunkCells = options.chunkCells ?? 20_000;
  /**
   * Sheets (by id) too large for one answer once: read in pieces from then on, without first
   * sending again the read Excel refused.
   */
  const piecewise = new Set<string>();
  /** Where this pane wrote values, by sheet id and address, until Excel's event for it comes. */
  const echoes = new Set<string>();
  let known: { id: string; name: string }[] = [];
  /** How many conditional formats each sheet had when this pane last saw them, its own writes counted. */
  const formatCounts = new Map<string, number>();

  /** The used range's values of a large sheet, piece by piece, smaller after a refusal. */
  async function readInPieces(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: HostSheet, signature: ValuesSignature): Promise<void> {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    if (used.isNullObject) return;
    const rows = used.rowIndex + used.rowCount;
    const cols = used.columnIndex + used.columnCount;
    let top = 0;
    while (top < rows) {
      const step = Math.max(1, Math.floor(chunkCells / cols));
      const count = Math.min(step, rows - top);
      const piece = ws.getRangeByIndexes(top, 0, count, cols);
      piece.load(READ_PROPS);
      try {
        await context.sync();
      } catch (e) {
        if (!tooLarge(e) || count === 1) throw e;
        chunkCells = Math.max(cols, Math.floor(chunkCells / 2));
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
  async function read(context: Excel.RequestContext, ids: readonly string[] | undefined, marks: boolean): Promise<{ result: Omit<ReadResult, 'marksFound'>; formats: Map<string, Excel.ConditionalFormatCollection> }> {
    const worksheets = context.workbook.worksheets;
    let targets: { id: string; ws: Excel.Worksheet }[];
    if (ids === undefined) {
      worksheets.load('items/id,items/name,items/visibility');
      await context.sync();
      targets = worksheets.items.map((ws) => ({ id: ws.id, ws }));
      known = worksheets.items.map((ws) => ({ id: ws.id, name: ws.name }));
    } else {
      targets = ids.map((id) => ({ id, ws: worksheets.getItem(id) }));
      for (const t of targets) t.ws.load('id,name,visibility');
    }
    const loaded = new Map<string, Loaded>();
    for (const t of targets) {
      const used = t.ws.getUsedRangeOrNullObject(true);
      used.load(piecewise.has(t.id) ? 'rowIndex,columnIndex' : `rowIndex,columnIndex,${READ_PROPS}`);
      const protection = t.ws.protection;
      protection.load('protected');
      const entry: Loaded = { ws: t.ws, protection, used };
      if (supports(13)) {
        entry.merges = used.getMergedAreasOrNullObject();
        entry.merges.load('address');
      }
      loaded.set(t.id, entry);
    }
    // The marks live on every sheet, read again or not; a protected sheet's are left as they are.
    const formats = new Map<string, Excel.ConditionalFormatCollection>();
    const guarded = new Map<string, Excel.WorksheetProtection>();
    if (marks) {
      for (const k of ids === undefined ? targets.map((t) => ({ id: t.id, name: t.ws.name })) : known) {
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
    const application = supports(8) ? context.workbook.application : undefined;
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
        if (supports(13)) {
          entry.merges = entry.used.getMergedAreasOrNullObject();
          entry.merges.load('address');
        }
      }
      for (const cfs of formats.values()) cfs.load('items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
      await context.sync();
      // The sheets larger than a piece are those read in pieces from now on.
      const cells = (e: Loaded) => (e.used.isNullObject ? 0 : e.used.rowCount * e.used.columnCount);
      for (const [id, entry] of loaded) if (cells(entry) > chunkCells) piecewise.add(id);
      // Several sheets too large together: the largest, at least, in pieces.
      const largest = [...loaded].sort(([, a], [, b]) => cells(b) - cells(a))[0];
      if (largest && ![...loaded.keys()].some((id) => piecewise.has(id))) piecewise.add(largest[0]);
    }
    const sheets: HostSheet[] = [];
    for (const [id, entry] of loaded) {
      const sheet: HostSheet = { id, name: entry.ws.name, rows: [], ...(entry.ws.visibility !== 'Visible' ? { hidden: true } : {}) };
      const signature = new ValuesSignature();
      if (large || piecewise.has(id)) await readInPieces(context, entry.ws, sheet, signature);
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
      for (const key of [...echoes]) if (key.startsWith(`${id}|`)) echoes.delete(key);
    }
    if (ids !== undefined) known = known.map((k) => sheets.find((s) => s.id === k.id) ?? k).map((k) => ({ id: k.id, name: k.name }));
    for (const [id, p] of guarded) if (p.protected) formats.delete(id);
    const protectedSheets = [...new Set([
      ...[...loaded.values()].filter((e) => e.protection.protected).map((e) => e.ws.name),
      ...[...guarded].filter(([, p]) => p.protected).map(([id]) => known.find((k) => k.id === id)?.name ?? ''),
    ])].filter((n) => n !== '');
    const manualCalculation = application !== undefined && application.calculationMode === 'Manual';
    return { result: { sheets, complete: ids === undefined, ...(protectedSheets.length > 0 ? { protectedSheets } : {}), ...(manualCalculation ? { manualCalculation } : {}) }, formats };
  }

  /**
   * thidua's marks among the conditional formats loaded, by cell (`sheet!cell`): this pane's
   * (with an older pane's, which named no owner, and the first version's), and other panes'
   * (a colleague's, in a co-authored workbook).
   */
  function marksIn(formats: Map<string, Excel.ConditionalFormatCollection>): { own: Map<string, Excel.ConditionalFormat[]>; foreign: Map<string, Excel.ConditionalFormat[]>; loaded: Map<string, Excel.ConditionalFormatCollection> } {
    const own = new Map<string, Excel.ConditionalFormat[]>();
    const foreign = new Map<string, Excel.ConditionalFormat[]>();
    for (const [id, cfs] of formats) {
      const name = known.find((k) => k.id === id)?.name ?? '';
      for (const item of cfs.items) {
        const custom = item.customOrNullObject;
        if (item.type !== 'Custom' || custom.isNullObject) continue;
        const mark = readMark(custom.rule.formula);
        if (mark === undefined) continue; // the user's own
        const into = mark.owner !== undefined && mark.owner !== owner ? foreign : own;
        const key = `${name}!${mark.cell}`;
        into.set(key, [...(into.get(key) ?? []), item]);
      }
    }
    return { own, foreign, loaded: formats };
  }

  /**
   * This pane's marks made to be `wanted`: those already right kept, others removed, missing
   * ones added; other panes' left as they are unless `takeOver`.
   */
  function applyMarks(context: Excel.RequestContext, found: ReturnType<typeof marksIn>, wanted: Mark[], takeOver: boolean): boolean {
    const want = new Map(wanted.map((m) => [`${m.sheet}!${m.cell}`, MARK_COLOUR[m.severity]]));
    const kept = new Set<string>();
    let changed = false;
    // The formats each sheet will have once this is done (for the probe to know them).
    const counts = new Map([...found.loaded].map(([id, cfs]) => [known.find((k) => k.id === id)?.name ?? '', { id, n: cfs.items.length }]));
    const count = (key: string, d: number) => {
      const c = counts.get(key.slice(0, key.lastIndexOf('!')));
      if (c) c.n += d;
    };
    for (const [key, items] of found.own) {
      const colour = want.get(key);
      // Right once: kept; wrong colour, not wanted, doubled (copied with its cell) or the first version's: removed.
      const good = colour !== undefined && items.length === 1 && items[0]!.customOrNullObject.format.fill.color.toUpperCase() === colour.toUpperCase();
      if (good) kept.add(key);
      else {
        for (const item of items) item.delete();
        count(key, -items.length);
        changed = true;
      }
    }
    if (takeOver) {
      for (const [key, items] of found.foreign) {
        for (const item of items) item.delete();
        count(key, -items.length);
      }
      changed ||= found.foreign.size > 0;
    }
    for (const m of wanted) {
      const key = `${m.sheet}!${m.cell}`;
      if (kept.has(key)) continue;
      const cf = context.workbook.worksheets.getItem(m.sheet).getRange(m.cell).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = markFormula(m.cell, owner);
      cf.custom.format.fill.color = MARK_COLOUR[m.severity];
      kept.add(key);
      count(key, 1);
      changed = true;
    }
    for (const { id, n } of counts.values()) formatCounts.set(id, n);
    return changed;
  }

  return {
    /** Excel keeps the user's undo history across the pane's writes (ExcelApi 1.20); older Excel clears it at each. */
    undoKept: undoGroup,
    /**
     * One check: read, let the engine decide, keep the marks (`marks: false` leaves them as
     * they are). Throws `ItemNotFound` when a sheet asked for is gone: read everything then.
     */
    check: async (request: CheckRequest, decide: (read: ReadResult) => Mark[]) => {
      const looked = request.marks || request.countMarks === true;
      // Nothing to read and no mark to keep or count (a profile changed): no round trip to Excel.
      if (request.ids?.length === 0 && !looked) {
        decide({ sheets: [], complete: false });
        return;
      }
      await run(async (context) => {
        const { result, formats } = await read(context, request.ids, looked);
        const found = looked ? marksIn(formats) : undefined;
        const seen: ReadResult = found ? { ...result, marksFound: { own: found.own.size, foreign: found.foreign.size } } : result;
        // No mark on a protected sheet: Excel would refuse it, and the sheet is the user's to guard.
        const wanted = decide(seen).filter((m) => !result.protectedSheets?.includes(m.sheet));
        if (found && !request.marks) for (const [id, cfs] of formats) formatCounts.set(id, cfs.items.length);
        if (request.marks && found && applyMarks(context, found, wanted, request.takeOver === true)) await context.sync();
      });
    },

    /** A probe (see Probe): two round trips, no check. */
    probe: (): Promise<Probe> =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/id,items/name');
        const application = supports(8) ? context.workbook.application : undefined;
        application?.load('calculationMode');
        await context.sync();
        const looks = worksheets.items.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true);
          // A sheet read in pieces is not looked at for its values: they would be refused at once.
          if (!piecewise.has(ws.id)) used.load('rowIndex,columnIndex,values');
          const protection = ws.protection;
          protection.load('protected');
          return { ws, used, protection, formats: ws.getRange().conditionalFormats.getCount() };
        });
        await context.sync();
        const formatsMoved = looks.some(({ ws, formats }) => formatCounts.has(ws.id) && formatCounts.get(ws.id) !== formats.value);
        for (const { ws, formats } of looks) formatCounts.set(ws.id, formats.value);
        return {
          formatsMoved,
          sheets: looks.map(({ ws, used, protection }) => ({
            id: ws.id,
            name: ws.name,
            ...(piecewise.has(ws.id) ? {} : { signature: used.isNullObject ? new ValuesSignature().toString() : new ValuesSignature().add(used.rowIndex, used.columnIndex, used.values).toString() }),
            protected: protection.protected,
          })),
          manualCalculation: application !== undefined && application.calculationMode === 'Manual',
        };
      }),

    onChange: (handler: (change: Change) => void) =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const edited = (e: { worksheetId: string; address?: string; triggerSource?: string; source?: string }) => {
          // The pane's own writes: told apart by Excel (ExcelApi 1.14), else by where they went;
          // a co-author's edit (`source: Remote`) is never one, wherever it went.
          if (e.triggerSource === 'ThisLocalAddin') return;
          if (e.triggerSource === undefined && e.source !== 'Remote' && e.address !== undefined && echoes.delete(`${e.worksheetId}|${e.address}`)) return;
          handler({ ids: [e.worksheetId] });
        };
        const structure = () => handler({ structure: true });
        const watch = (ws: Excel.Worksheet) => ws.onChanged.add(async (e) => edited(e as unknown as { worksheetId: string; address?: string; triggerSource?: string; source?: string }));
        if (supports(9)) worksheets.onChanged.add(async (e) => edited(e as unknown as { worksheetId: string; address?: string; triggerSource?: string; source?: string }));
        else {
          worksheets.load('items/id');
          await context.sync();
          for (const ws of worksheets.items) watch(ws);
        }
        worksheets.onAdded.add(async (e) => {
          if (!supports(9)) await run(async (c) => {
            watch(c.workbook.worksheets.getItem(e.worksheetId));
            await c.sync();
          });
          structure();
        });
        worksheets.onDeleted.add(async () => structure());
        if (supports(17)) worksheets.onNameChanged.add(async () => structure());
        // Formulas whose results changed with no cell of their sheet edited (ExcelApi 1.8).
        if (supports(8)) worksheets.onCalculated.add(async (e) => handler({ ids: [e.worksheetId] }));
        await context.sync();
      }),

    /** Excel calculates every formula again (the user asked, in manual calculation). */
    recalculate: () =>
      run(async (context) => {
        context.workbook.application.calculate('Full' as Excel.CalculationType);
        await context.sync();
      }),

    select: (sheet: string, cell: string) =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),

    /** A fix written as the cell takes it; refused over a formula. */
    write: (sheet: string, cell: string, value: string | number): Promise<WriteOutcome> =>
      run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load('id');
        const protection = ws.protection;
        protection.load('protected');
        const range = ws.getRange(cell);
        range.load('formulas,numberFormat');
        await context.sync();
        if (ws.isNullObject) return { written: false, reason: 'gone' } as const;
        // Excel would refuse it (AccessDenied): said as such, the user's protection left alone.
        if (protection.protected) return { written: false, reason: 'protected' } as const;
        const formula = range.formulas[0]![0];
        if (typeof formula === 'string' && formula.startsWith('=')) return { written: false, reason: 'formula' } as const;
        const format = String(range.numberFormat[0]![0] ?? 'General');
        // A percentage cell holds a fraction: the engine's 83.33 is 0.8333 there.
        const typed = typeof value === 'number' ? (numberFormatKind(format) === 'percent' ? Number((value / 100).toPrecision(12)) : value) : needsQuote(value) ? `'${value}` : value;
        range.values = [[typed]];
        echoes.add(`${ws.id}|${cell}`);
        await context.sync();
        return { written: true } as const;
      }),

    /**
     * "Tạo mẫu", its member drop-downs reading `memberList` when the workbook has its member
     * sheet, its checks reading the workbook's sheets laid out as the template's (`names`) and
     * following the profile picked in the pane (else the national one), as in force today.
     */
    createTemplate: (memberList: string | undefined, names: ReadonlyMap<string, string> = new Map(), profile?: string, criteria?: readonly Criterion[]) => {
      const today = new Date().toISOString().slice(0, 10);
      const picked = profile ? findProfile(profile) : undefined;
      const settings = picked ? resolveProfile(picked, today).settings : currentNationalSettings();
      const prefill = { ...(picked && picked.id !== DEFAULT_PROFILE_ID ? { profile: picked.id } : {}), ...(criteria ? { criteria: [...criteria] } : {}) };
      const layout = templateLayout(settings, prefill, { today, profiles: [...OFFERED_PROFILES], ...(memberList ? { memberList } : {}) });
      return createTemplateSheets(host, layout, settings, names);
    },
  };
}

/** Office.js data validation rule for a template column (ExcelApi 1.8). */
function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.values.join(',') } };
    case 'members':
    case 'range':
      return { list: { inCellDropDown: true, source: `=${v.range}` } };
    case 'whole':
      return v.max !== undefined
        ? { wholeNumber: { formula1: v.min, formula2: v.max, operator: 'Between' } }
        : { wholeNumber: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } };
    case 'decimal':
      return { decimal: { formula1: v.min, operator: 'GreaterThanOrEqualTo' } };
    case 'date':
      return { date: { formula1: '2000-01-01', operator: 'GreaterThan' } };
  }
}

/** One template sheet, added and set up: what one request may do. */
function buildSheet(worksheets: Excel.WorksheetCollection, sheet: LayoutSheet, validation: boolean): void {
  const ws = worksheets.add(sheet.name);
  const isInfo = sheet.valueValidations !== undefined;
  ws.getRange('A1').values = [[sheet.title]];
  ws.getRange('A1').format.font.bold = true;
  const width = sheet.columns.length;
  if (!isInfo) {
    const header = ws.getRangeByIndexes(sheet.headerRow - 1, 0, 1, width);
    header.values = [sheet.columns.map((c) => c.header)];
    header.format.font.bold = true;
    header.format.fill.color = '#DDEBF7';
  }
  sheet.columns.forEach((c, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = c.width * 6;
  });
  const first = isInfo ? 2 : sheet.headerRow;
  if (sheet.rows.length > 0) {
    const cols = Math.max(...sheet.rows.map((r) => r.length));
    ws.getRangeByIndexes(first, 0, sheet.rows.length, cols).values = sheet.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
  }
  // Tổng điểm, Tỷ lệ (%): formulas the user may type over, below what is pre-filled.
  sheet.columns.forEach((c, i) => {
    if (sheet.formRows === 0) return;
    const range = ws.getRangeByIndexes(first, i, sheet.formRows, 1);
    if (c.formula) range.formulas = Array.from({ length: sheet.formRows }, (_, k) => [`=${c.formula!.replaceAll('{r}', String(first + k + 1))}`]);
    if (c.numFmt) range.numberFormat = Array.from({ length: sheet.formRows }, () => [c.numFmt!]);
  });
  // Thông tin's dates, as Vietnamese write them.
  sheet.valueValidations?.forEach((v, r) => {
    if (v?.numFmt) ws.getRangeByIndexes(first + r, 1, 1, 1).numberFormat = [[v.numFmt]];
  });
  // Cells that compute (Danh mục's list of units gathered from Thành viên).
  for (const c of sheet.cells ?? []) ws.getRange(c.address).formulas = [[`=${c.formula}`]];
  ws.freezePanes.freezeRows(sheet.headerRow);
  if (sheet.hidden) ws.visibility = 'Hidden' as Excel.SheetVisibility;
  if (!validation) return;
  const rule = (range: Excel.Range, v: Validation, title: string, message: string) => {
    range.dataValidation.rule = validationRule(v);
    range.dataValidation.prompt = { showPrompt: true, title: title.replace(REQUIRED_MARK, '').slice(0, 32), message: message.slice(0, 255) };
  };
  sheet.valueValidations?.forEach((v, r) => {
    if (v) rule(ws.getRangeByIndexes(first + r, 1, 1, 1), v.validation, String(sheet.rows[r]![0]), v.prompt);
  });
  if (!isInfo) {
    sheet.columns.forEach((c, i) => {
      if (c.validation && sheet.inputRows > 0) rule(ws.getRangeByIndexes(sheet.headerRow, i, sheet.inputRows, 1), c.validation, c.header, c.prompt);
    });
  }
}

/**
 * "Tạo mẫu": add the template's sheets that the workbook lacks (by the reader's name
 * matching), each in a request of its own: a sheet Excel refuses is removed again, the ones
 * before it stand, and the outcome says which. Drop-downs (ExcelApi 1.8) as `thidua template`.
 */
export async function createTemplateSheets(host: ExcelHost, layout: LayoutSheet[], settings: Settings = currentNationalSettings(), names: ReadonlyMap<string, string> = new Map()): Promise<TemplateOutcome> {
  const validation = host.isSetSupported('ExcelApi', '1.8');
  return host.Excel.run({ delayForCellEdit: true } as Excel.RunOptions, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    // A template sheet is there under its own name or one the reader takes for it.
    const present = new Set(worksheets.items.flatMap((w) => [headerKey(w.name), ...(templateSheetOf(w.name) ? [headerKey(templateSheetOf(w.name)!.name)] : [])]));
    const added: string[] = [];
    let listsMade = false;
    // The hidden sheet of lists first: the drop-downs of the others refer to it.
    for (const sheet of [...layout].sort((a, b) => Number(b.hidden ?? false) - Number(a.hidden ?? false))) {
      if (present.has(headerKey(sheet.name))) continue;
      try {
        buildSheet(worksheets, sheet, validation);
        await context.sync();
      } catch (e) {
        // Nothing half-built is left: the sheet goes if Excel made it before failing.
        const left = worksheets.getItemOrNullObject(sheet.name);
        await context.sync();
        if (!left.isNullObject) {
          left.delete();
          await context.sync();
        }
        return { added, failed: { sheet: sheet.name, reason: e instanceof Error ? e.message : String(e) } };
      }
      // The hidden sheet of lists is none the user needs to hear of.
      if (!sheet.hidden) added.push(sheet.name);
      else listsMade = true;
    }
    // The template's own checks, as `thidua template` writes them: formats on the sheets made
    // now (the workbook's own sheets keep their formatting), and `Kiểm tra` when the workbook
    // lacks it. A check is written where every sheet it reads is the template's: made now, or
    // the workbook's laid out as the template's under whatever name (`names`).
    worksheets.load('items/name');
    await context.sync();
    const existing = new Set(worksheets.items.map((w) => w.name));
    const made = new Set(added);
    // The lists the checks look up: made now, or an earlier template's with the same columns
    // (an older one, or a sheet of the user's by that name, would answer other questions).
    const lists = layout.find((l) => l.hidden);
    let listsFit = listsMade;
    if (!listsMade && lists && existing.has(LISTS_SHEET)) {
      const header = worksheets.getItem(LISTS_SHEET).getRangeByIndexes(lists.headerRow - 1, 0, 1, lists.columns.length);
      header.load('values');
      await context.sync();
      listsFit = lists.columns.every((c, i) => String(header.values[0]![i] ?? '') === c.header);
    }
    const readable = new Map<string, string>([...names, ...[...made].filter((n) => existing.has(n)).map((n) => [n, n] as const), ...(listsFit ? [[LISTS_SHEET, LISTS_SHEET] as const] : [])]);
    const all = templateChecks(settings);
    const g = geometryOf(layout);
    const checks = all.checks.filter((c) => sheetsRead(c, g, settings).every((n) => readable.has(n)));
    // One format per block of cells, as `thidua template` writes them; each rule put first as it
    // is added, the graver last: where two colour one cell, the error's shows.
    const gravestFirst = [...checks].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    for (const sheet of new Set(gravestFirst.map((c) => c.sheet))) {
      if (!made.has(g.name(sheet))) continue;
      const ws = worksheets.getItem(g.name(sheet));
      for (const { ref, rules } of formatBlocks(gravestFirst, sheet, g, settings)) {
        for (const { check, test } of [...rules].reverse()) {
          const cf = ws.getRange(ref).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
          cf.custom.rule.formula = `=${renamed(test, readable)}`;
          cf.custom.format.fill.color = `#${SEVERITY_FILL[check.severity]}`;
          cf.priority = 0;
        }
      }
    }
    if (!existing.has(CHECK_SHEET) && checks.length > 0) {
      // The rules of the checks left out are thidua's alone in this workbook.
      const kept = new Set(checks.map((c) => c.ruleId));
      const others = [...new Set([...all.others, ...all.checks.map((c) => c.ruleId).filter((id) => !kept.has(id))])].sort();
      const ks = worksheets.add(CHECK_SHEET);
      const grid = checkSheetCells(checks, others, g, settings, readable);
      for (const [address, value] of grid) {
        const range = ks.getRange(address);
        if (typeof value === 'string' && value.startsWith('=')) range.formulas = [[value]];
        else range.values = [[value]];
      }
      ks.getRange(`J:${columnLetters(9 + checks.length)}`).columnHidden = true;
      ks.protection.protect();
      added.push(CHECK_SHEET);
    }
    await context.sync();
    return { added };
  });
}
