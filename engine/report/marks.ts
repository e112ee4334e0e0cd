/**
 * thidua's marks in a workbook: the conditional formats the pane adds to colour a finding's
 * cell. Office.js has no before-save event, so a workbook saved with highlighting on keeps
 * them; they are therefore made recognisable wherever the workbook goes next. Each is an
 * always-true rule naming its cell and the pane that made it:
 *
 *     =ISREF($G$3)+N("thidua:k3x9q2")
 *
 * `ISREF` of a reference is TRUE (1) and `N` of a text is 0: the rule is true, whatever program
 * evaluates it, and Excel moves `$G$3` with its cell when rows are inserted. The owner is the
 * pane's own id (kept in its browser storage), so a pane never removes the marks of a
 * colleague's pane in a co-authored workbook. The annotated copy and the desk page remove
 * every mark before marking findings their own way: never a second set.
 */

/** The first version's mark: a conditional format that is always true. */
export const LEGACY_MARK_FORMULA = '=ISLOGICAL(TRUE)';

/** Who made a mark: a pane's id, letters and digits. */
const OWNER = /^[a-z0-9]{1,32}$/;

/** A mark's rule, naming its cell (and the pane that owns it, when given). */
export function markFormula(cell: string, owner?: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`markFormula: ${cell} is not a cell address`);
  if (owner !== undefined && !OWNER.test(owner)) throw new Error(`markFormula: ${owner} is not an owner id`);
  return `=ISREF($${m[1]}$${m[2]})+N("thidua${owner !== undefined ? `:${owner}` : ''}")`;
}

/** What a mark's rule says: its cell ('' for the first version's mark) and its owner (none: any pane's). */
export interface MarkRule {
  cell: string;
  owner?: string;
}

/**
 * The mark a conditional format's formula is, with or without the leading `=` (Excel's
 * Office.js answer has it, the file's `<formula>` has not), in any case of letters;
 * undefined when it is not thidua's.
 */
export function readMark(formula: string): MarkRule | undefined {
  const f = formula.trim().replace(/^=/, '');
  if (`=${f}`.toUpperCase() === LEGACY_MARK_FORMULA) return { cell: '' };
  const m = /^ISREF\(\$?([A-Z]{1,3})\$?(\d+)\)\+N\("thidua(?::([a-z0-9]{1,32}))?"\)$/i.exec(f);
  if (!m) return undefined;
  return { cell: `${m[1]!.toUpperCase()}${m[2]}`, ...(m[3] !== undefined ? { owner: m[3].toLowerCase() } : {}) };
}
