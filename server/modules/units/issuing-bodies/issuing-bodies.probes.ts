/** Probes of the issuing-body routes for the access matrix (server/http/access-matrix.test.ts). */
import type { Probe } from '../../../test/access-probes.js';

export const issuingBodyProbes: Record<string, Probe> = {
  'GET /api/units/:id/issuing-bodies': { request: async (c, loc) => ({ method: 'GET', url: `/api/units/${c.units[loc].id}/issuing-bodies?date=2024-12-20` }) },
  'PUT /api/units/:id/issuing-bodies': {
    request: async (c, loc) => ({
      method: 'PUT',
      url: `/api/units/${c.units[loc].id}/issuing-bodies`,
      body: { items: [{ validFrom: '2025-03-01', validTo: null, superior: `TỈNH ỦY ${c.marker(loc)}`, name: 'BAN TUYÊN GIÁO VÀ DÂN VẬN', symbol: 'BTGDVTU', signerAuthority: '', signerPosition: 'TRƯỞNG BAN' }] },
    }),
  },
};
