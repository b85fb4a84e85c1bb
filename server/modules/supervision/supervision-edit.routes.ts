/** Routes correcting the boards, members, programs, supervisions and recommendations: each with the version read. */
import { actorOf, type App } from '../../http/context.js';
import * as edit from './supervision-edit.service.js';
import { presentActivity, presentBoard, presentProgram, presentRecommendation } from './supervision.presenter.js';
import {
  Activity,
  AddBoardMemberBody,
  Board,
  IdParams,
  Program,
  Recommendation,
  RecommendationInput,
  UpdateActivityBody,
  UpdateBoardBody,
  UpdateBoardMemberBody,
  UpdateProgramBody,
  UpdateRecommendationBody,
} from './supervision.schema.js';
import * as supervision from './supervision.service.js';

const tags = ['supervision'];
const write = { permission: 'data.write' } as const;

export async function supervisionEditRoutes(app: App): Promise<void> {
  const board = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const b = await supervision.getBoard(app.ctx, actor, id);
    return presentBoard(b.board, b.members, b.today);
  };
  const recommendation = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const r = await supervision.getRecommendation(app.ctx, actor, id);
    return presentRecommendation(r.row, r.today);
  };

  app.patch(
    '/api/supervision/boards/:id',
    {
      config: write,
      schema: {
        tags,
        summary: "Correct a board's term, election or project (fields left out stay); a term leaving a member's time outside it is refused naming the member",
        params: IdParams,
        body: UpdateBoardBody,
        response: { 200: Board },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await edit.updateBoard(app.ctx, actor, request.params.id, request.body);
      return board(actor, request.params.id);
    },
  );

  app.post(
    '/api/supervision/boards/:id/members',
    {
      config: write,
      schema: { tags, summary: "Add a member to a board, within its term and under the exclusion rule, with the board's version", params: IdParams, body: AddBoardMemberBody, response: { 201: Board } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await edit.addBoardMember(app.ctx, actor, request.params.id, request.body);
      return reply.code(201).send(await board(actor, request.params.id));
    },
  );

  app.patch(
    '/api/supervision/board-members/:id',
    {
      config: write,
      schema: {
        tags,
        summary: "End a member's time on the board (dismissal, resignation, term) with a reason kept in the audit, or reopen it; the record stays",
        params: IdParams,
        body: UpdateBoardMemberBody,
        response: { 200: Board },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const boardId = await edit.updateBoardMember(app.ctx, actor, request.params.id, request.body);
      return board(actor, boardId);
    },
  );

  app.patch(
    '/api/supervision/programs/:id',
    { config: write, schema: { tags, summary: "Replace a program's items as a whole", params: IdParams, body: UpdateProgramBody, response: { 200: Program } } },
    async (request) => {
      const actor = actorOf(request);
      const p = await edit.updateProgram(app.ctx, actor, request.params.id, request.body);
      const r = await supervision.getProgram(app.ctx, actor, p.unitId, request.params.id);
      return presentProgram(r.program, r.items);
    },
  );

  app.patch(
    '/api/supervision/activities/:id',
    {
      config: write,
      schema: { tags, summary: "Correct a supervision held: its day (not after one of its recommendations was sent), subject, findings", params: IdParams, body: UpdateActivityBody, response: { 200: Activity } },
    },
    async (request) => {
      const actor = actorOf(request);
      const a = await edit.updateActivity(app.ctx, actor, request.params.id, request.body);
      return presentActivity(await supervision.getActivity(app.ctx, actor, a.unitId, request.params.id));
    },
  );

  app.post(
    '/api/supervision/activities/:id/recommendations',
    {
      config: write,
      schema: { tags, summary: 'Add a recommendation to a supervision held: not sent before it, not due before it is sent', params: IdParams, body: RecommendationInput, response: { 201: Recommendation } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await edit.addRecommendation(app.ctx, actor, request.params.id, request.body);
      return reply.code(201).send(await recommendation(actor, id));
    },
  );

  app.patch(
    '/api/supervision/recommendations/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Correct a recommendation not yet answered (an answered one changes only through its answer: INVALID_TRANSITION)',
        params: IdParams,
        body: UpdateRecommendationBody,
        response: { 200: Recommendation },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await edit.updateRecommendation(app.ctx, actor, request.params.id, request.body);
      return recommendation(actor, request.params.id);
    },
  );
}
