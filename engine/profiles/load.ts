/**
 * A profile from outside (a province's file), loaded once and checked whole: its shape by the
 * profile schema, then every rule it names against the rule catalog, each rule's options by
 * that rule's own schema. A rule id that does not exist or an option of the wrong type is one
 * clear profile error when the profile is loaded, never a failure on every workbook checked.
 */
import { ruleIds, ruleMeta } from '../rules';
import { closest } from '../text/fuzzy';
import { ProfileError, parseProfile, resolveProfile, settingOptions } from './index';
import type { Profile } from './schema';

/** What is wrong with the rules a profile names, one line each (empty when nothing is). */
export function ruleSettingProblems(profile: Profile): string[] {
  const problems: string[] = [];
  profile.versions.forEach((version, i) => {
    for (const [id, setting] of Object.entries(version.rules ?? {})) {
      const at = `versions.${i}.rules.${id}`;
      const meta = ruleMeta(id);
      if (!meta) {
        const near = closest(id, ruleIds().map((key) => ({ key, item: key })));
        problems.push(`${at}: không có quy tắc "${id}"${near ? `; có phải "${near.item}"?` : ''} (xem danh mục: thidua rules)`);
        continue;
      }
      const options = settingOptions(setting);
      if (!meta.options) {
        if (Object.keys(options).length > 0) problems.push(`${at}.options: quy tắc này không có tùy chọn`);
        continue;
      }
      const parsed = meta.options.safeParse(options);
      if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${at}.options.${issue.path.join('.')}: ${issue.message}`);
    }
  });
  return problems;
}

/**
 * A profile's data, checked whole (see the module's comment), every version resolved against
 * what it extends: the one way a profile from outside enters (`--profile` a file, `profiles
 * --check`). Throws ProfileError.
 */
export function loadProfile(data: unknown): Profile {
  const profile = parseProfile(data);
  const problems = ruleSettingProblems(profile);
  if (problems.length > 0) throw new ProfileError(`Bộ quy tắc không hợp lệ:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  for (const v of profile.versions) resolveProfile(profile, v.from);
  return profile;
}
