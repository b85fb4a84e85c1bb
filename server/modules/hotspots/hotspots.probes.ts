/**
 * Access-matrix probes of the hotspots routes: one per route. A location's data is a case filed at
 * its unit; the acknowledgement and escalation probes file it at an organization under the unit,
 * since those act from the level above. Both routes declare units.read and let the service decide
 * (data.write or data.approve on the parent; a writer of the case for escalation), so a viewer or a
 * unit admin in scope is answered 403 by the service: `acceptStatus`.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildHotspot } from './hotspots.factories.js';

const caseAt = (c: ProbeContext, loc: Location) => buildHotspot(c.t.db, { unitId: c.units[loc].id, title: `Điểm nóng ${c.marker(loc)} ${c.next()}` });
const caseBelow = async (c: ProbeContext, loc: Location) => buildHotspot(c.t.db, { unitId: (await c.orgAt(loc)).id, title: `Vụ việc ${c.marker(loc)} ${c.next()}` });

export const hotspotProbes: Record<string, Probe> = {
  'GET /api/hotspot-kinds': { self: true, request: async () => ({ method: 'GET', url: '/api/hotspot-kinds' }) },
  'GET /api/hotspots': {
    list: true,
    request: async (c, loc) => {
      await caseAt(c, loc);
      return { method: 'GET', url: `/api/hotspots?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/hotspots/tree': {
    request: async (c, loc) => {
      await caseAt(c, loc);
      return { method: 'GET', url: `/api/hotspots/tree?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/hotspots/figures': {
    request: async (c, loc) => ({ method: 'GET', url: `/api/hotspots/figures?unitId=${c.units[loc].id}&from=2026-01-01&to=2026-12-31` }),
  },
  'GET /api/hotspots/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/hotspots/${(await caseAt(c, loc)).id}` }) },
  'POST /api/hotspots': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/hotspots',
      body: { unitId: c.units[loc].id, place: 'Thôn Đông', kind: 'gathering', title: `Tụ tập ${c.marker(loc)}`, summary: 'Khoảng 40 người tụ tập trước trụ sở', severity: 2, occurredAt: '2026-12-01T08:00:00+07:00' },
    }),
  },
  'PATCH /api/hotspots/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/hotspots/${(await caseAt(c, loc)).id}`, body: { place: `Thôn Tây ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/hotspots/:id/updates': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/hotspots/${(await caseAt(c, loc)).id}/updates`, body: { text: 'Đã đối thoại với các hộ dân', status: 'handling', version: 1 } }),
  },
  'POST /api/hotspots/:id/acknowledge': {
    acceptStatus: [403],
    request: async (c, loc) => ({ method: 'POST', url: `/api/hotspots/${(await caseBelow(c, loc)).id}/acknowledge`, body: { version: 1 } }),
  },
  'POST /api/hotspots/:id/escalate': {
    acceptStatus: [403],
    request: async (c, loc) => ({ method: 'POST', url: `/api/hotspots/${(await caseBelow(c, loc)).id}/escalate`, body: { unitId: c.units[loc].id, text: 'Báo cáo lên cấp trên', version: 1 } }),
  },
  'PUT /api/hotspots/:id/links': {
    request: async (c, loc) => ({ method: 'PUT', url: `/api/hotspots/${(await caseAt(c, loc)).id}/links`, body: { petitionIds: [], entryIds: [] } }),
  },
  'GET /api/units/:id/flash-report-rule': { request: async (c, loc) => ({ method: 'GET', url: `/api/units/${c.units[loc].id}/flash-report-rule` }) },
  'PUT /api/units/:id/flash-report-rule': { request: async (c, loc) => ({ method: 'PUT', url: `/api/units/${c.units[loc].id}/flash-report-rule`, body: { hours: 12 } }) },
};
