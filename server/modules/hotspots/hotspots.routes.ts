import { z } from 'zod';
import { actorOf, type App } from '../../http/context.js';
import { presentHotspot, presentHotspotDetail } from './hotspots.presenter.js';
import {
  AcknowledgeHotspotBody,
  AddHotspotUpdateBody,
  CreateHotspotBody,
  EscalateHotspotBody,
  FlashReportRule,
  HotspotDetail,
  HotspotFigures,
  HotspotFiguresQuery,
  HotspotIdParams,
  HotspotKind,
  HotspotListQuery,
  HotspotPage,
  HotspotTree,
  HotspotTreeQuery,
  PutFlashReportRuleBody,
  PutHotspotLinksBody,
  UpdateHotspotBody,
} from './hotspots.schema.js';
import * as hotspots from './hotspots.service.js';

const tags = ['hotspots'];

export async function hotspotRoutes(app: App): Promise<void> {
  const detail = async (actor: ReturnType<typeof actorOf>, id: string) => presentHotspotDetail(await hotspots.getHotspotDetail(app.ctx, actor, id));

  app.get(
    '/api/hotspot-kinds',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The kinds of hotspots (catalogue, names in seven languages)', response: { 200: z.object({ items: z.array(HotspotKind) }) } } },
    async () => ({ items: await hotspots.listKinds(app.ctx) }),
  );

  app.get(
    '/api/hotspots',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "Cases of a unit's subtree the caller reads, most severe and newest first", querystring: HotspotListQuery, response: { 200: HotspotPage } },
    },
    async (request) => {
      const page = await hotspots.listHotspots(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentHotspot), total: page.total };
    },
  );

  app.get(
    '/api/hotspots/tree',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Open cases per child unit of a unit, with counts by severity (the drill-down)', querystring: HotspotTreeQuery, response: { 200: HotspotTree } } },
    async (request) => hotspots.getTree(app.ctx, actorOf(request), request.query.unitId),
  );

  app.get(
    '/api/hotspots/figures',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'New, closed and escalated cases of a period, and those open at its end by kind and severity', querystring: HotspotFiguresQuery, response: { 200: HotspotFigures } },
    },
    async (request) => hotspots.getFigures(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/hotspots/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A case with its timeline, responsible units and links', params: HotspotIdParams, response: { 200: HotspotDetail } } },
    async (request) => detail(actorOf(request), request.params.id),
  );

  app.post(
    '/api/hotspots',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'File the flash report of a case (data.write on its unit)', body: CreateHotspotBody, response: { 201: HotspotDetail } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await hotspots.createHotspot(app.ctx, actor, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.patch(
    '/api/hotspots/:id',
    { config: { permission: 'data.write' }, schema: { tags, summary: "Change a case's fields (with the version it was read at)", params: HotspotIdParams, body: UpdateHotspotBody, response: { 200: HotspotDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await hotspots.updateHotspot(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/hotspots/:id/updates',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Add to the timeline, optionally changing status or severity (a status going back needs a reason)', params: HotspotIdParams, body: AddHotspotUpdateBody, response: { 201: HotspotDetail } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await hotspots.addUpdate(app.ctx, actor, request.params.id, request.body);
      return reply.code(201).send(await detail(actor, request.params.id));
    },
  );

  app.post(
    '/api/hotspots/:id/acknowledge',
    {
      // data.write or data.approve on the unit above the case: checked by the service.
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The level above acknowledges the flash report (data.write or data.approve on the parent unit)', params: HotspotIdParams, body: AcknowledgeHotspotBody, response: { 200: HotspotDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await hotspots.acknowledge(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/hotspots/:id/escalate',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Escalate a case to a unit above its own (its writers, or those who acknowledge it)', params: HotspotIdParams, body: EscalateHotspotBody, response: { 200: HotspotDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await hotspots.escalate(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.put(
    '/api/hotspots/:id/links',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'The petitions and entries linked to the case (each readable by the caller)', params: HotspotIdParams, body: PutHotspotLinksBody, response: { 200: HotspotDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await hotspots.putLinks(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.get(
    '/api/units/:id/flash-report-rule',
    { config: { permission: 'units.read' }, schema: { tags, summary: "The hours within which a unit's flash report must be acknowledged above (its own, the nearest ancestor's, or 24)", params: HotspotIdParams, response: { 200: FlashReportRule } } },
    async (request) => hotspots.getFlashRule(app.ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/units/:id/flash-report-rule',
    { config: { permission: 'units.write' }, schema: { tags, summary: "Set a unit's flash-report hours (unit admin or system admin)", params: HotspotIdParams, body: PutFlashReportRuleBody, response: { 200: FlashReportRule } } },
    async (request) => hotspots.putFlashRule(app.ctx, actorOf(request), request.params.id, request.body.hours),
  );
}
