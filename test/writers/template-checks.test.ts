/**
 * The template checks itself in another program: each clean bloc, each faulty variant and each
 * mistake below is typed into the template of its year and profile (`thidua template --year
 * --profile`; ExcelJS writes the values), LibreOffice opens it, computes every formula and
 * saves it, and the sheet `Kiểm tra` it computed is read back: 0 on every rule for the clean
 * blocs, above 0 exactly on the rules the engine finds that the template covers for the others
 * (the exceptions named below, with their reasons). Every rule the template checks is counted
 * somewhere. The engine finds on the filled template what it finds on the original.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { excelValue } from '../support/write-grid';
import { readXlsx } from '../../reader/read-workbook';
import { counted } from '../support/kiem-tra';
import { checkGrid } from '../../engine/check';
import { type Cell, type Grid, setCell } from '../../engine/model/grid';
import { templateChecks } from '../../engine/template/checks';
import { loadProfile } from '../../engine/profiles/load';
import type { Profile } from '../../engine/profiles/schema';
import { currentNationalSettings } from '../../engine/profiles';
import { type BlocData, blocToGrid } from '../../engine/template/writer';
import { laiChauMttq, ninhThuanHoiDacThu, ninhThuanMatTran, quangNinhMttq, SEVEN_BLOCS, socTrangKhoi6 } from '../../samples/blocs';
import { edited, FAULTY } from '../../samples/faulty';

const ROOT = join(__dirname, '..', '..');
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice && process.env.CI) throw new Error('CI needs LibreOffice (libreoffice-calc-nogui) for this test');
const ssconvert = spawnSync('ssconvert', ['--version'], { encoding: 'utf8' }).status === 0;
if (!ssconvert && process.env.CI) throw new Error('CI needs Gnumeric (gnumeric) for this test');

/** The programs that compute the template's formulas here, as a user's office would. */
const PROGRAMS = ['LibreOffice', 'Gnumeric'] as const;
type Program = (typeof PROGRAMS)[number];

jest.setTimeout(600_000);

// The rules the national profile keeps on (awards/excellent-share is off: no national basis).
const COVERED = new Set(templateChecks().checks.map((c) => c.ruleId));

/**
 * What a formula sees that the engine explains otherwise: a member name typed in VNI is, to
 * a formula, another name, so the units that name the member elsewhere are not in the list,
 * and the member is not in the covenant list (the engine decodes the name, matches them, and
 * reports the encoding alone).
 */
const ALSO: Record<string, string[]> = { 'soc-trang-thanh-vien-vni': ['refs/unknown-unit', 'covenant/unsigned'] };

/**
 * What the engine explains otherwise and a formula leaves to another rule: a member listed
 * twice is two members to the engine, and the second is not scored; to a formula both lines
 * name the unit `Chấm điểm` scores (members/duplicate marks the second).
 */
const MISSED: Record<string, string[]> = { 'mau-thanh-vien-ghi-hai-lan': ['members/not-scored'] };

/**
 * Mistakes no sample plants, for the rules the template checks: each is what the engine finds
 * in it, so that the formulas are held to the engine's own answer.
 */
