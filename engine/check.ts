import type { Grid } from './model/grid';
import type { BlocModel } from './model/bloc';
import { BUILT_IN_PROFILES, DEFAULT_PROFILE_ID, ProfileError, currentNationalSettings, figureBasis, findProfile, matchAward, profileForProvince, resolveProfile, settingBasis, ruleSeverity, settingOptions } from './profiles';
import type { Profile, Settings } from './profiles/schema';
import { type Finding, type FindingSeverity, placeFields, sortFindings } from './report/finding';
import { BATCH_RULES, RULES, ruleMeta } from './rules';
import { ruleFailed } from './rules/rule-failed';
import type { BatchFile, ProfileChoice, Rule, RuleContext } from './rules/types';
import { readBlocWithIndex } from './template/reader';

/**
 * Options of a check. A profile that cannot be used (an unknown forced id, one that extends
 * a profile that does not exist) is the caller's mistake and throws ProfileError; nothing
 * in a workbook makes the check throw.
 */
export interface CheckOptions {
  /** Force a profile (the command line's --profile): an id or a parsed profile. */
  profile?: string | Profile;
  /** Profiles from files, besides the built-in ones. */
  profiles?: readonly Profile[];
  /** Today as `yyyy-mm-dd` (for "this year + 1"); default: the clock. */
  today?: string;
}

export type Counts = Record<FindingSeverity, number>;

export interface BlocResult {
  model: BlocModel;
  profile: { id: string; version: string };
  settings: Settings;
  findings: Finding[];
  counts: Counts;
  /** `invalid` when a finding has severity error. */
  status: 'valid' | 'invalid';
  bloc: { province?: string; name?: string; year?: number };
}

const QUOC_GIA = findProfile(DEFAULT_PROFILE_ID)!;

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Which profile, in force on which date: forced, else `Bộ quy tắc`, else the province's, else quoc-gia. */
function chooseProfile(model: BlocModel, options: CheckOptions): { profile: Profile; choice: ProfileChoice; onDate: string } {
  const extra = options.profiles ?? [];
  const { info } = model;
  const onDate = info.meetingDate.value ?? (info.year.value !== undefined ? `${info.year.value}-12-31` : (options.today ?? todayIso()));
  const known = [...extra, ...BUILT_IN_PROFILES].map((p) => p.id);
  const byProvince = () => (info.province.value ? profileForProvince(info.province.value, extra) : undefined) ?? QUOC_GIA;
  let profile: Profile;
  let requested: ProfileChoice['requested'];
  if (options.profile !== undefined) {
    const forced = typeof options.profile === 'string' ? findProfile(options.profile, extra) : options.profile;
    if (!forced) throw new ProfileError(`Không có bộ quy tắc "${String(options.profile)}". Có: ${known.join(', ')}.`);
    profile = forced;
  } else if (info.profile.value !== undefined) {
    const named = findProfile(info.profile.value, extra);
    requested = { text: info.profile.value, at: info.profile.at, found: named !== undefined };
    profile = named ?? byProvince();
  } else profile = byProvince();
  return { profile, onDate, choice: { ...(requested ? { requested } : {}), used: profile.id, known } };
}

/** Names of awards resolved against the profile's catalog. */
function resolveAwards(model: BlocModel, settings: Settings): void {
  for (const ref of [...model.votes.map((v) => v.award), ...model.proposals.map((p) => p.award)]) {
    const hit = matchAward(ref.text, settings);
    if (hit) {
      ref.id = hit.award.id;
      ref.leading = hit.leading;
    }
  }
}


/**
 * One cause, one finding, decided once for all rules: a rule that defers to another
 * (`meta.defersTo`) says nothing at a cell where that rule has spoken.
 */
function oneCauseOneFinding(findings: Finding[]): Finding[] {
  const at = (f: Finding) => `${f.sheet ?? ''}!${f.cell ?? f.row ?? ''}`;
  const spoken = new Set(findings.map((f) => `${f.ruleId} ${at(f)}`));
  return findings.filter((f) => !(ruleMeta(f.ruleId)?.defersTo ?? []).some((owner) => spoken.has(`${owner} ${at(f)}`)));
}

type RuleOptions = { ok: true; options: Record<string, unknown> } | { ok: false; error: string };

/** Each rule's options by the settings they come from (resolved settings are kept, so are these). */
const optionsCache = new WeakMap<Settings, Map<string, RuleOptions>>();

/** The rule's options from the profile, checked by the rule's own schema (defaults filled in). */
function optionsOf(rule: Rule, settings: Settings): RuleOptions {
  let bySettings = optionsCache.get(settings);
  if (!bySettings) optionsCache.set(settings, (bySettings = new Map()));
  let options = bySettings.get(rule.id);
  if (!options) bySettings.set(rule.id, (options = parseOptions(rule, settings)));
  return options;
}

