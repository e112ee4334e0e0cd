/**
 * The differential run (scripts/conformance.ts) in the suite: every sample, faulty sample and
 * LibreOffice workbook, rewritten into each equivalent form of the standards, gets exactly
 * its original's report entry.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { conformanceInputs, difference, entryOf } from '../../scripts/conformance';
import { COMBINED, FORMS, NotApplicable, rewrite } from '../../scripts/xml-forms';
import { readXlsx } from '../../reader/read-workbook';

const inputs = conformanceInputs().map((path) => ({ name: basename(path), buf: readFileSync(path) }));
const originals = new Map(inputs.map((i) => [i.name, entryOf(i.buf)]));

test('the inputs are the samples, the faulty samples and the LibreOffice workbooks, with findings to compare', () => {
  expect(inputs.length).toBeGreaterThanOrEqual(30);
  // Enough to compare: findings of many rules, at cells of every template sheet.
  const findings = [...originals.values()].flatMap((e) => e.findings ?? []);
  expect(findings.length).toBeGreaterThanOrEqual(25);
  expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(15);
  expect(new Set(findings.map((f) => f.sheet)).size).toBeGreaterThanOrEqual(6);
});

test.each([...Object.keys(FORMS).map((f) => [f, [f]] as const), ['all forms at once', COMBINED] as const])('%s: every workbook gets its original report entry', (_name, forms) => {
  const differences: string[] = [];
  let applied = 0;
  for (const { name, buf } of inputs) {
    let rewritten: Buffer;
    try {
      rewritten = rewrite(buf, forms);
    } catch (e) {
      if (e instanceof NotApplicable) continue;
      throw e;
    }
    applied++;
    const diff = difference(originals.get(name)!, entryOf(rewritten));
    if (diff) differences.push(`${name}: ${diff}`);
  }
  expect(differences).toEqual([]);
  expect(applied).toBeGreaterThanOrEqual(inputs.length - 1);
});

test('the rewrites really are other spellings: the XML differs, the cells do not', () => {
  const { buf } = inputs[0]!;
  const all = rewrite(buf, COMBINED);
  expect(all.equals(buf)).toBe(false);
  const text = all.toString('latin1');
  expect(text).not.toContain('xl/workbook.xml');
  const cells = (b: Buffer) => readXlsx(b).sheets.filter((s) => s.name !== 'Biểu đồ').map((s) => [s.name, s.rows.map((r) => r.map((c) => c?.value ?? null))]);
  expect(cells(all)).toEqual(cells(buf));
});