const MORE: { id: string; grid: () => Grid }[] = [
  { id: 'mau-thanh-vien-chua-cham-diem', grid: () => blocToGrid(edited(ninhThuanMatTran, (b) => { b.scores!.rows.pop(); })) },
  { id: 'mau-qua-nhieu-htxsnv-2025', grid: () => blocToGrid(edited(quangNinhMttq, (b) => { b.year = 2025; b.meetingDate = '2025-12-05'; b.members.forEach((m) => (m.rating = 'HTXSNV')); })) },
  { id: 'mau-truong-khoi-sau-khong-phai-pho', grid: () => blocToGrid({ ...socTrangKhoi6, nextLeader: 'Hội Chữ thập đỏ tỉnh' }) },
  { id: 'mau-so-phieu-khac-dong-dau', grid: () => setCell(blocToGrid(ninhThuanHoiDacThu), 'Bình xét', 'B4', 12) },
  {
    id: 'mau-co-chinh-phu-khong-dan-dau',
    grid: () => blocToGrid(edited(laiChauMttq, (b) => {
      b.proposals[1]!.award = 'Cờ thi đua của Chính phủ';
      b.votes.push({ award: 'Cờ thi đua của Chính phủ', present: 6, issued: 6, returned: 6, valid: 6, candidates: [{ unit: 'Hội LHPN tỉnh', votes: 6 }] });
    })),
  },
  {
    id: 'mau-loi-cong-thuc',
    grid: () => {
      const g = blocToGrid(laiChauMttq);
      g.sheets.find((x) => x.name === 'Số liệu')!.rows[3]![4] = { kind: 'error', value: '#DIV/0!' };
      return g;
    },
  },
  // A unit's name with its marks typed apart (NFD): thidua says text/not-nfc, and so does the template, alone.
  { id: 'mau-ten-dau-tach-roi', grid: () => blocToGrid(edited(laiChauMttq, (b) => { b.proposals[0]!.unit = b.proposals[0]!.unit.normalize('NFD'); })) },
  { id: 'mau-ty-le-tren-100', grid: () => setCell(blocToGrid(quangNinhMttq), 'Bình xét', 'H3', 120) },
  { id: 'mau-nam-thi-dua-sai', grid: () => setCell(blocToGrid(quangNinhMttq), 'Thông tin', 'B5', 1999) },
  { id: 'mau-ngay-hop-dang-chu', grid: () => setCell(blocToGrid(quangNinhMttq), 'Thông tin', 'B9', '05/12/2023') },
  { id: 'mau-ngay-31-thang-2-dang-chu', grid: () => setCell(blocToGrid(quangNinhMttq), 'Thông tin', 'B9', '31/02/2023') },
  { id: 'mau-de-nghi-thieu-hinh-thuc', grid: () => setCell(blocToGrid(laiChauMttq), 'Đề nghị khen thưởng', 'C4', null) },
  { id: 'mau-binh-xet-thieu-phieu-phat-ra', grid: () => setCell(blocToGrid(laiChauMttq), 'Bình xét', 'C4', null) },
  {
    id: 'mau-co-cho-don-vi-xep-thu-ba',
    grid: () => blocToGrid(edited(laiChauMttq, (b) => {
      b.proposals[0]!.unit = 'Hội Nông dân tỉnh';
      b.proposals[2]!.unit = 'Liên đoàn Lao động tỉnh';
      b.votes[0]!.candidates[0]!.unit = 'Hội ND tỉnh';
      b.votes[1]!.candidates[1]!.unit = 'LĐLĐ tỉnh';
    })),
  },
  { id: 'mau-thieu-ten-khoi', grid: () => setCell(blocToGrid(laiChauMttq), 'Thông tin', 'B4', null) },
  { id: 'mau-thanh-vien-ghi-hai-lan', grid: () => blocToGrid(edited(ninhThuanMatTran, (b) => { b.members.push({ name: 'Tỉnh đoàn' }); b.memberCount = 7; })) },
  { id: 'mau-pho-trung-truong-khoi', grid: () => blocToGrid({ ...laiChauMttq, deputy: laiChauMttq.leader }) },
  // This year's deputy typed as its leader too: one cause (leader-is-deputy), not a rotation history or succession finding.
  { id: 'mau-pho-ghi-lam-truong-khoi', grid: () => blocToGrid({ ...socTrangKhoi6, leader: socTrangKhoi6.deputy! }) },
  { id: 'mau-ty-le-phieu-sai', grid: () => setCell(blocToGrid(laiChauMttq), 'Bình xét', 'H4', 50) },
  { id: 'mau-diem-vuot-toi-da', grid: () => setCell(blocToGrid(ninhThuanMatTran), 'Chấm điểm', 'C4', 25) },
  { id: 'mau-xep-hang-sai', grid: () => setCell(blocToGrid(ninhThuanMatTran), 'Chấm điểm', 'H4', 5) },
  { id: 'mau-so-lieu-ty-le-sai', grid: () => setCell(blocToGrid(laiChauMttq), 'Số liệu', 'F3', 110) },
  {
    id: 'mau-41-thanh-vien',
    grid: () => blocToGrid(edited(ninhThuanHoiDacThu, (b) => {
      for (let i = 1; b.members.length < 41; i++) b.members.push({ name: `Hội thành viên mới ${i}` });
      b.memberCount = 41;
    })),
  },
  {
    id: 'mau-hai-co-dan-dau',
    grid: () => blocToGrid(edited(ninhThuanMatTran, (b) => {
      b.proposals.push({ unit: 'Tỉnh đoàn', award: 'Cờ thi đua dẫn đầu khối' });
      b.votes[0]!.candidates.push({ unit: 'Tỉnh đoàn', votes: 6 });
    })),
  },
];

