import { type Grid, type SheetView, isBlank } from '../model/grid';
import type {
  AwardRef, BallotCounts, BlocInfo, BlocModel, CovenantRow, Criterion, Field, FoundSheet, Member, Proposal,
  RotationEntry, ScoreRow, ShapeIssue, StatRow, UnitRef, VoteRow,
} from '../model/bloc';
import { BALLOT_KEYS, type BallotKey } from '../model/bloc';
import { unitKey } from '../text/abbreviations';
import { collapseSpaces, toneKey } from '../text/normalize';
import { FieldReader } from './fields';
import { type InfoCell, findSheets, headerMatchKey, locateInfo, locateTable, missingSheets } from './locate';
import { MemberIndex } from './members';
import { INFO_SHEET, SCORE_MAX_LABELS, SCORE_NON_CRITERIA, type TableSheetSpec, tableSpec } from './spec';
import { cellText } from './values';

/** A vote row that states no ballot count (shared, never written to). */
const NONE_STATED: Partial<BallotCounts> = Object.freeze({});

/** The vote sheet's header of each ballot count, for the reader's messages. */
const BALLOT_HEADERS = Object.fromEntries(BALLOT_KEYS.map((k) => [k, tableSpec('votes').columns.find((c) => c.key === k)!.header])) as Record<BallotKey, string>;

/**
 * Template v1 reader: a Grid in, the bloc model out. Whatever it cannot read becomes an
 * issue in the model (reported by the template/* and cell/* rules); it never throws.
 */
export function readBloc(grid: Grid): BlocModel {
  return new Reader(grid).read().model;
}

/** The model and the member index the reader matched names with (the rules' "did you mean"). */
export function readBlocWithIndex(grid: Grid): { model: BlocModel; index: MemberIndex } {
  return new Reader(grid).read();
}

class Reader {
  private readonly fields: FieldReader;
  private readonly shape: ShapeIssue[] = [];
  private readonly sheets: BlocModel['sheets'] = {};
  private index!: MemberIndex;

  constructor(private readonly grid: Grid) {
    this.fields = new FieldReader(grid.date1904 ?? false);
  }

  read(): { model: BlocModel; index: MemberIndex } {
    const views = findSheets(this.grid);
    this.shape.push(...missingSheets(views));
    const table = (key: TableSheetSpec['key']): FoundSheet | undefined => {
      const view = views.get(key);
      if (!view) return undefined;
      const found = locateTable(view, tableSpec(key), this.shape);
      this.sheets[key] = found;
      return found;
    };
    const infoView = views.get('info');
    const infoCells = infoView ? locateInfo(infoView).values : new Map<string, InfoCell>();
    const provinceCell = infoCells.get('province');
    const provinceText = infoView && provinceCell ? collapseSpaces(cellText(infoView.get(provinceCell.row, provinceCell.col))) || undefined : undefined;
    const members = this.readMembers(table('members'));
    this.index = new MemberIndex(members, provinceText);
    const info = this.readInfo(infoView, infoCells);
    const model: BlocModel = {
      sheets: this.sheets,
      info,
      members,
      rotation: this.readRotation(table('rotation')),
      criteria: [],
      scores: [],
      votes: this.readVotes(table('votes')),
      proposals: this.readProposals(table('proposals')),
      covenant: this.readCovenant(table('covenant')),
      stats: this.readStats(table('stats')),
      issues: this.fields.issues,
      shape: this.shape,
    };
    this.readScores(table('scores'), model);
    for (const s of Object.values(this.sheets)) if (s) this.checkRowsAfterGap(s);
    return { model, index: this.index };
  }

  private unit(view: SheetView, row: number, col: number | undefined, field: string, required: boolean): UnitRef | undefined {
    const f = this.fields.text(view, row, col, field, required);
    if (f.value === undefined) return undefined;
    const member = this.index.resolve(f.value);
    return { text: f.value, at: f.at, ...(member !== undefined ? { member } : {}) };
  }

  private award(view: SheetView, row: number, col: number | undefined, field: string): AwardRef | undefined {
    const f = this.fields.text(view, row, col, field, true);
    return f.value === undefined ? undefined : { text: f.value, at: f.at };
  }

