/**
 * Two danvan processes on one database, as behind a load balancer (docs/scaling.md): each a child
 * process with its own pool and its own scheduler. Limits hold across both — the public form's
 * rate limits and the sign-in lock-out — and each scheduled job runs once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from './modules/auth/auth.service.js';
import { PUBLIC_CONSENT } from './modules/petitions/petitions.factories.js';
import { projectRoot } from './paths.js';
import { buildUser, TEST_PASSWORD, unitByCode } from './test/factories.js';
import { createTestDb, type TestDb } from './test/test-db.js';

const fixture = path.join(projectRoot, 'server', 'multi-process.fixture.ts');
const TICK_MS = 200;

type Server = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

let t: TestDb;
let servers: Server[] = [];
let baDinh: string;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function start(): Promise<Server> {
  const port = await freePort();
  // `--import tsx` keeps it one process, so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, '--tick-ms', String(TICK_MS)], {
    cwd: projectRoot,
    // One proxy in front, as behind a load balancer: each scenario speaks from its own address.
    env: { ...process.env, DATABASE_URL: t.url, TEST_DATABASE_URL: '', PORT: String(port), LOG_LEVEL: 'silent', DANVAN_TRUST_PROXY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** A POST through the "load balancer": server `i % 2`, from client address `ip`. */
async function post(i: number, url: string, ip: string, body: unknown): Promise<number> {
  const res = await fetch(`${servers[i % 2]!.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

const petition = (i: number) => ({ unitId: baDinh, anonymous: true, categoryCode: 'environment', title: `Kiến nghị ${i}`, content: 'Đề nghị thu gom rác thải ở ngõ 15.', consent: PUBLIC_CONSENT });
const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

beforeAll(async () => {
  t = await createTestDb();
  baDinh = (await unitByCode(t.db, 'commune', '00004')).id;
  await buildUser(t.db, { username: 'mp.sequential' });
  await buildUser(t.db, { username: 'mp.parallel' });
  // Something for the purge job to delete, so that its run shows in the log.
  await sql`insert into login_failures (key, failures, window_start) values ('account:mp.stale', 1, now() - interval '1 day')`.execute(t.db);
  servers = await Promise.all([start(), start()]);
  for (const s of servers) {
    expect(await waitFor(() => s.output().includes('listening') || s.child.exitCode !== null, 120_000), s.output()).toBe(true);
    expect(s.child.exitCode, s.output()).toBeNull();
  }
}, 150_000);

afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
});

describe('two processes on one database', () => {
  it('hold the public form’s submission limit: alternating, the sixth is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await post(i, '/api/public/petitions', '198.51.100.1', petition(i)));
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it('hold it under a burst spread over both: exactly the capacity gets through', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => post(i, '/api/public/petitions', '198.51.100.2', petition(i))));
    expect(count(statuses, 201)).toBe(5);
    expect(count(statuses, 429)).toBe(7);
    const lookups = await Promise.all(Array.from({ length: 30 }, (_, i) => post(i, '/api/public/petitions/lookup', '198.51.100.3', { code: 'ZZZZ-ZZZZ-ZZZZ', secret: 'AAAA-BBBB-CCCC' })));
    expect(count(lookups, 404)).toBe(20);
    expect(count(lookups, 429)).toBe(10);
  });

  it('lock an account after THROTTLE.perAccount failures, wherever they were sent', async () => {
    const statuses: number[] = [];
    // A new address each time: the account's limit, not the address's, is what trips.
    for (let i = 0; i < THROTTLE.perAccount; i++) statuses.push(await post(i, '/api/auth/login', `198.51.100.${10 + i}`, { username: 'mp.sequential', password: 'wrong-password-123' }));
    expect(statuses).toEqual(Array(THROTTLE.perAccount).fill(401));
    // Locked on both servers, even with the right password.
    expect(await post(0, '/api/auth/login', '198.51.100.30', { username: 'mp.sequential', password: TEST_PASSWORD })).toBe(429);
    expect(await post(1, '/api/auth/login', '198.51.100.31', { username: 'mp.sequential', password: TEST_PASSWORD })).toBe(429);
  });

  it('lock it under parallel guesses spread over both: no more than THROTTLE.perAccount are tried', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 3 * THROTTLE.perAccount }, (_, i) => post(i, '/api/auth/login', `198.51.100.${40 + i}`, { username: 'mp.parallel', password: 'wrong-password-123' })),
    );
    expect(count(statuses, 401)).toBe(THROTTLE.perAccount);
    expect(count(statuses, 429)).toBe(2 * THROTTLE.perAccount);
  });

  it('run each scheduled job once, and stop cleanly', async () => {
    const jobs = ['leadership-digest', 'petition-digest', 'petition-identity-erasure', 'purge'];
    const finished = async () => (await t.db.selectFrom('job_runs').select('job').where('job', 'in', jobs).where('finished_at', 'is not', null).execute()).length === jobs.length;
    expect(await waitFor(finished, 60_000)).toBe(true);
    // Both keep ticking several times more; neither runs a job again.
    await new Promise((r) => setTimeout(r, 10 * TICK_MS));
    const runs = await t.db.selectFrom('job_runs').select(['job', 'attempts', 'error']).where('job', 'in', jobs).orderBy('job').execute();
    expect(runs).toEqual(jobs.map((job) => ({ job, attempts: 1, error: null })));
    const output = servers.map((s) => s.output()).join('');
    expect(output.match(/^job petition-digest \(/gm), output).toHaveLength(1);
    expect(output.match(/^job purge \(/gm), output).toHaveLength(1);
    expect(await t.db.selectFrom('login_failures').select('key').where('key', '=', 'account:mp.stale').executeTakeFirst()).toBeUndefined();

    for (const s of servers) s.child.kill('SIGTERM');
    expect(await Promise.all(servers.map((s) => s.exited))).toEqual([0, 0]);
  });
});
