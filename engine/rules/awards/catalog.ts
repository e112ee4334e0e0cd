import type { Award } from '../../profiles/schema';
import type { Settings } from '../../profiles/schema';
import type { Proposal } from '../../model/bloc';
import { competitionRanks, trueTotal } from '../helpers';
import type { RuleContext } from '../types';
import { awardIdentity } from '../votes/ballots';

export function matchAwardById(id: string, settings: Settings): Award | undefined {
  return settings.awards.find((a) => a.id === id);
}

export const isGovernmentFlag = (a: Award): boolean => a.kind === 'flag' && a.level === 'national';

/** Lower is higher: position in the profile's precedence (unknown awards last). */
export function precedence(id: string | undefined, settings: Settings): number {
  const i = id === undefined ? -1 : settings.precedence.order.indexOf(id);
  return i === -1 ? settings.precedence.order.length : i;
}

/** Rank of each member by `Chấm điểm` totals (competition ranking), when scores exist. */
export function scoreRanks(ctx: RuleContext): Map<number, number> | undefined {
  const rows = ctx.model.scores.map((s) => ({ member: s.unit.member, total: trueTotal(s) })).filter((x) => x.member !== undefined && x.total !== undefined);
  if (rows.length === 0) return undefined;
  const ranks = competitionRanks(rows.map((x) => x.total!));
  return new Map(rows.map((x, i) => [x.member!, ranks[i]!]));
}

/**
 * The bloc's leading units (several when tied): first by `Chấm điểm` where present, else
 * the most votes among the candidates for the same award.
 */
export function leadingUnits(ctx: RuleContext, proposal: Proposal): { members: number[]; by: 'scores' | 'votes' } | undefined {
  const ranks = scoreRanks(ctx);
  if (ranks) return { members: [...ranks].filter(([, r]) => r === 1).map(([m]) => m), by: 'scores' };
  const award = awardIdentity(proposal.award);
  const rows = ctx.model.votes.filter((v) => awardIdentity(v.award) === award && v.unit?.member !== undefined && v.votes.value !== undefined);
  if (rows.length === 0) return undefined;
  const best = Math.max(...rows.map((v) => v.votes.value!));
  return { members: rows.filter((v) => v.votes.value === best).map((v) => v.unit!.member!), by: 'votes' };
}
