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
import type { Location, Probe, ProbeContext } from '../test/access-probes.js';
import { commendationProbes } from '../modules/commendations/commendations.probes.js';
import { entryProbes } from '../modules/entries/entries.probes.js';
import { conferenceProbes } from '../modules/conferences/conferences.probes.js';
import { reviewProbes } from '../modules/reviews/reviews.probes.js';
import { petitionProbes } from '../modules/petitions/petitions.probes.js';
import { reportFileProbes } from '../modules/reports/report-files.probes.js';
import { reportProbes } from '../modules/reports/reports.probes.js';
import { unitHistoryProbes } from '../modules/units/units.probes.js';
import { workQueueProbes } from '../modules/work-queue/work-queue.probes.js';
import { policyDocumentProbes } from '../modules/policy-documents/policy-documents.probes.js';
import { taskProbes } from '../modules/tasks/tasks.probes.js';
import { reportingRoundProbes } from '../modules/reporting-rounds/reporting-rounds.probes.js';
import { coordinationProbes } from '../modules/coordination/coordination.probes.js';
import { workingSessionProbes } from '../modules/working-sessions/working-sessions.probes.js';
import { religiousAffairsProbes } from '../modules/religious-affairs/religious-affairs.probes.js';
import { situationReportProbes } from '../modules/situation-reports/situation-reports.probes.js';
import { hotspotProbes } from '../modules/hotspots/hotspots.probes.js';
import { dialogueFileProbes } from '../modules/petitions/dialogue-files.probes.js';
import { grassrootsProbes } from '../modules/grassroots/grassroots.probes.js';
import { supervisionProbes } from '../modules/supervision/supervision.probes.js';
import { SYSTEM_ACTOR } from './access.js';
import { coreProbes } from './core.probes.js';
import { requireDeclaredPermissions } from './authenticate.js';

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
const ctx = (): ProbeContext => ({ t, units, marker, next, targetUser, orgAt });

