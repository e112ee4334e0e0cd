/**
 * The rule catalog v1: every rule by id, one module each, sorted by id. The catalog test
 * checks this list against shared/spec/rules.md.
 */
import { RULE_FAILED_ID, RULE_FAILED_META } from './rule-failed';
import type { BatchRule, Rule, RuleMeta } from './types';
import awardsExcellentShare from './awards/excellent-share';
import awardsGovernmentFlag from './awards/government-flag';
import awardsLeadingRank from './awards/leading-rank';
import awardsOnePerUnit from './awards/one-per-unit';
import awardsQuota from './awards/quota';
import awardsRankOrder from './awards/rank-order';
import awardsRatingRequired from './awards/rating-required';
import awardsUnknownType from './awards/unknown-type';
import batchDuplicateSubmission from './batch/duplicate-submission';
import batchGovernmentFlagShare from './batch/government-flag-share';
import batchMembershipChange from './batch/membership-change';
import batchRotationContinuity from './batch/rotation-continuity';
import blocMeetingDate from './bloc/meeting-date';
import blocMemberCountMismatch from './bloc/member-count-mismatch';
import blocSize from './bloc/size';
import blocUnknownProvince from './bloc/unknown-province';
import cellDateAsText from './cell/date-as-text';
import cellFormulaError from './cell/formula-error';
import cellFormulaNoResult from './cell/formula-no-result';
import cellInvalidDate from './cell/invalid-date';
import cellNotANumber from './cell/not-a-number';
import cellNumberAsText from './cell/number-as-text';
import cellOutOfRange from './cell/out-of-range';
import cellRequired from './cell/required';
import cellUnknownValue from './cell/unknown-value';
import covenantUnsigned from './covenant/unsigned';
import membersDuplicate from './members/duplicate';
import membersRatingMismatch from './members/rating-mismatch';
import membersNotScored from './members/not-scored';
import membersSimilarNames from './members/similar-names';
import refsUnknownUnit from './refs/unknown-unit';
import rotationConsecutiveTerm from './rotation/consecutive-term';
import rotationDeputySuccession from './rotation/deputy-succession';
import rotationHistoryMismatch from './rotation/history-mismatch';
import rotationLeaderIsDeputy from './rotation/leader-is-deputy';
import rotationRepeatBeforeAll from './rotation/repeat-before-all';
import scoresOverMax from './scores/over-max';
import scoresRankMismatch from './scores/rank-mismatch';
import scoresTotalMismatch from './scores/total-mismatch';
import statsPercentMismatch from './stats/percent-mismatch';
import templateDuplicateColumn from './template/duplicate-column';
import templateMissingColumn from './template/missing-column';
import templateMissingSheet from './template/missing-sheet';
import templateRowsAfterGap from './template/rows-after-gap';
import templateUnknownProfile from './template/unknown-profile';
import textLegacyEncoding from './text/legacy-encoding';
import textNotNfc from './text/not-nfc';
import textWhitespace from './text/whitespace';
import votesBallotOrder from './votes/ballot-order';
import votesBelowThreshold from './votes/below-threshold';
import votesCandidateOverValid from './votes/candidate-over-valid';
import votesInconsistentBallots from './votes/inconsistent-ballots';
import votesMissing from './votes/missing';
import votesPercentMismatch from './votes/percent-mismatch';
import votesQuorum from './votes/quorum';

export const RULES: readonly Rule[] = [
  awardsExcellentShare,
  awardsGovernmentFlag,
  awardsLeadingRank,
  awardsOnePerUnit,
  awardsQuota,
  awardsRankOrder,
  awardsRatingRequired,
  awardsUnknownType,
  blocMeetingDate,
  blocMemberCountMismatch,
  blocSize,
  blocUnknownProvince,
  cellDateAsText,
  cellFormulaError,
  cellFormulaNoResult,
  cellInvalidDate,
  cellNotANumber,
  cellNumberAsText,
  cellOutOfRange,
  cellRequired,
  cellUnknownValue,
  covenantUnsigned,
  membersDuplicate,
  membersNotScored,
  membersRatingMismatch,
  membersSimilarNames,
  refsUnknownUnit,
  rotationConsecutiveTerm,
  rotationDeputySuccession,
  rotationHistoryMismatch,
  rotationLeaderIsDeputy,
  rotationRepeatBeforeAll,
  scoresOverMax,
  scoresRankMismatch,
  scoresTotalMismatch,
  statsPercentMismatch,
  templateDuplicateColumn,
  templateMissingColumn,
  templateMissingSheet,
  templateRowsAfterGap,
  templateUnknownProfile,
  textLegacyEncoding,
  textNotNfc,
  textWhitespace,
  votesBallotOrder,
  votesBelowThreshold,
  votesCandidateOverValid,
  votesInconsistentBallots,
  votesMissing,
  votesPercentMismatch,
  votesQuorum,
];

export const BATCH_RULES: readonly BatchRule[] = [
  batchDuplicateSubmission,
  batchGovernmentFlagShare,
  batchMembershipChange,
  batchRotationContinuity,
];

/** Every id a finding may carry (the rules, the batch rules, `engine/rule-failed`) and its metadata. */
const META = new Map<string, RuleMeta>([...RULES, ...BATCH_RULES, { id: RULE_FAILED_ID, meta: RULE_FAILED_META }].map((r) => [r.id, r.meta]));

/** A rule's metadata by id, the one lookup every part of the engine uses. */
export function ruleMeta(id: string): RuleMeta | undefined {
  return META.get(id);
}

/** Every rule id a profile may name. */
export function ruleIds(): string[] {
  return [...META.keys()];
}
