import { z } from 'zod';
import { settingBasis, settingOptions, settingSeverity } from '../../profiles';
import { unitKey } from '../../text/abbreviations';
import { isGovernmentFlag, matchAwardById } from '../awards/catalog';
import { defineBatchRule, type BatchFile, type Lang } from '../types';
import { blocIdentity, provinceIdentity } from './identity';

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
    const award = matchAwardById(p.award, file.settings);
    if (!award || award.kind !== 'flag' || !p.unit.trim()) continue;
    const unit = unitKey(p.unit);
    standard.add(unit);
    if (isGovernmentFlag(award)) government.add(unit);
  }
  return { government: government.size, standard: standard.size };
}

/** The Government flags of one province and year, across the blocs of a run. */
export interface GovernmentFlagTally {
  province: string;
  year: number;
  /** Blocs (one workbook each) of the province and year in the run. */
  blocs: number;
  /** Collectives proposed for a province flag or the Government flag. */
  standard: number;
  government: number;
  /** The limit of the law of that year, where the profile applies one (the rule is on). */
  limit?: { max: number; allowed: number; basis: string };
  /** The workbooks proposing a Government flag. */
  proposing: string[];
}

/**
 * The Government flags of each province and year against the province-wide limit of the decree
 * in force. A Government flag goes to a collective that meets the province flag's standard (it
 * leads among them), so the collectives meeting that standard are, in the blocs' workbooks,
 * those proposed for a province flag or for the Government flag. One workbook a bloc (a
 * duplicate submission is another rule's). The office's summary and desk page show this table;
 * the rule reports the rows over the limit.
 */
export function governmentFlagTally(files: readonly BatchFile[]): GovernmentFlagTally[] {
  const groups = new Map<string, { province: string; year: number; files: Map<string, BatchFile> }>();
  for (const f of files) {
    const { province, year } = f.bloc;
    if (province === undefined || year === undefined) continue;
    const p = provinceIdentity(province);
    const key = `${p.key}|${year}`;
    const group = groups.get(key) ?? { province: p.name, year, files: new Map<string, BatchFile>() };
    const bloc = blocIdentity(f.bloc) ?? f.id;
    if (!group.files.has(bloc)) group.files.set(bloc, f);
    groups.set(key, group);
  }
  const out: GovernmentFlagTally[] = [];
  for (const { province, year, files: blocs } of groups.values()) {
    let government = 0;
    let standard = 0;
    const proposing: string[] = [];
    for (const f of blocs.values()) {
      const n = flags(f);
      government += n.government;
      standard += n.standard;
      if (n.government > 0) proposing.push(f.id);
    }
    if (standard === 0) continue;
    const setting = [...blocs.values()][0]!.settings.rules[ID];
    const on = settingSeverity(setting) !== undefined && settingSeverity(setting) !== 'off';
    const options = Options.safeParse(settingOptions(setting));
    const { max } = options.success ? options.data : Options.parse({});
    const limit = on ? { max, allowed: Math.floor(max * standard + 1e-9), basis: settingBasis(setting) ?? DEFAULT_BASIS } : undefined;
    out.push({ province, year, blocs: blocs.size, standard, government, ...(limit ? { limit } : {}), proposing });
  }
  return out.sort((a, b) => a.province.localeCompare(b.province, 'vi') || a.year - b.year);
}

const DEFAULT_BASIS = 'Nghị định 91/2017/NĐ-CP, Điều 11';

