import type { AwardRef, Proposal, VoteRow } from '../../model/bloc';
import { toneKey } from '../../text/normalize';

/** An award's identity: the profile's id when the name is known, else its normalised text. */
export function awardIdentity(a: AwardRef): string {
  return a.id ?? `?${toneKey(a.text)}`;
}

/** The vote row that backs a proposal: same unit, same award. */
export function voteFor(votes: readonly VoteRow[], p: Proposal): VoteRow | undefined {
  if (!p.unit) return undefined;
  const award = awardIdentity(p.award);
  const unit = p.unit.member;
  return votes.find((v) => v.unit && awardIdentity(v.award) === award && (unit !== undefined ? v.unit.member === unit : toneKey(v.unit.text) === toneKey(p.unit!.text)));
}

/** The first row of each award (where its ballot counts are written). */
export function awardHeads(votes: readonly VoteRow[]): VoteRow[] {
  return votes.filter((v) => v.first);
}
