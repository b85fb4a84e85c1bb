/**
 * What the benchmarks share: the database they run on, percentiles, and the load average they
 * report with their figures (a shared 2-core machine makes it part of the result).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Role } from '../common/access.js';
import { type Db, ensureDatabase } from '../server/db/database.js';
import { startEmbeddedEngine } from '../server/db/embedded-engine.js';
import type { Actor } from '../server/http/access.js';
import { SESSION_COOKIE } from '../server/http/authenticate.js';

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
