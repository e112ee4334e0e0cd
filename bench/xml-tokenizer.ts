/**
 * The tokenizer decision (docs/decisions.md): thidua's own XML tokenizer against saxes (the
 * well-kept one ExcelJS uses), both with namespaces and text, on the largest sheet of the
 * 50,000-row workbook. Each is given the same work: every element's namespace and local name,
 * every cell's `r` and `t`, and the text of every `<v>`. `node dist/bench/xml-tokenizer.js`.
 */
import { SaxesParser } from 'saxes';
import { gridToWorkbook } from '../test/support/write-grid';
import { unzip } from '../reader/zip-writer';
import { scanXml } from '../reader/xml';
import { blocToGrid } from '../engine/template/writer';
import { spread, syntheticBloc } from './engine';

function ours(xml: string): number {
  let n = 0;
  let inV = false;
  scanXml(xml, {
    open(tag) {
      if (tag.local === 'c') n += (tag.attr('r')?.length ?? 0) + (tag.attr('t')?.length ?? 0);
      else if (tag.local === 'v') inV = true;
    },
    close(_ns, local) {
      if (local === 'v') inV = false;
    },
    wantText: () => inV,
    text(s) {
      n += s.length;
    },
  });
  return n;
}

function saxes(xml: string): number {
  let n = 0;
  let inV = false;
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (tag) => {
    if (tag.local === 'c') n += ((tag.attributes.r as { value: string } | undefined)?.value.length ?? 0) + ((tag.attributes.t as { value: string } | undefined)?.value.length ?? 0);
    else if (tag.local === 'v') inV = true;
  });
  p.on('closetag', (tag) => {
    if (tag.local === 'v') inV = false;
  });
  p.on('text', (s) => {
    if (inV) n += s.length;
  });
  p.write(xml).close();
  return n;
}

/** Both tokenizers over the largest sheet of the 50,000-row workbook, taking turns for 7 rounds. */
export async function tokenizerFigures(): Promise<{ ours: number; saxes: number; mb: number }> {
  const buf = Buffer.from(await gridToWorkbook(blocToGrid(syntheticBloc(10_000))).xlsx.writeBuffer());
  const sheet = unzip(buf).filter((p) => p.name.startsWith('xl/worksheets/')).sort((a, b) => b.data.length - a.data.length)[0]!;
  const xml = sheet.data.toString('utf8');
  if (ours(xml) !== saxes(xml)) throw new Error('the two tokenizers disagree');
  const times: Record<string, number[]> = { ours: [], saxes: [] };
  for (let round = 0; round < 7; round++) {
    for (const [name, run] of [['ours', ours], ['saxes', saxes]] as const) {
      const start = process.hrtime.bigint();
      run(xml);
      times[name]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { ours: spread(times.ours!).median, saxes: spread(times.saxes!).median, mb: xml.length / 1e6 };
}

if (require.main === module) {
  void tokenizerFigures().then(({ ours: o, saxes: s, mb }) => console.log(`ours ${o.toFixed(0)} ms, saxes ${s.toFixed(0)} ms over ${mb.toFixed(1)} MB of sheet XML: saxes / ours ${(s / o).toFixed(2)}×`));
}
