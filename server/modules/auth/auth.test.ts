import { beforeAll, describe, expect, it } from 'vitest';
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

  it('locks an address that guesses across many accounts', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    // Without trustProxy every injected request shares one address, so use a fresh app-level key instead:
    // count failures straight through the repository for a synthetic address.
    const { recordLoginFailure, findLoginLocks } = await import('./auth.repository.js');
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      await recordLoginFailure(t.db, 'address:198.51.100.7', THROTTLE.perAddress, THROTTLE.windowSeconds, THROTTLE.lockSeconds);
    }
    expect(await findLoginLocks(t.db, ['address:198.51.100.7'])).toHaveLength(1);
    expect(headers).toBeDefined();
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

  it('records sign-ins in the audit trail', async () => {
    const user = await buildUser(t.db, { username: 'khanh.bui' });
    await t.login('khanh.bui');
    const rows = await t.db.selectFrom('audit_log').selectAll().where('record_id', '=', user.id).where('action', '=', 'session.login').execute();
    expect(rows).toHaveLength(1);
  });
});
