/**
 * The manifest checked offline: against the Office add-in XML schemas (shared/schemas/
 * office-addin-manifest, with libxml2's xmllint compiled to WebAssembly), and for what the
 * schemas do not catch: every `resid` names a resource, and the URLs are https.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export interface ManifestProblems {
  schema: string[];
  resids: string[];
  urls: string[];
}

export async function checkManifest(xml: string, schemaDir: string): Promise<ManifestProblems> {
  const root = 'OfficeAppManifestV1_1.xsd';
  const others = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd') && f !== root);
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [{ fileName: root, contents: readFileSync(join(schemaDir, root), 'utf8') }],
    preload: others.map((f) => ({ fileName: f, contents: readFileSync(join(schemaDir, f), 'utf8') })),
  });
  const schema = result.valid ? [] : result.errors.map((e) => e.rawMessage.trim());
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]!));
  const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!).filter((r) => !ids.has(r)).map((r) => `resid "${r}" names no resource`);
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('https://')).map((u) => `${u} is not https`);
  return { schema, resids, urls };
}
