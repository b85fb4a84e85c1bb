/**
 * The file a backup writes before it is complete: `<file>.partial-<host>-<pid>` beside the target,
 * renamed to `<file>` once whole. A backup killed outright (kill -9, power cut, OOM killer) runs no
 * clean-up code of its own, so each backup first removes, in its target's folder, the partials of
 * backups that are no longer running: the host and the process id in the name tell whose it is.
 */
import { hostname } from 'node:os';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A name part: hostnames are letters, digits, dots and hyphens; anything else would break the parse. */
const thisHost = () => hostname().replace(/[^A-Za-z0-9.-]/g, '_') || 'localhost';

/**
 * `<name>.partial-<host>-<pid>`, and `<name>.partial-<pid>` as danvan wrote it before the host was
 * in the name (those were left behind too, and are this host's: nothing else reads a backup folder).
 */
const PARTIAL = /^.+\.partial-(?:([A-Za-z0-9._-]+)-)?(\d+)$/;

/** gzip's magic number: every danvan archive, whole or cut short, begins with it. */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export function partialPath(file: string): string {
  return `${file}.partial-${thisHost()}-${process.pid}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a file looks like what a backup writes: empty (killed just after creating it) or a gzip
 * stream. A file of the user's that merely matches the name pattern is left alone.
 */
async function looksLikePartial(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 0 || (bytesRead === 2 && head.equals(GZIP_MAGIC));
  } finally {
    await handle.close();
  }
}

/**
 * Removes, in `dir`, the partial archives of backups on this host whose process has ended; returns
 * the paths removed. Never one of a live process (a backup running beside this one), nor one of
 * another host (a folder shared over the network: its pids mean nothing here).
 */
export async function removeStalePartials(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (!match) continue;
    const [, host, pidText] = match;
    const pid = Number(pidText);
    if ((host !== undefined && host !== thisHost()) || pid === process.pid || isAlive(pid)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile() || !(await looksLikePartial(file))) continue;
      await fs.rm(file);
      removed.push(file);
    } catch (err) {
      // Another backup removed it first.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}
