import { todayInVietnam } from '../../../common/units.js';
import { renderPartyDocx } from '../../documents/party-docx.js';
import { actorOf, type App } from '../../http/context.js';
import * as templates from './report-templates.service.js';
import { presentParticipant, presentRound, presentRoundDetail, presentSchedule, presentSubmission, presentTemplate } from './reporting-rounds.presenter.js';
import {
  CreateReportingScheduleBody,
  CreateReportTemplateBody,
  CreateRoundBody,
  CreateSubmissionBody,
  NextPeriod,
  NextPeriodQuery,
  ParticipantListQuery,
  ParticipantPage,
  ParticipantParams,
  ReportingSchedule,
  ReportingScheduleList,
  ReportingScheduleListQuery,
  ReportTemplate,
  ReportTemplateList,
  ReportTemplateListQuery,
  ReturnSubmissionBody,
  RoundDetail,
  RoundDetailQuery,
  RoundIdParams,
  RoundListQuery,
  RoundPage,
  RoundVersionBody,
  Submission,
  SubmissionIdParams,
  SubmissionVersionBody,
  UpdateParticipantBody,
  UpdateRoundBody,
  UpdateSubmissionBody,
} from './reporting-rounds.schema.js';
import * as rounds from './reporting-rounds.service.js';
import { roundDocumentOf } from './round-document.service.js';
import * as submissions from './round-submissions.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const tags = ['reporting-rounds'];

