import { loadProfile, ruleSettingProblems } from '../../engine/profiles/load';
import { checkGrid } from '../../engine/check';
import { BUILT_IN_PROFILES, ProfileError, findProfile, matchAward, parseProfile, resolveProfile, settingSeverity } from '../../engine/profiles';
import { MERGERS, PROVINCES_BEFORE_2025, PROVINCES_FROM_2025, checkProvince } from '../../engine/profiles/provinces';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq as L, socTrangKhoi6 as S } from '../../samples/blocs';
import { TODAY, edited } from '../support/rule-tester';

const quocGia = findProfile('quoc-gia')!;

describe('built-in profiles', () => {
  test('quoc-gia has versions from 2018, 1/1/2024 and 1/7/2025, each with its basis', () => {
    expect(quocGia.versions.map((v) => v.from)).toEqual(['2018-01-01', '2024-01-01', '2025-07-01']);
    expect(quocGia.versions[0]!.basis).toContain('Nghị định 91/2017/NĐ-CP');
    expect(quocGia.versions[1]!.basis).toContain('Nghị định 98/2023/NĐ-CP');
    expect(quocGia.versions[2]!.basis).toContain('Nghị định 152/2025/NĐ-CP');
  });

  test.each([
    ['2019-05-01', '2018-01-01', 'Nghị định 91/2017/NĐ-CP, Điều 66, 69 và 73'],
    ['2024-01-12', '2024-01-01', 'Nghị định 98/2023/NĐ-CP, Điều 54'],
    ['2025-06-30', '2024-01-01', 'Nghị định 98/2023/NĐ-CP, Điều 54'],
    ['2025-07-01', '2025-07-01', 'Nghị định 152/2025/NĐ-CP, Điều 54'],
  ])('on %s the version of %s applies', (date, version, basis) => {
    const r = resolveProfile(quocGia, date);
    expect(r.version).toBe(version);
    expect(r.settings.precedence.basis).toContain(basis);
  });

  test('the figures of rules.md', () => {
    const { settings } = resolveProfile(quocGia, '2024-06-01');
    expect(settings.quota.provinceFlags).toMatchObject({ share: 0.2, min: 1 });
    expect(settings.quota.leadingFlags.max).toBe(1);
    expect(settings.quota.governmentFlag.max).toBe(1);
    expect(settings.quota.certificates.share).toBeNull();
    expect(settings.approval).toMatchObject({ flags: 0.8, others: 0.5 });
    expect(settings.quorum.share).toBeCloseTo(2 / 3);
    // No national text sets a bloc's vote threshold or its denominator: both are the province's bloc regulation (rules.md).
    expect(settings.percentDenominator).toMatchObject({ of: 'members', basis: expect.stringMatching(/^quy chế khối thi đua của tỉnh/) });
    expect(settings.approval.basis).toMatch(/^quy chế khối thi đua của tỉnh/);
    expect(settings.rotation).toMatchObject({ deputySucceeds: true, noConsecutiveTerm: true });
    expect(settings.meetingWindow).toMatchObject({ start: '10-01', end: '03-31' });
    expect(settings.blocSize).toMatchObject({ min: 3, max: 40 });
    expect(settings.precedence.order).toEqual(['co-chinh-phu', 'co-ubnd-tinh', 'bk-thu-tuong', 'bk-chu-tich-ubnd-tinh']);
    for (const figure of [settings.quota.provinceFlags, settings.approval, settings.quorum, settings.rotation, settings.meetingWindow, settings.blocSize]) {
      expect(figure.basis.length).toBeGreaterThan(0);
    }
  });

  test('vi-du-tinh is an example, extends quoc-gia, and tightens two things', () => {
    const ex = findProfile('vi-du-tinh')!;
    expect(ex.example).toBe(true);
    expect(ex.provinces).toEqual([]);
    expect(ex.description.vi).toMatch(/VÍ DỤ/);
    const { settings } = resolveProfile(ex, '2024-06-01');
    expect(settingSeverity(settings.rules['rotation/consecutive-term'])).toBe('error');
    expect(settings.quota.certificates.share).toBe(0.35);
    expect(settings.approval.flags).toBe(0.8); // inherited
  });

  test('award names and aliases', () => {
    const { settings } = resolveProfile(quocGia, '2024-06-01');
    expect(matchAward('Cờ thi đua dẫn đầu khối', settings)).toMatchObject({ award: { id: 'co-ubnd-tinh' }, leading: true });
    expect(matchAward('Cờ thi đua xuất sắc', settings)).toMatchObject({ award: { id: 'co-ubnd-tinh' }, leading: false });
    expect(matchAward('Cờ thi đua của Chính phủ', settings)).toMatchObject({ award: { id: 'co-chinh-phu' }, leading: true });
    expect(matchAward('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', settings)?.award.id).toBe('bk-chu-tich-ubnd-tinh');
    expect(matchAward('bằng khen ubnd tỉnh', settings)?.award.id).toBe('bk-chu-tich-ubnd-tinh');
    expect(matchAward('Huân chương Lao động hạng Ba', settings)).toBeUndefined();
  });

  test.each(['2019-06-01', '2024-06-01', '2025-12-01'])('the six centrally-run cities\' awards are known (%s)', (date) => {
    const { settings } = resolveProfile(quocGia, date);
    for (const name of ['Cờ thi đua của UBND thành phố', 'Cờ thi đua của Ủy ban nhân dân thành phố']) expect([name, matchAward(name, settings)?.award.id]).toEqual([name, 'co-ubnd-tinh']);
    for (const name of ['Bằng khen của Chủ tịch UBND thành phố', 'Bằng khen của Chủ tịch Ủy ban nhân dân thành phố', 'Bằng khen của UBND tỉnh']) expect([name, matchAward(name, settings)?.award.id]).toEqual([name, 'bk-chu-tich-ubnd-tinh']);
  });
});

