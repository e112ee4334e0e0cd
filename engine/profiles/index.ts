import quocGia from './quoc-gia.json';
import viDuTinh from './vi-du-tinh.json';
import { type Award, type Profile, ProfileSchema, type Settings, SettingsSchema, type Severity } from './schema';
import { canonicalProvince } from './provinces';
import { headerKey, memoize, toneKey } from '../text/normalize';
import { closest } from '../text/fuzzy';
import type { FigureKey } from '../rules/types';

/** The profiles shipped with thidua. */
export const BUILT_IN_PROFILES: readonly Profile[] = [quocGia, viDuTinh].map((p) => ProfileSchema.parse(p));

export const DEFAULT_PROFILE_ID = 'quoc-gia';

/** The built-in profiles a real template offers in `Bộ quy tắc`: a made-up example's is for demonstrations only. */
export const OFFERED_PROFILES: readonly string[] = BUILT_IN_PROFILES.filter((p) => !p.example).map((p) => p.id);

export class ProfileError extends Error {}

/** Check a profile (from a file a province wrote); throws ProfileError with every problem listed. */
export function parseProfile(data: unknown): Profile {
  const r = ProfileSchema.safeParse(data);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `- ${i.path.join('.') || '(gốc)'}: ${i.message}`);
  throw new ProfileError(`Bộ quy tắc không hợp lệ:\n${lines.join('\n')}`);
}

export function findProfile(id: string, extra: readonly Profile[] = []): Profile | undefined {
  const k = id.trim().toLowerCase();
  return [...extra, ...BUILT_IN_PROFILES].find((p) => p.id === k);
}

/** The profile whose `provinces` names this province, else undefined. */
export function profileForProvince(province: string, extra: readonly Profile[] = []): Profile | undefined {
  const canon = canonicalProvince(province) ?? province;
  const k = headerKey(canon);
  return [...extra, ...BUILT_IN_PROFILES].find((p) => p.provinces.some((q) => headerKey(canonicalProvince(q) ?? q) === k));
}

/** Settings in force on a date: the base profile's, then each version up to the date. */
export interface ResolvedProfile {
  profile: Profile;
  /** Effective date of the newest version applied (the report's `profile.version`). */
  version: string;
  settings: Settings;
}

/** A rule named again keeps the options it had unless the new setting gives its own. */
function mergeRules(base: Settings['rules'], over: Settings['rules']): Settings['rules'] {
  const out = { ...base };
  for (const [id, setting] of Object.entries(over)) {
    const prev = out[id];
    const prevObj = typeof prev === 'object' ? prev : prev !== undefined ? { severity: prev } : {};
    const nextObj = typeof setting === 'object' ? setting : { severity: setting };
    out[id] = { ...prevObj, ...nextObj, options: { ...prevObj.options, ...nextObj.options } };
  }
  return out;
}

/** Severity of a rule setting (`off` when the profile names it without one). */
export function settingSeverity(setting: Settings['rules'][string] | undefined): Severity | undefined {
  return typeof setting === 'object' ? setting.severity : setting;
}

/** The basis a profile version gives a rule's findings, where it gives one. */
export function settingBasis(setting: Settings['rules'][string] | undefined): string | undefined {
  return typeof setting === 'object' ? setting.basis : undefined;
}

/**
 * The basis of a figure of the settings: its own, or, for the quota (one basis a kind), the
 * province flags' (the quota rule names the kind's where it reports one).
 */
export function figureBasis(settings: Settings, key: FigureKey | undefined): string | undefined {
  if (key === undefined) return undefined;
  return key === 'quota' ? settings.quota.provinceFlags.basis : settings[key].basis;
}

export function settingOptions(setting: Settings['rules'][string] | undefined): Record<string, unknown> {
  return typeof setting === 'object' ? (setting.options ?? {}) : {};
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined || k === 'from' || k === 'basis') continue;
    const prev = out[k];
    // `rules` is a map to merge rule by rule; every other object merges one level down.
    if (k === 'rules' && prev && typeof prev === 'object') out[k] = mergeRules(prev as Settings['rules'], v as Settings['rules']);
    else if (!Array.isArray(v) && v !== null && typeof v === 'object' && prev && typeof prev === 'object' && !Array.isArray(prev)) {
      out[k] = { ...(prev as object), ...(v as object) };
    } else out[k] = v;
  }
  return out;
}

const resolvedCache = new WeakMap<Profile, Map<string, ResolvedProfile>>();

