import { actorOf, type App } from '../../http/context.js';
import { presentSession, presentSessionDetail, presentUnitHistory } from './working-sessions.presenter.js';
import {
  CreateWorkingSessionBody,
  CreateWorkingSessionNoticeBody,
  UnitWorkingSessions,
  UpdateWorkingSessionBody,
  WorkingSessionDetail,
  WorkingSessionIdParams,
  WorkingSessionListQuery,
  WorkingSessionPage,
} from './working-sessions.schema.js';
import * as sessions from './working-sessions.service.js';

const tags = ['working-sessions'];

export async function workingSessionRoutes(app: App): Promise<void> {
  const detail = async (actor: ReturnType<typeof actorOf>, id: string) => presentSessionDetail(await sessions.getSessionDetail(app.ctx, actor, id));

  app.get(
    '/api/working-sessions',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Sessions held with, or led by, a unit of the subtree of unitId, newest first', querystring: WorkingSessionListQuery, response: { 200: WorkingSessionPage } },
    },
    async (request) => {
      const page = await sessions.listSessions(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentSession), total: page.total };
    },
  );

  app.get(
    '/api/working-sessions/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A session with its delegation, its conclusion notice and the requests', params: WorkingSessionIdParams, response: { 200: WorkingSessionDetail } } },
    async (request) => detail(actorOf(request), request.params.id),
  );

  app.post(
    '/api/working-sessions',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a working session (data.write on the leading unit)', body: CreateWorkingSessionBody, response: { 201: WorkingSessionDetail } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await sessions.createSession(app.ctx, actor, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.patch(
    '/api/working-sessions/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a session (with the version it was read at); members replaces the delegation', params: WorkingSessionIdParams, body: UpdateWorkingSessionBody, response: { 200: WorkingSessionDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await sessions.updateSession(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/working-sessions/:id/notice',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'The conclusion notice: the document, its plan on the leading unit and one task per request, all or nothing',
        params: WorkingSessionIdParams,
        body: CreateWorkingSessionNoticeBody,
        response: { 201: WorkingSessionDetail },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await sessions.createNotice(app.ctx, actor, request.params.id, request.body);
      return reply.code(201).send(await detail(actor, request.params.id));
    },
  );

  app.get(
    '/api/units/:id/working-sessions',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "A unit's sessions (with it or below it, newest first) and its open and overdue requests", params: WorkingSessionIdParams, response: { 200: UnitWorkingSessions } },
    },
    async (request) => presentUnitHistory(await sessions.getUnitHistory(app.ctx, actorOf(request), request.params.id)),
  );
}