describe('profile choice', () => {
  test('Bộ quy tắc names the profile', () => {
    const r = checkGrid(blocToGrid({ ...L, profile: 'vi-du-tinh', nextLeader: 'Liên đoàn Lao động tỉnh' }), { today: TODAY });
    expect(r.profile.id).toBe('vi-du-tinh');
    expect(r.findings.find((f) => f.ruleId === 'rotation/consecutive-term')?.severity).toBe('error');
  });

  test('a province profile applies to its province; the forced profile wins', () => {
    const lc = parseProfile({
      id: 'thu-nghiem-lai-chau', name: { vi: 'Thử nghiệm', en: 'Test' }, description: { vi: 'Bộ quy tắc thử nghiệm', en: 'Test profile' },
      extends: 'quoc-gia', provinces: ['Lai Châu'], versions: [{ from: '2018-01-01', basis: 'thử nghiệm', rules: { 'rotation/deputy-succession': 'off' } }],
    });
    expect(checkGrid(blocToGrid(L), { today: TODAY, profiles: [lc] }).profile.id).toBe('thu-nghiem-lai-chau');
    expect(checkGrid(blocToGrid(S), { today: TODAY, profiles: [lc] }).profile.id).toBe('quoc-gia');
    expect(checkGrid(blocToGrid(L), { today: TODAY, profiles: [lc], profile: 'quoc-gia' }).profile.id).toBe('quoc-gia');
    // The profile's severity 'off' silences the rule.
    const changed = edited(L, (b) => { b.nextLeader = 'Tỉnh đoàn'; });
    expect(checkGrid(blocToGrid(changed), { today: TODAY, profiles: [lc] }).findings.map((f) => f.ruleId)).not.toContain('rotation/deputy-succession');
    expect(checkGrid(blocToGrid(changed), { today: TODAY }).findings.map((f) => f.ruleId)).toContain('rotation/deputy-succession');
  });

  test('a profile counting percentages over valid ballots', () => {
    const p = parseProfile({
      id: 'phieu-hop-le', name: { vi: 'x', en: 'x' }, description: { vi: 'x', en: 'x' }, extends: 'quoc-gia',
      versions: [{ from: '2018-01-01', basis: 'thử nghiệm', percentDenominator: { of: 'valid', basis: 'thử nghiệm' } }],
    });
    const b = edited(L, (x) => { Object.assign(x.votes[1]!, { present: 5, issued: 5, returned: 5, valid: 5 }); });
    const findings = checkGrid(blocToGrid(b), { today: TODAY, profile: p }).findings.filter((f) => f.ruleId === 'votes/percent-mismatch');
    expect(findings.map((f) => [f.messageId, f.cell, f.suggestion])).toEqual([['valid', 'H4', '100'], ['valid', 'H5', '100']]);
  });
});

