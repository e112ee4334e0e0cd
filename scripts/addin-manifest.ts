/** Writes dist/addin/manifest.xml: the root manifest with the production URL from THIDUA_ADDIN_URL (or the development one). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { productionManifest } from '../addin/build-manifest';

const root = join(__dirname, '..', '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
const url = process.env.THIDUA_ADDIN_URL;
writeFileSync(join(root, 'dist', 'addin', 'manifest.xml'), url ? productionManifest(manifest, url) : manifest);
console.log(`dist/addin/manifest.xml written (${url ?? 'https://localhost:3000, development'})`);
