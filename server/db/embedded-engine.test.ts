import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFolderBusyError, startEmbeddedEngine } from './embedded-engine.js';

const folders: string[] = [];
afterAll(async () => {
  for (const f of folders) await rm(f, { recursive: true, force: true });
});
const tempFolder = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'danvan-engine-'));
  folders.push(dir);
  return dir;
};

describe('embedded engine', () => {
  it('initialises, serves PostgreSQL with the extensions danvan needs, and stops cleanly', async () => {
    const dir = await tempFolder();
    const engine = await startEmbeddedEngine({ dataDir: dir });
    const client = new pg.Client({ connectionString: engine.urlFor('postgres') });
    await client.connect();
    const { rows } = await client.query(`select name from pg_available_extensions where name in ('unaccent', 'pg_trgm', 'ltree') order by name`);
    await client.end();
    expect(rows.map((r) => r.name)).toEqual(['ltree', 'pg_trgm', 'unaccent']);
    expect(existsSync(path.join(dir, 'danvan.lock'))).toBe(true);
    await engine.stop();
    expect(existsSync(path.join(dir, 'danvan.lock'))).toBe(false);
    expect(existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
    // A second start reuses the data.
    const again = await startEmbeddedEngine({ dataDir: dir });
    await again.stop();
  }, 60_000);

  it('refuses a data folder another engine holds, naming its pid, and leaves the holder\'s lock alone', async () => {
    const dir = await tempFolder();
    const holder = await startEmbeddedEngine({ dataDir: dir });
    try {
      const attempt = startEmbeddedEngine({ dataDir: dir });
      await expect(attempt).rejects.toBeInstanceOf(DataFolderBusyError);
      await expect(attempt).rejects.toThrow(new RegExp(`in use by another danvan process \\(pid ${process.pid}\\)`));
      expect(await readFile(path.join(dir, 'danvan.lock'), 'utf8')).toBe(`${process.pid}\n`);
      // The holder still serves.
      const client = new pg.Client({ connectionString: holder.urlFor('postgres') });
      await client.connect();
      await client.end();
    } finally {
      await holder.stop();
    }
  }, 60_000);

  // Linux: only the kernel-held socket decides (elsewhere the file is the lock); a file can outlive
  // its writer or name a reused pid.
  it.runIf(process.platform === 'linux')('does not take the lock file for the lock: a live pid in it does not make the folder busy', async () => {
    const dir = await tempFolder();
    const other = spawn('sleep', ['30']);
    try {
      await writeFile(path.join(dir, 'danvan.lock'), `${other.pid}\n`);
      const engine = await startEmbeddedEngine({ dataDir: dir });
      await engine.stop();
    } finally {
      other.kill();
    }
  }, 60_000);

  it('takes over a lock left by a process that died', async () => {
    const dir = await tempFolder();
    const dead = spawn('true');
    await new Promise((r) => dead.on('exit', r));
    await writeFile(path.join(dir, 'danvan.lock'), `${dead.pid}\n`);
    const engine = await startEmbeddedEngine({ dataDir: dir });
    await engine.stop();
  }, 60_000);
});