/**
 * A sample's `Chấm điểm` in the template's three criterion columns: the criteria past the
 * second added up in the third (their maxima too), so that totals and ranks stand as they were.
 */
function threeCriteria(rows: (Cell | null | undefined)[][]): (Cell | null | undefined)[][] {
  const header = rows[1] ?? [];
  const total = header.findIndex((c) => c?.kind === 'text' && String(c.value) === 'Tổng điểm');
  if (total <= 5) return rows;
  return rows.map((row, r) => {
    if (!row) return row;
    const merged: (Cell | null | undefined)[] = [row[0], row[1], row[2], row[3]];
    const extra = row.slice(4, total);
    if (r === 1) merged.push({ kind: 'text', value: 'Các tiêu chí khác' });
    else {
      const numbers = extra.filter((c): c is Cell => c?.kind === 'number');
      merged.push(numbers.length > 0 ? { kind: 'number', value: numbers.reduce((a, c) => a + Number(c.value), 0) } : row[4]);
    }
    return [...merged, ...row.slice(total)];
  });
}

/** A case: a grid typed into the template it asks for (`args` of `thidua template`), checked by the engine with `profiles`. */
interface Case {
  id: string;
  grid: Grid;
  args?: string[];
  profiles?: Profile[];
  /** The criteria typed as they are (the template was made for them), not folded into three. */
  ownCriteria?: boolean;
  /** `Tổng điểm` left to the template's formula: not typed. */
  formulaTotals?: boolean;
}

/** Six criteria, as `--criteria` gives them to a bloc that scores on six. */
const SIX = [
  { name: 'Công tác chỉ đạo, điều hành', max: 20 }, { name: 'Thực hiện nhiệm vụ chuyên môn', max: 50 }, { name: 'Phong trào thi đua', max: 20 },
  { name: 'Công tác khen thưởng', max: 10 }, { name: 'Xây dựng tổ chức', max: 15 }, { name: 'Công tác phối hợp', max: 15 },
];
const SIX_ARGS = ['--criteria', SIX.map((c) => `${c.name}:${c.max}`).join(';')];
/** Ninh Thuận's front bloc scored on six criteria: two more, alike for every unit (its ranks stand). */
const sixCriteria = (edit: (b: BlocData) => void = () => undefined) => blocToGrid(edited(ninhThuanMatTran, (b) => {
  b.scores = { criteria: SIX, rows: b.scores!.rows.map((r) => ({ unit: r.unit, scores: [...r.scores, 10, 12] })) };
  edit(b);
}));
/** A bloc that scores on six criteria, in the template `--criteria` made for it; clean first, then one fault each. */
const SHAPED: Case[] = [
  { id: 'sau-tieu-chi', grid: sixCriteria(), args: SIX_ARGS, ownCriteria: true, formulaTotals: true },
  { id: 'sau-tieu-chi-vuot-toi-da', grid: sixCriteria((b) => { b.scores!.rows[2]!.scores[5] = 16; }), args: SIX_ARGS, ownCriteria: true, formulaTotals: true },
  { id: 'sau-tieu-chi-tong-thieu-tieu-chi-6', grid: sixCriteria((b) => { const r = b.scores!.rows[1]!; r.total = r.scores.slice(0, 5).reduce((a, x) => a + x, 0); }), args: SIX_ARGS, ownCriteria: true },
  { id: 'sau-tieu-chi-hang-doi-cho', grid: sixCriteria((b) => { b.scores!.rows[0]!.rank = 1; b.scores!.rows[2]!.rank = 2; }), args: SIX_ARGS, ownCriteria: true },
];

