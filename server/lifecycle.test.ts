/**
 * `danvan serve` as real processes under the faults of docs/reliability.md: its connections
 * terminated and its embedded PostgreSQL killed (it stays up and serves again), two starters on a
 * folder left by kill -9 (one serves, the other refuses and leaves the lock alone), 50 stops
 * under load (see STOPS) (exit 0, no stack trace, lock released, no PostgreSQL left), and `npm start`
 * passing SIGINT/SIGTERM on to the server.
 *
 * The server runs from dist/ when the build is up to date (as after `npm run build`, and in
 * `npm test`, which builds first): the same code, started in a third of the time tsx needs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from './paths.js';
import { cloneDatabase, dropDatabase, withDatabase } from './test/admin-url.js';

// The same rule as scripts/build.mjs --if-stale: dist/ is current when its stamp is newer than every source.
const BUILD_SOURCES = ['server', 'common', 'web', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.server.json'];
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}
const stamp = path.join(projectRoot, 'dist', '.build-stamp');
const distIsCurrent = existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...BUILD_SOURCES.map((s) => newestMtime(path.join(projectRoot, s))));
const serveCommand = distIsCurrent
  ? [path.join(projectRoot, 'dist', 'server', 'cli', 'main.js'), 'serve']
  : ['--import', 'tsx', path.join(projectRoot, 'server', 'cli', 'main.ts'), 'serve'];

/**
 * Each stop costs a whole start (about 3 s of CPU from dist/). The 50 stops run once per `npm test`
 * (in its run on the embedded test PostgreSQL, which CI always has); the runs on an external test
 * server (CI's second run and its Node 24 run) do 12 of the same stops.
 */
const STOPS = inject('engineLabel') === 'embedded' ? 50 : 12;

/** A line of a JavaScript stack trace: what a clean stop never prints. */
const STACK_TRACE = /^\s+at\s.+(:\d+:\d+|\(native\))/m;
const ADMIN_PASSWORD = 'Lifecycle-Tests-Pass-47';

const children: ChildProcess[] = [];
const folders: string[] = [];
const databases: string[] = [];
let adminUrl = '';

beforeAll(() => {
  adminUrl = inject('adminUrl');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // A PostgreSQL of a process this file killed with SIGKILL is stopped by the next start; stop any left.
  for (const dir of folders) {
    const pid = pidIn(path.join(dir, 'pg', 'postmaster.pid'));
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
  }
  for (const name of databases) await dropDatabase(adminUrl, name).catch(() => {});
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

// A test that failed half-way must not leave its server (and the data folder's lock) to the next one.
afterEach(async () => {
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of running) c.kill('SIGKILL');
  await Promise.all(running.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)))));
  for (const dir of folders) {
    const pid = pidIn(path.join(dir, 'pg', 'postmaster.pid'));
    if (!pid || !alive(pid)) continue;
    process.kill(pid, 'SIGQUIT');
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return true;
  }
}

function pidIn(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Process = { child: ChildProcess; output: () => string; exit: Promise<Exit> };

function track(child: ChildProcess): Process {
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exit = new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, output: () => output, exit };
}

type Served = Process & { port: number };

/** `danvan serve` on the embedded engine of `dataDir`, or on `databaseUrl`. */
async function serve(where: { dataDir: string } | { databaseUrl: string }): Promise<Served> {
  const port = await freePort();
  const env = {
    ...process.env,
    ...('dataDir' in where ? { DATABASE_URL: '', DANVAN_DATA_DIR: where.dataDir } : { DATABASE_URL: where.databaseUrl }),
    TEST_DATABASE_URL: '',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DANVAN_ADMIN_PASSWORD: ADMIN_PASSWORD,
  };
  const child = spawn(process.execPath, serveCommand, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ...track(child), port };
}

type Health = { database?: { ok: boolean; state?: string; restarts?: number; error?: string } };

async function health(port: number): Promise<{ status: number; body: Health } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: (await res.json()) as Health };
  } catch {
    return undefined;
  }
}

/** Waits until the process answers /api/health with 200; fails with its output if it ends first. */
async function ready(p: Served, ms = 150_000): Promise<void> {
  const until = Date.now() + ms;
  let ended: Exit | undefined;
  void p.exit.then((e) => (ended = e));
  while (Date.now() < until) {
    if (ended) throw new Error(`danvan ended (${JSON.stringify(ended)}) before serving:\n${p.output()}`);
    if ((await health(p.port))?.status === 200) return;
    await sleep(200);
  }
  throw new Error(`danvan did not serve within ${ms / 1000} s:\n${p.output()}`);
}

