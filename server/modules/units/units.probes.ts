/** Probes of the units' history routes for the access matrix (server/http/access-matrix.test.ts). */
import type { Location, Probe } from '../../test/access-probes.js';
import { buildUnit } from '../../test/factories.js';
import { issuingBodyProbes } from './issuing-bodies/issuing-bodies.probes.js';

/** The official-looking codes the matrix gives its units (Tỉnh M01 › Xã M0001; Xã M0002 elsewhere). */
const REFS: Record<Location, string> = { commune: 'commune:M0001', province: 'province:M01', foreign: 'commune:M0002' };

export const unitHistoryProbes: Record<string, Probe> = {
  ...issuingBodyProbes,
  'GET /api/units/resolve': { request: async (_c, loc) => ({ method: 'GET', url: `/api/units/resolve?ref=${encodeURIComponent(REFS[loc])}` }) },
  'GET /api/units/successions': { self: true, list: true, request: async () => ({ method: 'GET', url: '/api/units/successions?basis=manual' }) },
  'PUT /api/units/:id/successors': {
    request: async (c, loc) => {
      // An organization of the location that ended on 1 January 2025, taken over by the location's unit.
      const gone = await buildUnit(c.t.db, { parentId: c.units[loc].id, kind: 'youth_union', name: `Chi đoàn ${c.marker(loc)} ${c.next()}`, validTo: '2025-01-01' });
      return { method: 'PUT', url: `/api/units/${gone.id}/successors`, body: { successors: [{ unitId: c.units[loc].id, kind: 'whole' }] } };
    },
  },
};
