import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root, found from this file whether it runs from `server/` (tsx) or `dist/server/` (built). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${start}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findRoot(import.meta.dirname);
/** Official lists copied from shared/data (see data/README in server/db/seed). */
export const seedDataDir = path.join(projectRoot, 'server', 'db', 'seed');
