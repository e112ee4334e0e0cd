import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest } from '../../scripts/manifest-check';
import { manifestUrls, productionManifest } from '../../addin/build-manifest';

const ROOT = join(__dirname, '..', '..');
/** The schemas, vendored with their sources (addin/schemas/office-addin-manifest/README.md). */
const SCHEMAS = join(ROOT, 'addin', 'schemas', 'office-addin-manifest');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('manifest.xml, checked offline against the Office add-in schemas', () => {
  test('the development manifest is valid: task pane for Workbook, ReadWriteDocument, ExcelApi 1.7, a ribbon button', async () => {
    expect(await checkManifest(MANIFEST, SCHEMAS)).toEqual({ schema: [], resids: [], urls: [] });
    expect(MANIFEST).toContain('xsi:type="TaskPaneApp"');
    expect(MANIFEST).toContain('<Host Name="Workbook"/>');
    expect(MANIFEST).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(MANIFEST).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(MANIFEST).toContain('<bt:String id="ThiDua.OpenPane.Label" DefaultValue="Kiểm tra thi đua">');
  }, 30000);

  test('the production manifest (URL set at build time) is valid too, with no localhost left', async () => {
    const prod = productionManifest(MANIFEST, 'https://thidua.example.gov.vn/addin');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://thidua.example.gov.vn/addin/taskpane.html"/>');
    expect(await checkManifest(prod, SCHEMAS)).toEqual({ schema: [], resids: [], urls: [] });
  }, 30000);

  test.each([
    ['a permission that does not exist', (m: string) => m.replace('ReadWriteDocument', 'ReadEverything'), 'schema'],
    ['no Id', (m: string) => m.replace(/<Id>[^<]+<\/Id>/, ''), 'schema'],
    ['an element out of place', (m: string) => m.replace('<Permissions>', '<Hosts><Host Name="Workbook"/></Hosts><Permissions>'), 'schema'],
    ['a resid that names no resource', (m: string) => m.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Taskpane.Ur"/>'), 'resids'],
    ['an http URL', (m: string) => m.replace('https://localhost:3000/assets/icon-16.png', 'http://localhost:3000/assets/icon-16.png'), 'urls'],
  ] as const)('a broken manifest fails: %s', async (_name, breakIt, where) => {
    const problems = await checkManifest(breakIt(MANIFEST), SCHEMAS);
    expect(problems[where].length).toBeGreaterThan(0);
  }, 30000);

  test('every URL the manifest names is a file of the build; <AppDomain> is a bare origin', () => {
    const DIST = join(ROOT, 'dist', 'addin');
    for (const [manifest, base] of [[MANIFEST, 'https://localhost:3000'], [productionManifest(MANIFEST, 'https://thidua.example.gov.vn/addin/'), 'https://thidua.example.gov.vn/addin']] as const) {
      const urls = manifestUrls(manifest);
      expect(urls.length).toBeGreaterThan(8);
      const domains = [...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!);
      expect(domains).toEqual([new URL(base).origin]);
      for (const url of urls.filter((u) => !domains.includes(u))) {
        expect(url.startsWith(`${base}/`)).toBe(true);
        const file = join(DIST, decodeURIComponent(url.slice(base.length + 1)));
        expect([url, existsSync(file)]).toEqual([url, true]);
      }
    }
    // The pages the manifest promises say something: the help in Vietnamese, the function file loads Office.js.
    expect(readFileSync(join(DIST, 'help.html'), 'utf8')).toContain('Phiên bản Excel dùng được');
    expect(readFileSync(join(DIST, 'commands.html'), 'utf8')).toContain('office.js');
  });

  test('a production URL must be https', () => {
    expect(() => productionManifest(MANIFEST, 'http://example.com')).toThrow(/https/);
  });
});
