/**
 * Access-matrix probe of the work queue. Each call leaves, at the probed location, a registered
 * entry, a draft, an overdue petition, an overdue review task and an overdue commitment, all named
 * with the location's marker: the answer holds counts and the caller's own units only, so no
 * marker of a unit outside the caller's scope may appear in it.
 */
import { buildEntry } from '../entries/entries.factories.js';
import { buildPetition } from '../petitions/petitions.factories.js';
import { buildReview, buildTask } from '../reviews/reviews.factories.js';
import { buildRound } from '../reporting-rounds/reporting-rounds.factories.js';
import { buildPlan, buildTask as buildDocumentTask } from '../tasks/tasks.factories.js';
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';

/** A unit reviews a period once: each call a day of its own, in years no other probe uses. */
let day = 0;
const nextDay = () => new Date(Date.UTC(1950, 0, 1 + day++)).toISOString().slice(0, 10);

async function workAt(c: ProbeContext, loc: Location): Promise<void> {
  const unitId = c.units[loc].id;
  await buildEntry(c.t.db, { unitId, status: 'registered', title: `Chờ duyệt ${c.marker(loc)} ${c.next()}` });
  await buildEntry(c.t.db, { unitId, status: 'draft', title: `Bản nháp ${c.marker(loc)} ${c.next()}` });
  await buildPetition(c.t.db, { unitId, title: `Quá hạn ${c.marker(loc)}`, receivedOn: '2020-01-02', dueOn: '2020-01-16' });
  const d = nextDay();
  const review = await buildReview(c.t.db, { unitId, from: d, to: d, title: `Sơ kết ${c.marker(loc)} ${c.next()}` });
  await buildTask(c.t.db, { reviewId: review.id, ownerUnitId: unitId, content: `Nhiệm vụ ${c.marker(loc)}`, deadline: d });
  const unit = await c.t.db.selectFrom('units').select(['id', 'path']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const session = await c.t.db
    .insertInto('reception_sessions')
    .values({ kind: 'reception', unit_id: unit.id, unit_path: unit.path, held_on: d, title: `Tiếp dân ${c.marker(loc)} ${c.next()}`, presiding: 'Bí thư' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await c.t.db.insertInto('reception_commitments').values({ session_id: session.id, description: `Cam kết ${c.marker(loc)}`, owner: 'Trưởng thôn', deadline: d }).execute();
}

export const workQueueProbes: Record<string, Probe> = {
  'GET /api/work-queue': {
    // About the caller only: any signed-in reader gets 200, with nothing but its own work.
    list: true,
    request: async (c, loc) => {
      await workAt(c, loc);
      return { method: 'GET', url: '/api/work-queue' };
    },
  },
  'GET /api/leadership-digest': {
    // A unit's subtree: read by whoever reads the unit (an overdue task of the location is in it).
    request: async (c, loc) => {
      const unitId = c.units[loc].id;
      const plan = await buildPlan(c.t.db, { unitId, title: `Kế hoạch ${c.marker(loc)} ${c.next()}` });
      await buildDocumentTask(c.t.db, { planId: plan.id, ownerUnitId: unitId, content: `Nhiệm vụ ${c.marker(loc)}`, deadline: '2025-01-31' });
      return { method: 'GET', url: `/api/leadership-digest?unitId=${unitId}` };
    },
  },
  'GET /api/deadlines': {
    // A unit's subtree: read by whoever reads the unit (a task and a round of the location are in its range).
    request: async (c, loc) => {
      const unitId = c.units[loc].id;
      const plan = await buildPlan(c.t.db, { unitId, title: `Kế hoạch ${c.marker(loc)} ${c.next()}` });
      await buildDocumentTask(c.t.db, { planId: plan.id, ownerUnitId: unitId, content: `Nhiệm vụ ${c.marker(loc)}`, deadline: '2025-01-20' });
      await buildRound(c.t.db, { unitId, participantIds: [unitId], title: `Báo cáo ${c.marker(loc)} ${c.next()}`, periodFrom: '2024-10-01', periodTo: '2024-12-31', dueOn: '2025-01-25' });
      return { method: 'GET', url: `/api/deadlines?unitId=${unitId}&from=2025-01-01&to=2025-01-31` };
    },
  },
};