describe('profile files are checked with clear errors', () => {
  test('a missing basis, a bad date and versions out of order', () => {
    expect(() => parseProfile({ id: 'X Y', name: { vi: '', en: '' }, description: { vi: '', en: '' }, extends: 'quoc-gia', versions: [{ from: '2025-7-1', basis: '' }] })).toThrow(ProfileError);
    try {
      parseProfile({ id: 'tinh-a', name: { vi: 'a', en: 'a' }, description: { vi: 'a', en: 'a' }, extends: 'quoc-gia', versions: [{ from: '2025-01-01', basis: 'a' }, { from: '2024-01-01', basis: 'b' }] });
      throw new Error('accepted');
    } catch (e) {
      expect((e as Error).message).toMatch(/ngày hiệu lực tăng dần/);
    }
  });

  test('a profile that extends nothing must give every figure', () => {
    expect(() => parseProfile({ id: 'rong', name: { vi: 'a', en: 'a' }, description: { vi: 'a', en: 'a' }, versions: [{ from: '2024-01-01', basis: 'a' }] })).toThrow(/đủ mọi mục/);
  });

  test('extending an unknown profile, or itself', () => {
    const p = parseProfile({ id: 'mo-coi', name: { vi: 'a', en: 'a' }, description: { vi: 'a', en: 'a' }, extends: 'khong-co', versions: [{ from: '2024-01-01', basis: 'a' }] });
    expect(() => resolveProfile(p, '2024-06-01')).toThrow(/không có bộ quy tắc này/);
    const loop = parseProfile({ id: 'vong', name: { vi: 'a', en: 'a' }, description: { vi: 'a', en: 'a' }, extends: 'vong', versions: [{ from: '2024-01-01', basis: 'a' }] });
    expect(() => resolveProfile(loop, '2024-06-01', [loop])).toThrow(/vòng tròn/);
  });

  test('every built-in profile parses', () => {
    expect(BUILT_IN_PROFILES.map((p) => p.id)).toEqual(['quoc-gia', 'vi-du-tinh']);
  });
});

describe('provinces (Nghị quyết 202/2025/QH15)', () => {
  test('63 before 1/7/2025, 34 from then, every old province in exactly one new one', () => {
    expect(new Set(PROVINCES_BEFORE_2025).size).toBe(63);
    expect(PROVINCES_FROM_2025).toHaveLength(34);
    expect(Object.values(MERGERS).filter((parts) => parts.length === 1)).toHaveLength(11);
  });

  test.each([
    ['Ninh Thuận', '2025-07-01', { status: 'merged', into: 'Khánh Hòa' }],
    ['Sóc Trăng', '2025-12-01', { status: 'merged', into: 'Cần Thơ' }],
    ['Hà Giang', '2025-08-01', { status: 'merged', into: 'Tuyên Quang' }],
    ['Bà Rịa - Vũng Tàu', '2026-01-01', { status: 'merged', into: 'Hồ Chí Minh' }],
    ['Sóc Trăng', '2025-06-30', { status: 'ok' }],
    ['Lai Châu', '2026-01-01', { status: 'ok' }],
    ['Thành phố Hồ Chí Minh', '2024-01-01', { status: 'ok' }],
    ['Bac Kan', '2024-01-01', { status: 'ok', name: 'Bắc Kạn' }],
  ])('%s on %s', (name, date, expected) => {
    expect(checkProvince(name, date)).toMatchObject(expected);
  });
});

