import { type Grid, type GridSheet, type PlainValue, sheetFromRows } from '../model/grid';
import { INFO_SHEET, type Rating, TABLE_SHEETS, type TableSheetSpec } from './spec';
import { competitionRanks } from '../model/rank';
import { round } from './values';

/**
 * A bloc described as plain data, and its workbook in the canonical template layout
 * (title row, header row, data). Used by the samples (samples/, scripts/make-samples.ts),
 * the benchmarks and the tests, so that all of them write what the reader reads; the product
 * does not use it (`thidua template` and the pane lay out their sheets with template/layout.ts).
 * It stays in the engine beside the reader it mirrors, reached by its path, not the index.
 */
export interface BlocData {
  province: string;
  blocName: string;
  year: number;
  leader: string;
  deputy?: string;
  /** Written as stated; omit to leave the cell blank. */
  memberCount?: number;
  /** ISO date. */
  meetingDate: string;
  venue?: string;
  nextLeader: string;
  nextDeputy?: string;
  profile?: string;
  preparer?: string;
  phone?: string;
  members: { name: string; abbr?: string; rating?: Rating; note?: string }[];
  rotation?: { year: number; leader: string; deputy?: string }[];
  scores?: { criteria: { name: string; max: number }[]; rows: { unit: string; scores: number[]; total?: number; rank?: number }[] };
  votes: {
    award: string;
    present: number;
    issued: number;
    returned: number;
    valid: number;
    candidates: { unit: string; votes: number; percent?: number }[];
  }[];
  proposals: { unit: string; award: string; achievement?: string }[];
  covenant?: { unit: string; signed: boolean; date?: string }[];
  stats?: { indicator: string; unitOfMeasure?: string; plan?: number; actual: number; percent?: number }[];
}

const date = (iso: string | undefined): PlainValue => (iso === undefined ? undefined : { date: iso });

/** A table sheet: title in row 1, headers in row 2, data from row 3. */
function table(spec: TableSheetSpec, headers: string[], rows: PlainValue[][]): GridSheet {
  return sheetFromRows(spec.name, [[spec.title], headers, ...rows], [`A1:${String.fromCharCode(64 + Math.max(1, headers.length))}1`]);
}

function spec(key: TableSheetSpec['key']): TableSheetSpec {
  return TABLE_SHEETS.find((s) => s.key === key)!;
}

function headersOf(s: TableSheetSpec): string[] {
  return s.columns.map((c) => c.header);
}


export function blocToGrid(bloc: BlocData): Grid {
  const info: PlainValue[][] = [[INFO_SHEET.title], []];
  const label = (key: string) => INFO_SHEET.labels.find((l) => l.key === key)!.header;
  const infoValues: [string, PlainValue][] = [
    ['province', bloc.province],
    ['blocName', bloc.blocName],
    ['year', bloc.year],
    ['leader', bloc.leader],
    ['deputy', bloc.deputy],
    ['memberCount', bloc.memberCount],
    ['meetingDate', date(bloc.meetingDate)],
    ['venue', bloc.venue],
    ['nextLeader', bloc.nextLeader],
    ['nextDeputy', bloc.nextDeputy],
    ['profile', bloc.profile],
    ['preparer', bloc.preparer],
    ['phone', bloc.phone],
  ];
  for (const [key, value] of infoValues) info.push([label(key), value]);
  const sheets: GridSheet[] = [sheetFromRows(INFO_SHEET.name, info, ['A1:B1'])];

  const members = spec('members');
  sheets.push(table(members, headersOf(members), bloc.members.map((m, i) => [i + 1, m.name, m.abbr, m.rating, m.note])));

  if (bloc.rotation) {
    const s = spec('rotation');
    sheets.push(table(s, headersOf(s), bloc.rotation.map((r) => [r.year, r.leader, r.deputy])));
  }
  if (bloc.scores) {
    const { criteria, rows } = bloc.scores;
    const totals = rows.map((r) => r.total ?? round(r.scores.reduce((a, b) => a + b, 0), 2));
    const rk = competitionRanks(totals);
    const headers = ['STT', 'Tên đơn vị', ...criteria.map((c) => c.name), 'Tổng điểm', 'Xếp hạng'];
    const data: PlainValue[][] = [[undefined, 'Điểm tối đa', ...criteria.map((c) => c.max), round(criteria.reduce((a, c) => a + c.max, 0), 2)]];
    rows.forEach((r, i) => data.push([i + 1, r.unit, ...r.scores, totals[i], r.rank ?? rk[i]]));
    sheets.push(table(spec('scores'), headers, data));
  }

  const votes = spec('votes');
  const voteRows: PlainValue[][] = [];
  for (const v of bloc.votes) {
    v.candidates.forEach((c, i) => {
      const percent = c.percent ?? round((c.votes / bloc.members.length) * 100, 2);
      voteRows.push([v.award, i === 0 ? v.present : undefined, i === 0 ? v.issued : undefined, i === 0 ? v.returned : undefined, i === 0 ? v.valid : undefined, c.unit, c.votes, percent]);
    });
  }
  sheets.push(table(votes, headersOf(votes), voteRows));

  const proposals = spec('proposals');
  sheets.push(table(proposals, headersOf(proposals), bloc.proposals.map((p, i) => [i + 1, p.unit, p.award, p.achievement])));

  if (bloc.covenant) {
    const s = spec('covenant');
    sheets.push(table(s, headersOf(s), bloc.covenant.map((c, i) => [i + 1, c.unit, c.signed ? 'Có' : 'Không', date(c.date)])));
  }
  if (bloc.stats) {
    const s = spec('stats');
    sheets.push(
      table(s, headersOf(s), bloc.stats.map((x, i) => [i + 1, x.indicator, x.unitOfMeasure, x.plan, x.actual, x.percent ?? (x.plan ? round((x.actual / x.plan) * 100, 2) : undefined)])),
    );
  }
  return { sheets };
}
