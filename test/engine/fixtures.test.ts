import { checkGrid } from '../../engine/check';
import type { Grid } from '../../engine/model/grid';
import { blocToGrid } from '../../engine/template/writer';
import * as F from '../../samples/blocs';
import { FAULTY } from '../../samples/faulty';
import { TODAY } from '../support/rule-tester';

/** Findings flattened to [ruleId, severity, sheet!cell], the way the report is asserted. */
function flat(grid: Grid) {
  return checkGrid(grid, { today: TODAY }).findings.map((f) => [f.ruleId, f.severity, `${f.sheet ?? ''}!${f.cell ?? f.row ?? ''}`]);
}

describe('the seven blocs of the source articles', () => {
  test.each(F.SEVEN_BLOCS.map((b) => [b.id, b.bloc] as const))('%s passes quoc-gia with no finding at all', (_id, bloc) => {
    const result = checkGrid(blocToGrid(bloc), { today: TODAY });
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('valid');
    expect(result.profile.id).toBe('quoc-gia');
  });

  test('each fixture is read whole (members, ballots, proposals)', () => {
    for (const { bloc } of F.SEVEN_BLOCS) {
      const { model } = checkGrid(blocToGrid(bloc), { today: TODAY });
      expect(model.members).toHaveLength(bloc.members.length);
      expect(model.proposals).toHaveLength(bloc.proposals.length);
      expect(model.votes).toHaveLength(bloc.votes.reduce((n, v) => n + v.candidates.length, 0));
      expect(model.proposals.every((p) => p.unit?.member !== undefined && p.award.id !== undefined)).toBe(true);
    }
  });

  test('the law in force follows the conference date', () => {
    expect(checkGrid(blocToGrid(F.ninhThuanMatTran), { today: TODAY }).profile.version).toBe('2018-01-01'); // 30/11/2023
    expect(checkGrid(blocToGrid(F.laiChauMttq), { today: TODAY }).profile.version).toBe('2024-01-01'); // 12/1/2024
    expect(checkGrid(blocToGrid({ ...F.laiChauMttq, year: 2025, meetingDate: '2025-12-20' }), { today: TODAY }).profile.version).toBe('2025-07-01');
  });
});

describe('realistic faulty variants produce exactly the expected findings', () => {
  test.each(FAULTY.map((v) => [v.title, v] as const))('%s', (_title, v) => {
    expect(flat(v.grid()).sort()).toEqual([...v.expected].sort());
  });

});
