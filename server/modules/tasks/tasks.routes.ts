import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { TASK_LIMITS, TaskDocumentFiguresList, TaskDocumentFiguresQuery } from '../../../common/tasks.js';
import { Id } from '../../../common/units.js';
import { actorOf, type App } from '../../http/context.js';
import { sendStoredFile } from '../../http/stored-file.js';
import { readUpload } from '../policy-documents/policy-documents.routes.js';
import * as plans from './plans.service.js';
import { getRollup } from './rollup.service.js';
import { getTaskDocumentFigures } from './task-figures.service.js';
import * as lifecycle from './task-lifecycle.service.js';
import * as reports from './task-reports.service.js';
import { splitTask } from './task-split.service.js';
import { presentEvidence, presentPlan, presentPlanDetail, presentReport, presentRollup, presentTask, presentTaskDetail } from './tasks.presenter.js';
import {
  CreateImplementationPlanBody,
  CreateProgressReportBody,
  CreateTasksBody,
  CreateTasksResult,
  DeleteTaskQuery,
  ImplementationPlan,
  ImplementationPlanDetail,
  ImplementationPlanList,
  MarkTaskDoneBody,
  ReopenTaskBody,
  Rollup,
  RollupQuery,
  SplitTaskBody,
  TaskDetail,
  TaskEvidence,
  TaskIdParams,
  TaskListQuery,
  TaskPage,
  TaskProgressReport,
  UpdateTaskBody,
} from './tasks.schema.js';
import * as tasks from './tasks.service.js';

const tags = ['tasks'];
const IdParams = z.object({ id: Id });

export async function taskRoutes(app: App): Promise<void> {
  // Multipart bodies are taken by this plugin's upload route only (the plugin is encapsulated).
  await app.register(fastifyMultipart, { limits: { fileSize: TASK_LIMITS.evidenceBytes, files: 1, fields: 5 } });

  const detail = async (actor: ReturnType<typeof actorOf>, id: string) => presentTaskDetail(await tasks.getTaskDetail(app.ctx, actor, id));

  app.get(
    '/api/policy-documents/:id/plans',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The implementation plans of a document, on units the caller reads', params: IdParams, response: { 200: ImplementationPlanList } } },
    async (request) => ({ items: (await plans.listPlans(app.ctx, actorOf(request), request.params.id)).map(presentPlan) }),
  );

  app.post(
    '/api/policy-documents/:id/plans',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: "A unit's plan for an issued document it reads (one per document and unit)", params: IdParams, body: CreateImplementationPlanBody, response: { 201: ImplementationPlan } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await plans.createPlan(app.ctx, actor, request.params.id, request.body);
      return reply.code(201).send(presentPlan((await plans.getReadablePlan(app.ctx, actor, id))!));
    },
  );

  app.get(
    '/api/implementation-plans/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A plan with its root tasks and its leaf figures', params: IdParams, response: { 200: ImplementationPlanDetail } } },
    async (request) => presentPlanDetail(await plans.getPlanDetail(app.ctx, actorOf(request), request.params.id)),
  );

  app.post(
    '/api/implementation-plans/:id/tasks',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Give a task to units of the plan (one root task per owner, all or nothing)', params: IdParams, body: CreateTasksBody, response: { 201: CreateTasksResult } },
    },
    async (request, reply) => {
      const ids = await tasks.createTasks(app.ctx, actorOf(request), request.params.id, request.body);
      // A cascade to every commune answers with its first page; the list route reads the rest.
      const rows = await tasks.findCreatedTasks(app.ctx, ids.slice(0, TASK_LIMITS.planTasksPage));
      return reply.code(201).send({ items: rows.map(presentTask), total: ids.length });
    },
  );

  app.get(
    '/api/tasks',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Tasks owned or given in the units the caller reads, soonest deadline first', querystring: TaskListQuery, response: { 200: TaskPage } } },
    async (request) => {
      const page = await tasks.listTasks(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentTask), total: page.total };
    },
  );

  app.get(
    '/api/tasks/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A task with its ancestors, children, progress reports and what the caller may do', params: TaskIdParams, response: { 200: TaskDetail } } },
    async (request) => detail(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a task (with the version it was read at)', params: TaskIdParams, body: UpdateTaskBody, response: { 200: TaskDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await tasks.updateTask(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/tasks/:id/split',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Give a task on to units below its owner (the whole list of children)', params: TaskIdParams, body: SplitTaskBody, response: { 200: TaskDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await splitTask(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/tasks/:id/reports',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Add a progress report to a task (append-only)', params: TaskIdParams, body: CreateProgressReportBody, response: { 201: TaskProgressReport } },
    },
    async (request, reply) => {
      const id = await reports.addReport(app.ctx, actorOf(request), request.params.id, request.body);
      return reply.code(201).send(presentReport({ ...(await reports.getReport(app.ctx, id)), evidence: [] }));
    },
  );

  app.post(
    '/api/task-reports/:id/evidence',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Attach evidence to a progress report (PDF, Word .docx, JPEG or PNG; multipart field "file")', params: IdParams, consumes: ['multipart/form-data'], response: { 201: TaskEvidence } },
    },
    async (request, reply) => reply.code(201).send(presentEvidence(await reports.addEvidence(app.ctx, actorOf(request), request.params.id, () => readUpload(request)))),
  );

  app.get(
    '/api/task-evidence/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of an evidence file of a progress report', params: IdParams } },
    async (request, reply) => {
      return sendStoredFile(reply, await reports.getEvidenceFile(app.ctx, actorOf(request), request.params.id));
    },
  );

  app.delete(
    '/api/task-evidence/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Remove an evidence file (kept, no longer listed or served)', params: IdParams } },
    async (request, reply) => {
      await reports.hideEvidence(app.ctx, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/tasks/:id/done',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Mark a task done (a container once its children are done)', params: TaskIdParams, body: MarkTaskDoneBody, response: { 200: TaskDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await lifecycle.markDone(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/tasks/:id/reopen',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Reopen a done task, with the reason', params: TaskIdParams, body: ReopenTaskBody, response: { 200: TaskDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await lifecycle.reopen(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.delete(
    '/api/tasks/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Delete a task given by mistake (one without progress reports or children)', params: TaskIdParams, querystring: DeleteTaskQuery } },
    async (request, reply) => {
      await lifecycle.deleteTask(app.ctx, actorOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/policy-documents/:id/rollup',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "A document's leaf figures under a unit, by child unit of today's tree", params: IdParams, querystring: RollupQuery, response: { 200: Rollup } },
    },
    async (request) => presentRollup(await getRollup(app.ctx, actorOf(request), request.params.id, request.query.unitId)),
  );

  app.get(
    '/api/task-figures/documents',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: "The documents implemented under a unit over a range, largest share of overdue leaf tasks first (the dashboard's card)",
        querystring: TaskDocumentFiguresQuery,
        response: { 200: TaskDocumentFiguresList },
      },
    },
    async (request) => getTaskDocumentFigures(app.ctx, actorOf(request), request.query),
  );

}
