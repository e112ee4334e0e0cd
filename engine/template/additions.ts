/**
 * What "Tạo mẫu" adds to a workbook the user already has (the pane's Excel adapter only
 * carries it out): the template's sheets the workbook lacks, in the order they can be made;
 * then, once they are made, the conditional formats of the template's own checks on the sheets
 * made now and the sheet `Kiểm tra`, each check kept only where every sheet it reads is the
 * template's. The same checks, blocks and order as `thidua template` writes.
 */
import { LISTS_SHEET, templateLayout, type LayoutSheet, type TemplatePrefill } from './layout';
import { CHECK_SHEET, checkFormats, checkSheetCells, renamed, sheetsRead, templateChecks } from './checks';
import { geometryOf } from './geometry';
import { templateSheetOf } from './locate';
import { headerKey } from '../text/normalize';
import { currentNationalSettings, DEFAULT_PROFILE_ID, findProfile, OFFERED_PROFILES, profileForProvince, resolveProfile } from '../profiles';
import type { Profile, Settings } from '../profiles/schema';
import type { FindingSeverity } from '../report/finding';
import { columnLetters } from '../model/grid';
import type { BlocModel } from '../model/bloc';
import { fittingSheets } from './checks';
import { memberListRange, tableRows } from './layout';

/**
 * The template `thidua template` writes and "Tạo mẫu" adds: its checks follow `profile` (a
 * built-in's or a province's own file), else the profile of the prefilled province, else the
 * national one, each as in force at the end of the bloc's year (or `today`). A profile other
 * than the national one is written in `Bộ quy tắc`, so that thidua checks the filled workbook by
 * the same profile as its formulas. `memberList`: where the drop-downs find the members (the
 * pane's, in a workbook that has its own list).
 */
export function templateFor(prefill: TemplatePrefill, options: { today: string; profile?: Profile; memberList?: string }): { settings: Settings; layout: LayoutSheet[] } {
  const { profile } = options;
  const chosen = profile ?? (prefill.province ? profileForProvince(prefill.province) : undefined) ?? findProfile(DEFAULT_PROFILE_ID);
  const onDate = prefill.year !== undefined ? `${prefill.year}-12-31` : options.today;
  const settings = chosen ? resolveProfile(chosen, onDate, profile && !findProfile(profile.id) ? [profile] : []).settings : currentNationalSettings();
  const filled: TemplatePrefill = chosen && chosen.id !== DEFAULT_PROFILE_ID ? { ...prefill, profile: chosen.id } : prefill;
  const layout = templateLayout(settings, filled, { today: options.today, profiles: [...OFFERED_PROFILES], ...(options.memberList ? { memberList: options.memberList } : {}) });
  return { settings, layout };
}

/**
 * The template's sheets a workbook lacks (one is there under its own name or one the reader
 * takes for it), the hidden sheet of lists first: the drop-downs of the others refer to it.
 */
export function sheetsToAdd(layout: readonly LayoutSheet[], workbookSheets: readonly string[]): LayoutSheet[] {
  const present = new Set(workbookSheets.flatMap((name) => [headerKey(name), ...(templateSheetOf(name) ? [headerKey(templateSheetOf(name)!.name)] : [])]));
  return [...layout].sort((a, b) => Number(b.hidden ?? false) - Number(a.hidden ?? false)).filter((sheet) => !present.has(headerKey(sheet.name)));
}

/** Whether a workbook's sheet of lists, by its header row, is the template's (an older one, or a sheet of the user's by that name, would answer other questions). */
export function listsFit(layout: readonly LayoutSheet[], header: readonly unknown[]): boolean {
  const lists = layout.find((l) => l.hidden);
  return lists !== undefined && lists.columns.every((c, i) => String(header[i] ?? '') === c.header);
}

/** Where the header of the template's sheet of lists is, to read it (row and columns, 0-based). */
export function listsHeader(layout: readonly LayoutSheet[]): { row: number; columns: number } | undefined {
  const lists = layout.find((l) => l.hidden);
  return lists && { row: lists.headerRow - 1, columns: lists.columns.length };
}

/** One conditional format of a check: on `ref` of sheet `sheet`, true where the cell is faulty. */
export interface FormatToAdd {
  sheet: string;
  ref: string;
  formula: string;
  severity: FindingSeverity;
}

/** What the template's checks add once its sheets are made. */
export interface CheckAdditions {
  /** The formats in the order to add them, each put first as it is added: the gravest last, so its colour shows. */
  formats: FormatToAdd[];
  /** `Kiểm tra`'s cells (a value, or a formula starting with `=`), when the workbook lacks it and a check is kept. */
  checkSheet?: { cells: [address: string, value: string | number][]; hiddenColumns: string };
}

/**
 * The checks' formats and `Kiểm tra` for a workbook: `made`, the sheets added now (only they
 * get formats: the workbook's own keep their formatting); `existing`, every sheet it has now;
 * `names`, the workbook's sheets laid out as the template's, by the template's name; `listsFit`,
 * whether its sheet of lists (made now or earlier) is the template's.
 */
export function checkAdditions(layout: readonly LayoutSheet[], settings: Settings, workbook: { made: readonly string[]; existing: readonly string[]; names: ReadonlyMap<string, string>; listsFit: boolean }): CheckAdditions {
  const existing = new Set(workbook.existing);
  const made = new Set(workbook.made);
  const readable = new Map<string, string>([...workbook.names, ...[...made].filter((n) => existing.has(n)).map((n) => [n, n] as const), ...(workbook.listsFit ? [[LISTS_SHEET, LISTS_SHEET] as const] : [])]);
  const all = templateChecks(settings);
  const g = geometryOf([...layout]);
  const checks = all.checks.filter((c) => sheetsRead(c, g, settings).every((n) => readable.has(n)));
  // Each is put first as Excel adds it: the gravest is added last, so that its colour shows.
  const formats = checkFormats(checks, g, settings)
    .filter((block) => made.has(g.name(block.sheet)))
    .flatMap(({ sheet, ref, rules }) => [...rules].reverse().map(({ check, test }) => ({ sheet: g.name(sheet), ref, formula: `=${renamed(test, readable)}`, severity: check.severity })));
  if (existing.has(CHECK_SHEET) || checks.length === 0) return { formats };
  // The rules of the checks left out are thidua's alone in this workbook.
  const kept = new Set(checks.map((c) => c.ruleId));
  const others = [...new Set([...all.others, ...all.checks.map((c) => c.ruleId).filter((id) => !kept.has(id))])].sort();
  return { formats, checkSheet: { cells: checkSheetCells(checks, others, g, settings, readable), hiddenColumns: `J:${columnLetters(9 + checks.length)}` } };
}

/**
 * What "Tạo mẫu" takes from the workbook as last checked: its own member list (the drop-downs
 * read it), over as many rows as the template's tables have; and its sheets laid out as the
 * template's, by the template's names (the checks read them).
 */
export function workbookForTemplate(model: BlocModel | undefined): { memberList?: string; names: Map<string, string> } {
  const members = model?.sheets.members;
  const rows = tableRows(currentNationalSettings(), model?.members.length ?? 0);
  const memberList = members && members.columns.unit !== undefined ? memberListRange(members.view.name, members.columns.unit, members.firstRow, rows) : undefined;
  return { ...(memberList !== undefined ? { memberList } : {}), names: model ? fittingSheets(model) : new Map() };
}
