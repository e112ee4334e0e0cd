/**
 * One vocabulary (issue 23): the words every output shares (severities, results, counts, the
 * overview's headings) are spelt once, in engine/report/words.ts, and taken from there by typed
 * key; `'vi' | 'en'` is spelt once, as `Lang`. A source that spells one again fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { WORDS } from '../../engine/report/words';

const ROOT = join(__dirname, '..', '..');
const SOURCES = globSync(['{engine,reader,formats,writers,pool,command,desk,addin}/**/*.ts'], { cwd: ROOT, ignore: ['engine/report/words.ts'] });

/**
 * Every shared word, in both languages, but those spelt as the codes they word (`error`,
 * `valid`: a code in JSON and CSV, not a word to find) and Office.js's cell type `Error`.
 */
const CODES = new Set(['error', 'warning', 'info', 'off', 'valid', 'invalid', 'unreadable', 'Error']);
const shared = [...new Set(Object.values(WORDS).flatMap((w) => [...Object.values(w.severity), ...Object.values(w.severityLabel), ...Object.values(w.severityCounted), ...Object.values(w.severityColumn), ...Object.values(w.status), ...Object.values(w.statusLabel)]))].filter((w) => !CODES.has(w));

test('the shared words are all there, in both languages', () => {
  expect(shared).toEqual(expect.arrayContaining(['lỗi', 'cảnh báo', 'lưu ý', 'đạt', 'không đạt', 'không đọc được', 'errors', 'warnings', 'Valid']));
  for (const w of Object.values(WORDS)) expect(w.runTotals({ files: 2, valid: 1, invalid: 1, unreadable: 0, error: 3, warning: 1, info: 0 })).toMatch(/^2 \S+: 1 /);
});

test('no source spells a shared word again', () => {
  const found: string[] = [];
  for (const file of SOURCES) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const word of shared) {
      const quoted = new RegExp(`['"]${word}['"]`);
      const counted = new RegExp(`\\} ${word}[,;\`]`);
      if (quoted.test(text) || counted.test(text)) found.push(`${file}: ${word}`);
    }
  }
  expect(found).toEqual([]);
});

test("'vi' | 'en' is spelt once, as Lang", () => {
  const spelt = SOURCES.filter((f) => /'vi' \| 'en'|'en' \| 'vi'/.test(readFileSync(join(ROOT, f), 'utf8')));
  expect(spelt).toEqual(['engine/rules/types.ts']);
});
