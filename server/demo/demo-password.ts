/**
 * The demo accounts' password. Random per data folder, never a constant in the source: a demo
 * started by mistake on a server others reach must not open with a password everyone can read on
 * GitHub. It is made on the first `--demo` start and kept in `<DANVAN_DATA_DIR>/demo-password`
 * (readable by the owner only, like `pg-password`); the database holds only its hash, as for
 * every account. Each `--demo` start prints it again, for the demo accounts that still use it:
 * whether one does is checked against that account's hash, so a password an account's owner
 * chose is never printed (it is never known).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generatePassword } from '../modules/auth/password.js';

export const DEMO_PASSWORD_FILE = 'demo-password';

/** The data folder's demo password: read, or made and kept when the folder has none yet. */
export async function demoPassword(dataDir: string): Promise<{ password: string; file: string }> {
  const file = path.join(dataDir, DEMO_PASSWORD_FILE);
  let kept: string | undefined;
  try {
    kept = (await readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (kept) return { password: kept, file };
  await mkdir(dataDir, { recursive: true });
  const password = generatePassword(14);
  try {
    // 'wx' on a fresh folder: of two processes starting at once, the first one's password is kept.
    await writeFile(file, `${password}\n`, { mode: 0o600, flag: kept === undefined ? 'wx' : 'w' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { password: (await readFile(file, 'utf8')).trim(), file };
  }
  return { password, file };
}