/**
 * Concurrent clients, each requesting in a loop until the server is gone: /api/health (a query)
 * and /api/auth/me with an unknown session (a query on sessions, 401).
 */
function traffic(port: number, clients = 6) {
  const statuses: number[] = [];
  let stopped = false;
  const loops = Array.from({ length: clients }, async (_, i) => {
    const url = `http://127.0.0.1:${port}${i % 2 ? '/api/auth/me' : '/api/health'}`;
    while (!stopped) {
      try {
        const res = await fetch(url, { headers: { cookie: 'danvan_session=unknown' }, signal: AbortSignal.timeout(15_000) });
        await res.arrayBuffer();
        statuses.push(res.status);
      } catch {
        await sleep(20);
      }
    }
  });
  return {
    statuses,
    /** Resolves once `n` responses have arrived: the server is under load. */
    async answered(n: number) {
      while (statuses.length < n) await sleep(10);
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return statuses;
    },
  };
}

/** Stops a served process with `signal` while it answers requests, and checks that the stop was clean. */
async function stopUnderLoad(p: Served, signal: 'SIGINT' | 'SIGTERM', dataDir?: string): Promise<void> {
  const postgres = dataDir ? pidIn(path.join(dataDir, 'pg', 'postmaster.pid')) : undefined;
  const load = traffic(p.port);
  await Promise.race([load.answered(20), p.exit]);
  p.child.kill(signal);
  const exit = await p.exit;
  const statuses = await load.stop();
  expect(exit, p.output()).toEqual({ code: 0, signal: null });
  expect(p.output()).not.toMatch(STACK_TRACE);
  // Requests end in an answer (served, refused as unauthenticated, or 503 while closing), never a 500.
  expect(statuses.filter((s) => ![200, 401, 503].includes(s)), p.output()).toEqual([]);
  if (dataDir) {
    expect(postgres && alive(postgres), `PostgreSQL ${postgres} still runs`).toBe(false);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'danvan.lock'))).toBe(false);
  }
}