/** The settings of a profile in force on a date (cached: a batch has few distinct dates). */
export function resolveProfile(profile: Profile, onDate: string, extra: readonly Profile[] = []): ResolvedProfile {
  const key = `${onDate}|${extra.map((p) => p.id).join(',')}`;
  let byDate = resolvedCache.get(profile);
  if (!byDate) resolvedCache.set(profile, (byDate = new Map()));
  let r = byDate.get(key);
  if (!r) {
    r = resolveUncached(profile, onDate, extra, []);
    if (byDate.size > 500) byDate.clear();
    byDate.set(key, r);
  }
  return r;
}

function resolveUncached(profile: Profile, onDate: string, extra: readonly Profile[], seen: string[]): ResolvedProfile {
  if (seen.includes(profile.id)) throw new ProfileError(`Bộ quy tắc kế thừa vòng tròn: ${[...seen, profile.id].join(' → ')}`);
  let settings: Record<string, unknown> = {};
  let version = '';
  if (profile.extends) {
    const base = findProfile(profile.extends, extra);
    if (!base) throw new ProfileError(`Bộ quy tắc "${profile.id}" kế thừa "${profile.extends}", nhưng không có bộ quy tắc này.`);
    const r = resolveUncached(base, onDate, extra, [...seen, profile.id]);
    settings = r.settings as unknown as Record<string, unknown>;
    version = r.version;
  }
  // A date before the first version still uses the first version: the oldest law we know.
  const applicable = profile.versions.filter((v, i) => i === 0 || v.from <= onDate);
  for (const v of applicable) {
    settings = merge(settings, v as unknown as Record<string, unknown>);
    if (v.from > version) version = v.from;
  }
  const parsed = SettingsSchema.safeParse(settings);
  if (!parsed.success) throw new ProfileError(`Bộ quy tắc "${profile.id}" thiếu mục: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  return { profile, version, settings: parsed.data };
}

/** The national profile as in force today's law (its newest version): defaults, the catalog, the template's awards. */
export function currentNationalSettings(): Settings {
  return resolveProfile(findProfile(DEFAULT_PROFILE_ID)!, '9999-12-31').settings;
}

/**
 * The severity a rule has under these settings, the one way the engine, the template's
 * checks and the catalog resolve it: the profile's setting, else the national profile's of
 * today (a province's file may predate a rule), else `warning` (a rule the national profile
 * does not name yet still runs: a test holds that every rule is named there).
 */
export function ruleSeverity(settings: Settings, id: string): Severity {
  national ??= currentNationalSettings().rules;
  return settingSeverity(settings.rules[id]) ?? settingSeverity(national[id]) ?? 'warning';
}
let national: Settings['rules'] | undefined;

/** Award catalog lookup by name or alias (case, spacing and tone placement folded). */
export interface AwardMatch {
  award: Award;
  leading: boolean;
}

export function matchAward(name: string, settings: Settings): AwardMatch | undefined {
  const k = awardKey(name);
  for (const award of settings.awards) {
    if (awardKey(award.name) === k) return { award, leading: award.leading };
    for (const alias of award.aliases) {
      const aliasName = typeof alias === 'string' ? alias : alias.name;
      if (awardKey(aliasName) === k) return { award, leading: award.leading || (typeof alias !== 'string' && alias.leading) };
    }
  }
  return undefined;
}

/** `UBND` and `Ủy ban nhân dân` are one; the bloc's own province name may follow `tỉnh`. */
const awardKey = memoize((name: string): string =>
  toneKey(name)
    .replace(toneKey('ủy ban nhân dân'), 'ubnd')
    .replace(/[.,;:()"]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`(${toneKey('tỉnh')}|${toneKey('thành phố')})( .*)?$`, 'u'), '$1')
    .trim(),
);

export function suggestAward(name: string, settings: Settings): string | undefined {
  const candidates = settings.awards.flatMap((a) => [a.name, ...a.aliases.map((x) => (typeof x === 'string' ? x : x.name))].map((n) => ({ key: awardKey(n), item: a.name })));
  const k = awardKey(name);
  const near = closest(k, candidates, Math.max(3, Math.floor([...k].length / 4)))?.item;
  if (near) return near;
  // A name cut short ("Cờ thi đua UBND", "Bằng khen Thủ tướng"): the award whose name holds every
  // word of it, with the fewest words besides, when only one award is that near.
  const words = k.split(' ').filter((w) => w !== '');
  if (words.length < 2) return undefined;
  const holding = candidates
    .map((c) => ({ item: c.item, words: c.key.split(' ') }))
    .filter((c) => words.every((w) => c.words.includes(w)))
    .map((c) => ({ item: c.item, extra: c.words.length - words.length }));
  const fewest = Math.min(...holding.map((c) => c.extra));
  const best = new Set(holding.filter((c) => c.extra === fewest).map((c) => c.item));
  return best.size === 1 ? [...best][0] : undefined;
}
