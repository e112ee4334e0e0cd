import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';

/** The built pane (npm test builds it first with webpack). */
const DIST = join(__dirname, '..', '..', 'dist', 'addin');
const js = readFileSync(join(DIST, 'taskpane.js'), 'utf8');
const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');

test('the pane\'s JavaScript is at most 350 KB minified and gzipped, and holds no ExcelJS', () => {
  expect(gzipSync(js).length).toBeLessThanOrEqual(350 * 1024);
  expect(js).not.toMatch(/exceljs|ExcelJS|JSZip|saxes/);
  // The engine is in it: the rule catalog and the national profile.
  expect(js).toContain('votes/percent-mismatch');
  expect(js).toContain('Cờ thi đua của UBND tỉnh');
});

test('no eval and no HTML built from strings (zod\'s guarded Function probe is switched off: see the browser test)', () => {
  expect(js).not.toMatch(/\beval\(/);
  expect(js).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/);
});

test('the page allows only its own files and Office.js', () => {
  const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  expect(csp).toContain("connect-src 'self'");
  // Only the pane's own files: no inline script or style, no eval, nothing from elsewhere.
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(html).not.toMatch(/<style|\sstyle=|<script>(?!<\/script>)|\son\w+=/i);
  const external = [...html.matchAll(/(?:src|href)="?(https?:[^"\s>]+)/g)].map((m) => m[1]);
  expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
});

/**
 * What an old engine (Internet Explorer 11's, EdgeHTML's) receives is ES5: the page loads
 * Office.js and guard.js only, and guard.js parses as ECMAScript 5. The pane's own ES2022 is
 * fetched by the guard, and only where the engine can run it.
 */
test('an old engine receives only ES5: the page\'s scripts are Office.js and guard.js, and guard.js parses as ECMAScript 5', () => {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'guard.js']);
  expect(html).not.toContain('taskpane.js');
  const guard = readFileSync(join(DIST, 'guard.js'), 'utf8');
  expect(() => parse(guard, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  expect(guard).toMatch(/\.src\s*=\s*["']taskpane\.js["']/);
  // The check has teeth: the pane's own bundle is not ES5.
  expect(() => parse(js, { ecmaVersion: 5, sourceType: 'script' })).toThrow();
  for (const page of ['commands.js']) expect(() => parse(readFileSync(join(DIST, page), 'utf8'), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});
