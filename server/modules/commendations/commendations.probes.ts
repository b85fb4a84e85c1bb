/** Access-matrix probes of the commendations routes: one per route (the matrix fails on a route without one). */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildCommendation, buildConference } from './commendations.factories.js';

const commendationAt = (c: ProbeContext, loc: Location) => buildCommendation(c.t.db, { unitId: c.units[loc].id, reason: `Thành tích ${c.marker(loc)}` });

const decision = (c: ProbeContext, loc: Location) => ({ formCode: 'certificate_of_merit', decisionNumber: `${c.next()}/QĐ ${c.marker(loc)}`, decisionDate: '2025-12-20' });

export const commendationProbes: Record<string, Probe> = {
  'GET /api/commendation-forms': { self: true, request: async () => ({ method: 'GET', url: '/api/commendation-forms' }) },
  'POST /api/commendation-forms': {
    self: true,
    request: async (c) => ({ method: 'POST', url: '/api/commendation-forms', body: { code: `form_${c.next()}`.slice(0, 30), names: { vi: 'Kỷ niệm chương' } } }),
  },
  'GET /api/commendations': {
    list: true,
    request: async (c, loc) => {
      await commendationAt(c, loc);
      return { method: 'GET', url: `/api/commendations?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/commendations/export.xlsx': {
    list: true,
    request: async (c, loc) => {
      await commendationAt(c, loc);
      return { method: 'GET', url: `/api/commendations/export.xlsx?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/commendations/export.csv': {
    list: true,
    request: async (c, loc) => {
      await commendationAt(c, loc);
      return { method: 'GET', url: `/api/commendations/export.csv?unitId=${c.units[loc].id}` };
    },
  },
  'POST /api/commendations': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/commendations',
      body: { recipientKind: 'collective', unitId: c.units[loc].id, issuingUnitId: c.units[loc].id, ...decision(c, loc), reason: `Thành tích ${c.marker(loc)}` },
    }),
  },
  'POST /api/review-conferences/:id/commendations': {
    request: async (c, loc) => {
      const conference = await buildConference(c.t.db, { unitId: c.units[loc].id, title: `Hội nghị ${c.marker(loc)}` });
      return {
        method: 'POST',
        url: `/api/review-conferences/${conference.id}/commendations`,
        body: { ...decision(c, loc), collectives: [{ unitId: c.units[loc].id }], individuals: [{ name: `Nguyễn Văn ${c.marker(loc)}`, position: 'Trưởng thôn', unitId: c.units[loc].id }] },
      };
    },
  },
  'GET /api/commendations/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/commendations/${(await commendationAt(c, loc)).id}` }) },
  'PATCH /api/commendations/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/commendations/${(await commendationAt(c, loc)).id}`, body: { reason: `Lý do mới ${c.marker(loc)}`, version: 1 } }),
  },
};
