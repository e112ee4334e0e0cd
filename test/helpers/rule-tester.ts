import { type CheckOptions, checkGrid } from '../../engine/check';
import type { Grid } from '../../engine/model/grid';
import type { Finding } from '../../engine/report/finding';
import { renderMessage } from '../../engine/report/render';
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
  sheet?: string;
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

export function runRuleTests(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
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
        if (e.sheet !== undefined) expect(f.sheet).toBe(e.sheet);
        if (e.cell !== undefined) expect(f.cell ?? null).toBe(e.cell);
        if (e.row !== undefined) expect(f.row).toBe(e.row);
        if (e.suggestion !== undefined) expect(f.suggestion).toBe(e.suggestion);
        if (e.basis !== undefined) expect(f.basis).toBe(e.basis);
        // Every message renders fully in both languages.
        expect(renderMessage(f, 'vi')).not.toMatch(/\{\w+\}/);
        expect(renderMessage(f, 'en')).not.toMatch(/\{\w+\}/);
      });
    });
  });
}

export { edited } from '../../samples/faulty';