export async function reportingRoundRoutes(app: App): Promise<void> {
  const roundDetail = async (actor: ReturnType<typeof actorOf>, id: string, unitId?: string) => presentRoundDetail(await rounds.getRoundDetail(app.ctx, actor, id, unitId));
  const submissionDetail = async (actor: ReturnType<typeof actorOf>, id: string) => presentSubmission(await submissions.getSubmissionDetail(app.ctx, actor, id), todayInVietnam());

  // ---------------------------------------------------------------- templates and schedules

  app.get(
    '/api/report-templates',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The report templates of a unit and of the units above it, nearest first', querystring: ReportTemplateListQuery, response: { 200: ReportTemplateList } } },
    async (request) => ({ items: (await templates.listTemplates(app.ctx, actorOf(request), request.query.unitId)).map(presentTemplate) }),
  );

  app.post(
    '/api/report-templates',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Add a report template of a unit (its sections: figures or text)', body: CreateReportTemplateBody, response: { 201: ReportTemplate } } },
    async (request, reply) => reply.code(201).send(presentTemplate(await templates.createTemplate(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/reporting-schedules',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The reporting schedules of a unit and of the units above it', querystring: ReportingScheduleListQuery, response: { 200: ReportingScheduleList } } },
    async (request) => ({ items: (await templates.listSchedules(app.ctx, actorOf(request), request.query.unitId)).map(presentSchedule) }),
  );

  app.post(
    '/api/reporting-schedules',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Add a reporting schedule of a unit (the calendar rule, stored as data)', body: CreateReportingScheduleBody, response: { 201: ReportingSchedule } } },
    async (request, reply) => reply.code(201).send(presentSchedule(await templates.createSchedule(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/reporting-schedules/:id/next',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The next period of a schedule and its due day (shifted to a working day when the schedule says so)', params: RoundIdParams, querystring: NextPeriodQuery, response: { 200: NextPeriod } },
    },
    async (request) => templates.nextPeriodOf(app.ctx, actorOf(request), request.params.id, request.query.after),
  );

  // ---------------------------------------------------------------- rounds

  app.get(
    '/api/reporting-rounds',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Reporting rounds opened at or under a unit, or answered by it or units under it; open ones first', querystring: RoundListQuery, response: { 200: RoundPage } },
    },
    async (request) => {
      const page = await rounds.listRounds(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentRound), total: page.total };
    },
  );

  app.post(
    '/api/reporting-rounds',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Open a reporting round: every unit of the target kinds in force under the opening unit takes part', body: CreateRoundBody, response: { 201: RoundDetail } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await rounds.createRound(app.ctx, actor, request.body);
      return reply.code(201).send(await roundDetail(actor, id));
    },
  );

  app.get(
    '/api/reporting-rounds/:id',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'A reporting round with its completeness by child of a unit (on time, late, returned, missing, excused)', params: RoundIdParams, querystring: RoundDetailQuery, response: { 200: RoundDetail } },
    },
    async (request) => roundDetail(actorOf(request), request.params.id, request.query.unitId),
  );

  app.get(
    '/api/reporting-rounds/:id/document',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: "The round's composed report as a Party document (DOCX): completeness by child, the unit's figures, the sent narratives and sections (readers of the opening unit)",
        description: 'Read as GET /api/reporting-rounds/:id (the opening unit, or `unitId` under it). At most 400 sent reports: beyond, EXPORT_TOO_LARGE {total, max}; ask the view of a unit under it.',
        params: RoundIdParams,
        querystring: RoundDetailQuery,
      },
    },
    async (request, reply) => {
      const buffer = await renderPartyDocx(await roundDocumentOf(app.ctx, actorOf(request), request.params.id, request.query.unitId));
      const view = request.query.unitId ? `-${request.query.unitId}` : '';
      return reply.type(DOCX).header('content-disposition', `attachment; filename="bao-cao-tong-hop-${request.params.id}${view}.docx"`).send(buffer);
    },
  );

  app.get(
    '/api/reporting-rounds/:id/participants',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'The participants of a round at or under a unit, with their state and due day', params: RoundIdParams, querystring: ParticipantListQuery, response: { 200: ParticipantPage } },
    },
    async (request) => {
      const page = await rounds.listParticipants(app.ctx, actorOf(request), request.params.id, request.query);
      return { items: page.rows.map(presentParticipant), total: page.total };
    },
  );

  app.patch(
    '/api/reporting-rounds/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change the title or the due day of an open round (with the version it was read at)', params: RoundIdParams, body: UpdateRoundBody, response: { 200: RoundDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await rounds.updateRound(app.ctx, actor, request.params.id, request.body);
      return roundDetail(actor, request.params.id);
    },
  );

  app.post(
    '/api/reporting-rounds/:id/close',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Close a round; refused while a participant has neither submitted nor been excused', params: RoundIdParams, body: RoundVersionBody, response: { 200: RoundDetail } },
    },
    async (request) => {
      const actor = actorOf(request);
      await rounds.closeRound(app.ctx, actor, request.params.id, request.body.version);
      return roundDetail(actor, request.params.id);
    },
  );

  app.post(
    '/api/reporting-rounds/:id/reopen',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Reopen a closed round', params: RoundIdParams, body: RoundVersionBody, response: { 200: RoundDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await rounds.reopenRound(app.ctx, actor, request.params.id, request.body.version);
      return roundDetail(actor, request.params.id);
    },
  );

  app.put(
    '/api/reporting-rounds/:id/participants/:unitId',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'Extend (dueOn) or excuse a participant; a unit under the opening unit that is not one yet becomes a participant',
        params: ParticipantParams,
        body: UpdateParticipantBody,
        response: { 200: RoundDetail },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await rounds.putParticipant(app.ctx, actor, request.params.id, request.params.unitId, request.body);
      return roundDetail(actor, request.params.id);
    },
  );

  // ---------------------------------------------------------------- submissions

  app.post(
    '/api/reporting-rounds/:id/submissions',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: "Draft a participant's submission, with the report figures of its subtree over the round's period", params: RoundIdParams, body: CreateSubmissionBody, response: { 201: Submission } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await submissions.createSubmission(app.ctx, actor, request.params.id, request.body.unitId);
      return reply.code(201).send(await submissionDetail(actor, id));
    },
  );

  app.get(
    '/api/round-submissions/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A submission with its figures, sections and template', params: SubmissionIdParams, response: { 200: Submission } } },
    async (request) => submissionDetail(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/round-submissions/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change the narrative or text sections of a draft or returned submission', params: SubmissionIdParams, body: UpdateSubmissionBody, response: { 200: Submission } },
    },
    async (request) => {
      const actor = actorOf(request);
      await submissions.updateSubmission(app.ctx, actor, request.params.id, request.body);
      return submissionDetail(actor, request.params.id);
    },
  );

  const submissionAction = (path: string, summary: string, permissionNote: string, run: (actor: ReturnType<typeof actorOf>, id: string, version: number) => Promise<void>) =>
    app.post(
      `/api/round-submissions/:id/${path}`,
      { config: { permission: 'data.write' }, schema: { tags, summary: `${summary} (${permissionNote})`, params: SubmissionIdParams, body: SubmissionVersionBody, response: { 200: Submission } } },
      async (request) => {
        const actor = actorOf(request);
        await run(actor, request.params.id, request.body.version);
        return submissionDetail(actor, request.params.id);
      },
    );

  submissionAction('refresh', 'Replace the figures snapshot by the report figures now', 'the participant unit', (actor, id, version) => submissions.refreshSubmission(app.ctx, actor, id, version));
  submissionAction('submit', 'Submit a draft or returned submission; late when after the due day', 'the participant unit', (actor, id, version) => submissions.submitSubmission(app.ctx, actor, id, version));
  submissionAction('accept', 'Accept a submitted submission', 'the opening unit', (actor, id, version) => submissions.acceptSubmission(app.ctx, actor, id, version));

  app.post(
    '/api/round-submissions/:id/return',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Return a submitted submission for correction, with the reason (the opening unit)', params: SubmissionIdParams, body: ReturnSubmissionBody, response: { 200: Submission } },
    },
    async (request) => {
      const actor = actorOf(request);
      await submissions.returnSubmission(app.ctx, actor, request.params.id, request.body);
      return submissionDetail(actor, request.params.id);
    },
  );
}
