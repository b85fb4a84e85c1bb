/**
 * Access-matrix probes of the situation-reports routes: one per route. A location's data is an ad
 * hoc report of its unit (a draft for the writes, so that an allowed write succeeds).
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildSituationReport } from './situation-reports.factories.js';

const reportAt = (c: ProbeContext, loc: Location, status: 'draft' | 'submitted' = 'submitted') =>
  buildSituationReport(c.t.db, { unitId: c.units[loc].id, status, items: [{ topic: 'land', mood: 'concerned', proposals: `Đề nghị ${c.marker(loc)}` }], summary: `Dư luận ${c.marker(loc)} ${c.next()}` });

const item = { topic: 'prices', groups: ['workers'], mood: 'stable', summary: 'Giá cả ổn định', sources: 'Tổ dân vận' };

export const situationReportProbes: Record<string, Probe> = {
  'GET /api/situation/topics': { self: true, request: async () => ({ method: 'GET', url: '/api/situation/topics' }) },
  'GET /api/situation/groups': { self: true, request: async () => ({ method: 'GET', url: '/api/situation/groups' }) },
  'GET /api/situation-reports': {
    list: true,
    request: async (c, loc) => {
      await reportAt(c, loc);
      return { method: 'GET', url: `/api/situation-reports?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/situation-reports/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/situation-reports/${(await reportAt(c, loc)).id}` }) },
  'POST /api/situation-reports': {
    request: async (c, loc) => ({ method: 'POST', url: '/api/situation-reports', body: { unitId: c.units[loc].id, reportedOn: '2026-05-20', items: [item] } }),
  },
  'PATCH /api/situation-reports/:id': {
    request: async (c, loc) => {
      const r = await reportAt(c, loc, 'draft');
      return { method: 'PATCH', url: `/api/situation-reports/${r.id}`, body: { overallMood: 'concerned', version: r.version } };
    },
  },
  'POST /api/situation-reports/:id/submit': {
    request: async (c, loc) => {
      const r = await reportAt(c, loc, 'draft');
      return { method: 'POST', url: `/api/situation-reports/${r.id}/submit`, body: { version: r.version } };
    },
  },
  'GET /api/situation/summary': {
    request: async (c, loc) => {
      await reportAt(c, loc);
      return { method: 'GET', url: `/api/situation/summary?unitId=${c.units[loc].id}&year=2026&quarter=2` };
    },
  },
  'GET /api/situation/summary/document': {
    request: async (c, loc) => {
      await reportAt(c, loc);
      return { method: 'GET', url: `/api/situation/summary/document?unitId=${c.units[loc].id}&year=2026&quarter=2` };
    },
  },
};
