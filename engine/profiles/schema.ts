import { z } from 'zod';

/**
 * A profile (bộ quy tắc): the severity of each rule, the award catalog and the figures the
 * rules use, each figure with its basis. Versions by effective date; a profile may extend
 * another. Profiles come from outside (files a province writes), so this schema is the
 * only description of their shape: types are inferred from it.
 */

export const SeveritySchema = z.enum(['error', 'warning', 'info', 'off']);
export type Severity = z.infer<typeof SeveritySchema>;

const Basis = z.string().min(1, 'cần ghi căn cứ (basis), ví dụ "thông lệ"');
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng yyyy-mm-dd');
const MonthDay = z.string().regex(/^\d{2}-\d{2}$/, 'ngày dạng mm-dd');
const Share = z.number().min(0).max(1);

/** A rule's setting: its severity, or its severity, options (checked by the rule's own schema) and basis. */
export const RuleSettingSchema = z.union([
  SeveritySchema,
  z.object({
    severity: SeveritySchema.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** The legal basis the rule's findings cite under this version (where the law changed, its article did). */
    basis: Basis.optional(),
  }).strict(),
]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const AwardSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(['flag', 'certificate']),
  level: z.enum(['national', 'province']),
  /** A leading award goes to the bloc's first unit only. */
  leading: z.boolean().default(false),
  aliases: z.array(z.union([z.string(), z.object({ name: z.string(), leading: z.boolean() })])).default([]),
  basis: Basis,
});
export type Award = z.infer<typeof AwardSchema>;

export const SettingsSchema = z.object({
  awards: z.array(AwardSchema).min(1),
  precedence: z.object({ order: z.array(z.string()).min(1), basis: Basis }),
  quota: z.object({
    /** Province flags: at most max(min, ⌊share × members⌋). */
    provinceFlags: z.object({ share: Share, min: z.number().int().min(0), basis: Basis }),
    leadingFlags: z.object({ max: z.number().int().min(0), basis: Basis }),
    governmentFlag: z.object({ max: z.number().int().min(0), basis: Basis }),
    /** Bằng khen: null means no quota. */
    certificates: z.object({ share: Share.nullable(), basis: Basis }),
  }),
  approval: z.object({
    /** Flags need at least this share of members (inclusive). */
    flags: Share,
    /** Other awards need more than this share (exclusive). */
    others: Share,
    basis: Basis,
  }),
  quorum: z.object({ share: Share, basis: Basis }),
  percentDenominator: z.object({ of: z.enum(['members', 'present', 'valid']), basis: Basis }),
  rotation: z.object({ deputySucceeds: z.boolean(), noConsecutiveTerm: z.boolean(), basis: Basis }),
  meetingWindow: z.object({ start: MonthDay, end: MonthDay, basis: Basis }),
  blocSize: z.object({ min: z.number().int().min(1), max: z.number().int().min(1), basis: Basis }),
  excellentShare: z.object({ max: Share, fromYear: z.number().int(), basis: Basis }),
  /**
   * The criteria the province's blocs score on (`Chấm điểm`'s columns of the template, each
   * with its maximum points); none: three to rename.
   */
  criteria: z.object({
    items: z.array(z.object({ name: z.string().trim().min(1, 'cần tên tiêu chí'), max: z.number().positive().optional() }).strict()).min(1).max(30)
      .refine((items) => new Set(items.map((c) => c.name.toLowerCase())).size === items.length, 'mỗi tiêu chí một tên khác nhau'),
    basis: Basis,
  }).optional(),
  /** By rule id: severity (and options); a rule not named keeps what the profile it extends says. */
  rules: z.record(z.string(), RuleSettingSchema),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const VersionSchema = SettingsSchema.partial().extend({
  from: IsoDay,
  basis: Basis,
});
export type ProfileVersion = z.infer<typeof VersionSchema>;

export const ProfileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id chỉ gồm chữ thường không dấu, số và dấu -'),
    name: z.object({ vi: z.string(), en: z.string() }),
    description: z.object({ vi: z.string(), en: z.string() }),
    /** An example for demonstration, not a province's real regulation. */
    example: z.boolean().default(false),
    extends: z.string().optional(),
    /** Provinces (by name) whose workbooks use this profile by default. */
    provinces: z.array(z.string()).default([]),
    versions: z.array(VersionSchema).min(1),
  })
  .superRefine((p, ctx) => {
    const froms = p.versions.map((v) => v.from);
    if (froms.some((f, i) => i > 0 && f <= froms[i - 1]!)) {
      ctx.addIssue({ code: 'custom', path: ['versions'], message: 'các phiên bản phải xếp theo ngày hiệu lực tăng dần' });
    }
    if (!p.extends && p.versions[0] && !SettingsSchema.safeParse(p.versions[0]).success) {
      ctx.addIssue({ code: 'custom', path: ['versions', 0], message: 'phiên bản đầu của bộ quy tắc không kế thừa (extends) phải đủ mọi mục' });
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
