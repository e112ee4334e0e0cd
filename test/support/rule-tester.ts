import { type CheckOptions, type CrossFileFinding, checkBatch, checkGrid } from '../../engine/check';
import { summarize } from '../../engine/model/bloc';
import type { Grid } from '../../engine/model/grid';
import type { Finding } from '../../engine/report/finding';
import { renderMessage } from '../../engine/report/render';
import { BATCH_RULES, RULES } from '../../engine/rules';
import type { RuleMeta } from '../../engine/rules/types';
import { type BlocData, blocToGrid } from '../../engine/template/writer';

/**
 * ESLint's RuleTester for thidua: each case is a whole workbook (a fixture bloc, edited),
 * checked by the whole engine; the assertions look only at the rule under test. `valid`
 * cases must report nothing; `invalid` cases must report exactly the listed findings.
 */
export interface Expected {
  messageId: string;
  /** The finding's exact data, when given. */
  data?: Record<string, string | number>;
  /** The sheet's name; `null` for a finding about the whole workbook. */
  sheet?: string | null;
  /** A1 address; `null` for a finding with no cell (sheet or workbook level). */
  cell?: string | null;
  row?: number;
  suggestion?: string;
  basis?: string;
}

export interface Case {
  name: string;
  bloc?: BlocData;
  grid?: Grid;
  edit?: (grid: Grid) => void;
  options?: CheckOptions;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

export const TODAY = '2026-11-22';

export function gridOf(c: Case): Grid {
  const grid = c.grid ? structuredClone(c.grid) : blocToGrid(structuredClone(c.bloc!));
  c.edit?.(grid);
  return grid;
}

export function findingsOf(ruleId: string, c: Case): Finding[] {
  return checkGrid(gridOf(c), { today: TODAY, ...c.options }).findings.filter((f) => f.ruleId === ruleId);
}

/**
 * The table itself held as strictly as ESLint holds one, before anything runs: the rule
 * exists, it has at least one valid and one invalid case, no two cases share a name or
 * content, every expected messageId is the rule's, and no expectation field is present but
 * undefined (a check that silently checks nothing).
 */
export function checkTable(ruleId: string, meta: RuleMeta | undefined, valid: readonly { name: string }[], invalid: readonly { name: string; errors: readonly object[] }[], content: (c: object) => string): void {
  if (!meta) throw new Error(`${ruleId}: no such rule`);
  if (valid.length === 0 || invalid.length === 0) throw new Error(`${ruleId}: needs at least one valid and one invalid case`);
  // ESLint's valid cases are near misses at the rule's boundary, not only a correct workbook untouched.
  if (valid.length < 2 && !valid.some((c) => 'edit' in c || 'options' in c)) throw new Error(`${ruleId}: needs a valid case at the rule's boundary (a near miss), besides a correct workbook`);
  const names = new Set<string>();
  const bodies = new Set<string>();
  for (const c of [...valid, ...invalid]) {
    if (names.has(c.name)) throw new Error(`${ruleId}: two cases named "${c.name}"`);
    names.add(c.name);
    const body = content(c);
    if (bodies.has(body)) throw new Error(`${ruleId}: case "${c.name}" repeats another case`);
    bodies.add(body);
  }
  for (const c of invalid) {
    if (c.errors.length === 0) throw new Error(`${ruleId}: invalid case "${c.name}" expects no finding`);
    for (const e of c.errors) {
      for (const [key, value] of Object.entries(e)) if (value === undefined) throw new Error(`${ruleId}: case "${c.name}" has ${key}: undefined (leave it out, or give the value)`);
      const messageId = (e as { messageId: string }).messageId;
      if (!(messageId in meta.messages)) throw new Error(`${ruleId}: case "${c.name}" expects messageId "${messageId}", which the rule does not have (${Object.keys(meta.messages).join(', ')})`);
    }
  }
}

/**
 * A case's content, functions by their source, for finding two cases that are one: all of it
 * but the case's own name and expectations (a member's `name` is content).
 */
export const caseContent = (c: object) =>
  JSON.stringify(c, function (this: unknown, key: string, value: unknown) {
    if (this === c && (key === 'name' || key === 'errors')) return undefined;
    return typeof value === 'function' ? String(value) : value;
  });

/** The message renders fully in both languages: every placeholder filled by the data. */
function expectRendered(f: { messageId: string; data: Record<string, string | number>; ruleId: string }): void {
  expect(renderMessage(f, 'vi')).not.toMatch(/\{\w+\}/);
  expect(renderMessage(f, 'en')).not.toMatch(/\{\w+\}/);
}

export function runRuleTests(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  checkTable(ruleId, RULES.find((r) => r.id === ruleId)?.meta, cases.valid, cases.invalid, caseContent);
  describe(ruleId, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      const found = findingsOf(ruleId, c).map((f) => `${f.sheet}!${f.cell ?? f.row ?? ''} ${f.messageId} ${renderMessage(f, 'vi')}`);
      expect(found).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = findingsOf(ruleId, c);
      expect(found).toHaveLength(c.errors.length);
      c.errors.forEach((e, i) => {
        const f = found[i]!;
        expect(f.messageId).toBe(e.messageId);
        if (e.data !== undefined) expect(f.data).toEqual(e.data);
        if (e.sheet !== undefined) expect(f.sheet ?? null).toBe(e.sheet);
        if (e.cell !== undefined) expect(f.cell ?? null).toBe(e.cell);
        if (e.row !== undefined) expect(f.row).toBe(e.row);
        if (e.suggestion !== undefined) expect(f.suggestion).toBe(e.suggestion);
        if (e.basis !== undefined) expect(f.basis).toBe(e.basis);
        expectRendered(f);
      });
    });
  });
}