/**
 * A province's own profile that changes every figure a formula reads: tolerances, the
 * percentage's denominator (members present), the quorum and thresholds, the meeting window,
 * the bloc's size (and so the tables' rows).
 */
const PROVINCE = loadProfile({
  id: 'tinh-thu-mau',
  name: { vi: 'Tỉnh thử (mẫu)', en: 'Test province (template)' },
  description: { vi: 'Quy chế khối thi đua của một tỉnh thử', en: 'A test province\'s bloc regulation' },
  extends: 'quoc-gia',
  versions: [{
    from: '2020-01-01',
    basis: 'Quy chế khối thi đua của tỉnh thử',
    percentDenominator: { of: 'present', basis: 'Quy chế, Điều 9' },
    quorum: { share: 0.8, basis: 'Quy chế, Điều 8' },
    approval: { flags: 0.8, others: 0.6, basis: 'Quy chế, Điều 9' },
    meetingWindow: { start: '11-01', end: '12-31', basis: 'Quy chế, Điều 7' },
    blocSize: { min: 5, max: 12, basis: 'Quy chế, Điều 3' },
    rules: { 'votes/percent-mismatch': { options: { tolerance: 0.1 } }, 'stats/percent-mismatch': { options: { tolerance: 2 } }, 'scores/total-mismatch': { options: { tolerance: 0.5 } }, 'cell/out-of-range': { options: { minYear: 2020 } } },
  }],
});
/** Ninh Thuận's front bloc under that profile: five of six present, each percentage of those present. */
const underProvince = (edit: (b: BlocData) => void = () => undefined) => blocToGrid(edited(ninhThuanMatTran, (b) => {
  b.profile = PROVINCE.id;
  b.votes = [{ award: b.votes[0]!.award, present: 5, issued: 5, returned: 5, valid: 5, candidates: [{ unit: 'UBMTTQ tỉnh', votes: 5, percent: 100 }] }];
  edit(b);
}));

/** The grid typed into the template: every value, also over the template's own formulas (as a user may). */
async function fill(template: string, c: Case, out: string): Promise<void> {
  const grid = c.grid;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  // What the template pre-filled (`--members`) gives way to the bloc's own tables; its formulas stay.
  for (const ws of wb.worksheets.filter((w) => !['Thông tin', 'Kiểm tra', 'Danh mục'].includes(w.name))) {
    ws.eachRow((row, r) => row.eachCell((cell) => void (r >= 3 && !cell.formula && (cell.value = null))));
  }
  for (const sheet of grid.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    const rows = sheet.name === 'Chấm điểm' && !c.ownCriteria ? threeCriteria(sheet.rows) : sheet.rows;
    const total = sheet.name === 'Chấm điểm' && c.formulaTotals ? (rows[1] ?? []).findIndex((x) => x?.kind === 'text' && String(x.value) === 'Tổng điểm') : -1;
    rows.forEach((row, r) => {
      if (r < 2 && sheet.name !== 'Chấm điểm') return; // the template's own title and headers
      row?.forEach((cell, k) => {
        if (!cell || cell.kind === 'blank' || (k === total && r >= 2)) return;
        ws.getCell(r + 1, k + 1).value = excelValue(cell);
      });
    });
  }
  // As Excel does when a user types: the formulas computed again (LibreOffice, on opening).
  wb.calcProperties = { fullCalcOnLoad: true };
  await wb.xlsx.writeFile(out);
}

