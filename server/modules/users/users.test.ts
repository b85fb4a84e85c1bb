import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, rootUnit, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let adminCookie: string;
let hanoi: { id: string };
let hue: { id: string };
let provinceAdminCookie: string;

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  hanoi = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'T01', name: 'Thành phố Thử Một' });
  hue = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'T46', name: 'Thành phố Thử Hai' });
  await buildUser(t.db, { username: 'sysadmin', grants: [{ unitId: root.id, role: 'system_admin' }] });
  await buildUser(t.db, { username: 'hanoi.admin', grants: [{ unitId: hanoi.id, role: 'unit_admin' }] });
  adminCookie = await t.login('sysadmin');
  provinceAdminCookie = await t.login('hanoi.admin');
});

async function auditCount(action: string, recordId: string) {
  const rows = await t.db.selectFrom('audit_log').select('id').where('action', '=', action).where('record_id', '=', recordId).execute();
  return rows.length;
}

describe('accounts', () => {
  it('creates an account with a generated temporary password, its first role and audit records', async () => {
    // An editor is made by someone who holds data.write there (a unit admin alone may not: see the access matrix).
    const res = await t.call('POST', '/api/users', { cookie: adminCookie, body: { username: 'Mai.Vu', displayName: 'Vũ Thị Mai', unitId: hanoi.id, role: 'editor' } });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'mai.vu', displayName: 'Vũ Thị Mai', mustChangePassword: true, disabled: false });
    expect(user.grants).toEqual([expect.objectContaining({ role: 'editor', unitId: hanoi.id })]);
    expect(JSON.stringify(res.json())).not.toContain('scrypt');
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const cookie = await t.login('mai.vu', temporaryPassword);
    expect((await t.call('GET', '/api/auth/me', { cookie })).json()).toMatchObject({ mustChangePassword: true, permissions: ['data.write', 'units.read'] });
    expect(await auditCount('user.create', user.id)).toBe(1);
  });

  it('refuses duplicates, weak passwords, bad usernames and foreign units, writing nothing', async () => {
    const before = (await t.db.selectFrom('users').select('id').execute()).length;
    const dup = await t.call('POST', '/api/users', { cookie: adminCookie, body: { username: 'hanoi.admin', displayName: 'X', unitId: hanoi.id, role: 'viewer' } });
    expect(dup.json().error.code).toBe('ALREADY_EXISTS');
    const weak = await t.call('POST', '/api/users', { cookie: adminCookie, body: { username: 'weak.one', displayName: 'X', unitId: hanoi.id, role: 'viewer', password: 'abc' } });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    const badName = await t.call('POST', '/api/users', { cookie: adminCookie, body: { username: 'a b', displayName: 'X', unitId: hanoi.id, role: 'viewer' } });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.code).toBe('VALIDATION_FAILED');
    const foreign = await t.call('POST', '/api/users', { cookie: provinceAdminCookie, body: { username: 'hue.viewer', displayName: 'X', unitId: hue.id, role: 'viewer' } });
    expect(foreign.statusCode).toBe(403);
    const escalate = await t.call('POST', '/api/users', { cookie: provinceAdminCookie, body: { username: 'sneaky', displayName: 'X', unitId: hanoi.id, role: 'system_admin' } });
    expect(escalate.statusCode).toBe(403);
    expect((await t.db.selectFrom('users').select('id').execute()).length).toBe(before);
  });

  it('lists only accounts of the caller\'s units and hides grants elsewhere', async () => {
    const both = await buildUser(t.db, { username: 'two.provinces', grants: [{ unitId: hanoi.id, role: 'viewer' }, { unitId: hue.id, role: 'viewer' }] });
    await buildUser(t.db, { username: 'hue.only', grants: [{ unitId: hue.id, role: 'editor' }] });
    const list = (await t.call('GET', '/api/users?limit=200', { cookie: provinceAdminCookie })).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain('two.provinces');
    expect(names).not.toContain('hue.only');
    expect(names).not.toContain('sysadmin');
    const shown = list.items.find((u: { id: string }) => u.id === both.id);
    expect(shown.grants.map((g: { unitId: string }) => g.unitId)).toEqual([hanoi.id]);
    // …and cannot manage an account that also holds roles elsewhere.
    const reset = await t.call('POST', `/api/users/${both.id}/reset-password`, { cookie: provinceAdminCookie });
    expect(reset.statusCode).toBe(403);
    const hidden = await t.db.selectFrom('users').select('id').where('username', '=', 'hue.only').executeTakeFirstOrThrow();
    expect((await t.call('GET', `/api/users/${hidden.id}`, { cookie: provinceAdminCookie })).statusCode).toBe(404);
    const search = (await t.call('GET', '/api/users?q=provinces', { cookie: adminCookie })).json();
    expect(search.items.map((u: { username: string }) => u.username)).toEqual(['two.provinces']);
  });

  it('grants and revokes roles; revocation applies to the next request', async () => {
    const user = await buildUser(t.db, { username: 'grant.me', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
    const cookie = await t.login('grant.me');
    const grant = await t.call('POST', `/api/users/${user.id}/grants`, { cookie: provinceAdminCookie, body: { unitId: hanoi.id, role: 'unit_admin' } });
    expect(grant.statusCode).toBe(201);
    expect((await t.call('GET', '/api/auth/me', { cookie })).json().permissions).toContain('users.manage');
    const again = await t.call('POST', `/api/users/${user.id}/grants`, { cookie: provinceAdminCookie, body: { unitId: hanoi.id, role: 'unit_admin' } });
    expect(again.json().error.code).toBe('ALREADY_EXISTS');
    const revoke = await t.call('DELETE', `/api/users/${user.id}/grants/${grant.json().id}`, { cookie: provinceAdminCookie });
    expect(revoke.statusCode).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { cookie })).json().permissions).not.toContain('users.manage');
    expect(await auditCount('role.revoke', grant.json().id)).toBe(1);
  });

  it('disables an account, ending its sessions at once, and re-enables it', async () => {
    const user = await buildUser(t.db, { username: 'to.disable', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
    const cookie = await t.login('to.disable');
    const res = await t.call('POST', `/api/users/${user.id}/disable`, { cookie: provinceAdminCookie });
    expect(res.json().disabled).toBe(true);
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    expect((await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).length).toBe(0);
    await t.call('POST', `/api/users/${user.id}/enable`, { cookie: provinceAdminCookie });
    await t.login('to.disable');
  });

  it('resets a password: a new temporary one, old sessions ended, old password refused', async () => {
    const user = await buildUser(t.db, { username: 'forgot.it', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
    const cookie = await t.login('forgot.it');
    const res = await t.call('POST', `/api/users/${user.id}/reset-password`, { cookie: provinceAdminCookie });
    const { temporaryPassword } = res.json();
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
    const old = await t.call('POST', '/api/auth/login', { body: { username: 'forgot.it', password: TEST_PASSWORD } });
    expect(old.statusCode).toBe(401);
    await t.login('forgot.it', temporaryPassword);
  });

  it('keeps the last system admin: cannot be disabled nor lose the role', async () => {
    const sys = await t.db.selectFrom('users').select('id').where('username', '=', 'sysadmin').executeTakeFirstOrThrow();
    const grant = await t.db.selectFrom('role_grants').select('id').where('user_id', '=', sys.id).executeTakeFirstOrThrow();
    const second = await buildUser(t.db, { username: 'sysadmin2', grants: [{ unitId: (await rootUnit(t.db)).id, role: 'system_admin' }] });
    const cookie2 = await t.login('sysadmin2');
    await t.call('POST', `/api/users/${second.id}/disable`, { cookie: adminCookie });
    const res = await t.call('DELETE', `/api/users/${sys.id}/grants/${grant.id}`, { cookie: adminCookie });
    expect(res.json().error.code).toBe('LAST_SYSTEM_ADMIN');
    const self = await t.call('POST', `/api/users/${sys.id}/disable`, { cookie: adminCookie });
    expect(self.statusCode).toBe(400);
    expect(cookie2).toBeTruthy();
  });

  it('updates with optimistic concurrency: a stale version is a conflict and changes nothing', async () => {
    const user = await buildUser(t.db, { username: 'rename.me', grants: [{ unitId: hanoi.id, role: 'viewer' }] });
    const first = await t.call('PATCH', `/api/users/${user.id}`, { cookie: provinceAdminCookie, body: { displayName: 'Tên mới', version: 1 } });
    expect(first.json()).toMatchObject({ displayName: 'Tên mới', version: 2 });
    const stale = await t.call('PATCH', `/api/users/${user.id}`, { cookie: adminCookie, body: { displayName: 'Tên khác', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await t.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow()).display_name).toBe('Tên mới');
  });
});
