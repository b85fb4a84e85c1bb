/** The API as a signed-in account, from Node (to prepare data the browser tests need). */
import { inject } from 'vitest';

export type ApiSession = {
  get<T>(path: string): Promise<T>;
  send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
};

export async function apiSignIn(username: string, password: string): Promise<ApiSession> {
  const baseUrl = inject('baseUrl');
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  const send = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    send,
    async get<T>(path: string) {
      const { status, body } = await send<T>('GET', path);
      if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
      return body;
    },
  };
}

/**
 * A new account with one role on one unit, past the first sign-in's password change (to
 * `password`), signed in through the API. The browser tests of each module make their officers so.
 */
export async function createAccount(admin: ApiSession, username: string, unitId: string, role: string, password: string): Promise<ApiSession> {
  const created = await admin.send<{ temporaryPassword: string }>('POST', '/api/users', { username, displayName: `Cán bộ ${username}`, unitId, role });
  if (created.status !== 201) throw new Error(`creating ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await apiSignIn(username, created.body.temporaryPassword);
  const changed = await first.send('POST', '/api/auth/me/password', { currentPassword: created.body.temporaryPassword, newPassword: password });
  if (changed.status !== 200) throw new Error(`first password of ${username}: ${changed.status} ${JSON.stringify(changed.body)}`);
  return apiSignIn(username, password);
}

type UnitLite = { id: string; name: string; retired: boolean };

/** The in-force child of `parentId` called `name`. */
export async function findChild(api: ApiSession, parentId: string, name: string): Promise<UnitLite> {
  const page = await api.get<{ items: UnitLite[] }>(`/api/units/${parentId}/children?limit=500`);
  const unit = page.items.find((u) => u.name === name && !u.retired);
  if (!unit) throw new Error(`no unit "${name}" under ${parentId}`);
  return unit;
}

export async function rootUnit(api: ApiSession): Promise<UnitLite> {
  const roots = await api.get<{ items: UnitLite[] }>('/api/units/roots');
  const root = roots.items[0];
  if (!root) throw new Error('no root unit');
  return root;
}
