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

/** A rule's messages: messageId → text with `{placeholders}`, in both languages. */
export type Messages = Record<string, Bilingual>;

/** The `{placeholder}` names of a message text, as a union of string literal types. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/**
 * The data a message needs: every placeholder of its vi and en texts, each a string or a
 * number (more keys may go with them, for the report's `data`).
 */
export type DataFor<B extends Bilingual> = [Placeholders<B['vi']> | Placeholders<B['en']>] extends [never]
  ? { data?: MessageData }
  : { data: { [K in Placeholders<B['vi']> | Placeholders<B['en']>]: string | number } & MessageData };

/**
 * The safe fix a rule's suggestion is (ESLint's `meta.fixable`): the same text in NFC, the
 * same text with its spaces tidied, the number a text stood for, or a value recomputed from
 * the workbook's own figures. A front end may write such a suggestion into the cell.
 */
export type FixKind = 'nfc' | 'spaces' | 'number' | 'recomputed';

export interface RuleMeta<M extends Messages = Messages, O extends z.ZodType | undefined = z.ZodType | undefined> {
  category: RuleCategory;
  description: Bilingual;
  /**
   * Legal basis cited by every finding of the rule (`Luật Thi đua, khen thưởng 2022, Điều 5`),
   * for the law now in force; a profile version may give another (`rules.<id>.basis`).
   */
  basis?: string;
  /**
   * The profile's figure the rule applies (a threshold, a quota, a window): its basis is the
   * rule's where the rule has none of its own.
   */
  figure?: FigureKey;
  /** Sheets that must be present for the rule to run (a rule whose sheet is absent says nothing). */
  sheets?: readonly SheetKey[];
  messages: M;
  /** The rule's options, with defaults; profiles may set them. */
  options?: O;
  /** The safe fix its suggestion offers, if it is one. */
  fix?: FixKind;
  /**
   * Rules that own the cause when both speak of one cell: a finding of this rule is dropped
   * where one of theirs stands at the same place (one cause, one finding).
   */
  defersTo?: readonly string[];
}

/** The figures of a profile that carry their own basis. */
export type FigureKey = 'precedence' | 'quota' | 'approval' | 'quorum' | 'percentDenominator' | 'rotation' | 'meetingWindow' | 'blocSize' | 'excellentShare';

/** What a rule reports: one of its own messages, with the data that message needs. */
export type Report<M extends Messages = Messages> = {
  [K in keyof M & string]: {
    at?: Place;
    messageId: K;
    suggestion?: string;
    /** Where a figure of the profile is the basis (a quota, a threshold), its basis. */
    basis?: string;
  } & DataFor<M[K]>;
}[keyof M & string];

/** How the profile was chosen: `Bộ quy tắc` may name one that does not exist. */
export interface ProfileChoice {
  /** What `Bộ quy tắc` says, where it says it, and whether a profile of that id exists. */
  requested?: { text: string; at: Place; found: boolean };
  used: string;
  known: readonly string[];
}

/** A rule's options as its schema makes them (defaults filled in), or none. */
export type OptionsOf<O> = O extends z.ZodType ? z.infer<O> : Record<string, never>;

export interface RuleContext<M extends Messages = Messages, O extends z.ZodType | undefined = z.ZodType | undefined> {
  readonly model: BlocModel;
  readonly profileChoice: ProfileChoice;
  /** The rule's options: the profile's, checked and completed by `meta.options`. */
  readonly options: OptionsOf<O>;
  readonly settings: Settings;
  /** Today, ISO; the engine is pure, so the clock comes in with the options. */
  readonly today: string;
  /** Every sheet of the template found in the workbook. */
  readonly views: readonly SheetView[];
  report(r: Report<M>): void;
  /** The member's display name. */
  memberName(index: number): string;
  /** The member a mistyped unit name most likely means. */
  suggestMember(text: string): Member | undefined;
}

/** A rule as the engine holds it (its messages and options no longer told apart by type). */
export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/**
 * A rule, checked by the compiler as ESLint's RuleTester checks one at run time: `ctx.report`
 * takes only the rule's own messageIds, each with the data its placeholders need, and
 * `ctx.options` is what the rule's option schema makes.
 */
export function defineRule<const M extends Messages, O extends z.ZodType | undefined = undefined>(rule: {
  id: string;
  meta: RuleMeta<M, O>;
  check(ctx: RuleContext<M, O>): void;
}): Rule {
  return rule as unknown as Rule;
}

/** A rule over the workbooks of one run (batch/*). */
export interface BatchFile {
  /** The file's path as given, or any id the front end uses. */
  id: string;
  bloc: BlocSummary;
  /**
   * The settings of the file's profile, in the version it was checked with: a cross-file
   * finding takes its severity from the first file it names.
   */
  settings: Settings;
}

export type BatchReport<M extends Messages = Messages> = {
  [K in keyof M & string]: { files: string[]; messageId: K } & DataFor<M[K]>;
}[keyof M & string];

export interface BatchRuleContext<M extends Messages = Messages> {
  readonly files: readonly BatchFile[];
  report(r: BatchReport<M>): void;
}

export interface BatchRule {
  id: string;
  meta: RuleMeta;
  check(ctx: BatchRuleContext): void;
}

/** A rule over a run's workbooks, typed as `defineRule` types a rule over one. */
export function defineBatchRule<const M extends Messages, O extends z.ZodType | undefined = undefined>(rule: { id: string; meta: RuleMeta<M, O>; check(ctx: BatchRuleContext<M>): void }): BatchRule {
  return rule as unknown as BatchRule;
}
