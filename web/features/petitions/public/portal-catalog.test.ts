/**
 * The public page loads only part of each catalog (web/vite-portal-catalog.ts): every text its code
 * asks for must be in that part, or the citizen would read a raw key such as
 * "portal.notice.title". The files checked are those the public entry imports, followed from
 * web/petition-main.tsx, so a component added to the page is checked without listing it here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../common/access';
import { PORTAL_CATALOG_KEYS, pickCatalog } from '../../../vite-portal-catalog';

const webDir = path.resolve(import.meta.dirname, '..', '..', '..');
const ENTRY = path.join(webDir, 'petition-main.tsx');

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => /\.tsx?$/.test(f) && existsSync(f));
}

/** The source files the public entry imports, directly or not (relative imports only). */
function publicSources(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const next = resolveImport(file, m[1]!);
      if (next) visit(next);
    }
  };
  visit(ENTRY);
  return [...seen];
}

/** Keys passed to t(): literal ones whole, template ones up to their first `${`. */
function keysUsed(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*(['"`])([^'"`]*?)(\$\{|\1)/g)].map((m) => m[2]!);
}

type Catalog = { [key: string]: unknown };
const vi = JSON.parse(readFileSync(path.join(webDir, 'locales', 'vi.json'), 'utf8')) as Catalog;
const lookup = (catalog: Catalog, key: string) => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalog)[part] : undefined), catalog);

describe('the public page’s catalog', () => {
  const files = publicSources();

  it('follows the public entry to the page, the receipt and the place picker', () => {
    const names = files.map((f) => path.relative(webDir, f));
    expect(names).toEqual(expect.arrayContaining(['features/petitions/public-petition-page.tsx', 'features/petitions/petition-receipt.tsx', 'features/petitions/public/place-picker.tsx']));
  });

  it('holds every text the public page asks for, in every language', () => {
    const inside = (key: string) => PORTAL_CATALOG_KEYS.some((k) => key === k || key.startsWith(`${k}.`));
    const outside: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
      for (const key of keysUsed(readFileSync(file, 'utf8'))) {
        const where = `${path.relative(webDir, file)}: ${key}`;
        if (!inside(key.replace(/\.$/, ''))) outside.push(where);
        else if (!key.endsWith('.')) {
          const picked = pickCatalog(vi, PORTAL_CATALOG_KEYS);
          // A plural key lives as key_one / key_other.
          if (lookup(picked, key) === undefined && lookup(picked, `${key}_other`) === undefined) missing.push(where);
        }
      }
    }
    expect(outside, 'keys outside PORTAL_CATALOG_KEYS').toEqual([]);
    expect(missing, 'keys missing from the picked catalog').toEqual([]);
    for (const locale of LOCALES) {
      const catalog = JSON.parse(readFileSync(path.join(webDir, 'locales', `${locale}.json`), 'utf8')) as Catalog;
      for (const key of PORTAL_CATALOG_KEYS) expect(lookup(catalog, key), `${locale}: ${key}`).toBeDefined();
    }
  });

  it('leaves the staff app’s texts out', () => {
    const picked = pickCatalog(vi, PORTAL_CATALOG_KEYS);
    expect(Object.keys(picked).sort()).toEqual(['common', 'errors', 'grassroots', 'languageNames', 'petitions', 'portal']);
    expect(Object.keys(picked.common as Catalog)).toEqual(['language']);
    // Of grassroots democracy, only the public section's strings.
    expect(Object.keys(picked.grassroots as Catalog)).toEqual(['public']);
    expect(lookup(picked, 'petitions.intake')).toBeUndefined();
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(vi).length / 3);
  });
});