/** The embedded engine's own superuser URL, read from its data folder. */
async function engineAdminUrl(dataDir: string): Promise<string> {
  const password = (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  const port = (await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[3]?.trim();
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

async function externalDatabase(): Promise<string> {
  const name = `danvan_life_${randomBytes(4).toString('hex')}`;
  await cloneDatabase(adminUrl, inject('templateDb'), name);
  databases.push(name);
  return withDatabase(adminUrl, name);
}

describe('danvan serve as a process', () => {
  // One embedded data folder for the file: the first start in it (initdb, the units) is the slow one.
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'danvan-life-'));
    folders.push(dataDir);
  });

  it('stays up when its connections are terminated and when its PostgreSQL is killed, and serves again', async () => {
    const p = await serve({ dataDir });
    await ready(p);

    // pg_terminate_backend on every connection of the app.
    const admin = new pg.Client({ connectionString: await engineAdminUrl(dataDir) });
    admin.on('error', () => {});
    await admin.connect();
    const { rows } = await admin.query(`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = 'danvan'`);
    await admin.end();
    expect(rows[0].n).toBeGreaterThan(0);
    const afterTerminate = await health(p.port);
    expect(afterTerminate?.status, p.output()).toBe(200);
    expect(p.output()).toMatch(/A database connection was lost \(57P01/);

    // SIGKILL of the postmaster: health says so at once, and the supervisor brings it back.
    const postmaster = pidIn(path.join(dataDir, 'pg', 'postmaster.pid'));
    expect(postmaster && alive(postmaster)).toBe(true);
    process.kill(postmaster as number, 'SIGKILL');
    const seen: number[] = [];
    let last: Awaited<ReturnType<typeof health>>;
    for (let i = 0; i < 300; i++) {
      last = await health(p.port);
      if (last) seen.push(last.status);
      // Until the supervisor has seen the death, a check may still be answered 200 by a backend the
      // killed postmaster left behind: wait for the restart itself, not for the first 200.
      if (last?.status === 200 && last.body.database?.restarts === 1) break;
      await sleep(100);
    }
    // Whether a health check lands in the outage depends on the timing (the supervisor restarts
    // PostgreSQL after 0.5 s); what must hold is that the outage never answers anything but 503
    // (or 200 from a backend not yet gone), and that the process is serving again, having
    // restarted its engine once.
    expect(seen.filter((s) => s !== 503 && s !== 200), p.output()).toEqual([]);
    expect(last?.status, p.output()).toBe(200);
    expect(last?.body.database).toMatchObject({ ok: true, state: 'running', restarts: 1 });
    expect(p.output()).toMatch(/The embedded PostgreSQL stopped unexpectedly \(signal SIGKILL\)/);
    expect(p.child.exitCode).toBeNull();
    const me = await fetch(`http://127.0.0.1:${p.port}/api/auth/me`, { headers: { cookie: 'danvan_session=unknown' } });
    expect(me.status).toBe(401);

    await stopUnderLoad(p, 'SIGTERM', dataDir);
  }, 240_000);

  it('lets exactly one of two starters serve a folder left by kill -9; the other refuses and leaves the lock', async () => {
    const crashed = await serve({ dataDir });
    await ready(crashed);
    crashed.child.kill('SIGKILL');
    await crashed.exit;
    const orphan = pidIn(path.join(dataDir, 'pg', 'postmaster.pid'));
    expect(orphan && alive(orphan), 'kill -9 of danvan leaves its PostgreSQL running').toBe(true);

    const [a, b] = await Promise.all([serve({ dataDir }), serve({ dataDir })]);
    const outcome = (p: Served) => Promise.race([ready(p).then(() => 'serving' as const), p.exit.then(() => 'exited' as const)]);
    const [ra, rb] = await Promise.all([outcome(a), outcome(b)]);
    expect([ra, rb].sort(), `${a.output()}\n---\n${b.output()}`).toEqual(['exited', 'serving']);
    const [winner, loser] = ra === 'serving' ? [a, b] : [b, a];
    expect(await loser.exit).toEqual({ code: 1, signal: null });
    expect(loser.output()).toMatch(/in use by another danvan process/);
    expect(loser.output()).not.toMatch(/postmaster\.pid/);
    expect(loser.output()).not.toMatch(STACK_TRACE);
    expect(readFileSync(path.join(dataDir, 'danvan.lock'), 'utf8')).toBe(`${winner.child.pid}\n`);
    expect(alive(orphan as number), 'the winner stopped the orphaned PostgreSQL').toBe(false);
    expect((await health(winner.port))?.status).toBe(200);
    await stopUnderLoad(winner, 'SIGINT', dataDir);

    const next = await serve({ dataDir });
    await ready(next);
    await stopUnderLoad(next, 'SIGTERM', dataDir);
  }, 300_000);

  it(`stops cleanly ${STOPS} times under load: exit 0, no stack trace, lock released, no PostgreSQL left`, async () => {
    // Most stops against a database of the test PostgreSQL (fast starts), four on the embedded engine.
    const external = [await externalDatabase(), await externalDatabase()];
    const perLane = (STOPS - 4) / 2;
    const lane = async (where: { dataDir: string } | { databaseUrl: string }, stops: number, offset: number) => {
      for (let i = 0; i < stops; i++) {
        const p = await serve(where);
        await ready(p);
        await stopUnderLoad(p, (i + offset) % 2 ? 'SIGINT' : 'SIGTERM', 'dataDir' in where ? where.dataDir : undefined);
      }
      return stops;
    };
    const done = await Promise.all([
      lane({ databaseUrl: external[0] as string }, perLane, 0),
      lane({ databaseUrl: external[1] as string }, perLane, 1),
      lane({ dataDir }, 4, 0),
    ]);
    expect(done.reduce((a, b) => a + b)).toBe(STOPS);
  }, 900_000);

  it.skipIf(!distIsCurrent)('npm start hands SIGINT and SIGTERM to the server (skipped when dist/ is older than the sources: npm start would rebuild first)', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const port = await freePort();
      const env = { ...process.env, DATABASE_URL: '', TEST_DATABASE_URL: '', DANVAN_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DANVAN_ADMIN_PASSWORD: ADMIN_PASSWORD };
      // The signal goes to npm's pid alone, as a service manager or `kill` would send it.
      const npm = track(spawn('npm', ['start'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] }));
      await ready({ ...npm, port });
      const postgres = pidIn(path.join(dataDir, 'pg', 'postmaster.pid'));
      npm.child.kill(signal);
      expect(await npm.exit, npm.output()).toEqual({ code: 0, signal: null });
      expect(npm.output()).toMatch(new RegExp(`${signal} received: shutting down`));
      expect(npm.output()).not.toMatch(STACK_TRACE);
      expect(postgres && alive(postgres)).toBe(false);
      expect(existsSync(path.join(dataDir, 'danvan.lock'))).toBe(false);
      expect(await health(port)).toBeUndefined();
    }
  }, 300_000);
});
