/**
 * thidua's engine: a front end turns a workbook into a Grid, the engine turns a Grid into a
 * report, a formatter or the pane shows the report. Pure TypeScript: no Node, Office.js,
 * ExcelJS or DOM.
 *
 * This index is the front ends' door (the command, the desk, the pane, the template writer):
 * only what they use. Tests reach the engine's other modules by their own paths
 * (`engine/rules`, `engine/template/spec`, `engine/report/schema`…), the test door, so that
 * nothing is exported here for a test's sake.
 */
export type { Cell, Grid, GridSheet } from './model/grid';
export { columnLetters, fromA1 } from './model/grid';
export type { BlocModel, BlocSummary } from './model/bloc';
export { summarize } from './model/bloc';
export { isTemplateSheetName } from './template/locate';
export { type Criterion, headerHeight, parseCriteria, LISTS_SHEET, REQUIRED_MARK } from './template/layout';
export { type Geometry, geometryOf } from './template/geometry';
export { CHECK_SHEET, checkedCells, checkSheetCells, COLOUR_LEGEND, checkFormats, HELPER_COLUMN, templateChecks, type TemplateCheck } from './template/checks';
export type { LayoutSheet, TemplatePrefill, Validation } from './template/layout';
export { checkAdditions, listsFit, listsHeader, sheetsToAdd, templateFor, workbookForTemplate } from './template/additions';
export { builtinFormatKind, numberFormatKind } from './model/number-format';
export type { NumberFormatKind } from './model/number-format';
export { serialToIso } from './template/values';
export { checkGrid, checkBatch } from './check';
export type { BlocResult, CheckOptions } from './check';
export { governmentFlagTally, type GovernmentFlagTally, TALLY_TEXT, tallyRows, tallyVerdict } from './rules/batch/government-flag-share';
export type { Lang, BatchFile } from './rules/types';
export { BUILT_IN_PROFILES, ProfileError, currentNationalSettings, findProfile, resolveProfile } from './profiles';
export { loadProfile } from './profiles/load';
export type { Profile, Settings } from './profiles/schema';
export type { Finding, FindingSeverity } from './report/finding';
export { SEVERITY_FILL, SEVERITY_ORDER } from './report/finding';
export { markFormula, readMark } from './report/marks';
export { catalog, catalogMarkdown, catalogText } from './report/catalog';
export { unreadableMessage, type UnreadableVariant } from './report/unreadable';
export { fixOf, fixValue } from './report/render';
export { findingJson, crossFileJson, reportJson, unreadableJson, TOOL_VERSION } from './report/json';
export type { ReportJson, FileJson, FindingJson, ErrorCode } from './report/schema';
export { checkedDate, UNSAFE_CHARS, formatReportText, safeText } from './report/text';
export { WORDS, type Words } from './report/words';
export { copyFailureText } from './report/copy-failure';