const TODAY = '2026-11-22';

/** A value of `Thông tin`'s column B (its row, 1-based). */
function infoValue(grid: Grid, row: number): string | number | undefined {
  const cell = grid.sheets.find((s) => s.name === 'Thông tin')?.rows[row - 1]?.[1];
  return cell && cell.kind !== 'blank' ? (cell.value as string | number) : undefined;
}

/** The names of `Thành viên`, from row 3. */
function memberNames(grid: Grid): string[] {
  return (grid.sheets.find((s) => s.name === 'Thành viên')?.rows ?? []).slice(2).flatMap((row) => (row?.[1]?.kind === 'text' ? [String(row[1].value)] : []));
}

(soffice && ssconvert ? describe : describe.skip)('the template\'s own checks, computed by LibreOffice and by Gnumeric', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-kiem-tra-'));
  const profileFile = join(dir, 'tinh-thu-mau.json');
  writeFileSync(profileFile, JSON.stringify(PROVINCE));
  const province = (id: string, grid: Grid): Case => ({ id, grid, args: ['--profile', profileFile], profiles: [PROVINCE] });
  const PROFILED: Case[] = [
    province('tinh-thu-mau', underProvince()),
    province('tinh-thu-mau-ty-le-lech-0-3', underProvince((b) => { b.votes[0]!.candidates[0]!.percent = 99.7; })),
    province('tinh-thu-mau-thieu-nguoi-du', underProvince((b) => { Object.assign(b.votes[0]!, { present: 4, issued: 4, returned: 4, valid: 4 }); b.votes[0]!.candidates[0]!.votes = 4; })),
    province('tinh-thu-mau-hop-thang-1', underProvince((b) => { b.meetingDate = '2024-01-15'; })),
  ];
  const cases: Case[] = [
    ...SEVEN_BLOCS.map((b) => ({ id: b.id, grid: blocToGrid(b.bloc) })),
    ...FAULTY.map((v) => ({ id: v.id, grid: v.grid() })),
    ...MORE.map((v) => ({ id: v.id, grid: v.grid() })),
    ...SHAPED,
    ...PROFILED,
  ];
  const CLEAN = [...SEVEN_BLOCS.map((b) => b.id), SHAPED[0]!.id, PROFILED[0]!.id];
  const faulty = cases.filter((c) => !CLEAN.includes(c.id));
  /** What the engine finds in each original (rule ids, sorted), checked once. */
  const original = new Map(cases.map((c) => [c.id, checkGrid(c.grid, { today: TODAY, profiles: c.profiles ?? [] }).findings.map((f) => f.ruleId).sort()]));
  const results = new Map<Program, Map<string, Map<string, number>>>(PROGRAMS.map((p) => [p, new Map()]));
  const engine = new Map<string, string[]>();

  beforeAll(async () => {
    mkdirSync(join(dir, 'lo'));
    // A template per year and profile, as a bloc gets it (`--year`, `--profile`).
    const templates = new Map<string, string>();
    const files: string[] = [];
    for (const c of cases) {
      // A year typed wrong (1999) is typed into the template of the year the bloc meant.
      const typed = Number(infoValue(c.grid, 5));
      const year = String(typed >= 2000 && typed <= 2100 ? typed : 2023);
      const profile = String(infoValue(c.grid, 13) ?? 'quoc-gia');
      // A bloc larger than the profile's largest gets a template sized to its members (`--members`).
      const members = memberNames(c.grid);
      const sized = members.length > currentNationalSettings().blocSize.max ? ['--members', members.join(';')] : [];
      const args = ['--year', year, ...(c.args?.includes('--profile') ? [] : ['--profile', profile]), ...sized, ...(c.args ?? [])];
      const key = args.join(' ');
      if (!templates.has(key)) {
        const file = join(dir, `mau-${templates.size}.xlsx`);
        const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'command', 'cli.js'), 'template', '--out', file, ...args], { encoding: 'utf8' });
        expect(r.status).toBe(0);
        templates.set(key, file);
      }
      const file = join(dir, `${c.id}.xlsx`);
      await fill(templates.get(key)!, c, file);
      files.push(file);
    }
    // LibreOffice, opening and saving each (its formulas computed on opening); Gnumeric, as
    // `ssconvert --recalc` computes a workbook: every formula again, then saved. The two programs side by side.
    mkdirSync(join(dir, 'gn'));
    const run = promisify(execFile);
    await Promise.all([
      run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'lo'), ...files], { timeout: 400_000 }),
      (async () => {
        for (const c of cases) await run('ssconvert', ['--recalc', join(dir, `${c.id}.xlsx`), join(dir, 'gn', `${c.id}.xlsx`)], { timeout: 60_000 });
      })(),
    ]);
    for (const c of cases) {
      const file = join(dir, 'lo', `${c.id}.xlsx`);
      results.get('LibreOffice')!.set(c.id, counted(file));
      results.get('Gnumeric')!.set(c.id, counted(join(dir, 'gn', `${c.id}.xlsx`)));
      engine.set(c.id, checkGrid(readXlsx(readFileSync(file)), { today: TODAY, profiles: c.profiles ?? [] }).findings.map((f) => f.ruleId).sort());
    }
  });

  test.each(PROGRAMS.map((p) => [p]))('%s: the sheet lists every rule the template checks, each with a count', (program) => {
    for (const counts of results.get(program)!.values()) expect([...counts.keys()].sort()).toEqual([...COVERED].sort());
  });

  test.each(PROGRAMS.flatMap((p) => CLEAN.map((id) => [p, id])))('%s, %s, clean: 0 on every rule', (program, id) => {
    expect(original.get(id)).toEqual([]);
    expect(Object.fromEntries(results.get(program as Program)!.get(id)!)).toEqual(Object.fromEntries([...COVERED].map((r) => [r, 0])));
  });

  test.each(PROGRAMS.flatMap((p) => faulty.map((v) => [p, v.id, v] as const)))('%s, %s: above 0 exactly on the rules the engine finds that the template covers', (program, _id, v) => {
    const found = original.get(v.id)!;
    const planted = new Set([...found.filter((r) => COVERED.has(r) && !(MISSED[v.id] ?? []).includes(r)), ...(ALSO[v.id] ?? [])]);
    // A fault planted for the template's shape or a province's figures is one it counts.
    if ([...SHAPED, ...PROFILED].some((c) => c.id === v.id)) expect(planted.size).toBeGreaterThan(0);
    const counts = results.get(program)!.get(v.id)!;
    const above = [...counts].filter(([, n]) => n > 0).map(([r]) => r).sort();
    expect(above).toEqual([...planted].sort());
  });

  test.each(cases.map((c) => [c.id]))('%s: the same count on every rule in both programs', (id) => {
    expect(Object.fromEntries(results.get('Gnumeric')!.get(id)!)).toEqual(Object.fromEntries(results.get('LibreOffice')!.get(id)!));
  });

  test.each(PROGRAMS.map((p) => [p]))('%s: every rule the template checks is planted somewhere and counted there', (program) => {
    const counted = new Set([...results.get(program)!.values()].flatMap((m) => [...m].filter(([, n]) => n > 0).map(([r]) => r)));
    expect([...COVERED].filter((r) => !counted.has(r))).toEqual([]);
  });

  test.each(cases.map((v) => [v.id, v]))('%s: the engine finds on the filled template what it finds on the original', (_id, v) => {
    expect(engine.get(v.id)).toEqual(original.get(v.id));
  });
});
