import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createDb } from '../../db/database.js';
import { buildUser, rootUnit, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { THROTTLE } from './auth.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

describe('sign-in and sessions', () => {
  it('signs in, sets an HttpOnly SameSite=Lax cookie and returns the account with its permissions', async () => {
    const root = await rootUnit(t.db);
    await buildUser(t.db, { username: 'thu.nguyen', grants: [{ unitId: root.id, role: 'viewer' }] });
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'Thu.Nguyen', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/danvan_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/);
    expect(res.json()).toMatchObject({ username: 'thu.nguyen', permissions: ['units.read'] });
  });

  it('issues a new session id at every login and ends it at logout', async () => {
    await buildUser(t.db, { username: 'lan.tran' });
    const first = await t.login('lan.tran');
    const second = await t.login('lan.tran');
    expect(first).not.toBe(second);
    expect((await t.call('GET', '/api/auth/me', { cookie: first })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { cookie: first })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie: first })).json().error.code).toBe('UNAUTHENTICATED');
    expect((await t.call('GET', '/api/auth/me', { cookie: second })).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    await buildUser(t.db, { username: 'minh.le' });
    const wrong = await t.call('POST', '/api/auth/login', { body: { username: 'minh.le', password: 'not-the-password' } });
    const unknown = await t.call('POST', '/api/auth/login', { body: { username: 'nobody.here', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    await buildUser(t.db, { username: 'hoa.pham' });
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const res = await t.call('POST', '/api/auth/login', { body: { username: 'hoa.pham', password: `wrong-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.call('POST', '/api/auth/login', { body: { username: 'hoa.pham', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('counts parallel guesses before verifying them: 60 at once on two app processes, the last right, at most perAccount evaluated', async () => {
    const user = await buildUser(t.db, { username: 'song.song' });
    // A second app on its own connection pool: the count lives in the database, not in a process.
    const db2 = createDb(t.url, { max: 5 });
    const app2 = await buildApp({ config: { ...t.config, logLevel: 'error' }, db: db2 });
    try {
      const passwords = Array.from({ length: 60 }, (_, i) => (i === 59 ? TEST_PASSWORD : `wrong-guess-${i}`));
      const answers = await Promise.all(
        passwords.map((password, i) => (i % 2 ? app2 : t.app).inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'song.song', password }, remoteAddress: '198.51.100.20' })),
      );
      const codes = answers.map((r) => r.statusCode);
      // Every verified password was wrong and answered 401; everything else was refused unverified.
      expect(codes.filter((c) => c === 401)).toHaveLength(THROTTLE.perAccount);
      expect(codes.filter((c) => c === 429)).toHaveLength(60 - THROTTLE.perAccount);
      expect(answers[59]!.statusCode).toBe(429);
      expect(answers[59]!.json().error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toHaveLength(0);
    } finally {
      await app2.close();
      await db2.destroy();
    }
  });

  it('counts parallel guesses from one address across accounts: at most perAddress evaluated', async () => {
    await buildUser(t.db, { username: 'nga.dinh' });
    const remoteAddress = '198.51.100.21';
    const tries = Array.from({ length: 60 }, (_, i) => (i === 59 ? { username: 'nga.dinh', password: TEST_PASSWORD } : { username: `guess.${i}`, password: 'Wrong-guess-12' }));
    const answers = await Promise.all(tries.map((payload) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress })));
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(THROTTLE.perAddress);
    expect(codes.filter((c) => c === 429)).toHaveLength(60 - THROTTLE.perAddress);
    expect(answers[59]!.statusCode).toBe(429);
    // A refused attempt gives its account slot back: the account itself is not locked.
    const fromElsewhere = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nga.dinh', password: TEST_PASSWORD }, remoteAddress: '198.51.100.22' });
    expect(fromElsewhere.statusCode).toBe(200);
  });

  it('lets the right password in again once the lock has ended, and a sign-in frees its address slot', async () => {
    await buildUser(t.db, { username: 'tam.ly' });
    const remoteAddress = '198.51.100.23';
    const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tam.ly', password }, remoteAddress });
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(429);
    await t.db
      .updateTable('login_failures')
      .set({ locked_until: sql<Date>`now() - interval '1 second'`, window_start: sql<Date>`now() - interval '16 minutes'` })
      .where('key', '=', 'account:tam.ly')
      .execute();
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    // The account's count is cleared; the address keeps only the failed guesses.
    expect(await t.db.selectFrom('login_failures').select('key').where('key', '=', 'account:tam.ly').execute()).toHaveLength(0);
    const address = await t.db.selectFrom('login_failures').select('failures').where('key', '=', `address:${remoteAddress}`).executeTakeFirstOrThrow();
    expect(address.failures).toBe(THROTTLE.perAccount);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const user = await buildUser(t.db, { username: 'quang.vo' });
    const cookie = await t.login('quang.vo');
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    const res = await t.call('POST', '/api/auth/login', { body: { username: 'quang.vo', password: TEST_PASSWORD } });
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('remembers the language per account', async () => {
    await buildUser(t.db, { username: 'an.do' });
    const cookie = await t.login('an.do');
    expect((await t.call('PUT', '/api/auth/me/locale', { cookie, body: { locale: 'ar' } })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie })).json().locale).toBe('ar');
    const bad = await t.call('PUT', '/api/auth/me/locale', { cookie, body: { locale: 'xx' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('changes one\'s own password only with the current one and a strong new one', async () => {
    await buildUser(t.db, { username: 'binh.hoang' });
    const cookie = await t.login('binh.hoang');
    const other = await t.login('binh.hoang');
    const wrong = await t.call('POST', '/api/auth/me/password', { cookie, body: { currentPassword: 'nope', newPassword: 'Another-good-pass-7' } });
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    const weak = await t.call('POST', '/api/auth/me/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'short' } });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const ok = await t.call('POST', '/api/auth/me/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'Another-good-pass-7' } });
    expect(ok.statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie: other })).statusCode).toBe(401);
    await t.login('binh.hoang', 'Another-good-pass-7');
  });

  it('serves an account with a temporary password nothing but its profile, the password change, sign-out and language', async () => {
    const root = await rootUnit(t.db);
    const user = await buildUser(t.db, { username: 'tam.thoi', grants: [{ unitId: root.id, role: 'unit_admin' }] });
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', user.id).execute();
    const cookie = await t.login('tam.thoi');
    expect((await t.call('GET', '/api/auth/me', { cookie })).json()).toMatchObject({ mustChangePassword: true });
    expect((await t.call('PUT', '/api/auth/me/locale', { cookie, body: { locale: 'en' } })).statusCode).toBe(200);
    const read = await t.call('GET', '/api/units/roots', { cookie });
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const usersBefore = (await t.db.selectFrom('users').select('id').execute()).length;
    const write = await t.call('POST', '/api/users', { cookie, body: { username: 'by.temporary', displayName: 'X', unitId: root.id, role: 'viewer' } });
    expect(write.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.db.selectFrom('users').select('id').execute()).length).toBe(usersBefore);
    const changed = await t.call('POST', '/api/auth/me/password', { cookie, body: { currentPassword: TEST_PASSWORD, newPassword: 'Chosen-by-me-2026' } });
    expect(changed.statusCode).toBe(200);
    expect((await t.call('GET', '/api/units/roots', { cookie })).statusCode).toBe(200);
  });

  it('records sign-ins in the audit trail', async () => {
    const user = await buildUser(t.db, { username: 'khanh.bui' });
    await t.login('khanh.bui');
    const rows = await t.db.selectFrom('audit_log').selectAll().where('record_id', '=', user.id).where('action', '=', 'session.login').execute();
    expect(rows).toHaveLength(1);
  });
});
