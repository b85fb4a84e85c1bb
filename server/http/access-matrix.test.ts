/**
 * The access matrix: every API route × every role × a unit inside, above and outside the role's
 * scope. A route missing from PROBES fails the test, so a new route cannot skip the matrix.
 * Refusals must write nothing (audit count unchanged) and no response may carry another unit's
 * data (the marker ZZOUTSIDE names everything outside the scopes).
 */
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Permission, type Role, ROLE_PERMISSIONS } from '../../common/access.js';
import { buildUnit, buildUser, rootUnit } from '../test/factories.js';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { recordAudit } from '../modules/audit/audit.repository.js';
import { SYSTEM_ACTOR } from './access.js';
import { requireDeclaredPermissions } from './authenticate.js';

type Location = 'commune' | 'province' | 'foreign';
type Req = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; body?: unknown };
type Probe = {
  /** Builds the request aimed at data of `loc` (creating what it needs). */
  request(loc: Location): Promise<Req>;
  /** Lists: filtered by location in the query; a refusal may also be 200 without foreign data. */
  list?: boolean;
  /** Routes on one's own account: no unit involved. */
  self?: boolean;
};

let t: TestApp;
const units: Record<Location, { id: string }> = {} as never;
const marker = (loc: Location) => (loc === 'foreign' ? 'ZZOUTSIDE' : loc === 'province' ? 'ZZPROVINCE' : 'ZZINSIDE');
let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

async function targetUser(loc: Location, role: Role = 'viewer') {
  return buildUser(t.db, { username: `${marker(loc).toLowerCase()}.${next()}`, displayName: `Người ${marker(loc)}`, grants: [{ unitId: units[loc].id, role }] });
}
async function orgAt(loc: Location) {
  return buildUnit(t.db, { parentId: units[loc].id, kind: 'youth_union', name: `Đoàn Thanh niên ${marker(loc)} ${next()}` });
}