/** One bloc alone says nothing of its province: the rule speaks from two blocs of a province on. */
export default defineBatchRule({
  id: ID,
  meta: {
    category: 'batch',
    description: {
      vi: 'Trong một tỉnh và một năm, số tập thể được đề nghị Cờ thi đua của Chính phủ vượt tỷ lệ tối đa (20 %) của số tập thể được đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ, tính trên các sổ của đợt kiểm tra.',
      en: 'In one province and year, the collectives proposed for the Government flag exceed the largest share (20 %) of the collectives proposed for the province flag or the Government flag, across the workbooks of the run.',
    },
    basis: DEFAULT_BASIS,
    options: Options,
    messages: {
      over: {
        vi: '{province}, năm {year}: {government} tập thể được đề nghị Cờ thi đua của Chính phủ trong {blocs} sổ của đợt này, vượt {max} % của {standard} tập thể được đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ (tối đa {allowed}). Nếu đợt này chưa có đủ các khối của tỉnh, hãy xét cùng các sổ còn lại; nếu đã đủ, chỉ giữ các tập thể tiêu biểu nhất. Căn cứ: {basis}.',
        en: '{province}, {year}: {government} collectives are proposed for the Government flag in the {blocs} workbooks of this run, over {max} % of the {standard} collectives proposed for the province flag or the Government flag (at most {allowed}). If this run lacks some of the province\'s blocs, weigh it with the others; if not, keep only the most outstanding. Basis: {basis}.',
      },
    },
  },
  check(ctx) {
    for (const t of governmentFlagTally(ctx.files)) {
      if (t.blocs < 2 || !t.limit || t.government <= t.limit.allowed) continue;
      const { max, allowed, basis } = t.limit;
      ctx.report({
        files: t.proposing,
        messageId: 'over',
        data: { province: t.province, year: t.year, government: t.government, blocs: t.blocs, standard: t.standard, max: Math.round(max * 1000) / 10, allowed, basis },
      });
    }
  },
});

export type TallyVerdict = 'within' | 'over' | 'one-bloc' | 'no-limit';

/** What a row of the table says of its province and year. */
export function tallyVerdict(t: GovernmentFlagTally): TallyVerdict {
  if (!t.limit) return 'no-limit';
  if (t.blocs < 2) return 'one-bloc';
  return t.government > t.limit.allowed ? 'over' : 'within';
}

/** The table's words, one place for the office's summary workbook and the desk page. */
export const TALLY_TEXT = {
  vi: {
    title: 'Cờ thi đua của Chính phủ theo tỉnh và năm',
    sheet: 'Cờ Chính phủ',
    head: ['Tỉnh/Thành phố', 'Năm', 'Số khối', 'Tập thể được đề nghị cờ', 'Đề nghị Cờ của Chính phủ', 'Tối đa', 'Kết quả', 'Căn cứ'],
    note: 'Tập thể được đề nghị cờ: đề nghị Cờ thi đua cấp tỉnh hoặc Cờ của Chính phủ, trong các sổ của đợt này. Giới hạn của cả tỉnh: chỉ đúng khi đợt này có đủ các khối của tỉnh.',
    verdict: { within: 'Trong giới hạn', over: 'Vượt giới hạn', 'one-bloc': 'Một khối: chưa đủ để xét cả tỉnh', 'no-limit': 'Không xét: chưa có căn cứ đã đọc cho năm này' },
  },
  en: {
    title: 'Government flags by province and year',
    sheet: 'Government flags',
    head: ['Province', 'Year', 'Blocs', 'Collectives proposed for a flag', 'Government flags proposed', 'At most', 'Result', 'Basis'],
    note: 'Collectives proposed for a flag: for the province flag or the Government flag, in the workbooks of this run. The limit is the whole province\'s: it holds only when the run has all the province\'s blocs.',
    verdict: { within: 'Within the limit', over: 'Over the limit', 'one-bloc': 'One bloc: not enough to judge the province', 'no-limit': 'Not judged: no basis read for this year' },
  },
} as const;

/** The table's rows, in its columns' order: counts as numbers, for a workbook's cells. */
export function tallyRows(tally: readonly GovernmentFlagTally[], lang: Lang): (string | number)[][] {
  return tally.map((t) => [t.province, t.year, t.blocs, t.standard, t.government, t.limit ? t.limit.allowed : '—', TALLY_TEXT[lang].verdict[tallyVerdict(t)], t.limit?.basis ?? '']);
}
