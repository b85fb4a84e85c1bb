/**
 * The database ends the app's connections (pg_terminate_backend, as an administrator or a
 * failover does): the process stays up, the pool reports and replaces them, a request whose
 * connection dies answers 503 DATABASE_UNAVAILABLE, and the next request succeeds. Without the
 * pool's and clients' 'error' listeners node-postgres's 'error' event ends the process (Vitest
 * reports it as an unhandled error and the file fails).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { App } from '../http/context.js';
import { buildUser } from '../test/factories.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import { closeDb, createDb, type Db, isConnectionError, pingDatabase } from './database.js';

let t: TestDb;
let db: Db;
let app: App;
let admin: pg.Client;
const applicationName = `danvan-pool-errors-${randomBytes(4).toString('hex')}`;
const lost: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  db = createDb(t.url, { max: 4, applicationName, log: (m) => lost.push(m) });
  app = await buildApp({ config: { ...t.config, logLevel: 'silent' }, db, logger: false });
  await app.ready();
  admin = new pg.Client({ connectionString: t.url });
  admin.on('error', () => {});
  await admin.connect();
});

afterAll(async () => {
  await app?.close();
  if (db) await closeDb(db);
  await admin?.end();
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

const terminateAll = async () =>
  Number((await admin.query(`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = $1`, [applicationName])).rows[0].n);

describe('database connections ended by the server', () => {
  it('replaces idle connections that were terminated, keeping the process up', async () => {
    const warm = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'GET', url: '/api/health' })));
    expect(warm.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const terminated = await terminateAll();
    expect(terminated).toBeGreaterThan(0);
    // Each idle client's 'error' reaches the pool's listener, which reports it.
    await until(async () => (lost.length >= terminated ? true : undefined), 'the pool to report the lost connections');
    expect(lost[0]).toMatch(/A database connection was lost \(57P01 terminating connection due to administrator command\)/);

    const after = await app.inject({ method: 'GET', url: '/api/health' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('pings through connections whose sessions the server has just ended, which the pool still lends', async () => {
    // The pool learns of an ended session only when node reads that socket. Here every idle
    // connection's backend is terminated and gone while node reads nothing (psql runs
    // synchronously), so the ping's first connection is a dead one.
    const psql = (query: string) => execFileSync('psql', [t.url, '-Atc', query], { encoding: 'utf8' }).trim();
    const mine = `from pg_stat_activity where application_name = '${applicationName}'`;
    const deadPool = async () => {
      await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'GET', url: '/api/health' })));
      const ended = Number(psql(`select count(pg_terminate_backend(pid)) ${mine}`));
      expect(ended).toBeGreaterThan(0);
      for (let i = 0; i < 200 && psql(`select count(*) ${mine}`) !== '0'; i++);
      return ended;
    };
    // One try only: the dead connection fails it — the case the retry is for — and the loss of a
    // lent connection is reported as an idle one's is.
    const reported = lost.length;
    const ended = await deadPool();
    const once = await pingDatabase(db, 1).then(() => 'answered', (err: unknown) => err);
    expect(isConnectionError(once), String(once)).toBe(true);
    await until(async () => (lost.length - reported >= ended ? true : undefined), 'every lost connection to be reported');
    await new Promise((r) => setTimeout(r, 200));
    expect(lost.slice(reported)).toEqual(Array.from({ length: ended }, () => expect.stringMatching(/^A database connection was lost/)));
    for (let round = 0; round < 3; round++) {
      await deadPool();
      await expect(pingDatabase(db)).resolves.toBeUndefined();
    }
    await deadPool();
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 503 DATABASE_UNAVAILABLE for a request whose connection is terminated mid-query, then serves the next', async () => {
    await buildUser(t.db, { username: 'pool.errors', password: 'pool-errors-password-1' });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pool.errors', password: 'pool-errors-password-1' } });
    expect(login.statusCode).toBe(200);
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)?.value}`;

    // Hold the sessions table so the request's session lookup waits on a lock, then end that backend.
    await admin.query('begin');
    await admin.query('lock table sessions in access exclusive mode');
    const pending = app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const waiting = await until(async () => {
      const { rows } = await admin.query(`select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`, [applicationName]);
      return rows[0]?.pid as number | undefined;
    }, 'the request to wait on the lock');
    await admin.query('select pg_terminate_backend($1)', [waiting]);
    const cut = await pending;
    await admin.query('rollback');
    expect(cut.statusCode).toBe(503);
    expect(cut.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });

    const next = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({ username: 'pool.errors' });
  });

  it('keeps a transaction\'s checked-out connection from ending the process when it is terminated', async () => {
    // The client is out of the pool (no pool listener) while the transaction holds it.
    const running = db.transaction().execute(async (trx) => {
      await trx.selectFrom('units').select('id').limit(1).execute();
      await new Promise((r) => setTimeout(r, 1_000));
      return trx.selectFrom('units').select('id').limit(1).execute();
    });
    const outcome = running.then(
      () => 'committed',
      (err: unknown) => err,
    );
    const holder = await until(async () => {
      const { rows } = await admin.query(`select pid from pg_stat_activity where application_name = $1 and state = 'idle in transaction'`, [applicationName]);
      return rows[0]?.pid as number | undefined;
    }, 'the transaction to open');
    await admin.query('select pg_terminate_backend($1)', [holder]);
    const err = await outcome;
    expect(err).toBeInstanceOf(Error);
    expect(isConnectionError(err)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('answers 503 DATABASE_UNAVAILABLE, and health 503 degraded, while the server cannot be reached', async () => {
    // Port 1 on loopback refuses connections.
    const gone = createDb('postgres://nobody@127.0.0.1:1/none', { max: 1, log: () => {} });
    const down = await buildApp({ config: { ...t.config, logLevel: 'silent' }, db: gone, logger: false });
    try {
      const health = await down.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'degraded', database: { ok: false, latencyMs: null } });
      const me = await down.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=anything` } });
      expect(me.statusCode).toBe(503);
      expect(me.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    } finally {
      await down.close();
      await closeDb(gone);
    }
  });
});

describe('isConnectionError', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it.each([
    ['57P01 terminated by an administrator', withCode('57P01'), true],
    ['57P02 crash of another server process', withCode('57P02'), true],
    ['57P03 the server is starting or stopping', withCode('57P03'), true],
    ['08006 connection failure', withCode('08006'), true],
    ['53300 too many connections', withCode('53300'), true],
    ['ECONNREFUSED', withCode('ECONNREFUSED'), true],
    ['ECONNRESET', withCode('ECONNRESET'), true],
    ['a socket closed under the client', new Error('Connection terminated unexpectedly'), true],
    ['a client used after its connection failed', new Error('Client has encountered a connection error and is not queryable'), true],
    ['the pool gave up waiting', new Error('timeout exceeded when trying to connect'), true],
    ['a unique violation', withCode('23505'), false],
    ['a serialization failure', withCode('40001'), false],
    ['57014 a cancelled statement', withCode('57014'), false],
    ['any other error', new Error('boom'), false],
    ['not an error', 'Connection terminated', false],
  ])('%s → %s', (_label, err, expected) => {
    expect(isConnectionError(err)).toBe(expected);
  });
});
