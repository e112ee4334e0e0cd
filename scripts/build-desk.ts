/**
 * Writes dist/thidua.html: the office desk as one self-contained file. The page's script (with
 * its Web Worker's source as a string, started from a blob: since file:// allows no worker URL)
 * and its style are inlined; the Content-Security-Policy allows exactly these, by their hashes,
 * workers from blob:, and no request at all.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

/** Script text safe inside <script>…</script>: `</script` and `<!--` only ever occur in strings, templates and regexes here, where `\/` and `\!` read the same. */
const inline = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function deskHtml(): string {
  const worker = read('dist/desk/worker.js');
  const writer = read('dist/desk/writer.js');
  const page = read('dist/desk/page.js');
  // The writer (ExcelJS) is a string until the clerk asks for a workbook: not compiled before.
  const script = inline(`var WORKER_SOURCE=${JSON.stringify(worker)};\nvar WRITER_SOURCE=${JSON.stringify(writer)};\n${page}`);
  const style = read('desk/page.css');
  const csp = [`default-src 'none'`, `script-src ${hash(script)}`, `worker-src blob:`, `style-src ${hash(style)}`, `img-src data:`, `connect-src 'none'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return read('desk/page.html').replace('__CSP__', csp).replace('__STYLE__', () => style).replace('__SCRIPT__', () => script);
}

if (require.main === module) {
  const html = deskHtml();
  writeFileSync(join(ROOT, 'dist', 'thidua.html'), html);
  console.log(`dist/thidua.html written (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
}