const PROBES: Record<string, Probe> = { ...coreProbes, ...entryProbes, ...conferenceProbes, ...reviewProbes, ...commendationProbes, ...petitionProbes, ...reportFileProbes, ...reportProbes, ...unitHistoryProbes, ...workQueueProbes, ...policyDocumentProbes, ...taskProbes, ...reportingRoundProbes, ...coordinationProbes, ...workingSessionProbes, ...religiousAffairsProbes, ...situationReportProbes };
Object.assign(PROBES, hotspotProbes);
Object.assign(PROBES, grassrootsProbes);
Object.assign(PROBES, supervisionProbes);
Object.assign(PROBES, dialogueFileProbes);
const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  // The citizen's side of petitions (rate-limited, see docs/petitions.md).
  'GET /api/public/portal',
  'GET /api/public/petitions/form',
  'POST /api/public/petitions',
  'POST /api/public/petitions/lookup',
  // What a commune made public after review (rate-limited, docs/grassroots-democracy.md §5).
  'GET /api/public/grassroots',
];

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
        const req = await probe.request(ctx(), loc);
        const auditBefore = await auditCount();
        const res = await t.call(req.method, req.url, { cookie: actor.cookie ?? undefined, body: req.payload ?? req.body, headers: req.headers });
        const label = `${actor.label} → ${key} @${loc}: ${res.statusCode} ${res.body.slice(0, 160)}`;
        if (!actor.role) {
          if (res.statusCode !== 401) failures.push(`anonymous must get 401; ${label}`);
          continue;
        }
        const hasPermission =
          declared === 'authenticated' || declared === 'public' || ROLE_PERMISSIONS[actor.role].includes(declared as Permission);
        const readsAbove = probe.readsAbove === true && actor.scope === 'commune' && loc === 'province';
        const allowed = hasPermission && (probe.self || inScope(actor.scope, loc) || readsAbove);
        // Nothing outside the actor's scope may appear in any answer.
        if (actor.scope !== 'root' && res.body.includes('ZZOUTSIDE')) failures.push(`leaks foreign data; ${label}`);
        if (actor.scope === 'commune' && !probe.self && !probe.readsAbove && res.body.includes('ZZPROVINCE') && !key.startsWith('GET /api/units/')) {
          failures.push(`leaks data above the scope; ${label}`);
        }
        if (allowed) {
          const okStatus = res.statusCode >= 200 && res.statusCode < 300;
          // Changing one's password with a wrong current password is refused by design.
          const expectedRefusal = key === 'POST /api/auth/me/password' && res.statusCode === 401;
          if (!okStatus && !expectedRefusal && !probe.acceptStatus?.includes(res.statusCode)) failures.push(`should be allowed; ${label}`);
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

describe('temporary password', () => {
  // The routes an account with a temporary password may call (their config says allowTemporaryPassword).
  const ALLOWED = ['GET /api/auth/me', 'PUT /api/auth/me/locale', 'POST /api/auth/me/password', 'POST /api/auth/logout'];

  it('refuses every other signed-in route with PASSWORD_CHANGE_REQUIRED, writing nothing, even for a system admin', async () => {
    const catalog = t.app.routeCatalog.filter((r) => !r.url.startsWith('/api/docs'));
    expect(catalog.filter((r) => r.allowTemporaryPassword).map((r) => `${r.method} ${r.url}`).sort()).toEqual([...ALLOWED].sort());
    const root = await rootUnit(t.db);
    const temp = await buildUser(t.db, { username: 'matrix.temporary', grants: [{ unitId: root.id, role: 'system_admin' }] });
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', temp.id).execute();
    const cookie = await t.login(temp.username);
    const failures: string[] = [];
    for (const route of catalog) {
      const key = `${route.method} ${route.url}`;
      if (route.permission === 'public' || route.allowTemporaryPassword) continue;
      const req = await PROBES[key]!.request(ctx(), 'commune');
      const auditBefore = await auditCount();
      const res = await t.call(req.method, req.url, { cookie, body: req.payload ?? req.body, headers: req.headers });
      const code = res.headers['content-type']?.toString().includes('json') ? res.json().error?.code : undefined;
      if (res.statusCode !== 403 || code !== 'PASSWORD_CHANGE_REQUIRED') failures.push(`${key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      if ((await auditCount()) !== auditBefore) failures.push(`${key}: wrote to the audit trail`);
    }
    expect(failures).toEqual([]);
    expect((await t.call('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
  }, 120_000);
});

describe('privilege escalation', () => {
  type Attempt = { label: string; by: () => string; request: () => Promise<{ method: 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown }>; status: 403 | 404 };
  const ids: Record<string, { id: string }> = {};
  const cookies: Record<string, string> = {};
  const userId = (username: string) => t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const grantOf = (user: { id: string }) => t.db.selectFrom('role_grants').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    const root = await rootUnit(t.db);
    ids.root = root;
    ids.communeAdmin = await userId('matrix.unitadmin.commune');
    ids.provinceAdmin = await userId('matrix.unitadmin.province');
    ids.sys = await userId('matrix.sys');
    ids.approverBeside = await buildUser(t.db, { username: 'esc.approver.beside', grants: [{ unitId: units.commune.id, role: 'approver' }] });
    ids.approverAbove = await buildUser(t.db, { username: 'esc.approver.above', grants: [{ unitId: units.province.id, role: 'approver' }] });
    ids.editorBeside = await buildUser(t.db, { username: 'esc.editor.beside', grants: [{ unitId: units.commune.id, role: 'editor' }] });
    ids.viewer = await buildUser(t.db, { username: 'esc.viewer', grants: [{ unitId: units.commune.id, role: 'viewer' }] });
    ids.disabledApprover = await buildUser(t.db, { username: 'esc.approver.disabled', grants: [{ unitId: units.commune.id, role: 'approver' }], disabled: true });
    // An administrator who also holds the approver's rights on the commune: may make approvers there, and nowhere else.
    await buildUser(t.db, { username: 'esc.admin.approver', grants: [{ unitId: units.commune.id, role: 'unit_admin' }, { unitId: units.commune.id, role: 'approver' }] });
    for (const u of ['matrix.unitadmin.commune', 'matrix.unitadmin.province', 'matrix.sys', 'esc.admin.approver']) cookies[u] = await t.login(u);
  });

  const communeAdmin = () => cookies['matrix.unitadmin.commune']!;
  const grant = (user: string, unit: () => { id: string }, role: Role) => async () => ({ method: 'POST' as const, url: `/api/users/${ids[user]!.id}/grants`, body: { unitId: unit().id, role } });
  const create = (role: Role, unit: () => { id: string }) => async () => ({ method: 'POST' as const, url: '/api/users', body: { username: `esc.new.${next()}`, displayName: 'Tài khoản phụ', unitId: unit().id, role, password: 'Second-self-2026!' } });
  const ATTEMPTS: Attempt[] = [
    { label: 'a unit admin grants itself approver (petitioners\' identities) on its unit', by: communeAdmin, request: grant('communeAdmin', () => units.commune, 'approver'), status: 403 },
    { label: 'a unit admin grants itself a role it already holds the rights of', by: communeAdmin, request: grant('communeAdmin', () => units.commune, 'viewer'), status: 403 },
    { label: 'a unit admin grants itself unit admin above its unit', by: communeAdmin, request: grant('communeAdmin', () => units.province, 'unit_admin'), status: 403 },
    { label: 'a system admin grants itself a role', by: () => cookies['matrix.sys']!, request: grant('sys', () => units.province, 'viewer'), status: 403 },
    { label: 'a unit admin grants approver to an account of its unit', by: communeAdmin, request: grant('viewer', () => units.commune, 'approver'), status: 403 },
    { label: 'a unit admin grants editor to an account of its unit', by: communeAdmin, request: grant('viewer', () => units.commune, 'editor'), status: 403 },
    { label: 'a province unit admin grants approver inside its province', by: () => cookies['matrix.unitadmin.province']!, request: grant('viewer', () => units.commune, 'approver'), status: 403 },
    { label: 'an admin holding approver on the commune grants approver on the province', by: () => cookies['esc.admin.approver']!, request: grant('viewer', () => units.province, 'approver'), status: 403 },
    { label: 'a unit admin creates a second account with approver', by: communeAdmin, request: create('approver', () => units.commune), status: 403 },
    { label: 'a unit admin creates a second account with editor', by: communeAdmin, request: create('editor', () => units.commune), status: 403 },
    { label: 'a unit admin creates a system admin', by: communeAdmin, request: create('system_admin', () => ids.root!), status: 403 },
    { label: 'a unit admin resets the password of an approver beside it', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.approverBeside!.id}/reset-password` }), status: 403 },
    { label: 'a unit admin resets the password of an editor beside it', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.editorBeside!.id}/reset-password` }), status: 403 },
    { label: 'a unit admin resets the password of an approver above it', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.approverAbove!.id}/reset-password` }), status: 404 },
    { label: 'a unit admin resets its own password without the current one', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.communeAdmin!.id}/reset-password` }), status: 403 },
    { label: 'a unit admin re-enables a disabled approver', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.disabledApprover!.id}/enable` }), status: 403 },
    { label: 'a unit admin disables an approver beside it', by: communeAdmin, request: async () => ({ method: 'POST', url: `/api/users/${ids.approverBeside!.id}/disable` }), status: 403 },
    { label: 'a unit admin edits an approver beside it', by: communeAdmin, request: async () => ({ method: 'PATCH', url: `/api/users/${ids.approverBeside!.id}`, body: { email: 'taken.over@example.org', version: 1 } }), status: 403 },
    { label: 'a unit admin revokes the approver role it could not grant', by: communeAdmin, request: async () => ({ method: 'DELETE', url: `/api/users/${ids.approverBeside!.id}/grants/${(await grantOf(ids.approverBeside!)).id}` }), status: 403 },
  ];

  /** Everything an escalation could change: grants, accounts (password, state, contact), sessions, the audit trail. */
  const snapshot = async () => ({
    grants: await t.db.selectFrom('role_grants').select(['id', 'user_id', 'unit_id', 'role']).orderBy('id').execute(),
    users: await t.db.selectFrom('users').select(['id', 'password_hash', 'disabled_at', 'email', 'must_change_password', 'version']).orderBy('id').execute(),
    audit: await auditCount(),
  });

  it.each(ATTEMPTS.map((a) => [a.label, a] as const))('refuses: %s', async (_label, attempt) => {
    const req = await attempt.request();
    const before = await snapshot();
    const res = await t.call(req.method, req.url, { cookie: attempt.by(), body: req.body });
    expect(res.statusCode, res.body).toBe(attempt.status);
    expect(await snapshot()).toEqual(before);
  });

  it('lets an administrator grant what it holds: unit admin to an account of its unit, approver where it is approver too', async () => {
    const asUnitAdmin = await t.call('POST', `/api/users/${ids.viewer!.id}/grants`, { cookie: communeAdmin(), body: { unitId: units.commune.id, role: 'unit_admin' } });
    expect(asUnitAdmin.statusCode).toBe(201);
    const asApprover = await t.call('POST', `/api/users/${ids.viewer!.id}/grants`, { cookie: cookies['esc.admin.approver']!, body: { unitId: units.commune.id, role: 'approver' } });
    expect(asApprover.statusCode).toBe(201);
    const reset = await t.call('POST', `/api/users/${ids.approverBeside!.id}/reset-password`, { cookie: cookies['esc.admin.approver']! });
    expect(reset.statusCode).toBe(200);
  });
});
