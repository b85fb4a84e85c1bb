/** Access-matrix probes of the reception session routes. */
import { todayInVietnam } from '../../../common/units.js';
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';

/** A session of the location's unit with one commitment, written straight to the database. */
async function sessionAt(c: ProbeContext, loc: Location) {
  const unit = await c.t.db.selectFrom('units').select(['id', 'path']).where('id', '=', c.units[loc].id).executeTakeFirstOrThrow();
  const s = await c.t.db
    .insertInto('reception_sessions')
    .values({ kind: 'dialogue', unit_id: unit.id, unit_path: unit.path, held_on: '2026-06-15', title: `Đối thoại ${c.marker(loc)} ${c.next()}`, presiding: 'Chủ tịch UBND' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const commitment = await c.t.db
    .insertInto('reception_commitments')
    .values({ session_id: s.id, description: 'Sửa đường ngõ 5', owner: 'Phó Chủ tịch', deadline: '2026-08-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: s.id, commitmentId: commitment.id };
}

export const receptionProbes: Record<string, Probe> = {
  'GET /api/reception-sessions': {
    list: true,
    request: async (c, loc) => {
      await sessionAt(c, loc);
      return { method: 'GET', url: `/api/reception-sessions?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'GET /api/reception-commitments': {
    list: true,
    request: async (c, loc) => {
      await sessionAt(c, loc);
      return { method: 'GET', url: `/api/reception-commitments?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'POST /api/reception-sessions': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/reception-sessions',
      body: {
        kind: 'reception',
        unitId: c.units[loc].id,
        heldOn: '2026-06-15',
        title: `Tiếp công dân ${c.marker(loc)} ${c.next()}`,
        presiding: 'Bí thư Đảng ủy',
        issues: [{ summary: 'Đường ngập khi mưa' }],
        // Due today: a new deadline is never in the past.
        commitments: [{ description: 'Khơi thông cống', owner: 'Trưởng thôn', deadline: todayInVietnam(), issueIndex: 0 }],
      },
    }),
  },
  'GET /api/reception-sessions/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/reception-sessions/${(await sessionAt(c, loc)).id}` }) },
  'POST /api/reception-sessions/:id/commitments/:commitmentId/done': {
    request: async (c, loc) => {
      const s = await sessionAt(c, loc);
      return { method: 'POST', url: `/api/reception-sessions/${s.id}/commitments/${s.commitmentId}/done`, body: { note: 'Đã làm xong' } };
    },
  },
  'PUT /api/reception-sessions/:id/dialogue': {
    request: async (c, loc) => ({ method: 'PUT', url: `/api/reception-sessions/${(await sessionAt(c, loc)).id}/dialogue`, body: { noticeOn: '2026-06-05', version: 1 } }),
  },
  'GET /api/dialogue/missing': { request: async (c, loc) => ({ method: 'GET', url: `/api/dialogue/missing?unitId=${c.units[loc].id}&year=2026` }) },
};
