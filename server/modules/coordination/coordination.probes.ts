/**
 * Access-matrix probes of the forces and coordination program routes: one per route. A program is
 * read as its document is (docs/leadership-loop.md §4): a commune's reader reads its province's
 * program, so the reads say `readsAbove`. Forces are system-wide data.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildProgram } from './coordination.factories.js';

const programAt = (c: ProbeContext, loc: Location) => buildProgram(c.t.db, { unitId: c.units[loc].id, title: `Chương trình phối hợp ${c.marker(loc)} ${c.next()}` });

const forceCode = (c: ProbeContext) => `f_${c.next()}`.slice(0, 40);

export const coordinationProbes: Record<string, Probe> = {
  'GET /api/forces': { self: true, request: async () => ({ method: 'GET', url: '/api/forces' }) },
  'POST /api/forces': {
    self: true,
    request: async (c) => ({ method: 'POST', url: '/api/forces', body: { code: forceCode(c), names: { vi: 'Dân quân tự vệ', en: 'Militia and self-defence force' } } }),
  },
  'PATCH /api/forces/:code': {
    self: true,
    request: async (c) => {
      const code = forceCode(c);
      await c.t.db.insertInto('forces').values({ code, names: JSON.stringify({ vi: 'Dân quân tự vệ' }) }).execute();
      return { method: 'PATCH', url: `/api/forces/${code}`, body: { sortOrder: 50 } };
    },
  },
  'GET /api/coordination-programs': {
    list: true,
    readsAbove: true,
    request: async (c, loc) => {
      await programAt(c, loc);
      return { method: 'GET', url: `/api/coordination-programs?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'POST /api/coordination-programs': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/coordination-programs',
      body: {
        partyUnitId: c.units[loc].id,
        forceCode: 'border_guard',
        forceBody: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
        periodFrom: '2023-01-01',
        periodTo: '2027-12-31',
        document: { symbol: 'CTrPH/BDV', title: `Chương trình phối hợp ${c.marker(loc)} ${c.next()}` },
      },
    }),
  },
  'GET /api/coordination-programs/:id': { readsAbove: true, request: async (c, loc) => ({ method: 'GET', url: `/api/coordination-programs/${(await programAt(c, loc)).id}` }) },
  'PATCH /api/coordination-programs/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/coordination-programs/${(await programAt(c, loc)).id}`, body: { forceBody: `Bộ Tư lệnh Vùng Cảnh sát biển ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/coordination-programs/:id/years': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/coordination-programs/${(await programAt(c, loc)).id}/years`, body: { year: 2026 } }),
  },
};
