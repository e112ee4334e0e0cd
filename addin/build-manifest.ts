/** The production manifest: the development URL (https://localhost:3000) replaced at build time. */
export const DEV_URL = 'https://localhost:3000';

export function productionManifest(manifest: string, url: string): string {
  const base = url.replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(base)) throw new Error(`The add-in's production URL must be https (got "${url}")`);
  return manifest.split(DEV_URL).join(base).replace(/<!--[\s\S]*?-->\n?/, '');
}
