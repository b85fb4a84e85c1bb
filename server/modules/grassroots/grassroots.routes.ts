import { z } from 'zod';
import {
  CitizenDecision,
  CommuneYearQuery,
  DecisionBody,
  DecisionUpdate,
  GRASSROOTS_LIMITS,
  GrassrootsCatalogues,
  GrassrootsFigures,
  GrassrootsIdParams,
  ItemYearList,
  page,
  PendingList,
  PendingQuery,
  Publication,
  PublicationBody,
  PublicationUpdate,
  PublicGrassroots,
  PublicGrassrootsQuery,
  ReviewBody,
} from '../../../common/grassroots.js';
import { actorOf, type App } from '../../http/context.js';
import { rateLimit } from '../limits/rate-limit.js';
import { presentDecision, presentPublication } from './grassroots.presenter.js';
import { getCatalogues, getFigures, getPublic, listDecisions, listItemYears, listPending, listPublications } from './grassroots-read.service.js';
import * as svc from './grassroots.service.js';

const tags = ['grassroots'];
const BASE = '/api/grassroots';
const PageQuery = CommuneYearQuery.extend({
  limit: z.coerce.number().int().min(1).max(GRASSROOTS_LIMITS.page).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Per address, like the petitions' lookups: plenty for a family, too few to crawl 3,321 communes quickly. */
const publicReads = rateLimit({ bucket: 'grassroots.public', capacity: 30, refillMs: 10_000 });

export async function grassrootsRoutes(app: App): Promise<void> {
  app.get(
    `${BASE}/catalogues`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Publication items, forms, citizens\' matters and thresholds, each with its legal source and whether it is still to confirm', response: { 200: GrassrootsCatalogues } } },
    async () => getCatalogues(app.ctx),
  );

  app.get(
    `${BASE}/items`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The items a commune must publish in a year with their state: published, overdue (late) or never (a unit that is not a commune is refused: read its figures)', querystring: CommuneYearQuery, response: { 200: ItemYearList } } },
    async (request) => listItemYears(app.ctx, actorOf(request), request.query),
  );

  app.get(
    `${BASE}/publications`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A commune\'s publications of a year', querystring: PageQuery, response: { 200: page(Publication) } } },
    async (request) => {
      const p = await listPublications(app.ctx, actorOf(request), request.query);
      return { items: p.rows.map(presentPublication), total: p.total };
    },
  );
  app.post(
    `${BASE}/publications`,
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a publication (data.write on the commune or its Front committee; audited)', body: PublicationBody, response: { 201: Publication } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await svc.createPublication(app.ctx, actor, request.body);
      return reply.code(201).send(presentPublication(await svc.getPublication(app.ctx, actor, id)));
    },
  );
  app.patch(
    `${BASE}/publications/:id`,
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Change a publication, with the version it was read at (CONFLICT otherwise; audited)', params: GrassrootsIdParams, body: PublicationUpdate, response: { 200: Publication } } },
    async (request) => {
      const actor = actorOf(request);
      await svc.updatePublication(app.ctx, actor, request.params.id, request.body);
      return presentPublication(await svc.getPublication(app.ctx, actor, request.params.id));
    },
  );
  app.post(
    `${BASE}/publications/:id/review`,
    { config: { permission: 'data.approve' }, schema: { tags, summary: 'Approve a publication waiting for the public page, or send it back to private (audited)', params: GrassrootsIdParams, body: ReviewBody, response: { 200: Publication } } },
    async (request) => {
      const actor = actorOf(request);
      await svc.review(app.ctx, actor, 'publications', request.params.id, request.body);
      return presentPublication(await svc.getPublication(app.ctx, actor, request.params.id));
    },
  );

  app.get(
    `${BASE}/decisions`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A commune\'s citizens\' decisions of a year', querystring: PageQuery, response: { 200: page(CitizenDecision) } } },
    async (request) => {
      const p = await listDecisions(app.ctx, actorOf(request), request.query);
      return { items: p.rows.map(presentDecision), total: p.total };
    },
  );
  app.post(
    `${BASE}/decisions`,
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a citizens\' decision; passed is computed from the threshold in force on its date (audited)', body: DecisionBody, response: { 201: CitizenDecision } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await svc.createDecision(app.ctx, actor, request.body);
      return reply.code(201).send(presentDecision(await svc.getDecision(app.ctx, actor, id)));
    },
  );
  app.patch(
    `${BASE}/decisions/:id`,
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Change a citizens\' decision, with the version it was read at (CONFLICT otherwise; audited)', params: GrassrootsIdParams, body: DecisionUpdate, response: { 200: CitizenDecision } } },
    async (request) => {
      const actor = actorOf(request);
      await svc.updateDecision(app.ctx, actor, request.params.id, request.body);
      return presentDecision(await svc.getDecision(app.ctx, actor, request.params.id));
    },
  );
  app.post(
    `${BASE}/decisions/:id/review`,
    { config: { permission: 'data.approve' }, schema: { tags, summary: 'Approve a decision\'s result waiting for the public page, or send it back to private (audited)', params: GrassrootsIdParams, body: ReviewBody, response: { 200: CitizenDecision } } },
    async (request) => {
      const actor = actorOf(request);
      await svc.review(app.ctx, actor, 'citizen_decisions', request.params.id, request.body);
      return presentDecision(await svc.getDecision(app.ctx, actor, request.params.id));
    },
  );

  app.get(
    `${BASE}/pending`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Publications and decisions of a unit\'s subtree waiting for review before the public page', querystring: PendingQuery, response: { 200: PendingList } } },
    async (request) => {
      const p = await listPending(app.ctx, actorOf(request), request.query.unitId);
      return { publications: p.publications.map(presentPublication), decisions: p.decisions.map(presentDecision) };
    },
  );

  app.get(
    `${BASE}/figures`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A unit\'s figures for a year, one row per child unit: items published, overdue, never; decisions held and passed; covenants', querystring: CommuneYearQuery, response: { 200: GrassrootsFigures } } },
    async (request) => getFigures(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/public/grassroots',
    { config: { permission: 'public' }, schema: { tags: ['grassroots (public)'], summary: 'What a commune has made public, after review: publications and decisions\' results (rate-limited)', querystring: PublicGrassrootsQuery, response: { 200: PublicGrassroots } } },
    async (request) => {
      await publicReads.take(app.ctx.db, request.ip);
      return getPublic(app.ctx, request.query.unitId);
    },
  );
}
