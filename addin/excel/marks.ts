/**
 * The highlight marks (see index.ts): conditional formats whose formula names their cell and
 * the pane that made them, found among a sheet's formats and made to be those wanted.
 */
import { type FindingSeverity, markFormula, readMark, SEVERITY_FILL } from '../../engine';
import type { Session } from './session';
import type { Mark } from './types';

const MARK_COLOUR = Object.fromEntries(Object.entries(SEVERITY_FILL).map(([k, rgb]) => [k, `#${rgb}`])) as Record<FindingSeverity, string>;


/**
 * thidua's marks among the conditional formats loaded, by cell (`sheet!cell`): this pane's
 * (with an older pane's, which named no owner, and the first version's), and other panes'
 * (a colleague's, in a co-authored workbook).
 */
export function marksIn(session: Session, formats: Map<string, Excel.ConditionalFormatCollection>): { own: Map<string, Excel.ConditionalFormat[]>; foreign: Map<string, Excel.ConditionalFormat[]>; loaded: Map<string, Excel.ConditionalFormatCollection> } {
  const own = new Map<string, Excel.ConditionalFormat[]>();
  const foreign = new Map<string, Excel.ConditionalFormat[]>();
  for (const [id, cfs] of formats) {
    const name = session.known.find((k) => k.id === id)?.name ?? '';
    for (const item of cfs.items) {
      const custom = item.customOrNullObject;
      if (item.type !== 'Custom' || custom.isNullObject) continue;
      const mark = readMark(custom.rule.formula);
      if (mark === undefined) continue; // the user's own
      const into = mark.owner !== undefined && mark.owner !== session.owner ? foreign : own;
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
export function applyMarks(session: Session, context: Excel.RequestContext, found: ReturnType<typeof marksIn>, wanted: Mark[], takeOver: boolean): boolean {
  const want = new Map(wanted.map((m) => [`${m.sheet}!${m.cell}`, MARK_COLOUR[m.severity]]));
  const kept = new Set<string>();
  let changed = false;
  // The formats each sheet will have once this is done (for the probe to know them).
  const counts = new Map([...found.loaded].map(([id, cfs]) => [session.known.find((k) => k.id === id)?.name ?? '', { id, n: cfs.items.length }]));
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
    cf.custom.rule.formula = markFormula(m.cell, session.owner);
    cf.custom.format.fill.color = MARK_COLOUR[m.severity];
    kept.add(key);
    count(key, 1);
    changed = true;
  }
  for (const { id, n } of counts.values()) session.formatCounts.set(id, n);
  return changed;
}