function parseOptions(rule: Rule, settings: Settings): RuleOptions {
  const given = settingOptions(settings.rules[rule.id]);
  if (!rule.meta.options) return { ok: true, options: given };
  const parsed = rule.meta.options.safeParse(given);
  if (parsed.success) return { ok: true, options: parsed.data as Record<string, unknown> };
  return { ok: false, error: `tùy chọn trong bộ quy tắc không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
}

/** The longest text a finding quotes from a cell; past it, the start and `…`. */
const MAX_QUOTED = 300;
/** Excel's limit on a cell's text: a suggestion longer than that could never be typed in. */
const MAX_SUGGESTION = 32767;

/** Cut a quoted text to MAX_QUOTED characters, never inside a surrogate pair. */
function quoted(s: string): string {
  if (s.length <= MAX_QUOTED) return s;
  const cut = /[\ud800-\udbff]/.test(s[MAX_QUOTED - 1]!) ? MAX_QUOTED - 1 : MAX_QUOTED;
  return `${s.slice(0, cut)}…`;
}

/**
 * Report data is JSON: a value that is not a finite number is shown as text, and a long text
 * (a cell of 32,767 characters, a shared string of millions) is quoted by its start only.
 */
function reportData(data: Finding['data'] | undefined): Finding['data'] {
  const out: Finding['data'] = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = typeof v === 'number' && !Number.isFinite(v) ? String(v) : typeof v === 'string' ? quoted(v) : v;
  return out;
}

/** The engine: a Grid in, the bloc and its findings out. Never throws on any grid. */
export function checkGrid(grid: Grid, options: CheckOptions = {}): BlocResult {
  const { model, index } = readBlocWithIndex(grid);
  const { profile, choice, onDate } = chooseProfile(model, options);
  const resolved = resolveProfile(profile, onDate, options.profiles ?? []);
  const { settings } = resolved;
  resolveAwards(model, settings);
  const views = Object.values(model.sheets).map((s) => s!.view);
  const findings: Finding[] = [];
  const today = options.today ?? todayIso();
  for (const rule of RULES) {
    const severity = ruleSeverity(settings, rule.id);
    if (severity === 'off') continue;
    if (rule.meta.sheets?.some((s) => !model.sheets[s])) continue;
    const opts = optionsOf(rule, settings);
    // The law in force on the conference date: a version may cite another article for the rule.
    const ruleBasis = settingBasis(settings.rules[rule.id]);
    if (!opts.ok) {
      findings.push(ruleFailed(rule.id, opts.error));
      continue;
    }
    const ctx: RuleContext = {
      options: opts.options,
      model,
      settings,
      today,
      views,
      profileChoice: choice,
      memberName: (i) => model.members[i]?.name ?? '?',
      suggestMember: (text) => index.suggest(text),
      report: (r) => {
        const basis = r.basis ?? ruleBasis ?? rule.meta.basis ?? figureBasis(settings, rule.meta.figure);
        findings.push({
          ruleId: rule.id,
          severity,
          messageId: r.messageId,
          data: reportData(r.data),
          ...placeFields(r.at),
          ...(r.suggestion !== undefined && r.suggestion.length <= MAX_SUGGESTION ? { suggestion: r.suggestion } : {}),
          ...(basis !== undefined ? { basis } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push(ruleFailed(rule.id, e));
    }
  }
  const sorted = sortFindings(oneCauseOneFinding(findings), grid.sheets.map((s) => s.name));
  const counts = countFindings(sorted);
  const { province, blocName, year } = model.info;
  return {
    model,
    profile: { id: profile.id, version: resolved.version },
    settings,
    findings: sorted,
    counts,
    status: counts.error > 0 ? 'invalid' : 'valid',
    bloc: {
      ...(province.value !== undefined ? { province: province.value } : {}),
      ...(blocName.value !== undefined ? { name: blocName.value } : {}),
      ...(year.value !== undefined ? { year: year.value } : {}),
    },
  };
}

export function countFindings(findings: readonly { severity: FindingSeverity }[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface CrossFileFinding {
  ruleId: string;
  severity: FindingSeverity;
  messageId: string;
  data: Finding['data'];
  files: string[];
}

/**
 * The batch/* rules over the workbooks of one run. A finding's severity is that of the profile
 * (and version) of the first file it names: the law of that file's year.
 */
export function checkBatch(files: readonly BatchFile[]): CrossFileFinding[] {
  const out: CrossFileFinding[] = [];
  const byId = new Map(files.map((f) => [f.id, f]));
  for (const rule of BATCH_RULES) {
    try {
      rule.check({
        files,
        report: (r) => {
          const severity = ruleSeverity(byId.get(r.files[0] ?? '')?.settings ?? currentNationalSettings(), rule.id);
          if (severity !== 'off') out.push({ ruleId: rule.id, severity, messageId: r.messageId, data: r.data ?? {}, files: r.files });
        },
      });
    } catch (e) {
      out.push({ ...ruleFailed(rule.id, e), files: files.map((f) => f.id) });
    }
  }
  return out;
}
