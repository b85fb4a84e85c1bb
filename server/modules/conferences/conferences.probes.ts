/** Access-matrix probes of the review conference routes: one per route (the matrix fails on a route without one). */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildConference } from '../commendations/commendations.factories.js';

const conferenceAt = (c: ProbeContext, loc: Location) => buildConference(c.t.db, { unitId: c.units[loc].id, title: `Hội nghị sơ kết ${c.marker(loc)} ${c.next()}` });

export const conferenceProbes: Record<string, Probe> = {
  'GET /api/review-conferences': {
    list: true,
    request: async (c, loc) => {
      await conferenceAt(c, loc);
      return { method: 'GET', url: `/api/review-conferences?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/review-conferences/export.xlsx': {
    list: true,
    request: async (c, loc) => {
      await conferenceAt(c, loc);
      return { method: 'GET', url: `/api/review-conferences/export.xlsx?unitId=${c.units[loc].id}` };
    },
  },
  'GET /api/review-conferences/export.csv': {
    list: true,
    request: async (c, loc) => {
      await conferenceAt(c, loc);
      return { method: 'GET', url: `/api/review-conferences/export.csv?unitId=${c.units[loc].id}` };
    },
  },
  'POST /api/review-conferences': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/review-conferences',
      body: { unitId: c.units[loc].id, title: `Hội nghị tổng kết ${c.marker(loc)} ${c.next()}`, heldOn: '2025-12-20', period: { periodKind: 'year', year: 2025 } },
    }),
  },
  'GET /api/review-conferences/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/review-conferences/${(await conferenceAt(c, loc)).id}` }) },
  'PATCH /api/review-conferences/:id': {
    request: async (c, loc) => ({
      method: 'PATCH',
      url: `/api/review-conferences/${(await conferenceAt(c, loc)).id}`,
      body: { notes: `Ghi chú ${c.marker(loc)}`, version: 1 },
    }),
  },
};