const PROBES: Record<string, Probe> = {
  'GET /api/auth/me': { self: true, request: async () => ({ method: 'GET', url: '/api/auth/me' }) },
  'PUT /api/auth/me/locale': { self: true, request: async () => ({ method: 'PUT', url: '/api/auth/me/locale', body: { locale: 'vi' } }) },
  'POST /api/auth/me/password': { self: true, request: async () => ({ method: 'POST', url: '/api/auth/me/password', body: { currentPassword: 'wrong-on-purpose', newPassword: 'Whatever-long-9' } }) },
  'POST /api/auth/logout': { self: true, request: async () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/audit': { list: true, request: async (loc) => ({ method: 'GET', url: `/api/audit?unitId=${units[loc].id}&limit=200` }) },
  'GET /api/users': { list: true, request: async (loc) => ({ method: 'GET', url: `/api/users?unitId=${units[loc].id}&limit=200` }) },
  'POST /api/users': { request: async (loc) => ({ method: 'POST', url: '/api/users', body: { username: `new.${next()}`, displayName: 'Người mới', unitId: units[loc].id, role: 'viewer' } }) },
  'GET /api/users/:id': { request: async (loc) => ({ method: 'GET', url: `/api/users/${(await targetUser(loc)).id}` }) },
  'PATCH /api/users/:id': { request: async (loc) => ({ method: 'PATCH', url: `/api/users/${(await targetUser(loc)).id}`, body: { displayName: 'Đổi tên', version: 1 } }) },
  'POST /api/users/:id/disable': { request: async (loc) => ({ method: 'POST', url: `/api/users/${(await targetUser(loc)).id}/disable` }) },
  'POST /api/users/:id/enable': {
    request: async (loc) => {
      const u = await targetUser(loc);
      await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', u.id).execute();
      return { method: 'POST', url: `/api/users/${u.id}/enable` };
    },
  },
  'POST /api/users/:id/reset-password': { request: async (loc) => ({ method: 'POST', url: `/api/users/${(await targetUser(loc)).id}/reset-password` }) },
  'POST /api/users/:id/grants': { request: async (loc) => ({ method: 'POST', url: `/api/users/${(await targetUser(loc)).id}/grants`, body: { unitId: units[loc].id, role: 'editor' } }) },
  'DELETE /api/users/:id/grants/:grantId': {
    request: async (loc) => {
      const u = await targetUser(loc);
      const extra = await t.db.insertInto('role_grants').values({ user_id: u.id, unit_id: units[loc].id, role: 'editor' }).returning('id').executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/users/${u.id}/grants/${extra.id}` };
    },
  },
  'GET /api/units/roots': { list: true, request: async () => ({ method: 'GET', url: '/api/units/roots' }) },
  'GET /api/units/search': { list: true, request: async (loc) => ({ method: 'GET', url: `/api/units/search?q=${marker(loc).toLowerCase()}&limit=50` }) },
  'GET /api/units/:id': { request: async (loc) => ({ method: 'GET', url: `/api/units/${units[loc].id}` }) },
  'GET /api/units/:id/children': { request: async (loc) => ({ method: 'GET', url: `/api/units/${units[loc].id}/children?includeRetired=true` }) },
  'GET /api/units/:id/history': { request: async (loc) => ({ method: 'GET', url: `/api/units/${units[loc].id}/history` }) },
  'POST /api/units': { request: async (loc) => ({ method: 'POST', url: '/api/units', body: { parentId: units[loc].id, kind: 'womens_union', name: `Hội Phụ nữ ${next()}` } }) },
  'PATCH /api/units/:id': { request: async (loc) => ({ method: 'PATCH', url: `/api/units/${(await orgAt(loc)).id}`, body: { name: `Tên mới ${next()}`, version: 1 } }) },
  'POST /api/units/:id/retire': { request: async (loc) => ({ method: 'POST', url: `/api/units/${(await orgAt(loc)).id}/retire`, body: { validTo: '2026-01-01', version: 1 } }) },
  'GET /api/unit-kinds': { self: true, request: async () => ({ method: 'GET', url: '/api/unit-kinds' }) },
  'POST /api/unit-kinds': { self: true, request: async () => ({ method: 'POST', url: '/api/unit-kinds', body: { code: `kind_${next()}`.slice(0, 30), names: { vi: 'Tổ tự quản' } } }) },
};
const PUBLIC_ROUTES = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login'];

type Actor = { label: string; role: Role | null; scope: 'province' | 'commune' | 'root' | null; cookie: string | null };
const actors: Actor[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const root = await rootUnit(t.db);
  const p1 = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'M01', name: 'Tỉnh ZZPROVINCE' });
  const c1 = await buildUnit(t.db, { parentId: p1.id, kind: 'commune', code: 'M0001', name: 'Xã ZZINSIDE' });
  const p2 = await buildUnit(t.db, { parentId: root.id, kind: 'province', code: 'M02', name: 'Tỉnh ZZOUTSIDE' });
  const c2 = await buildUnit(t.db, { parentId: p2.id, kind: 'commune', code: 'M0002', name: 'Xã ZZOUTSIDE' });
  Object.assign(units, { province: p1, commune: c1, foreign: c2 });
  for (const loc of ['province', 'commune', 'foreign'] as const) {
    await orgAt(loc);
    await recordAudit(t.db, SYSTEM_ACTOR, { action: 'test.seed', recordType: 'unit', recordId: units[loc].id, unitId: units[loc].id, after: { note: marker(loc) } });
  }
  const sys = await buildUser(t.db, { username: 'matrix.sys', grants: [{ unitId: root.id, role: 'system_admin' }] });
  actors.push({ label: 'system_admin@root', role: 'system_admin', scope: 'root', cookie: await t.login(sys.username) });
  for (const role of ['unit_admin', 'editor', 'approver', 'viewer'] as const) {
    for (const scope of ['province', 'commune'] as const) {
      const u = await buildUser(t.db, { username: `matrix.${role.replace('_', '')}.${scope}`, grants: [{ unitId: units[scope].id, role }] });
      actors.push({ label: `${role}@${scope}`, role, scope, cookie: await t.login(u.username) });
    }
  }
  actors.push({ label: 'anonymous', role: null, scope: null, cookie: null });
}, 120_000);

function inScope(scope: Actor['scope'], loc: Location): boolean {
  if (scope === 'root') return true;
  if (scope === 'province') return loc !== 'foreign';
  if (scope === 'commune') return loc === 'commune';
  return false;
}

const auditCount = async () => Number((await t.db.selectFrom('audit_log').select(t.db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('route catalog', () => {
  it('declares a permission on every API route, and the matrix probes every protected route', () => {
    const catalog = t.app.routeCatalog.filter((r) => !r.url.startsWith('/api/docs'));
    const undeclared = catalog.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const publicRoutes = catalog.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    const unprobed = catalog.map((r) => `${r.method} ${r.url}`).filter((k) => !PROBES[k] && !PUBLIC_ROUTES.includes(k));
    expect(unprobed).toEqual([]);
  });

  it('refuses to build an app with a route that declares no permission', async () => {
    const app = Fastify();
    requireDeclaredPermissions(app);
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no permission/);
    expect(() => app.get('/api/remembered', { config: { permission: 'public' } }, async () => ({}))).not.toThrow();
  });
});

describe('access matrix', () => {
  const routeKeys = Object.keys(PROBES);
  it.each(routeKeys)('%s', async (key) => {
    const probe = PROBES[key]!;
    const declared = t.app.routeCatalog.find((r) => `${r.method} ${r.url}` === key)?.permission;
    expect(declared, `${key} is not a route of the app`).toBeDefined();
    const failures: string[] = [];
    const locations: Location[] = probe.self ? ['commune'] : ['commune', 'province', 'foreign'];
    for (const actor of actors) {
      for (const loc of locations) {
        const req = await probe.request(loc);
        const auditBefore = await auditCount();
        const res = await t.call(req.method, req.url, { cookie: actor.cookie ?? undefined, body: req.body });
        const label = `${actor.label} → ${key} @${loc}: ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (!actor.role) {
          if (res.statusCode !== 401) failures.push(`anonymous must get 401; ${label}`);
          continue;
        }
        const hasPermission =
          declared === 'authenticated' || declared === 'public' || ROLE_PERMISSIONS[actor.role].includes(declared as Permission);
        const allowed = hasPermission && (probe.self || inScope(actor.scope, loc));
        // Nothing outside the actor's scope may appear in any answer.
        if (actor.scope !== 'root' && res.body.includes('ZZOUTSIDE')) failures.push(`leaks foreign data; ${label}`);
        if (actor.scope === 'commune' && !probe.self && res.body.includes('ZZPROVINCE') && !key.startsWith('GET /api/units/')) {
          failures.push(`leaks data above the scope; ${label}`);
        }
        if (allowed) {
          const okStatus = res.statusCode >= 200 && res.statusCode < 300;
          // Changing one's password with a wrong current password is refused by design.
          const expectedRefusal = key === 'POST /api/auth/me/password' && res.statusCode === 401;
          if (!okStatus && !expectedRefusal) failures.push(`should be allowed; ${label}`);
        } else {
          const refused = res.statusCode === 403 || res.statusCode === 404 || (probe.list && res.statusCode === 200);
          if (!refused) failures.push(`should be refused; ${label}`);
          if (req.method !== 'GET' && (await auditCount()) !== auditBefore) failures.push(`a refused write changed data; ${label}`);
        }
        if (key === 'POST /api/auth/logout' && actor.cookie) {
          // Logging out ended this actor's session: sign in again for the next probes.
          const username = (await t.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'session.logout').orderBy('id', 'desc').executeTakeFirstOrThrow()).actor_name;
          actor.cookie = await t.login(String(username));
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
