import type { Proposal } from '../../model/bloc';
import type { Award } from '../../profiles/schema';
import { defineRule } from '../types';
import { isGovernmentFlag, matchAwardById } from './catalog';

export default defineRule({
  id: 'awards/quota',
  meta: {
    category: 'awards',
    figure: 'quota',
    description: {
      vi: 'Số đề nghị của một loại vượt chỉ tiêu của bộ quy tắc (mặc định cờ của tỉnh: tối đa max(1, ⌊20 % × số thành viên⌋), trong đó 1 cờ dẫn đầu).',
      en: 'More proposals of a kind than the profile\'s quota (default province flags: max(1, ⌊20 % × members⌋), of which 1 leading).',
    },
    sheets: ['proposals', 'members'],
    messages: {
      provinceFlags: {
        vi: 'Khối đề nghị {count} cờ thi đua của tỉnh, vượt chỉ tiêu {max} (20 % của {members} thành viên, ít nhất 1). Hãy giảm số đề nghị.',
        en: 'The bloc proposes {count} province flags, over the quota of {max} (20 % of {members} members, at least 1). Reduce the proposals.',
      },
      leadingFlags: {
        vi: 'Khối đề nghị {count} cờ "dẫn đầu", vượt chỉ tiêu {max}. Mỗi khối chỉ có một đơn vị dẫn đầu.',
        en: 'The bloc proposes {count} "leading" flags, over the quota of {max}. A bloc has one leading unit.',
      },
      governmentFlag: {
        vi: 'Khối đề nghị {count} Cờ thi đua của Chính phủ, vượt chỉ tiêu {max}.',
        en: 'The bloc proposes {count} Government emulation flags, over the quota of {max}.',
      },
      certificates: {
        vi: 'Khối đề nghị {count} Bằng khen, vượt chỉ tiêu {max} ({share} % của {members} thành viên). Hãy giảm số đề nghị.',
        en: 'The bloc proposes {count} certificates of merit, over the quota of {max} ({share} % of {members} members). Reduce the proposals.',
      },
    },
  },
  check(ctx) {
    const members = ctx.model.members.length;
    if (members === 0) return;
    const { quota } = ctx.settings;
    const resolved = ctx.model.proposals
      .map((p) => ({ p, award: p.award.id ? matchAwardById(p.award.id, ctx.settings) : undefined }))
      .filter((x): x is { p: Proposal; award: Award } => x.award !== undefined);
    // Each kind past its quota is reported at the first proposal over it.
    const over = (list: Proposal[], max: number) => (list.length > max ? { at: list[max]!.award.at, data: { count: list.length, max, members } } : undefined);
    const provinceFlags = resolved.filter((x) => x.award.kind === 'flag' && !isGovernmentFlag(x.award)).map((x) => x.p);
    const province = over(provinceFlags, Math.max(quota.provinceFlags.min, Math.floor(quota.provinceFlags.share * members + 1e-9)));
    if (province) ctx.report({ ...province, messageId: 'provinceFlags', basis: quota.provinceFlags.basis });
    const leading = over(provinceFlags.filter((p) => p.award.leading), quota.leadingFlags.max);
    if (leading) ctx.report({ ...leading, messageId: 'leadingFlags', basis: quota.leadingFlags.basis });
    // More than one Government flag is already against the law (awards/government-flag);
    // the quota speaks only where a profile allows fewer than that.
    const government = quota.governmentFlag.max < 1 ? over(resolved.filter((x) => isGovernmentFlag(x.award)).map((x) => x.p), quota.governmentFlag.max) : undefined;
    if (government) ctx.report({ ...government, messageId: 'governmentFlag', basis: quota.governmentFlag.basis });
    const share = quota.certificates.share;
    const certificates = share === null ? undefined : over(resolved.filter((x) => x.award.kind === 'certificate').map((x) => x.p), Math.floor(share * members + 1e-9));
    if (certificates && share !== null) ctx.report({ at: certificates.at, messageId: 'certificates', data: { ...certificates.data, share: Math.round(share * 100) }, basis: quota.certificates.basis });
  },
});
