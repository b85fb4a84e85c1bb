import { z } from 'zod';
import { renderPartyDocx } from '../../documents/party-docx.js';
import { actorOf, type App } from '../../http/context.js';
import { Id } from '../../../common/units.js';
import { presentEvent, presentReview, presentReviewDetail, presentTask, presentTaskWithReview } from './reviews.presenter.js';
import {
  CreateEventBody,
  CreateReviewBody,
  CreateTaskBody,
  RefreshReviewBody,
  Review,
  ReviewDetail,
  ReviewEvent,
  ReviewIdParams,
  ReviewListQuery,
  ReviewPage,
  ReviewTask,
  ReviewTaskPage,
  TaskActionBody,
  TaskListQuery,
  TaskVersionQuery,
  UpdateReviewBody,
  UpdateTaskBody,
} from './reviews.schema.js';
import * as reviews from './reviews.service.js';
import { CreateDocumentReviewBody, PutCommendedUnitsBody } from './document-reviews.schema.js';
import { createDocumentReview } from './document-reviews.service.js';

const tags = ['reviews'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const IdParams = z.object({ id: Id });

export async function reviewRoutes(app: App): Promise<void> {
  const detail = async (request: Parameters<typeof actorOf>[0], id: string) => presentReviewDetail(await reviews.getReviewDetail(app.ctx, actorOf(request), id));

  app.get(
    '/api/reviews',
    { config: { permission: 'units.read' }, schema: { tags, summary: "Periodic reviews of units in the caller's scope, latest period first", querystring: ReviewListQuery, response: { 200: ReviewPage } } },
    async (request) => {
      const page = await reviews.listReviews(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentReview), total: page.total };
    },
  );

  app.post(
    '/api/reviews',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Create the review of a unit for a period, its results filled from the report engine', body: CreateReviewBody, response: { 201: ReviewDetail } },
    },
    async (request, reply) => {
      const review = await reviews.createReview(app.ctx, actorOf(request), request.body);
      return reply.code(201).send(await detail(request, review.id));
    },
  );

  app.post(
    '/api/document-reviews',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: "Create a unit's review (sơ kết / tổng kết) of carrying out a policy document over a period, its figures filled from the document's roll-up",
        body: CreateDocumentReviewBody,
        response: { 201: ReviewDetail },
      },
    },
    async (request, reply) => {
      const review = await createDocumentReview(app.ctx, actorOf(request), request.body);
      return reply.code(201).send(await detail(request, review.id));
    },
  );

  app.put(
    '/api/reviews/:id/commended-units',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Replace the commended units of a draft document review', params: ReviewIdParams, body: PutCommendedUnitsBody, response: { 200: ReviewDetail } },
    },
    async (request) => {
      await reviews.setCommendedUnits(app.ctx, actorOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/api/reviews/:id',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'A review with its figures snapshot, key tasks, events and the anniversaries of its period', params: ReviewIdParams, response: { 200: ReviewDetail } },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/api/reviews/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Change the title, narrative, shortcomings or status of a review', params: ReviewIdParams, body: UpdateReviewBody, response: { 200: Review } } },
    async (request) => presentReview(await reviews.updateReview(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/reviews/:id/refresh',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: "Fill a draft review's results again from today's data", params: ReviewIdParams, body: RefreshReviewBody, response: { 200: ReviewDetail } },
    },
    async (request) => {
      await reviews.refreshReview(app.ctx, actorOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/api/reviews/:id/document',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The review as a Party document (DOCX, Guidance 36-HD/VPTW)', params: ReviewIdParams } },
    async (request, reply) => {
      const buffer = await renderPartyDocx(await reviews.reviewDocumentOf(app.ctx, actorOf(request), request.params.id));
      return reply.type(DOCX).header('content-disposition', `attachment; filename="bao-cao-so-ket-tong-ket-${request.params.id}.docx"`).send(buffer);
    },
  );

  app.post(
    '/api/reviews/:id/tasks',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Add a key task for the next period to a draft review', params: ReviewIdParams, body: CreateTaskBody, response: { 201: ReviewTask } } },
    async (request, reply) => reply.code(201).send(presentTask(await reviews.createTask(app.ctx, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/api/review-tasks',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "Key tasks of the reviews in the caller's scope, nearest deadline first (overdue=true: open and past the deadline)", querystring: TaskListQuery, response: { 200: ReviewTaskPage } },
    },
    async (request) => {
      const page = await reviews.listTasks(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentTaskWithReview), total: page.total };
    },
  );

  app.patch(
    '/api/review-tasks/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Change a key task of a draft review', params: IdParams, body: UpdateTaskBody, response: { 200: ReviewTask } } },
    async (request) => presentTask(await reviews.updateTask(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/review-tasks/:id/done',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Mark a key task done (who and when are recorded)', params: IdParams, body: TaskActionBody, response: { 200: ReviewTask } } },
    async (request) => presentTask(await reviews.setTaskStatus(app.ctx, actorOf(request), request.params.id, 'done', request.body)),
  );

  app.post(
    '/api/review-tasks/:id/reopen',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Open a done key task again', params: IdParams, body: TaskActionBody, response: { 200: ReviewTask } } },
    async (request) => presentTask(await reviews.setTaskStatus(app.ctx, actorOf(request), request.params.id, 'open', request.body)),
  );

  app.delete(
    '/api/review-tasks/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove a key task from a draft review', params: IdParams, querystring: TaskVersionQuery } },
    async (request, reply) => {
      await reviews.deleteTask(app.ctx, actorOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/reviews/:id/events',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record an event of the reviewed period', params: ReviewIdParams, body: CreateEventBody, response: { 201: ReviewEvent } } },
    async (request, reply) => reply.code(201).send(presentEvent(await reviews.createEvent(app.ctx, actorOf(request), request.params.id, request.body))),
  );

  app.delete(
    '/api/review-events/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove an event from a draft review', params: IdParams } },
    async (request, reply) => {
      await reviews.deleteEvent(app.ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
