import { actorOf, type App } from '../../http/context.js';
import * as unitHistory from './units-history.service.js';
import { presentEvent, presentFormerName, presentLink, presentRef, presentReviewItem, presentSearchHit, presentUnit } from './units.presenter.js';
import {
  ChildrenQuery,
  CreateUnitBody,
  ResolveQuery,
  RetireUnitBody,
  SearchQuery,
  SuccessionReviewPage,
  SuccessionReviewQuery,
  SuccessorsBody,
  Unit,
  UnitDetail,
  UnitHistory,
  UnitIdParams,
  UnitPage,
  UnitResolution,
  UnitSearchResult,
  UpdateUnitBody,
} from './units.schema.js';
import * as units from './units.service.js';
import { unitKindRoutes } from './unit-kinds.routes.js';
import { issuingBodyRoutes } from './issuing-bodies/issuing-bodies.routes.js';

const tags = ['units'];

function presentDetail(d: Awaited<ReturnType<typeof units.getUnitDetail>>) {
  return {
    unit: presentUnit(d.unit),
    names: d.names.map(presentFormerName),
    ancestors: d.ancestors.map(presentRef),
    predecessors: d.predecessors.map(presentLink),
    successors: d.successors.map(presentLink),
  };
}

export async function unitRoutes(app: App): Promise<void> {
  app.get(
    '/api/units/roots',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The top units of the caller\'s scope', response: { 200: UnitPage } } },
    async (request) => {
      const page = await units.listRoots(app.ctx, actorOf(request));
      return { items: page.items.map(presentUnit), total: page.total };
    },
  );

  app.get(
    '/api/units/search',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Find units by name within the caller\'s scope', querystring: SearchQuery, response: { 200: UnitSearchResult } },
    },
    async (request) => {
      const found = await units.searchUnits(app.ctx, actorOf(request), request.query);
      return { items: found.rows.map((r) => presentSearchHit(r, found.successorsOf(r.id))), total: found.total };
    },
  );

  app.get(
    '/api/units/resolve',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The unit an official code names on a day: district:374@2023-09-08, kind:code (in force today, else the latest) or an id', querystring: ResolveQuery, response: { 200: UnitResolution } },
    },
    async (request) => {
      const r = await unitHistory.resolveReadableUnitRef(app.ctx, actorOf(request), request.query.ref, request.query.asOf);
      return { unit: presentUnit(r.unit), asOf: r.asOf, nameAsOf: r.nameAsOf, label: r.label };
    },
  );

  app.get(
    '/api/units/successions',
    {
      config: { permission: 'system.manage' },
      schema: { tags, summary: 'Retired units whose successors a system administrator should check (the history\'s ambiguous fallbacks) or has set', querystring: SuccessionReviewQuery, response: { 200: SuccessionReviewPage } },
    },
    async (request) => {
      const page = await unitHistory.listSuccessionReview(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map((r) => presentReviewItem(r, page.successorsOf(r.id))), total: page.total };
    },
  );

  app.put(
    '/api/units/:id/successors',
    {
      config: { permission: 'system.manage' },
      schema: { tags, summary: 'Set the successors of a retired unit (system administrator; audited; reports follow at once; kept by later imports)', params: UnitIdParams, body: SuccessorsBody, response: { 200: UnitDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await unitHistory.setSuccessors(app.ctx, actor, request.params.id, request.body);
      return presentDetail(await units.getUnitDetail(app.ctx, actor, request.params.id));
    },
  );

  app.get(
    '/api/units/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A unit with its breadcrumb, predecessors and successors', params: UnitIdParams, response: { 200: UnitDetail } } },
    async (request) => presentDetail(await units.getUnitDetail(app.ctx, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/units/:id/children',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The units directly under a unit, in Vietnamese alphabetical order', params: UnitIdParams, querystring: ChildrenQuery, response: { 200: UnitPage } },
    },
    async (request) => {
      const page = await units.listChildren(app.ctx, actorOf(request), request.params.id, request.query);
      return { items: page.rows.map(presentUnit), total: page.total };
    },
  );

  app.get(
    '/api/units/:id/history',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Where a unit came from, what replaced it and every recorded change', params: UnitIdParams, response: { 200: UnitHistory } } },
    async (request) => {
      const h = await units.getUnitHistory(app.ctx, actorOf(request), request.params.id);
      return {
        unit: presentUnit(h.unit),
        names: h.names.map(presentFormerName),
        predecessors: h.predecessors.map(presentLink),
        successors: h.successors.map(presentLink),
        events: h.events.map((e) => presentEvent(e, h.refNames)),
      };
    },
  );

  app.post(
    '/api/units',
    { config: { permission: 'units.write' }, schema: { tags, summary: 'Add a unit (an organization) under a unit', body: CreateUnitBody, response: { 201: Unit } } },
    async (request, reply) => {
      const unit = await units.createUnit(app.ctx, actorOf(request), request.body);
      return reply.code(201).send(presentUnit(unit));
    },
  );

  app.patch(
    '/api/units/:id',
    { config: { permission: 'units.write' }, schema: { tags, summary: 'Rename a unit or change its code', params: UnitIdParams, body: UpdateUnitBody, response: { 200: Unit } } },
    async (request) => presentUnit(await units.updateUnit(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/units/:id/retire',
    { config: { permission: 'units.write' }, schema: { tags, summary: 'Retire a unit from a day on (it is kept with its history)', params: UnitIdParams, body: RetireUnitBody, response: { 200: Unit } } },
    async (request) => presentUnit(await units.retireUnit(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  await unitKindRoutes(app);
  await issuingBodyRoutes(app);
}
