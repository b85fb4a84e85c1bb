import { actorOf, type App } from '../../http/context.js';
import { presentForce, presentProgram, presentProgramDetail, presentYearlyPlan } from './coordination.presenter.js';
import {
  CoordinationProgramDetail,
  CoordinationProgramIdParams,
  CoordinationProgramListQuery,
  CoordinationProgramPage,
  CoordinationYearlyPlan,
  CreateCoordinationProgramBody,
  CreateForceBody,
  CreateYearlyPlanBody,
  Force,
  ForceList,
  ForceParams,
  UpdateCoordinationProgramBody,
  UpdateForceBody,
} from './coordination.schema.js';
import * as programs from './coordination.service.js';
import * as forces from './forces.service.js';
import * as yearly from './yearly-plans.service.js';

const tags = ['coordination-programs'];

export async function coordinationRoutes(app: App): Promise<void> {
  app.get(
    '/api/forces',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The forces coordination programs are signed with (army, police, border guard, coast guard, …), in their display order', response: { 200: ForceList } } },
    async () => ({ items: (await forces.listForces(app.ctx)).map(presentForce) }),
  );

  app.post(
    '/api/forces',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Add a force', body: CreateForceBody, response: { 201: Force } } },
    async (request, reply) => reply.code(201).send(presentForce(await forces.createForce(app.ctx, actorOf(request), request.body))),
  );

  app.patch(
    '/api/forces/:code',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Change a force (names, order)', params: ForceParams, body: UpdateForceBody, response: { 200: Force } } },
    async (request) => presentForce(await forces.updateForce(app.ctx, actorOf(request), request.params.code, request.body)),
  );

  app.get(
    '/api/coordination-programs',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Coordination programs the caller reads (of units in, above or below its units), the latest period first', querystring: CoordinationProgramListQuery, response: { 200: CoordinationProgramPage } },
    },
    async (request) => {
      const page = await programs.listPrograms(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentProgram), total: page.total };
    },
  );

  app.post(
    '/api/coordination-programs',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Record a coordination program: its document (a draft issued by the party unit) and the force, body and period', body: CreateCoordinationProgramBody, response: { 201: CoordinationProgramDetail } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await programs.createProgram(app.ctx, actor, request.body);
      return reply.code(201).send(presentProgramDetail(await yearly.getProgramDetail(app.ctx, actor, id)));
    },
  );

  app.get(
    '/api/coordination-programs/:id',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'A coordination program with its yearly plans, their totals, items and latest results', params: CoordinationProgramIdParams, response: { 200: CoordinationProgramDetail } },
    },
    async (request) => presentProgramDetail(await yearly.getProgramDetail(app.ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/coordination-programs/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change the force\'s body or the period (with the version it was read at)', params: CoordinationProgramIdParams, body: UpdateCoordinationProgramBody, response: { 200: CoordinationProgramDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await programs.updateProgram(app.ctx, actor, request.params.id, request.body);
      return presentProgramDetail(await yearly.getProgramDetail(app.ctx, actor, request.params.id));
    },
  );

  app.post(
    '/api/coordination-programs/:id/years',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Add the yearly plan of a year within the period (1 January to 31 December, clipped to the period); its items are tasks', params: CoordinationProgramIdParams, body: CreateYearlyPlanBody, response: { 201: CoordinationYearlyPlan } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const planId = await yearly.createYearlyPlan(app.ctx, actor, request.params.id, request.body.year);
      const detail = await yearly.getProgramDetail(app.ctx, actor, request.params.id);
      return reply.code(201).send(presentYearlyPlan(detail.yearlyPlans.find((v) => v.plan.id === planId)!));
    },
  );
}
