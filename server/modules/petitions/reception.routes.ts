import { actorOf, type App } from '../../http/context.js';
import { presentCommitment, presentSession, presentSessionDetail } from './reception.presenter.js';
import {
  CommitmentDoneBody,
  CommitmentListQuery,
  CommitmentPage,
  CommitmentParams,
  CreateSessionBody,
  DialogueBody,
  MissingDialogues,
  MissingQuery,
  SessionDetail,
  SessionIdParams,
  SessionListQuery,
  SessionPage,
} from './reception.schema.js';
import * as reception from './reception.service.js';
import * as dialogue from './dialogue.service.js';

const tags = ['reception'];

export async function receptionRoutes(app: App): Promise<void> {
  const detail = async (request: Parameters<typeof actorOf>[0], id: string) => presentSessionDetail(await reception.getSessionDetail(app.ctx, actorOf(request), id));

  app.get(
    '/api/reception-sessions',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Citizen reception sessions and dialogue conferences in the caller\'s scope', querystring: SessionListQuery, response: { 200: SessionPage } } },
    async (request) => {
      const page = await reception.listSessions(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map((s) => presentSession(s, page.rules, page.today)), total: page.total };
    },
  );

  app.get(
    '/api/reception-commitments',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Commitments of the sessions in the caller\'s scope, nearest deadline first; due soon or overdue for the work queue', querystring: CommitmentListQuery, response: { 200: CommitmentPage } } },
    async (request) => {
      const page = await reception.listCommitments(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map((c) => presentCommitment(c, page.today)), total: page.total };
    },
  );

  app.post(
    '/api/reception-sessions',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a session with the issues raised and the commitments made', body: CreateSessionBody, response: { 201: SessionDetail } } },
    async (request, reply) => reply.code(201).send(await detail(request, await reception.createSession(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/reception-sessions/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A session with its issues and commitments', params: SessionIdParams, response: { 200: SessionDetail } } },
    async (request) => detail(request, request.params.id),
  );

  app.post(
    '/api/reception-sessions/:id/commitments/:commitmentId/done',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Mark a commitment done', params: CommitmentParams, body: CommitmentDoneBody, response: { 200: SessionDetail } } },
    async (request) => {
      await reception.completeCommitment(app.ctx, actorOf(request), request.params.id, request.params.commitmentId, request.body);
      return detail(request, request.params.id);
    },
  );

  app.put(
    '/api/reception-sessions/:id/dialogue',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Record or correct a dialogue conference\'s notice and published results (checked against its day; CONFLICT on a stale version)', params: SessionIdParams, body: DialogueBody, response: { 200: SessionDetail } },
    },
    async (request) => {
      await dialogue.updateDialogue(app.ctx, actorOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );
  app.get(
    '/api/dialogue/missing',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The communes in force under a unit with no dialogue conference in the year, by child unit, with the rule in force', querystring: MissingQuery, response: { 200: MissingDialogues } },
    },
    async (request) => dialogue.missingDialogues(app.ctx, actorOf(request), request.query),
  );
}
