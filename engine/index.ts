/**
 * thidua's engine: a front end turns a workbook into a Grid, the engine turns a Grid into a
 * report, a formatter or the pane shows the report. Pure TypeScript: no Node, Office.js,
 * ExcelJS or DOM.
 */
export type { Cell, CellKind, Grid, GridSheet, PlainValue } from './model/grid';
export { SheetView, columnLetters, fromA1, sheetFromRows, toA1, toCell } from './model/grid';
export type { BlocModel, BlocSummary, Member, Place, UnitRef, AwardRef, VoteRow, Proposal } from './model/bloc';
export { summarize } from './model/bloc';
export { readBloc } from './template/reader';
export { isTemplateSheetName, templateSheetOf } from './template/locate';
export { type Criterion, DEFAULT_CRITERIA, headerHeight, MAX_CRITERIA, parseCriteria, LISTS_SHEET, memberListRange, REQUIRED_MARK, tableRows, templateLayout } from './template/layout';
export { type Geometry, geometryOf } from './template/geometry';
export { CHECK_SHEET, checkedCells, checkSheetCells, COLOUR_LEGEND, defaultGeometry, fittingSheets, formatBlocks, HELPER_COLUMN, qualify, renamed, ruleDescription, sheetsRead, TEMPLATE_CHECKS, templateChecks, testAt, type TemplateCheck } from './template/checks';
export type { LayoutSheet, TemplatePrefill, Validation } from './template/layout';
export { builtinFormatKind, isDateFormatCode, isPercentFormatCode, numberFormatKind } from './model/number-format';
export type { NumberFormatKind } from './model/number-format';
export { INFO_SHEET, TABLE_SHEETS, SHEETS, RATINGS } from './template/spec';
export type { ColumnSpec, TableSheetSpec, InfoSheetSpec, SheetKey, Rating } from './template/spec';
export { parseVietnameseNumber, parseDateText, serialToIso, formatNumberVi, formatIsoDate } from './template/values';
export { checkGrid, checkBatch, countFindings } from './check';
export type { BlocResult, CheckOptions, Counts, CrossFileFinding } from './check';
export { RULES, BATCH_RULES } from './rules';
export { governmentFlagTally, type GovernmentFlagTally, TALLY_TEXT, tallyRows, tallyVerdict } from './rules/batch/government-flag-share';
export type { Rule, BatchRule, RuleMeta, Lang, BatchFile, FixKind } from './rules/types';
export { RULE_FAILED_ID } from './rules/rule-failed';
export { BUILT_IN_PROFILES, DEFAULT_PROFILE_ID, OFFERED_PROFILES, ProfileError, currentNationalSettings, findProfile, profileForProvince, resolveProfile, matchAward } from './profiles';
export type { ResolvedProfile } from './profiles';
export { loadProfile } from './profiles/load';
export { ProfileSchema, SettingsSchema, SeveritySchema } from './profiles/schema';
export type { Profile, Settings, Severity, Award } from './profiles/schema';
export { checkProvince, PROVINCES_BEFORE_2025, PROVINCES_FROM_2025, MERGERS } from './profiles/provinces';
export type { Finding, FindingSeverity, MessageData } from './report/finding';
export { SEVERITY_FILL, SEVERITY_ORDER } from './report/finding';
export { LEGACY_MARK_FORMULA, markFormula, readMark, type MarkRule } from './report/marks';
export { catalog, catalogMarkdown, catalogText, ruleCatalog } from './report/catalog';
export { UNREADABLE, unreadableMessage, type UnreadableVariant } from './report/unreadable';
export { fixOf, fixValue, renderMessage, ruleMeta } from './report/render';
export { renderBasis } from './law/basis';
export { fileJson, findingJson, crossFileJson, reportJson, unreadableJson, TOOL_VERSION } from './report/json';
export { ReportJsonSchema, FileJsonSchema, FindingJsonSchema, ERROR_CODES } from './report/schema';
export type { ReportJson, FileJson, FindingJson, ErrorCode } from './report/schema';
export { checkedDate, SEVERITY_WORDS, STATUS_WORDS, UNSAFE_CHARS, formatFileText, formatReportText, safeText } from './report/text';
export { nfc, toneKey, headerKey } from './text/normalize';
export { unitKey } from './text/abbreviations';
export { detectLegacy, tcvn3ToUnicode, vniToUnicode } from './text/legacy';
export { editDistance } from './text/fuzzy';
