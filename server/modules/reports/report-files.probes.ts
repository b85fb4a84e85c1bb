/** Access-matrix probe of GET /api/reports/file (reports-files.routes.ts). */
import type { Probe } from '../../test/access-probes.js';
import { buildEntry } from '../entries/entries.factories.js';

export const reportFileProbes: Record<string, Probe> = {
  'GET /api/reports/file': {
    // CSV, so the answer carries the unit names the matrix looks for (an XLSX or DOCX is zipped).
    request: async (c, loc) => {
      await buildEntry(c.t.db, { unitId: c.units[loc].id, status: 'registered', year: 2026, title: `Mô hình ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/reports/file?unitId=${c.units[loc].id}&period=year&year=2026&format=csv` };
    },
  },
};