  private readInfo(view: SheetView | undefined, cells: Map<string, InfoCell>): BlocInfo {
    const sheet = view?.name ?? INFO_SHEET.name;
    const none = <T>(): Field<T> => ({ at: { sheet } });
    const info: BlocInfo = {
      province: none(), blocName: none(), year: none(), memberCount: none(), meetingDate: none(), venue: none(), profile: none(), preparer: none(), phone: none(),
    };
    if (!view) return info;
    this.sheets.info = { key: 'info', view, columns: {}, firstRow: 1, lastRow: view.rowCount };
    for (const label of INFO_SHEET.labels) {
      const at = cells.get(label.key);
      if (!at) {
        if (label.required) this.fields.issues.push({ kind: 'required', at: { sheet: view.name }, field: label.header });
        continue;
      }
      const { row, col } = at;
      switch (label.key) {
        case 'province': info.province = this.fields.text(view, row, col, label.header, true); break;
        case 'blocName': info.blocName = this.fields.text(view, row, col, label.header, true); break;
        case 'venue': info.venue = this.fields.text(view, row, col, label.header, false); break;
        case 'preparer': info.preparer = this.fields.text(view, row, col, label.header, false); break;
        case 'phone': info.phone = this.fields.text(view, row, col, label.header, false); break;
        case 'profile': info.profile = this.fields.text(view, row, col, label.header, false); break;
        case 'year': info.year = this.fields.number(view, row, col, label.header, { required: true, integer: true }); break;
        case 'memberCount': info.memberCount = this.fields.number(view, row, col, label.header, { integer: true }); break;
        case 'meetingDate': info.meetingDate = this.fields.date(view, row, col, label.header, true); break;
        case 'leader':
        case 'deputy':
        case 'nextLeader':
        case 'nextDeputy': {
          const ref = this.unit(view, row, col, label.header, label.required);
          if (ref) info[label.key] = ref;
          break;
        }
      }
    }
    return info;
  }

  /** Each data row of a table, its STT checked; `read` gives the row's record, or nothing to skip it. */
  private eachRow<T>(found: FoundSheet | undefined, read: (view: SheetView, r: number, columns: Record<string, number>) => T | undefined): T[] {
    if (!found) return [];
    const out: T[] = [];
    for (let r = found.firstRow; r <= found.lastRow; r++) {
      this.fields.number(found.view, r, found.columns.index, 'STT', { integer: true });
      const item = read(found.view, r, found.columns);
      if (item !== undefined) out.push(item);
    }
    return out;
  }

  private readMembers(found: FoundSheet | undefined): Member[] {
    return this.eachRow(found, (view, r, columns) => {
      const name = this.fields.text(view, r, columns.unit, 'Tên đơn vị', true);
      const abbr = this.fields.text(view, r, columns.abbr, 'Tên viết tắt', false);
      const rating = this.fields.rating(view, r, columns.rating, 'Xếp loại');
      // A name the workbook shows as an error (#REF!) is still a member's row: counted, never
      // matched (cell/formula-error reports the cause once), so the count and the votes stand.
      if (name.value === undefined && name.raw?.kind === 'error') return { name: String(name.raw.value), at: name.at, row: r, key: `\u0000${r}`, unnamed: true };
      if (name.value === undefined) return undefined;
      return {
        name: name.value,
        at: name.at,
        row: r,
        key: unitKey(name.value),
        ...(abbr.value !== undefined ? { abbr: abbr.value } : {}),
        ...(columns.rating !== undefined ? { rating } : {}),
      };
    });
  }

  private readRotation(found: FoundSheet | undefined): RotationEntry[] {
    return this.eachRow(found, (view, r, columns) => {
      const year = this.fields.number(view, r, columns.year, 'Năm', { required: true, integer: true });
      const leader = this.unit(view, r, columns.leader, 'Trưởng khối', true);
      const deputy = this.unit(view, r, columns.deputy, 'Phó trưởng khối', false);
      return { row: r, year, ...(leader ? { leader } : {}), ...(deputy ? { deputy } : {}) };
    });
  }

  private readScores(found: FoundSheet | undefined, model: BlocModel): void {
    if (!found || found.headerRow === undefined) return;
    const { view, columns, headerRow } = found;
    const nonCriteria = new Set(SCORE_NON_CRITERIA.map(headerMatchKey));
    const criteria: Criterion[] = [];
    for (let c = 1; c <= view.colCount; c++) {
      if (view.isMergedCopy(headerRow, c)) continue;
      const cell = view.get(headerRow, c);
      if (isBlank(cell)) continue;
      const name = collapseSpaces(cellText(cell));
      if (!nonCriteria.has(headerMatchKey(name))) criteria.push({ name, col: c });
    }
    // The first row whose unit cell says `Điểm tối đa` holds the maxima and is not a unit.
    const maxLabels = new Set(SCORE_MAX_LABELS.map(headerMatchKey));
    let maxRow: number | undefined;
    for (let r = found.firstRow; r <= found.lastRow && columns.unit !== undefined; r++) {
      if (maxLabels.has(headerMatchKey(cellText(view.get(r, columns.unit))))) {
        maxRow = r;
        break;
      }
    }
    if (maxRow !== undefined) for (const c of criteria) c.max = this.fields.number(view, maxRow, c.col, c.name);
    const rows: ScoreRow[] = [];
    for (let r = found.firstRow; r <= found.lastRow; r++) {
      if (r === maxRow) continue;
      this.fields.number(view, r, columns.index, 'STT', { integer: true });
      const unit = this.unit(view, r, columns.unit, 'Tên đơn vị', true);
      const scores = criteria.map((c) => this.fields.number(view, r, c.col, c.name));
      const total = this.fields.number(view, r, columns.total, 'Tổng điểm', { required: true });
      const rank = this.fields.number(view, r, columns.rank, 'Xếp hạng', { integer: true });
      const rating = this.fields.rating(view, r, columns.rating, 'Xếp loại');
      if (unit) rows.push({ row: r, unit, criteria: scores, total, rank, ...(columns.rating !== undefined ? { rating } : {}) });
    }
    model.criteria = criteria;
    model.scores = rows;
  }