/** A case of a rule over several workbooks: the files of one run, each a bloc by its name. */
export interface BatchCase {
  name: string;
  files: [string, BlocData][];
}

export interface BatchExpected {
  messageId: string;
  files: string[];
  /** The finding's exact data, when given. */
  data?: Record<string, string | number>;
  /** What the Vietnamese (or English) message must say, exactly. */
  vi?: string;
  en?: string;
}

export interface InvalidBatchCase extends BatchCase {
  errors: BatchExpected[];
}

/** The engine's cross-file findings of one run, as the batch front end hands it the files. */
export function runFiles(files: [string, BlocData][]): CrossFileFinding[] {
  return checkBatch(files.map(([id, bloc]) => {
    const r = checkGrid(blocToGrid(structuredClone(bloc)), { today: TODAY });
    return { id, bloc: summarize(r.model), settings: r.settings };
  }));
}

/** RuleTester for the rules over a run's workbooks (batch/*), as strict as `runRuleTests`. */
export function runBatchRuleTests(ruleId: string, cases: { valid: BatchCase[]; invalid: InvalidBatchCase[] }): void {
  checkTable(ruleId, BATCH_RULES.find((r) => r.id === ruleId)?.meta, cases.valid, cases.invalid, caseContent);
  describe(ruleId, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
      expect(runFiles(c.files).filter((f) => f.ruleId === ruleId).map((f) => renderMessage(f, 'vi'))).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, c) => {
      const found = runFiles(c.files).filter((f) => f.ruleId === ruleId);
      expect(found).toHaveLength(c.errors.length);
      c.errors.forEach((e, i) => {
        const f = found[i]!;
        expect(f.messageId).toBe(e.messageId);
        expect(f.files).toEqual(e.files);
        if (e.data !== undefined) expect(f.data).toEqual(e.data);
        if (e.vi !== undefined) expect(renderMessage(f, 'vi')).toBe(e.vi);
        if (e.en !== undefined) expect(renderMessage(f, 'en')).toBe(e.en);
        expectRendered(f);
      });
    });
  });
}

export { edited } from '../../samples/faulty';
