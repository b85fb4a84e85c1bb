/** Texts of the interface, read from the catalogs (tests assert what users read, in their language). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Catalog = { [key: string]: string | Catalog };

const cache = new Map<string, Catalog>();

/** The text of `key` in `locale`, with {{variables}} filled in. */
export function text(locale: string, key: string, values: Record<string, string> = {}): string {
  let catalog = cache.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'web', 'locales', `${locale}.json`), 'utf8')) as Catalog;
    cache.set(locale, catalog);
  }
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no text ${locale}:${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

/** The part of a text before its first {{variable}} (for texts whose variable is formatted by the browser). */
export function textBefore(locale: string, key: string): string {
  return text(locale, key).split('{{')[0]!.trim();
}
