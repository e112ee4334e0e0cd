import { z } from 'zod';
import { settingBasis, settingOptions } from '../../profiles';
import { canonicalProvince } from '../../profiles/provinces';
import { unitKey } from '../../text/abbreviations';
import { headerKey } from '../../text/normalize';
import { isGovernmentFlag } from '../awards/catalog';
import { defineBatchRule, type BatchFile } from '../types';
import { blocIdentity } from './identity';

const ID = 'batch/government-flag-share';

const Options = z.object({
  /** Government flags at most this share of the collectives proposed for a flag (Nghị định 91/2017, Điều 11 khoản 1: 20 %). */
  max: z.number().min(0).max(1).default(0.2),
});

/** What one bloc's workbook proposes: its Government flags and the collectives proposed for any flag. */
function flags(file: BatchFile): { government: number; standard: number } {
  const government = new Set<string>();
  const standard = new Set<string>();
  for (const p of file.bloc.proposals) {
    const award = file.settings.awards.find((a) => a.id === p.award);
    if (!award || award.kind !== 'flag' || !p.unit.trim()) continue;
    const unit = unitKey(p.unit);
    standard.add(unit);
    if (isGovernmentFlag(award)) government.add(unit);
  }
  return { government: government.size, standard: standard.size };
}

/**
 * The Government flags of one province and year, across its blocs' workbooks, against the
 * province-wide limit of the decree in force. A Government flag goes to a collective that meets
 * the province flag's standard (it leads among them), so the collectives meeting that standard
 * are, in the blocs' workbooks, those proposed for a province flag or for the Government flag.
 * One bloc alone says nothing of the province: the rule speaks from two blocs of a province on.
 */
export default defineBatchRule({
  id: ID,
  meta: {
    category: 'batch',
    description: {
      vi: 'Trong một tỉnh và một năm, số tập thể được đề nghị Cờ thi đua của Chính phủ vượt tỷ lệ tối đa (20 %) của số tập thể được đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ, tính trên các sổ của đợt kiểm tra.',
      en: 'In one province and year, the collectives proposed for the Government flag exceed the largest share (20 %) of the collectives proposed for the province flag or the Government flag, across the workbooks of the run.',
    },
    basis: 'Nghị định 91/2017/NĐ-CP, Điều 11',
    options: Options,
    messages: {
      over: {
        vi: '{province}, năm {year}: {government} tập thể được đề nghị Cờ thi đua của Chính phủ trong {blocs} sổ của đợt này, vượt {max} % của {standard} tập thể được đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ (tối đa {allowed}). Nếu đợt này chưa có đủ các khối của tỉnh, hãy xét cùng các sổ còn lại; nếu đã đủ, chỉ giữ các tập thể tiêu biểu nhất. Căn cứ: {basis}.',
        en: '{province}, {year}: {government} collectives are proposed for the Government flag in the {blocs} workbooks of this run, over {max} % of the {standard} collectives proposed for the province flag or the Government flag (at most {allowed}). If this run lacks some of the province\'s blocs, weigh it with the others; if not, keep only the most outstanding. Basis: {basis}.',
      },
    },
  },
  check(ctx) {
    // One workbook a bloc and year (a duplicate submission is another rule's), grouped by province and year.
    const groups = new Map<string, { province: string; year: number; files: Map<string, BatchFile> }>();
    for (const f of ctx.files) {
      const { province, year } = f.bloc;
      if (province === undefined || year === undefined) continue;
      const canon = canonicalProvince(province) ?? province;
      const key = `${headerKey(canon)}|${year}`;
      const group = groups.get(key) ?? { province: canon, year, files: new Map<string, BatchFile>() };
      const bloc = blocIdentity(f.bloc) ?? f.id;
      if (!group.files.has(bloc)) group.files.set(bloc, f);
      groups.set(key, group);
    }
    for (const { province, year, files } of groups.values()) {
      if (files.size < 2) continue;
      const first = [...files.values()][0]!;
      const setting = first.settings.rules[ID];
      const options = Options.safeParse(settingOptions(setting));
      const max = options.success ? options.data.max : 0.2;
      let government = 0;
      let standard = 0;
      const proposing: string[] = [];
      for (const f of files.values()) {
        const n = flags(f);
        government += n.government;
        standard += n.standard;
        if (n.government > 0) proposing.push(f.id);
      }
      const allowed = Math.floor(max * standard + 1e-9);
      if (government <= allowed) continue;
      ctx.report({
        files: proposing,
        messageId: 'over',
        data: { province, year, government, blocs: files.size, standard, max: Math.round(max * 1000) / 10, allowed, basis: settingBasis(setting) ?? 'Nghị định 91/2017/NĐ-CP, Điều 11' },
      });
    }
  },
});
