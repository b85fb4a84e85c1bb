import { actorOf, type App } from '../../http/context.js';
import { presentActivity, presentBoard, presentFigures, presentProgram, presentRecommendation } from './supervision.presenter.js';
import {
  ActivityList,
  ActivityQuery,
  AnswerBody,
  Board,
  BoardList,
  CreateActivityBody,
  CreateBoardBody,
  CreateProgramBody,
  Figures,
  FiguresQuery,
  IdParams,
  ProgramList,
  ProgramQuery,
  Recommendation,
  RecommendationPage,
  RecommendationQuery,
  UnitQuery,
} from './supervision.schema.js';
import * as supervision from './supervision.service.js';
import { supervisionEditRoutes } from './supervision-edit.routes.js';

const tags = ['supervision'];

export async function supervisionRoutes(app: App): Promise<void> {
  const board = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const b = await supervision.getBoard(app.ctx, actor, id);
    return presentBoard(b.board, b.members, b.today);
  };

  app.get(
    '/api/supervision/boards',
    { config: { permission: 'units.read' }, schema: { tags, summary: "The boards of the unit's subtree with their members and terms", querystring: UnitQuery, response: { 200: BoardList } } },
    async (request) => {
      const page = await supervision.listBoards(app.ctx, actorOf(request), request.query.unitId);
      return { items: page.rows.map((b) => presentBoard(b, page.members, page.today)), total: page.total };
    },
  );

  app.post(
    '/api/supervision/boards',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Record an elected board with its members (a member the exclusion rule forbids: VALIDATION_FAILED naming the member)', body: CreateBoardBody, response: { 201: Board } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await supervision.createBoard(app.ctx, actor, request.body);
      return reply.code(201).send(await board(actor, id));
    },
  );

  app.get(
    '/api/supervision/programs',
    { config: { permission: 'units.read' }, schema: { tags, summary: "The year's Front programs and boards' plans of the unit's subtree", querystring: ProgramQuery, response: { 200: ProgramList } } },
    async (request) => {
      const r = await supervision.listPrograms(app.ctx, actorOf(request), request.query.unitId, request.query.year);
      return { items: r.programs.map((p) => presentProgram(p, r.items)) };
    },
  );

  app.post(
    '/api/supervision/programs',
    { config: { permission: 'data.write' }, schema: { tags, summary: "A unit's annual program of supervision and social criticism, or a board's yearly plan", body: CreateProgramBody, response: { 201: ProgramList } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await supervision.createProgram(app.ctx, actor, request.body);
      const r = await supervision.getProgram(app.ctx, actor, request.body.unitId, id);
      return reply.code(201).send({ items: [presentProgram(r.program, r.items)] });
    },
  );

  app.get(
    '/api/supervision/activities',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Supervisions and social criticisms held in the subtree, newest first', querystring: ActivityQuery, response: { 200: ActivityList } } },
    async (request) => {
      const page = await supervision.listActivities(app.ctx, actorOf(request), request.query.unitId, request.query.year);
      return { items: page.rows.map(presentActivity), total: page.total };
    },
  );

  app.post(
    '/api/supervision/activities',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: "A supervision or social criticism held (a board's or the Front's) with its findings and recommendations, all or nothing", body: CreateActivityBody, response: { 201: ActivityList } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await supervision.createActivity(app.ctx, actor, request.body);
      const activity = await supervision.getActivity(app.ctx, actor, request.body.unitId, id);
      return reply.code(201).send({ items: [presentActivity(activity)], total: 1 });
    },
  );

  app.get(
    '/api/supervision/recommendations',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Recommendations of the subtree with their state on Viet Nam\'s day, soonest due first (state=overdue is the work queue\'s list)', querystring: RecommendationQuery, response: { 200: RecommendationPage } },
    },
    async (request) => {
      const page = await supervision.listRecommendations(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map((r) => presentRecommendation(r, page.today)), total: page.total, today: page.today };
    },
  );

  app.post(
    '/api/supervision/recommendations/:id/answer',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'The answer of the body concerned (answered or partly), with the version read; not dated before the recommendation was sent', params: IdParams, body: AnswerBody, response: { 200: Recommendation } },
    },
    async (request) => {
      const actor = actorOf(request);
      await supervision.answerRecommendation(app.ctx, actor, request.params.id, request.body);
      const r = await supervision.getRecommendation(app.ctx, actor, request.params.id);
      return presentRecommendation(r.row, r.today);
    },
  );

  app.get(
    '/api/supervision/figures',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "A year's figures by child unit: boards in office, their findings, the Front's supervisions and criticisms, recommendations made / answered / partly / overdue", querystring: FiguresQuery, response: { 200: Figures } },
    },
    async (request) => presentFigures(await supervision.getFigures(app.ctx, actorOf(request), request.query.unitId, request.query.year)),
  );

  await supervisionEditRoutes(app);
}
