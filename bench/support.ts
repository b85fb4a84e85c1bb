/**
 * What the benchmarks share: the database they run on, percentiles, and the load average they
 * report with their figures (a shared 2-core machine makes it part of the result).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../common/access.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { type Db, ensureDatabase, migrateToLatest } from '../server/db/database.js';
import { startEmbeddedEngine } from '../server/db/embedded-engine.js';
import type { Actor } from '../server/http/access.js';
import { SESSION_COOKIE } from '../server/http/authenticate.js';
import { hashPassword } from '../server/modules/auth/password.js';
import { ensureOfficialUnits } from '../server/modules/units/units.import.js';

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * The database of a benchmark: BENCH_DATABASE_URL (created when missing, otherwise used as is),
 * else database `name` in an embedded engine in BENCH_DATA_DIR (kept, reused) or in a temporary
 * folder (removed on close). `settings` are the embedded engine's server settings.
 */
export async function openBenchDatabase(name: string, settings?: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    admin.pathname = '/postgres';
    await ensureDatabase(admin.toString(), new URL(external).pathname.slice(1));
    return { url: external, close: async () => {} };
  }
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), `${name}-`));
  mkdirSync(dataDir, { recursive: true });
  const engine = await startEmbeddedEngine({ dataDir, log: (m) => console.log(m), settings });
  await ensureDatabase(engine.urlFor('postgres'), name);
  return {
    url: engine.urlFor(name),
    close: async () => {
      await engine.stop();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `run` timed `n` times after `warmup` untimed runs: p50, p95 and max in ms, and what its last run returned. */
export async function timeRuns<T>(run: () => Promise<T>, n: number, warmup = 20): Promise<{ last: T; p50: number; p95: number; max: number }> {
  let last = undefined as T;
  for (let i = 0; i < warmup; i++) last = await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { last, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) ?? NaN };
}

/** Prints the load average ("before"/"after" the timings) and returns it for the results file. */
export function reportLoad(when: 'before' | 'after'): number[] {
  const load = loadavg();
  console.log(`load average ${when}: ${load.map((x) => x.toFixed(1)).join(' ')}${when === 'before' ? ` on ${cpus().length} cores` : ''}`);
  return load;
}

/** The results file of a benchmark: bench/results/<name>.json (the folder made if missing). */
export function resultsFile(name: string): string {
  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.json`);
}

/** Writes a benchmark's figures to bench/results/<name>.json and says where. */
export function writeResults(name: string, results: unknown): void {
  const file = resultsFile(name);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${path.relative(path.resolve(import.meta.dirname, '..'), file)}`);
}

/**
 * A benchmark's user with one role on one unit (created, or reset when it exists: password and
 * grants), and the actor the services take for it.
 */
export async function benchUser(db: Db, user: { username: string; passwordHash: string; unit: { id: string; path: string }; role: Role }): Promise<Actor> {
  const row = await sql<{ id: string }>`
    insert into users (username, display_name, password_hash) values (${user.username}, ${user.username}, ${user.passwordHash})
    on conflict (username) do update set password_hash = excluded.password_hash returning id::text`.execute(db);
  const userId = row.rows[0]!.id;
  await sql`delete from role_grants where user_id = ${userId}`.execute(db);
  const grant = await sql<{ id: string }>`insert into role_grants (user_id, unit_id, role) values (${userId}, ${user.unit.id}, ${user.role}) returning id::text`.execute(db);
  return { userId, username: user.username, grants: [{ id: grant.rows[0]!.id, unitId: user.unit.id, unitPath: user.unit.path, role: user.role }], ip: null, requestId: null };
}

/** Signs in through the app and returns the cookie header for later requests. */
export async function benchLogin(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`login of ${username}: ${res.statusCode} ${res.body}`);
  return `${SESSION_COOKIE}=${cookie.value}`;
}

/** A TCP port free on loopback right now, for a server a benchmark starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const root = path.resolve(import.meta.dirname, '..');

export type Serving = { child: ChildProcess; base: string; port: number; seconds: number };

/**
 * `danvan serve` as a child process, resolved once `/api/health` answers (`seconds`: how long that
 * took): from the build (`dist/`, as `npm start` runs it) or from the sources (tsx, 384 MB heap as
 * `npm start`) of this checkout or of `appRoot`, with `env` over this process's environment. Throws if it exits or is not healthy
 * within `timeoutMs`.
 */
export async function startServe(options: { env: Record<string, string>; from: 'build' | 'sources'; port?: number; timeoutMs?: number; appRoot?: string }): Promise<Serving> {
  const port = options.port ?? (await freePort());
  const app = options.appRoot ?? root;
  const args = options.from === 'build' ? [path.join(app, 'dist/server/cli/main.js'), 'serve'] : ['--max-old-space-size=384', '--import', 'tsx', path.join(app, 'server/cli/main.ts'), 'serve'];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: app,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy within ${(options.timeoutMs ?? 300_000) / 1000} s`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, port, seconds: (performance.now() - started) / 1000 };
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a server `startServe` started (SIGTERM, its ordered stop) and waits for it to exit. */
export async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The part of autocannon's JSON summary the benchmarks read. */
export type AutocannonSummary = {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  '2xx': number;
};

/**
 * autocannon against `url` in a child process, so the load generator does not share the server's
 * or the benchmark's event loop: `connections` for `seconds`, at most `rate` requests/s when given.
 */
export function autocannon(
  url: string,
  opts: { connections: number; seconds: number; method?: string; headers?: Record<string, string>; body?: string; rate?: number },
): Promise<AutocannonSummary> {
  const bin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  const args = [bin, '--json', '-m', opts.method ?? 'GET', '-c', String(opts.connections), '-d', String(opts.seconds)];
  if (opts.rate !== undefined) args.push('-R', String(opts.rate));
  if (opts.body !== undefined) args.push('-b', opts.body);
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(JSON.parse(stdout) as AutocannonSummary)));
  });
}

/** Whether a process with this pid exists (EPERM: it does, owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type BenchAccount = { username: string; unit: { id: string; path: string }; role: Role };

/**
 * The app (and its config) on a benchmark's database with its users: each created (or reset) with `password`, its
 * actor for the services and its signed-in cookie for HTTP requests.
 */
export async function benchApp(db: Db, url: string, users: BenchAccount[], password: string) {
  const passwordHash = await hashPassword(password);
  const actors: Record<string, Actor> = {};
  for (const u of users) actors[u.username] = await benchUser(db, { ...u, passwordHash });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  const cookies: Record<string, string> = {};
  for (const u of users) cookies[u.username] = await benchLogin(app, u.username, password);
  return { app, config, actors, cookies };
}

/**
 * A bench database made ready: migrated, the official units loaded, and `generate` run when `count()`
 * finds fewer than `want` records (a kept database is reused as it is). Answers the seconds generating
 * took, undefined when nothing was generated.
 */
export async function prepareBenchData(db: Db, data: { count: () => Promise<number>; want: number; generate: () => Promise<void> }): Promise<number | undefined> {
  await migrateToLatest(db);
  await ensureOfficialUnits(db, { log: console.log });
  if ((await data.count()) >= data.want) return undefined;
  const t0 = performance.now();
  await data.generate();
  const seconds = (performance.now() - t0) / 1000;
  console.log(`generated in ${seconds.toFixed(0)} s`);
  return seconds;
}
