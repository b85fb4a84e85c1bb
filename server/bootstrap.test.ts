import { ConfigError } from './config.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from './bootstrap.js';
import { verifyPassword } from './modules/auth/password.js';
import { createTestDb, type TestDb } from './test/test-db.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});

const accounts = async () => t.db.selectFrom('users').select(['username', 'password_hash', 'must_change_password']).execute();

describe('the first admin account', () => {
  it('refuses a DANVAN_ADMIN_PASSWORD that `user create` would refuse, naming the variable, and creates nothing', async () => {
    // Each passes the configuration's length check (10 characters) but not the password policy.
    for (const weak of ['admin-2026-pass', 'aaaaaaaaaaaa', 'abababababab']) {
      await expect(ensureAdmin(t.db, { adminPassword: weak })).rejects.toThrow(/^DANVAN_ADMIN_PASSWORD is too weak: /);
    }
    // A configuration error (the command line prints it without a stack trace), in plain words.
    const error = await ensureAdmin(t.db, { adminPassword: 'admin-2026-pass' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('The password must not contain the username.');
    expect(await accounts()).toEqual([]);
    expect(await t.db.selectFrom('role_grants').select('id').execute()).toEqual([]);
  });

  it('creates the admin with a strong DANVAN_ADMIN_PASSWORD, to keep, and once only', async () => {
    const created = await ensureAdmin(t.db, { adminPassword: 'Quan-tri-Hai-Phong-2026' });
    expect(created).toMatchObject({ created: true, username: 'admin', generated: false });
    const [admin] = await accounts();
    expect(admin).toMatchObject({ username: 'admin', must_change_password: false });
    expect(await verifyPassword('Quan-tri-Hai-Phong-2026', admin!.password_hash)).toBe(true);
    expect(await ensureAdmin(t.db, { adminPassword: 'Quan-tri-Hai-Phong-2026' })).toEqual({ created: false });
  });
});