  private readVotes(found: FoundSheet | undefined): VoteRow[] {
    if (!found) return [];
    const { view, columns } = found;
    const firstOfAward = new Map<string, { row: number; stated: Partial<BallotCounts>; ballots: Partial<BallotCounts> }>();
    const rows: VoteRow[] = [];
    let previous: AwardRef | undefined;
    for (let r = found.firstRow; r <= found.lastRow; r++) {
      // A blank award under rows of one award continues it, as a merged cell would.
      const awardBlank = columns.award !== undefined && isBlank(view.get(r, columns.award));
      const read = awardBlank && previous ? { ...previous, at: { ...previous.at, row: r } } : this.award(view, r, columns.award, 'Hình thức khen thưởng');
      // Continued from the row above (blank or merged): its name is judged where it is written.
      const award = read && (awardBlank || (columns.award !== undefined && view.isMergedCopy(r, columns.award))) ? { ...read, inherited: true } : read;
      const key = award ? toneKey(award.text) : `#${r}`;
      const isFirst = !firstOfAward.has(key);
      let stated: Partial<BallotCounts> = NONE_STATED;
      for (const k of BALLOT_KEYS) {
        const f = this.fields.number(view, r, columns[k], BALLOT_HEADERS[k], { required: isFirst, integer: true });
        if (f.value === undefined) continue;
        if (stated === NONE_STATED) stated = {};
        stated[k] = f;
      }
      if (isFirst) firstOfAward.set(key, { row: r, stated, ballots: stated });
      const head = firstOfAward.get(key)!;
      // The rows under an award's first row mostly leave the counts blank: they share its counts.
      const ballots = stated === NONE_STATED ? head.ballots : { ...head.stated, ...stated };
      const unit = this.unit(view, r, columns.unit, 'Tên đơn vị', true);
      const votes = this.fields.number(view, r, columns.votes, 'Số phiếu đồng ý', { required: true, integer: true });
      const percent = this.fields.number(view, r, columns.percent, 'Tỷ lệ (%)', { percent: true });
      if (!award) continue;
      previous = award;
      rows.push({ row: r, award, stated, ballots, first: isFirst, headRow: head.row, votes, percent, ...(unit ? { unit } : {}) });
    }
    return rows;
  }

  private readProposals(found: FoundSheet | undefined): Proposal[] {
    return this.eachRow(found, (view, r, columns) => {
      const unit = this.unit(view, r, columns.unit, 'Tên đơn vị', true);
      const award = this.award(view, r, columns.award, 'Hình thức khen thưởng');
      const achievement = this.fields.text(view, r, columns.achievement, 'Thành tích', false).value;
      if (!award) return undefined;
      return { row: r, award, ...(unit ? { unit } : {}), ...(achievement !== undefined ? { achievement } : {}) };
    });
  }

  private readCovenant(found: FoundSheet | undefined): CovenantRow[] {
    return this.eachRow(found, (view, r, columns) => {
      const unit = this.unit(view, r, columns.unit, 'Tên đơn vị', true);
      const signed = this.fields.signed(view, r, columns.signed, 'Ký kết');
      const date = this.fields.date(view, r, columns.date, 'Ngày ký', false);
      return { row: r, signed, date, ...(unit ? { unit } : {}) };
    });
  }

  private readStats(found: FoundSheet | undefined): StatRow[] {
    return this.eachRow(found, (view, r, columns) => {
      const indicator = this.fields.text(view, r, columns.indicator, 'Chỉ tiêu', true);
      const plan = this.fields.number(view, r, columns.plan, 'Kế hoạch');
      const actual = this.fields.number(view, r, columns.actual, 'Thực hiện');
      const percent = this.fields.number(view, r, columns.percent, 'Tỷ lệ (%)', { percent: true });
      return { row: r, indicator: indicator.value ?? '', plan, actual, percent };
    });
  }

  /** Rows below the blank row that ends a table and that look like data. */
  private checkRowsAfterGap(found: FoundSheet): void {
    if (found.key === 'info' || found.headerRow === undefined) return;
    const { view, columns } = found;
    let firstAt: number | undefined;
    let count = 0;
    for (let r = found.lastRow + 2; r <= view.rowCount; r++) {
      const stt = columns.index !== undefined ? view.get(r, columns.index) : undefined;
      const numbered = stt !== undefined && (stt.kind === 'number' || (stt.kind === 'text' && /^\d+\.?$/.test((stt.value as string).trim())));
      const unitCol = columns.unit;
      const name = unitCol !== undefined ? collapseSpaces(cellText(view.get(r, unitCol))) : '';
      const isMember = found.key !== 'members' && name !== '' && this.index.resolve(name) !== undefined;
      if (numbered || isMember) {
        count++;
        firstAt ??= r;
      }
    }
    if (firstAt !== undefined) this.shape.push({ kind: 'rows-after-gap', sheet: view.name, at: { sheet: view.name, row: firstAt }, count });
  }
}