describe('rule options from a profile', () => {
  const withOptions = (rules: Record<string, unknown>) =>
    parseProfile({ id: 'tuy-chon', name: { vi: 'x', en: 'x' }, description: { vi: 'x', en: 'x' }, extends: 'quoc-gia', versions: [{ from: '2018-01-01', basis: 'thử nghiệm', rules }] });
  const g = () => {
    const grid = blocToGrid(L);
    grid.sheets.find((s) => s.name === 'Bình xét')!.rows[3]![7] = { kind: 'number', value: 84 }; // 83,33 expected
    return grid;
  };

  test('the default tolerance (0.5) flags 84 for 83.33; a profile tolerance of 1 does not', () => {
    expect(checkGrid(g(), { today: TODAY }).findings.map((f) => f.ruleId)).toEqual(['votes/percent-mismatch']);
    const loose = withOptions({ 'votes/percent-mismatch': { options: { tolerance: 1 } } });
    expect(checkGrid(g(), { today: TODAY, profile: loose }).findings).toEqual([]);
  });

  test('options keep the severity the profile extends, and a severity keeps the options', () => {
    const p = withOptions({ 'votes/percent-mismatch': { options: { tolerance: 0.1 } } });
    const r = checkGrid(g(), { today: TODAY, profile: p });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['votes/percent-mismatch', 'error']]);
  });

  test('loading a profile checks every rule it names and each rule\'s options: one clear error, before any workbook', () => {
    const data = (rules: Record<string, unknown>) => ({ id: 'tinh-b', name: { vi: 'b', en: 'b' }, description: { vi: 'b', en: 'b' }, extends: 'quoc-gia', versions: [{ from: '2024-01-01', basis: 'thử', rules }] });
    expect(() => loadProfile(data({ 'votes/percent-mismatch': { options: { tolerance: 'nửa' } } }))).toThrow(/versions\.0\.rules\.votes\/percent-mismatch\.options\.tolerance/);
    expect(() => loadProfile(data({ 'votes/quorom': 'warning' }))).toThrow(/không có quy tắc "votes\/quorom"; có phải "votes\/quorum"\?/);
    expect(() => loadProfile(data({ 'votes/quorum': { options: { share: 0.5 } } }))).toThrow(/votes\/quorum\.options: quy tắc này không có tùy chọn/);
    expect(loadProfile(data({ 'votes/percent-mismatch': { severity: 'warning', options: { tolerance: 1 } } })).id).toBe('tinh-b');
    // Every version resolved at load: a profile extending one that does not exist is refused there, not on each workbook.
    expect(() => loadProfile({ ...data({}), extends: 'khong-co' })).toThrow(ProfileError);
    for (const p of BUILT_IN_PROFILES) expect(ruleSettingProblems(p)).toEqual([]);
  });

  test('a profile given to the engine unchecked: an option the rule does not accept is still reported, not ignored', () => {
    const bad = withOptions({ 'votes/percent-mismatch': { options: { tolerance: 'nửa' } } });
    const r = checkGrid(g(), { today: TODAY, profile: bad });
    expect(r.findings.map((f) => [f.ruleId, f.data.rule])).toEqual([['engine/rule-failed', 'votes/percent-mismatch']]);
    expect(String(r.findings[0]!.data.error)).toContain('tolerance');
  });
});

test('forcing a profile that does not exist is the caller\'s mistake', () => {
  expect(() => checkGrid(blocToGrid(L), { today: TODAY, profile: 'khong-co' })).toThrow(ProfileError);
});
