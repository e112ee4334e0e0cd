/**
 * Relationship targets resolved as RFC 3986 §5.2 says against their source part, the common
 * plain target by its shortcut: on generated sources and targets, the same part as the
 * general resolution (written out here as the RFC's steps) every time.
 */
import fc from 'fast-check';
import { resolveTarget } from '../../reader/opc';

/** The general resolution: `\\` as `/`, no query or fragment, percent-decoded, dot segments removed. */
function byTheRfc(source: string, target: string): string {
  let t = target.replace(/\\/g, '/').replace(/[#?].*$/, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A `%` that escapes nothing stands for itself.
  }
  const out = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const segment = fc.constantFrom('xl', 'worksheets', 'sheet1.xml', '_rels', 'a-b.c', '.', '..', '', 'x%20y', 'sheet 1.xml', 'a#b', 'q?x=1', 'ư.xml', '.hidden', 'a..b');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

test('a target resolves to the part the RFC\'s steps give, plain or not', () => {
  fc.assert(
    fc.property(fc.constantFrom('', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'a/b/c/d.xml'), fc.boolean(), path, fc.constantFrom('/', '\\', ''), (source, absolute, target, sep) => {
      const t = `${absolute ? '/' : ''}${sep === '/' ? target : target.replaceAll('/', sep || '/')}`;
      expect(resolveTarget(source, t)).toBe(byTheRfc(source, t));
    }),
    { numRuns: 3000 },
  );
});

test.each([
  ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
  ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
  ['', 'xl/workbook.xml', 'xl/workbook.xml'],
  ['xl/workbook.xml', '../customXml/item1.xml', 'customXml/item1.xml'],
  ['xl/workbook.xml', './worksheets/sheet%201.xml', 'xl/worksheets/sheet 1.xml'],
])('%s → %s is %s', (source, target, part) => {
  expect(resolveTarget(source, target)).toBe(part);
});
