import type { Cell, SheetView } from './grid';
import type { SheetKey } from '../template/spec';
import type { IsoDate } from '../template/values';
import type { Rating } from '../template/spec';

/**
 * The bloc (khối thi đua) as read from its workbook. Every value keeps where it came from,
 * so that a rule can point at the exact cell.
 */

/** Where a finding points: a workbook, a sheet, a row, or a cell. */
export interface Place {
  sheet?: string;
  row?: number;
  col?: number;
}

export interface Field<T> {
  value?: T;
  at: Place;
  /** The cell as read (after merges); absent for a label that is missing altogether. */
  raw?: Cell;
}

/** A unit named somewhere in the workbook, matched (or not) to a member. */
export interface UnitRef {
  text: string;
  at: Place;
  /** Index into `members`, when the name matched one. */
  member?: number;
}

/** An award named in `Bình xét` or `Đề nghị khen thưởng`, resolved against the profile. */
export interface AwardRef {
  text: string;
  at: Place;
  /** The profile's award id, when the name is known. */
  id?: string;
  /** Named as a leading award (`Cờ thi đua dẫn đầu khối`, or an award that is leading itself). */
  leading?: boolean;
  /** Not written on this row: continued from the row above (left blank, or merged). */
  inherited?: boolean;
}

/** Thành viên: one member unit. */
export interface Member {
  name: string;
  at: Place;
  row: number;
  abbr?: string;
  rating?: Field<Rating>;
  /** Identity after normalisation and abbreviations. */
  key: string;
  /** Its name cell shows an error (`#REF!`): a member's row, counted, never matched or named. */
  unnamed?: true;
}

/** Thông tin. */
export interface BlocInfo {
  province: Field<string>;
  blocName: Field<string>;
  year: Field<number>;
  leader?: UnitRef;
  deputy?: UnitRef;
  memberCount: Field<number>;
  meetingDate: Field<IsoDate>;
  venue: Field<string>;
  nextLeader?: UnitRef;
  nextDeputy?: UnitRef;
  profile: Field<string>;
  /** Người lập biểu and Điện thoại: whom the office calls about the workbook. */
  preparer: Field<string>;
  phone: Field<string>;
}

/** Luân phiên: who led in a year. Units may be former members. */
export interface RotationEntry {
  row: number;
  year: Field<number>;
  leader?: UnitRef;
  deputy?: UnitRef;
}

export interface Criterion {
  name: string;
  col: number;
  max?: Field<number>;
}

/** Chấm điểm: one unit's scores. */
export interface ScoreRow {
  row: number;
  unit: UnitRef;
  criteria: Field<number>[];
  total: Field<number>;
  rank: Field<number>;
  /** `Xếp loại` where `Chấm điểm` has one too (the template writes it in `Thành viên` only). */
  rating?: Field<Rating>;
}

export interface BallotCounts {
  present: Field<number>;
  issued: Field<number>;
  returned: Field<number>;
  valid: Field<number>;
}
export type BallotKey = keyof BallotCounts;
export const BALLOT_KEYS: readonly BallotKey[] = ['present', 'issued', 'returned', 'valid'];

/** Bình xét: one (award, candidate) row. */
export interface VoteRow {
  row: number;
  award: AwardRef;
  /** Ballot counts as written on this row (blank ones are absent). */
  stated: Partial<BallotCounts>;
  /** Ballot counts in force for this row: the stated ones, else the award's first row's. */
  ballots: Partial<BallotCounts>;
  /** Whether this is the first row of its award. */
  first: boolean;
  /** The sheet row of its award's first row (where its ballot counts are written). */
  headRow: number;
  unit?: UnitRef;
  votes: Field<number>;
  percent: Field<number>;
}

/** Đề nghị khen thưởng: one proposal sent to the province. */
export interface Proposal {
  row: number;
  unit?: UnitRef;
  award: AwardRef;
  achievement?: string;
}

/** Giao ước: one unit's signature of next year's covenant. */
export interface CovenantRow {
  row: number;
  unit?: UnitRef;
  signed: Field<boolean>;
  date: Field<IsoDate>;
}

/** Số liệu: one figure of the year. */
export interface StatRow {
  row: number;
  indicator: string;
  plan: Field<number>;
  actual: Field<number>;
  percent: Field<number>;
}

/** A sheet of the template as found in the workbook. */
export interface FoundSheet {
  key: SheetKey;
  view: SheetView;
  /** The header row (tables only). */
  headerRow?: number;
  /** Field key → column number. */
  columns: Record<string, number>;
  /** First and last data rows (inclusive); last < first when the table is empty. */
  firstRow: number;
  lastRow: number;
}

/** A value the reader could not take as it stands; the cell/* rules report these. */
export type ValueIssueKind =
  | 'required'
  | 'not-a-number'
  | 'not-an-integer'
  | 'number-as-text'
  | 'invalid-date'
  | 'date-as-text'
  | 'unknown-value';

export interface ValueIssue {
  kind: ValueIssueKind;
  at: Place;
  /** The field's label or header, as the template names it. */
  field: string;
  text?: string;
  /** The value read from text, for *-as-text. */
  parsed?: number | string;
  /** For unknown-value: what is allowed. */
  allowed?: string;
}

/** Problems of the workbook's shape; the template/* rules report these. */
export type ShapeIssue =
  | { kind: 'missing-sheet'; sheet: string }
  | { kind: 'missing-column'; sheet: string; column: string; headerRow?: number }
  | { kind: 'duplicate-column'; sheet: string; column: string; at: Place; firstCol: number }
  | { kind: 'rows-after-gap'; sheet: string; at: Place; count: number };

export interface BlocModel {
  sheets: Partial<Record<SheetKey, FoundSheet>>;
  info: BlocInfo;
  members: Member[];
  rotation: RotationEntry[];
  criteria: Criterion[];
  scores: ScoreRow[];
  votes: VoteRow[];
  proposals: Proposal[];
  covenant: CovenantRow[];
  stats: StatRow[];
  issues: ValueIssue[];
  shape: ShapeIssue[];
}

/**
 * What the cross-file rules need of a bloc: small plain data that crosses from a worker to
 * the batch without the workbook.
 */
export interface BlocSummary {
  province?: string;
  blocName?: string;
  year?: number;
  leader?: string;
  nextLeader?: string;
  /** Người lập biểu and Điện thoại, as written. */
  preparer?: string;
  phone?: string;
  members: { name: string; key: string }[];
  /** The proposals: unit as written (member's name when matched), award id when known, else as written. */
  proposals: { unit: string; award: string }[];
}

export function summarize(model: BlocModel): BlocSummary {
  const { province, blocName, year, leader, nextLeader, preparer, phone } = model.info;
  return {
    ...(province.value !== undefined ? { province: province.value } : {}),
    ...(blocName.value !== undefined ? { blocName: blocName.value } : {}),
    ...(year.value !== undefined ? { year: year.value } : {}),
    ...(leader ? { leader: leader.text } : {}),
    ...(nextLeader ? { nextLeader: nextLeader.text } : {}),
    ...(preparer.value !== undefined ? { preparer: preparer.value } : {}),
    ...(phone.value !== undefined ? { phone: phone.value } : {}),
    members: model.members.map((m) => ({ name: m.name, key: m.key })),
    proposals: model.proposals.map((p) => ({
      unit: p.unit ? (p.unit.member !== undefined ? (model.members[p.unit.member]?.name ?? p.unit.text) : p.unit.text) : '',
      award: p.award.id ?? p.award.text,
    })),
  };
}
