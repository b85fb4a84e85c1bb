/**
 * The web app's Vietnamese words for codes (web/locales/vi.json), for the files the server writes.
 * The exports had their own list and said "Đã chấp thuận / Đã công nhận" where the screen said
 * "Đã chấp nhận / Được công nhận"; reading the screen's catalog makes one source of the words. The
 * documents are Vietnamese whatever the reader's interface language (docs/documents.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.js';

type Catalog = { [key: string]: string | Catalog };

let catalog: Catalog | undefined;

function vi(): Catalog {
  catalog ??= JSON.parse(readFileSync(path.join(projectRoot, 'web', 'locales', 'vi.json'), 'utf8')) as Catalog;
  return catalog;
}

/**
 * The words of `codes` under the catalog's `group` (`entries.status` → { draft: 'Nháp', … }).
 * Throws at once when one is missing, so a code added without its word fails the first export
 * (and the tests), not silently with the code in the file.
 */
export function catalogWords<C extends string>(group: string, codes: readonly C[]): Record<C, string> {
  let node: string | Catalog | undefined = vi();
  for (const part of group.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  const words = {} as Record<C, string>;
  for (const code of codes) {
    const word = typeof node === 'object' ? node[code] : undefined;
    if (typeof word !== 'string') throw new Error(`web/locales/vi.json has no ${group}.${code}`);
    words[code] = word;
  }
  return words;
}
