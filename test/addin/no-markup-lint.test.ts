/**
 * The lint rules that keep workbook text from becoming markup or code (THREATS.md): each
 * forbidden construct, put into a pane file, fails `eslint`; the pane's own sources pass.
 */
import { lint as lintAs } from '../support/lint';

/** ESLint's rule ids for a snippet linted as if it were `addin/pane/probe.ts`. */
const lint = (code: string, file = 'addin/pane/probe.ts'): string[] => lintAs(code, file).map((m) => m.ruleId);

test.each([
  ['innerHTML', 'export function show(el: HTMLElement, text: string): void { el.innerHTML = text; }', 'no-restricted-properties'],
  ['outerHTML', 'export function show(el: HTMLElement, text: string): void { el.outerHTML = text; }', 'no-restricted-properties'],
  ['insertAdjacentHTML', "export function show(el: HTMLElement, text: string): void { el.insertAdjacentHTML('beforeend', text); }", 'no-restricted-properties'],
  ['document.write', 'export function show(text: string): void { document.write(text); }', 'no-restricted-properties'],
  ['DOMParser', "export function show(text: string): Document { return new DOMParser().parseFromString(text, 'text/html'); }", 'no-restricted-syntax'],
  ['eval', 'export function run(text: string): unknown { return eval(text); }', 'no-eval'],
  ['new Function', 'export function run(text: string): unknown { return new Function(text)(); }', 'no-new-func'],
  ['setTimeout with a string', "export function later(text: string): void { setTimeout('alert(document.title)', 1); void text; }", 'no-implied-eval'],
])('%s in the pane fails lint', (_name, code, rule) => {
  expect(lint(code)).toContain(rule);
});

test('building nodes and setting textContent passes', () => {
  expect(lint("export function show(el: HTMLElement, text: string): void { const li = document.createElement('li'); li.textContent = text; el.append(li); }")).toEqual([]);
});
