/** The production manifest: the development URL (https://localhost:3000) replaced at build time. */
export const DEV_URL = 'https://localhost:3000';

/**
 * The manifest for `url`, where dist/addin is served: every URL under it, and `<AppDomain>`
 * its bare origin (scheme, host and port: an app domain carries no path).
 */
export function productionManifest(manifest: string, url: string): string {
  const base = url.replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"<>]+$/.test(base)) throw new Error(`The add-in's production URL must be https (got "${url}")`);
  const origin = new URL(base).origin;
  return manifest
    .replace(`<AppDomain>${DEV_URL}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_URL)
    .join(base)
    .replace(/<!--[\s\S]*?-->\n?/, '');
}

/** Every URL a manifest names (icons, pages, the pane), in the order written. */
export function manifestUrls(manifest: string): string[] {
  return [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"|<(?:AppDomain|SourceLocation)[^>]*>(https:[^<]+)</g)].map((m) => (m[1] ?? m[2])!);
}
