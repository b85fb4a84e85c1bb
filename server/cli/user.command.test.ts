import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../paths.js';
import { verifyPassword } from '../modules/auth/password.js';
import { buildUser, rootUnit } from '../test/factories.js';
import { createTestDb, type TestDb } from '../test/test-db.js';
import type { CommandInput } from './commands.js';
import { userCreateCommand, userResetPasswordCommand } from './user.command.js';

let t: TestDb;
let province: { id: string; code: string | null; name: string };

beforeAll(async () => {
  t = await createTestDb();
  province = await t.db.selectFrom('units').select(['id', 'code', 'name']).where('kind', '=', 'province').where('valid_to', 'is', null).orderBy('code').executeTakeFirstOrThrow();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a command in-process; returns its exit code (or the error it threw) and what it printed. */
async function run(command: typeof userCreateCommand, positionals: string[], values: CommandInput['values'] = {}) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void out.push(args.join(' ')));
  try {
    const code = await command.run({ config: t.config, values, positionals });
    return { code, error: undefined, out: out.join('\n') };
  } catch (error) {
    return { code: undefined, error: error as Error, out: out.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Everything a failed command must leave untouched. */
async function counts() {
  const n = async (table: 'users' | 'role_grants' | 'audit_log' | 'sessions') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { users: await n('users'), grants: await n('role_grants'), audit: await n('audit_log'), sessions: await n('sessions') };
}

const printedPassword = (out: string) => /shown only this once[^\n]*\n\s+(\S+)/.exec(out)?.[1];

describe('danvan user create', () => {
  it('creates an account with its grant and a temporary password shown once', async () => {
    const r = await run(userCreateCommand, ['ngoc.anh'], { name: 'Trần Ngọc Anh', unit: `province:${province.code}`, role: 'editor' });
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.out).toContain(`editor on ${province.name}`);
    const password = printedPassword(r.out);
    expect(password).toMatch(/^\S{12,}$/);

    const user = await t.db.selectFrom('users').selectAll().where('username', '=', 'ngoc.anh').executeTakeFirstOrThrow();
    expect(user.display_name).toBe('Trần Ngọc Anh');
    expect(user.must_change_password).toBe(true);
    expect(await verifyPassword(password!, user.password_hash)).toBe(true);
    const grants = await t.db.selectFrom('role_grants').select(['unit_id', 'role']).where('user_id', '=', user.id).execute();
    expect(grants).toEqual([{ unit_id: province.id, role: 'editor' }]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_name']).where('record_id', '=', user.id).where('record_type', '=', 'user').execute();
    expect(audit).toEqual([{ action: 'user.create', actor_name: 'system' }]);
  });

  it('accepts a unit id, a bare official code and a chosen password', async () => {
    const root = await rootUnit(t.db);
    const byId = await run(userCreateCommand, ['root-admin'], { name: 'Root admin', unit: root.id, role: 'system_admin', password: 'plenty-Of-entropy-42' });
    expect(byId.code).toBe(0);
    expect(printedPassword(byId.out)).toBeUndefined();
    expect(byId.out).not.toContain('plenty-Of-entropy-42');
    const admin = await t.db.selectFrom('users').selectAll().where('username', '=', 'root-admin').executeTakeFirstOrThrow();
    expect(admin.must_change_password).toBe(false);
    expect(await verifyPassword('plenty-Of-entropy-42', admin.password_hash)).toBe(true);

    const byCode = await run(userCreateCommand, ['by-code'], { name: 'By code', unit: province.code!, role: 'viewer' });
    expect(byCode.code).toBe(0);
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'by-code').executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('role_grants').select('unit_id').where('user_id', '=', user.id).executeTakeFirstOrThrow()).toEqual({ unit_id: province.id });
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    await buildUser(t.db, { username: 'taken-name' });
    const before = await counts();
    const base = { name: 'Someone', unit: `province:${province.code}`, role: 'editor' };
    const cases: [string[], CommandInput['values'], RegExp][] = [
      [['new-user'], { ...base, role: 'wizard' }, /Unknown role "wizard"/],
      [['new-user'], { ...base, unit: 'province:99999' }, /No unit has the province code 99999/],
      [['new-user'], { ...base, unit: '987654321' }, /Unit 987654321 not found/],
      [['new-user'], { ...base, password: 'short' }, /password needs at least 10 characters/],
      [['taken-name'], base, /username taken-name is taken/],
      [['Bad Name!'], base, /username: 3–64 characters/],
      [['new-user'], { ...base, email: 'not-an-email' }, /email/],
    ];
    for (const [positionals, values, message] of cases) {
      const r = await run(userCreateCommand, positionals, values);
      expect(r.code, JSON.stringify(values)).toBeUndefined();
      expect(r.error?.message, JSON.stringify(values)).toMatch(message);
    }
    const usage = await run(userCreateCommand, ['new-user'], { name: 'No unit', role: 'editor' });
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/Usage: danvan user create/);
    expect(await counts()).toEqual(before);
  });
});

describe('danvan user reset-password', () => {
  it('sets a generated password, requires a change and ends every session', async () => {
    const user = await buildUser(t.db, { username: 'forgetful' });
    for (const token of ['a', 'b']) {
      await t.db
        .insertInto('sessions')
        .values({ id: createHash('sha256').update(`${token}${user.id}`).digest('hex'), user_id: user.id, expires_at: new Date(Date.now() + 3600_000) })
        .execute();
    }
    const r = await run(userResetPasswordCommand, ['Forgetful']);
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    const password = printedPassword(r.out);
    const after = await t.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.must_change_password).toBe(true);
    expect(await verifyPassword(password!, after.password_hash)).toBe(true);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['action']).where('record_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('user.password_reset');
  });

  it('refuses an unknown account or a weak password, changing nothing', async () => {
    const user = await buildUser(t.db, { username: 'keeps-session' });
    await t.db.insertInto('sessions').values({ id: createHash('sha256').update(`k${user.id}`).digest('hex'), user_id: user.id, expires_at: new Date(Date.now() + 3600_000) }).execute();
    const before = await counts();
    const unknown = await run(userResetPasswordCommand, ['nobody-here']);
    expect(unknown.error?.message).toMatch(/No account is named nobody-here/);
    const weak = await run(userResetPasswordCommand, ['keeps-session'], { password: 'aaaaaaaaaaaa' });
    expect(weak.error?.message).toMatch(/password needs more varied characters/);
    expect(await counts()).toEqual(before);
    const after = await t.db.selectFrom('users').select(['password_hash', 'must_change_password']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ password_hash: user.password_hash, must_change_password: false });
  });
});

describe('the danvan executable', () => {
  const exec = promisify(execFile);
  const danvan = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', ...args], { cwd: projectRoot, env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'silent' } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits non-zero with a one-line message on bad input, and 0 on success', async () => {
    const before = await counts();
    const bad = await danvan(['user', 'create', 'cli-user', '--name', 'CLI', '--unit', `province:${province.code}`, '--role', 'wizard']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('danvan: Unknown role "wizard"; one of system_admin, unit_admin, editor, approver, viewer');
    expect(await counts()).toEqual(before);

    const good = await danvan(['user', 'create', 'cli-user', '--name', 'CLI', '--unit', `province:${province.code}`, '--role', 'viewer']);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/Created the account cli-user/);
  }, 60_000);
});
