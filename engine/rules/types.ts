import type { z } from 'zod';
import type { BlocModel, BlocSummary, Member, Place } from '../model/bloc';
import type { SheetView } from '../model/grid';
import type { Settings } from '../profiles/schema';
import type { MessageData } from '../report/finding';
import type { SheetKey } from '../template/spec';

export type Lang = 'vi' | 'en';
export type Bilingual = Record<Lang, string>;

export type RuleCategory =
  | 'template' | 'cell' | 'text' | 'bloc' | 'members' | 'refs' | 'rotation' | 'scores' | 'votes' | 'awards' | 'covenant' | 'stats' | 'batch' | 'engine';

export interface RuleMeta {
  category: RuleCategory;
  description: Bilingual;
  /** Legal basis cited by every finding of the rule (`Luật Thi đua, khen thưởng 2022, Điều 5`). */
  basis?: string;
  /** Sheets that must be present for the rule to run (a rule whose sheet is absent says nothing). */
  sheets?: readonly SheetKey[];
  /** messageId → text with `{placeholders}`, in both languages. */
  messages: Record<string, Bilingual>;
  /** The rule's options, with defaults; profiles may set them. */
  options?: z.ZodType;
}

export interface Report {
  at?: Place;
  messageId: string;
  data?: MessageData;
  suggestion?: string;
  /** Where a figure of the profile is the basis (a quota, a threshold), its basis. */
  basis?: string;
}

/** How the profile was chosen: `Bộ quy tắc` may name one that does not exist. */
export interface ProfileChoice {
  /** What `Bộ quy tắc` says, where it says it, and whether a profile of that id exists. */
  requested?: { text: string; at: Place; found: boolean };
  used: string;
  known: readonly string[];
}

export interface RuleContext {
  readonly model: BlocModel;
  readonly profileChoice: ProfileChoice;
  /** The rule's options: the profile's, checked and completed by `meta.options`. */
  readonly options: Record<string, unknown>;
  readonly settings: Settings;
  /** Today, ISO; the engine is pure, so the clock comes in with the options. */
  readonly today: string;
  /** Every sheet of the template found in the workbook. */
  readonly views: readonly SheetView[];
  report(r: Report): void;
  /** The member's display name. */
  memberName(index: number): string;
  /** The member a mistyped unit name most likely means. */
  suggestMember(text: string): Member | undefined;
}

export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** A rule over the workbooks of one run (batch/*). */
export interface BatchFile {
  /** The file's path as given, or any id the front end uses. */
  id: string;
  bloc: BlocSummary;
  /** The severities of the file's profile (the first file's apply to the batch). */
  settings: Settings;
}

export interface BatchReport {
  files: string[];
  messageId: string;
  data?: MessageData;
}

export interface BatchRuleContext {
  readonly files: readonly BatchFile[];
  report(r: BatchReport): void;
}

export interface BatchRule {
  id: string;
  meta: RuleMeta;
  check(ctx: BatchRuleContext): void;
}

export function defineBatchRule(rule: BatchRule): BatchRule {
  return rule;
}
