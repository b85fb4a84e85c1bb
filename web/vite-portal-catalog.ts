/**
 * The public page's strings: `virtual:portal-catalog/<locale>` is the part of
 * web/locales/<locale>.json that the public page uses (PORTAL_CATALOG_KEYS), so /petition loads
 * a few kilobytes of its language instead of the staff app's whole catalog, and never the other
 * six languages. The catalogs stay one file per language, edited as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The subtrees of a catalog the public page and the receipt may use (web/features/petitions/public/portal-catalog.test.ts checks the code against it). */
export const PORTAL_CATALOG_KEYS = [
  'common.language',
  'languageNames',
  'errors',
  'petitions.public',
  'petitions.receipt',
  'petitions.status',
  'petitions.kind',
  'petitions.fields',
  'petitions.limitWords',
  'portal',
  // The commune's publications after review (web/features/grassroots/public-grassroots.tsx).
  'grassroots.public',
] as const;

const PREFIX = 'virtual:portal-catalog/';

type Catalog = { [key: string]: unknown };

/** The values of `keys` ("a.b" paths) in `catalog`, nested as in the catalog. */
export function pickCatalog(catalog: Catalog, keys: readonly string[]): Catalog {
  const out: Catalog = {};
  for (const key of keys) {
    const parts = key.split('.');
    let value: unknown = catalog;
    for (const part of parts) value = value && typeof value === 'object' ? (value as Catalog)[part] : undefined;
    if (value === undefined) continue;
    let target = out;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Catalog;
    target[parts.at(-1)!] = value;
  }
  return out;
}

export function portalCatalog(localesDir: string): Plugin {
  return {
    name: 'danvan-portal-catalog',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const locale = id.slice(PREFIX.length + 1);
      if (!/^[a-z]{2}$/.test(locale)) this.error(`unknown locale in ${id}`);
      const file = path.join(localesDir, `${locale}.json`);
      this.addWatchFile(file);
      const catalog = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
      return `export default ${JSON.stringify(pickCatalog(catalog, PORTAL_CATALOG_KEYS))};`;
    },
  };
}
