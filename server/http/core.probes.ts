/** Probes of the foundation's routes (auth, users, units, audit) for the access matrix. */
import type { Probe } from '../test/access-probes.js';

export const coreProbes: Record<string, Probe> = {
  'GET /api/auth/me': { self: true, request: async () => ({ method: 'GET', url: '/api/auth/me' }) },
  'PUT /api/auth/me/locale': { self: true, request: async () => ({ method: 'PUT', url: '/api/auth/me/locale', body: { locale: 'vi' } }) },
  'POST /api/auth/me/password': { self: true, request: async () => ({ method: 'POST', url: '/api/auth/me/password', body: { currentPassword: 'wrong-on-purpose', newPassword: 'Whatever-long-9' } }) },
  'POST /api/auth/logout': { self: true, request: async () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/audit': { list: true, request: async (c, loc) => ({ method: 'GET', url: `/api/audit?unitId=${c.units[loc].id}&limit=200` }) },
  'GET /api/users': { list: true, request: async (c, loc) => ({ method: 'GET', url: `/api/users?unitId=${c.units[loc].id}&limit=200` }) },
  'POST /api/users': { request: async (c, loc) => ({ method: 'POST', url: '/api/users', body: { username: `new.${c.next()}`, displayName: 'Người mới', unitId: c.units[loc].id, role: 'viewer' } }) },
  'GET /api/users/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/users/${(await c.targetUser(loc)).id}` }) },
  'PATCH /api/users/:id': { request: async (c, loc) => ({ method: 'PATCH', url: `/api/users/${(await c.targetUser(loc)).id}`, body: { displayName: 'Đổi tên', version: 1 } }) },
  'POST /api/users/:id/disable': { request: async (c, loc) => ({ method: 'POST', url: `/api/users/${(await c.targetUser(loc)).id}/disable` }) },
  'POST /api/users/:id/enable': {
    request: async (c, loc) => {
      const u = await c.targetUser(loc);
      await c.t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', u.id).execute();
      return { method: 'POST', url: `/api/users/${u.id}/enable` };
    },
  },
  'POST /api/users/:id/reset-password': { request: async (c, loc) => ({ method: 'POST', url: `/api/users/${(await c.targetUser(loc)).id}/reset-password` }) },
  // unit_admin: a role every holder of users.manage holds itself (an editor or approver is granted only by whoever holds their rights).
  'POST /api/users/:id/grants': { request: async (c, loc) => ({ method: 'POST', url: `/api/users/${(await c.targetUser(loc)).id}/grants`, body: { unitId: c.units[loc].id, role: 'unit_admin' } }) },
  'DELETE /api/users/:id/grants/:grantId': {
    request: async (c, loc) => {
      const u = await c.targetUser(loc);
      const extra = await c.t.db.insertInto('role_grants').values({ user_id: u.id, unit_id: c.units[loc].id, role: 'unit_admin' }).returning('id').executeTakeFirstOrThrow();
      return { method: 'DELETE', url: `/api/users/${u.id}/grants/${extra.id}` };
    },
  },
  'GET /api/units/roots': { list: true, request: async () => ({ method: 'GET', url: '/api/units/roots' }) },
  'GET /api/units/search': { list: true, request: async (c, loc) => ({ method: 'GET', url: `/api/units/search?q=${c.marker(loc).toLowerCase()}&limit=50` }) },
  'GET /api/units/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/units/${c.units[loc].id}` }) },
  'GET /api/units/:id/children': { request: async (c, loc) => ({ method: 'GET', url: `/api/units/${c.units[loc].id}/children?includeRetired=true` }) },
  'GET /api/units/:id/history': { request: async (c, loc) => ({ method: 'GET', url: `/api/units/${c.units[loc].id}/history` }) },
  'POST /api/units': { request: async (c, loc) => ({ method: 'POST', url: '/api/units', body: { parentId: c.units[loc].id, kind: 'womens_union', name: `Hội Phụ nữ ${c.next()}` } }) },
  'PATCH /api/units/:id': { request: async (c, loc) => ({ method: 'PATCH', url: `/api/units/${(await c.orgAt(loc)).id}`, body: { name: `Tên mới ${c.next()}`, version: 1 } }) },
  'POST /api/units/:id/retire': { request: async (c, loc) => ({ method: 'POST', url: `/api/units/${(await c.orgAt(loc)).id}/retire`, body: { validTo: '2026-01-01', version: 1 } }) },
  'GET /api/unit-kinds': { self: true, request: async () => ({ method: 'GET', url: '/api/unit-kinds' }) },
  'POST /api/unit-kinds': { self: true, request: async (c) => ({ method: 'POST', url: '/api/unit-kinds', body: { code: `kind_${c.next()}`.slice(0, 30), names: { vi: 'Tổ tự quản' } } }) },
};
