import type { z } from 'zod';
import type { ScoreRow, UnitRef, ValueIssue, ValueIssueKind } from '../model/bloc';
import type { Messages, Report, RuleContext } from './types';

/**
 * Report every value issue of some kinds that the reader recorded, each as the rule's own
 * message (its place is the issue's): a messageId the rule does not have, or data its
 * placeholders lack, fails `tsc`.
 */
export function reportIssues<M extends Messages, O extends z.ZodType | undefined>(ctx: RuleContext<M, O>, kinds: readonly ValueIssueKind[], build: (issue: ValueIssue) => Report<M>): void {
  for (const issue of ctx.model.issues) {
    if (kinds.includes(issue.kind)) ctx.report({ ...build(issue), at: issue.at });
  }
}

/** Identity of a unit reference: its member index, else its text key. */
export function unitIdentity(ref: UnitRef | undefined): string | undefined {
  if (!ref) return undefined;
  return ref.member !== undefined ? `#${ref.member}` : `?${ref.text.toLowerCase()}`;
}

export function sameUnit(a: UnitRef | undefined, b: UnitRef | undefined): boolean {
  const x = unitIdentity(a);
  return x !== undefined && x === unitIdentity(b);
}

/** The unit's name for messages: the member's listed name when matched. */
export function unitName(ctx: RuleContext, ref: UnitRef): string {
  return ref.member !== undefined ? ctx.memberName(ref.member) : ref.text;
}

export { competitionRanks } from '../model/rank';

/**
 * The total a unit really has: the sum of its criteria when every one is filled, else the
 * stated `Tổng điểm`. One mistyped total is scores/total-mismatch's finding; ranks and
 * leading awards are judged on the true sum, so that one slip makes one finding.
 */
export function trueTotal(row: ScoreRow): number | undefined {
  if (row.criteria.length > 0 && row.criteria.every((f) => f.value !== undefined)) {
    return Math.round(row.criteria.reduce((a, f) => a + f.value!, 0) * 1e6) / 1e6;
  }
  return row.total.value;
}
