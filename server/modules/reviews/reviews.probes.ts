/** Access-matrix probes of the periodic review routes: one per route (the matrix fails on a route without one). */
import { todayInVietnam } from '../../../common/units.js';
import type { Location, Probe, ProbeContext } from '../../test/access-probes.js';
import { buildPolicyDocument } from '../policy-documents/policy-documents.factories.js';
import { buildEvent, buildReview, buildTask } from './reviews.factories.js';

/** A unit reviews a period once: every probe call gets a period of its own (one day, a day later each time). */
let day = 0;
const nextDay = () => new Date(Date.UTC(2010, 0, 1 + day++)).toISOString().slice(0, 10);
const reviewAt = (c: ProbeContext, loc: Location) => {
  const d = nextDay();
  return buildReview(c.t.db, { unitId: c.units[loc].id, from: d, to: d, title: `Sơ kết ${c.marker(loc)} ${c.next()}` });
};
const taskAt = async (c: ProbeContext, loc: Location) => {
  const review = await reviewAt(c, loc);
  return buildTask(c.t.db, { reviewId: review.id, ownerUnitId: c.units[loc].id, content: `Nhiệm vụ ${c.marker(loc)}`, deadline: review.period_to });
};

/** A review of a day from today on (a day later each call), so a task may be due on it: a new deadline is never in the past. */
let ahead = 0;
const upcomingReviewAt = (c: ProbeContext, loc: Location) => {
  const d = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + ahead++ * 86_400_000).toISOString().slice(0, 10);
  return buildReview(c.t.db, { unitId: c.units[loc].id, from: d, to: d, title: `Sơ kết ${c.marker(loc)} ${c.next()}` });
};

/** An issued document of the location's unit (issued before every probe period). */
const documentAt = (c: ProbeContext, loc: Location) =>
  buildPolicyDocument(c.t.db, { unitId: c.units[loc].id, status: 'issued', issuedOn: '2009-01-01', title: `Nghị quyết ${c.marker(loc)} ${c.next()}` });

/** A document review of the location's unit: a review row pointing at a document of that unit. */
const documentReviewAt = async (c: ProbeContext, loc: Location) => {
  const review = await reviewAt(c, loc);
  const doc = await documentAt(c, loc);
  await c.t.db.updateTable('reviews').set({ policy_document_id: doc.id, kind: 'so_ket', ordinal_years: 1 }).where('id', '=', review.id).execute();
  return review;
};

export const reviewProbes: Record<string, Probe> = {
  'POST /api/document-reviews': {
    request: async (c, loc) => {
      const d = nextDay();
      return { method: 'POST', url: '/api/document-reviews', body: { unitId: c.units[loc].id, policyDocumentId: (await documentAt(c, loc)).id, kind: 'so_ket', from: d, to: d } };
    },
  },
  'PUT /api/reviews/:id/commended-units': {
    request: async (c, loc) => ({
      method: 'PUT',
      url: `/api/reviews/${(await documentReviewAt(c, loc)).id}/commended-units`,
      body: { items: [{ unitId: c.units[loc].id, form: `Bằng khen ${c.marker(loc)}` }], version: 1 },
    }),
  },
  'GET /api/reviews': {
    list: true,
    request: async (c, loc) => {
      await reviewAt(c, loc);
      return { method: 'GET', url: `/api/reviews?unitId=${c.units[loc].id}&limit=200` };
    },
  },
  'POST /api/reviews': {
    request: async (c, loc) => ({
      method: 'POST',
      url: '/api/reviews',
      body: { unitId: c.units[loc].id, period: 'custom', from: nextDay(), to: '2019-12-31', title: `Sơ kết ${c.marker(loc)} ${c.next()}` },
    }),
  },
  'GET /api/reviews/:id': { request: async (c, loc) => ({ method: 'GET', url: `/api/reviews/${(await reviewAt(c, loc)).id}` }) },
  'PATCH /api/reviews/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/reviews/${(await reviewAt(c, loc)).id}`, body: { shortcomings: `Hạn chế ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/reviews/:id/refresh': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/reviews/${(await reviewAt(c, loc)).id}/refresh`, body: { version: 1 } }),
  },
  'GET /api/reviews/:id/document': { request: async (c, loc) => ({ method: 'GET', url: `/api/reviews/${(await reviewAt(c, loc)).id}/document` }) },
  'POST /api/reviews/:id/tasks': {
    request: async (c, loc) => {
      const review = await upcomingReviewAt(c, loc);
      return { method: 'POST', url: `/api/reviews/${review.id}/tasks`, body: { content: `Nhân rộng mô hình ${c.marker(loc)}`, ownerUnitId: c.units[loc].id, deadline: review.period_to } };
    },
  },
  'GET /api/review-tasks': {
    list: true,
    request: async (c, loc) => {
      await taskAt(c, loc);
      return { method: 'GET', url: `/api/review-tasks?unitId=${c.units[loc].id}&limit=500` };
    },
  },
  'PATCH /api/review-tasks/:id': {
    request: async (c, loc) => ({ method: 'PATCH', url: `/api/review-tasks/${(await taskAt(c, loc)).id}`, body: { note: `Ghi chú ${c.marker(loc)}`, version: 1 } }),
  },
  'POST /api/review-tasks/:id/done': {
    request: async (c, loc) => ({ method: 'POST', url: `/api/review-tasks/${(await taskAt(c, loc)).id}/done`, body: { version: 1 } }),
  },
  'POST /api/review-tasks/:id/reopen': {
    request: async (c, loc) => {
      const task = await taskAt(c, loc);
      await c.t.db.updateTable('review_tasks').set({ status: 'done', done_at: new Date(), version: 2 }).where('id', '=', task.id).execute();
      return { method: 'POST', url: `/api/review-tasks/${task.id}/reopen`, body: { version: 2 } };
    },
  },
  'DELETE /api/review-tasks/:id': { request: async (c, loc) => ({ method: 'DELETE', url: `/api/review-tasks/${(await taskAt(c, loc)).id}?version=1` }) },
  'POST /api/reviews/:id/events': {
    request: async (c, loc) => {
      const review = await reviewAt(c, loc);
      return { method: 'POST', url: `/api/reviews/${review.id}/events`, body: { happenedOn: review.period_from, title: `Hội nghị chuyên đề ${c.marker(loc)}` } };
    },
  },
  'DELETE /api/review-events/:id': {
    request: async (c, loc) => {
      const review = await reviewAt(c, loc);
      return { method: 'DELETE', url: `/api/review-events/${(await buildEvent(c.t.db, { reviewId: review.id, happenedOn: review.period_from })).id}` };
    },
  },
};
