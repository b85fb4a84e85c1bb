/**
 * Access-matrix probes of the working-sessions routes: one per route. A location's data is a
 * session its unit's delegation held with the unit itself (so reading through either side and
 * writing through the leading unit both land on the location).
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildWorkingSession } from './working-sessions.factories.js';

const sessionAt = (c: ProbeContext, loc: Location) =>
  buildWorkingSession(c.t.db, { leadingUnitId: c.units[loc].id, content: `Làm việc ${c.marker(loc)} ${c.next()}` });

const members = [{ name: 'Đồng chí Trần Thị Lan', position: 'Trưởng Ban Dân vận', isHead: true }];

export const workingSessionProbes: Record<string, Probe> = {
  'GET /api/working-sessions': {
    list: true,
    request: async (c, loc) => {
      await sessionAt(c, loc);
      return { method: 'GET', url: `/api/working-sessions?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/working-sessions/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/working-sessions/${(await sessionAt(c, loc)).id}` }) },
  'POST /api/working-sessions': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/working-sessions',
      body: { unitId: c.units[loc].id, leadingUnitId: c.units[loc].id, heldOn: '2025-05-20', place: 'Hội trường', content: `Làm việc ${c.marker(loc)}`, members },
    }),
  },
  'PATCH /api/working-sessions/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/working-sessions/${(await sessionAt(c, loc)).id}`, body: { place: `Nhà văn hóa ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/working-sessions/:id/notice': {
    request: async (c, loc) => ({
      method: 'POST',
      url: `/api/working-sessions/${(await sessionAt(c, loc)).id}/notice`,
      body: {
        symbol: 'TB/BDV',
        issuedOn: '2025-05-22',
        title: `Thông báo kết luận ${c.marker(loc)}`,
        requests: [{ content: 'Kiện toàn tổ dân vận', expectedOutput: 'Báo cáo kết quả', ownerUnitId: c.units[loc].id, deadline: '2099-06-30' }],
      },
    }),
  },
  'GET /api/units/:id/working-sessions': {
    request: async (c, loc) => {
      await sessionAt(c, loc);
      return { method: 'GET', url: `/api/units/${c.units[loc].id}/working-sessions` };
    },
  },
};
