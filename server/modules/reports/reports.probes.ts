/** Access-matrix probe of GET /api/reports (reports.routes.ts). */
import type { Probe } from '../../test/access-probes.js';
import { buildEntry } from '../entries/entries.factories.js';

export const reportProbes: Record<string, Probe> = {
  'GET /api/reports': {
    // The answer names the unit and its children (an organization named with the marker), so a leak would show.
    request: async (c, loc) => {
      await c.orgAt(loc);
      await buildEntry(c.t.db, { unitId: c.units[loc].id, status: 'registered', year: 2026, title: `Mô hình ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/reports?unitId=${c.units[loc].id}&period=year&year=2026` };
    },
  },
};
