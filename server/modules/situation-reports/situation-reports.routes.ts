import { renderPartyDocx } from '../../documents/party-docx.js';
import { actorOf, type App } from '../../http/context.js';
import { presentCatalogueItem, presentReport, presentReportRow } from './situation-reports.presenter.js';
import {
  CreateSituationReportBody,
  SituationCatalogue,
  SituationReport,
  SituationReportIdParams,
  SituationReportListQuery,
  SituationReportPage,
  SituationSummary,
  SituationSummaryQuery,
  SituationVersionBody,
  UpdateSituationReportBody,
} from './situation-reports.schema.js';
import * as reports from './situation-reports.service.js';
import { buildSituationSummary, situationDocumentOf } from './situation-summary.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const tags = ['situation-reports'];

export async function situationReportRoutes(app: App): Promise<void> {
  const detail = async (actor: ReturnType<typeof actorOf>, id: string) => presentReport(await reports.getReportDetail(app.ctx, actor, id));

  app.get(
    '/api/situation/topics',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Topics of public opinion (vấn đề dư luận), in their display order', response: { 200: SituationCatalogue } } },
    async () => ({ items: (await reports.listTopics(app.ctx)).map(presentCatalogueItem) }),
  );

  app.get(
    '/api/situation/groups',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Population groups (đối tượng, tầng lớp), in their display order', response: { 200: SituationCatalogue } } },
    async () => ({ items: (await reports.listGroups(app.ctx)).map(presentCatalogueItem) }),
  );

  app.get(
    '/api/situation-reports',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Situation reports of the subtree of unitId, the latest period first', querystring: SituationReportListQuery, response: { 200: SituationReportPage } },
    },
    async (request) => {
      const page = await reports.listReports(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentReportRow), total: page.total };
    },
  );

  app.get(
    '/api/situation-reports/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A situation report with its items', params: SituationReportIdParams, response: { 200: SituationReport } } },
    async (request) => detail(actorOf(request), request.params.id),
  );

  app.post(
    '/api/situation-reports',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'An ad hoc situation report (báo cáo nhanh), as a draft (data.write on the unit)', body: CreateSituationReportBody, response: { 201: SituationReport } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await reports.createAdHocReport(app.ctx, actor, request.body);
      return reply.code(201).send(await detail(actor, id));
    },
  );

  app.patch(
    '/api/situation-reports/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a draft (with the version it was read at); items replaces the items', params: SituationReportIdParams, body: UpdateSituationReportBody, response: { 200: SituationReport } },
    },
    async (request) => {
      const actor = actorOf(request);
      await reports.updateReport(app.ctx, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/situation-reports/:id/submit',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: "Submit an ad hoc draft (a regular one is sent with its round's submission)", params: SituationReportIdParams, body: SituationVersionBody, response: { 200: SituationReport } },
    },
    async (request) => {
      const actor = actorOf(request);
      await reports.submitReport(app.ctx, actor, request.params.id, request.body.version);
      return detail(actor, request.params.id);
    },
  );

  app.get(
    '/api/situation/summary',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "A unit's subtree for a quarter: units reporting each topic × mood against the previous quarter, rising topics, by child unit, proposals", querystring: SituationSummaryQuery, response: { 200: SituationSummary } },
    },
    async (request) => buildSituationSummary(app.ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/situation/summary/document',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: "The quarterly summary as a Party document (DOCX): 'Báo cáo tình hình nhân dân quý …' of the unit's issuing body", querystring: SituationSummaryQuery },
    },
    async (request, reply) => {
      const buffer = await renderPartyDocx(await situationDocumentOf(app.ctx, actorOf(request), request.query));
      const { unitId, year, quarter } = request.query;
      return reply.type(DOCX).header('content-disposition', `attachment; filename="tinh-hinh-nhan-dan-${unitId}-${year}-q${quarter}.docx"`).send(buffer);
    },
  );
}
