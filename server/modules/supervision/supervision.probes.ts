/**
 * Access-matrix probes of the supervision routes: one per route. A location's data is a board of
 * the location's unit whose member carries the marker, and a supervision with one recommendation
 * whose subject carries it.
 */
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildActivity, buildBoard, buildSupervisionProgram, firstMemberOf } from './supervision.factories.js';

let years = 0;
const nextYear = () => 2000 + (years++ % 100);
const unitOf = (c: ProbeContext, loc: Location) => c.units[loc].id;
const activityAt = (c: ProbeContext, loc: Location) => buildActivity(c.t.db, { unitId: unitOf(c, loc), subject: `Giám sát ${c.marker(loc)} ${c.next()}` });

export const supervisionProbes: Record<string, Probe> = {
  'GET /api/supervision/boards': {
    list: true,
    request: async (c, loc) => {
      await buildBoard(c.t.db, { unitId: unitOf(c, loc), memberName: `Thành viên ${c.marker(loc)} ${c.next()}` });
      return { method: 'GET', url: `/api/supervision/boards?unitId=${unitOf(c, loc)}` };
    },
  },
  'POST /api/supervision/boards': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/supervision/boards',
      body: {
        unitId: unitOf(c, loc),
        kind: 'investment_supervision',
        projectName: `Nhà văn hóa ${c.marker(loc)}`,
        termFrom: '2026-01-01',
        members: [{ name: `Ông ${c.marker(loc)} ${c.next()}`, position: 'Trưởng ban', fromOn: '2026-01-01' }],
      },
    }),
  },
  'GET /api/supervision/programs': {
    list: true,
    request: async (c, loc) => ({ method: 'GET', url: `/api/supervision/programs?unitId=${unitOf(c, loc)}&year=2026` }),
  },
  'POST /api/supervision/programs': {
    // One program a year per unit: each call takes a fresh year so the allowed call is not ALREADY_EXISTS.
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/supervision/programs',
      body: { unitId: unitOf(c, loc), year: nextYear(), items: [{ subject: `Chuyên đề ${c.marker(loc)}`, form: 'thematic', leadOrganization: 'Ủy ban MTTQ' }] },
    }),
    acceptStatus: [409],
  },
  'GET /api/supervision/activities': {
    list: true,
    request: async (c, loc) => {
      await activityAt(c, loc);
      return { method: 'GET', url: `/api/supervision/activities?unitId=${unitOf(c, loc)}` };
    },
  },
  'POST /api/supervision/activities': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/supervision/activities',
      body: { unitId: unitOf(c, loc), kind: 'social_criticism', heldOn: '2026-04-02', subject: `Phản biện ${c.marker(loc)}`, findings: 'Góp ý dự thảo quy hoạch', recommendations: [] },
    }),
  },
  'GET /api/supervision/recommendations': {
    list: true,
    request: async (c, loc) => {
      await activityAt(c, loc);
      return { method: 'GET', url: `/api/supervision/recommendations?unitId=${unitOf(c, loc)}&limit=200` };
    },
  },
  'POST /api/supervision/recommendations/:id/answer': {
    request: async (c, loc) => ({
      method: 'POST',
      url: `/api/supervision/recommendations/${(await activityAt(c, loc)).recommendationId}/answer`,
      body: { answeredOn: '2026-04-20', answerKind: 'answered', answer: `Đã công khai ${c.marker(loc)}`, version: 1 },
    }),
  },
  'PATCH /api/supervision/boards/:id': {
    request: async (c, loc) => {
      const b = await buildBoard(c.t.db, { unitId: unitOf(c, loc), memberName: `Ông ${c.marker(loc)} ${c.next()}` });
      return { method: 'PATCH', url: `/api/supervision/boards/${b.id}`, body: { electedBy: `Hội nghị thôn ${c.marker(loc)}`, version: b.version } };
    },
  },
  'POST /api/supervision/boards/:id/members': {
    request: async (c, loc) => {
      const b = await buildBoard(c.t.db, { unitId: unitOf(c, loc), memberName: `Ông ${c.marker(loc)} ${c.next()}` });
      return { method: 'POST', url: `/api/supervision/boards/${b.id}/members`, body: { name: `Bà ${c.marker(loc)} ${c.next()}`, position: 'Thành viên', fromOn: '2025-01-01', version: b.version } };
    },
  },
  'PATCH /api/supervision/board-members/:id': {
    request: async (c, loc) => {
      const b = await buildBoard(c.t.db, { unitId: unitOf(c, loc), memberName: `Ông ${c.marker(loc)} ${c.next()}` });
      const m = await firstMemberOf(c.t.db, b.id);
      return { method: 'PATCH', url: `/api/supervision/board-members/${m.id}`, body: { toOn: '2026-01-31', reason: 'Xin thôi', version: b.version } };
    },
  },
  'PATCH /api/supervision/programs/:id': {
    request: async (c, loc) => {
      const p = await buildSupervisionProgram(c.t.db, { unitId: unitOf(c, loc), year: nextYear() });
      return { method: 'PATCH', url: `/api/supervision/programs/${p.id}`, body: { items: [{ subject: `Chuyên đề ${c.marker(loc)}`, form: 'thematic' }], version: p.version } };
    },
  },
  'PATCH /api/supervision/activities/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/supervision/activities/${(await activityAt(c, loc)).id}`, body: { findings: `Kết quả ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/supervision/activities/:id/recommendations': {
    request: async (c, loc) => ({
      method: 'POST',
      url: `/api/supervision/activities/${(await activityAt(c, loc)).id}/recommendations`,
      body: { content: `Kiến nghị ${c.marker(loc)}`, addressee: 'Ủy ban nhân dân xã', sentOn: '2026-03-20', dueOn: '2026-04-20' },
    }),
  },
  'PATCH /api/supervision/recommendations/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/supervision/recommendations/${(await activityAt(c, loc)).recommendationId}`, body: { content: `Kiến nghị ${c.marker(loc)}`, version: 1 } }),
  },
  'GET /api/supervision/figures': {
    request: async (c, loc) => {
      await activityAt(c, loc);
      return { method: 'GET', url: `/api/supervision/figures?unitId=${unitOf(c, loc)}&year=2026` };
    },
  },
};
