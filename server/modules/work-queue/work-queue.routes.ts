/** GET /api/work-queue: the signed-in person's work queue ("Việc cần làm", docs/work-queue.md). */
import { Deadlines, DeadlinesQuery } from '../../../common/deadlines.js';
import { LeadershipDigest, LeadershipDigestQuery, WorkQueue } from '../../../common/work-queue.js';
import { listDeadlines } from './deadlines.service.js';
import { leadershipDigestFor } from './leadership-digest.service.js';
import { actorOf, type App } from '../../http/context.js';
import { presentWorkQueue } from './work-queue.presenter.js';
import { getWorkQueue } from './work-queue.service.js';

export async function workQueueRoutes(app: App): Promise<void> {
  app.get(
    '/api/work-queue',
    {
      // Everyone who reads may ask; the answer holds only what the caller's own grants give work on (a viewer's is empty).
      config: { permission: 'units.read' },
      schema: {
        tags: ['work-queue'],
        summary: "The caller's work queue: entries awaiting the caller's approval, the caller's returned entries and drafts, and per unit the caller works for its petitions, review tasks and commitments due soon or overdue — each a count of the list it opens",
        response: { 200: WorkQueue },
      },
    },
    async (request) => presentWorkQueue(await getWorkQueue(app.ctx, actorOf(request))),
  );

  app.get(
    '/api/leadership-digest',
    {
      config: { permission: 'units.read' },
      schema: {
        tags: ['work-queue'],
        summary:
          "The leadership loop's daily digest: per unit, its document tasks due within a week and overdue, the overdue ones below it, its reports due and the reports missing in the rounds it opened — today's computed, an earlier day's as the daily job stored it",
        querystring: LeadershipDigestQuery,
        response: { 200: LeadershipDigest },
      },
    },
    async (request) => leadershipDigestFor(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/deadlines',
    {
      config: { permission: 'units.read' },
      schema: {
        tags: ['work-queue'],
        summary:
          "The calendar of deadlines: a unit's subtree's leaf tasks, working-session requests, reports due in rounds and the due days of the rounds it opened, from one day to another (at most 100 days), each with its state today, and each day's totals by state",
        querystring: DeadlinesQuery,
        response: { 200: Deadlines },
      },
    },
    async (request) => listDeadlines(app.ctx, actorOf(request), request.query),
  );
}
