import { attachment, listCsv, listXlsx, XLSX_TYPE } from '../../documents/list-workbook.js';
import { actorOf, type App } from '../../http/context.js';
import { ConferenceIdParams } from '../conferences/conferences.schema.js';
import { presentCommendation, presentForm } from './commendations.presenter.js';
import {
  BulkCommendationBody,
  BulkCommendationResult,
  CommendationDetail,
  CommendationExportQuery,
  CommendationFormList,
  CommendationForm,
  CommendationIdParams,
  CommendationListQuery,
  CommendationPage,
  CreateCommendationBody,
  CreateFormBody,
  UpdateCommendationBody,
} from './commendations.schema.js';
import { COMMENDATION_COLUMNS } from './commendations-export.js';
import * as commendations from './commendations.service.js';

const tags = ['commendations'];

export async function commendationRoutes(app: App): Promise<void> {
  const detail = async (request: { actor: Parameters<typeof actorOf>[0]['actor'] }, id: string) => {
    const d = await commendations.getCommendationDetail(app.ctx, actorOf(request), id);
    return { ...presentCommendation(d.commendation), entries: d.entries };
  };

  app.get(
    '/api/commendation-forms',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The forms of commendation (Giấy khen, Bằng khen, …)', response: { 200: CommendationFormList } } },
    async () => ({ items: (await commendations.listForms(app.ctx)).map(presentForm) }),
  );

  app.post(
    '/api/commendation-forms',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Add a form of commendation', body: CreateFormBody, response: { 201: CommendationForm } } },
    async (request, reply) => reply.code(201).send(presentForm(await commendations.createForm(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/commendations',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Commendations of units in the caller\'s scope, with counts of collectives and individuals', querystring: CommendationListQuery, response: { 200: CommendationPage } },
    },
    async (request) => {
      const page = await commendations.listCommendations(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentCommendation), total: page.total, summary: page.summary };
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/commendations/export.${format}`,
      {
        config: { permission: 'units.read' },
        schema: { tags, summary: `The commendations matching the list's filters, as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8 with BOM)'}; at most 20,000 (EXPORT_TOO_LARGE beyond)`, querystring: CommendationExportQuery },
      },
      async (request, reply) => {
        const rows = await commendations.exportCommendations(app.ctx, actorOf(request), request.query);
        reply.header('content-disposition', attachment(`khen-thuong.${format}`)).header('x-total-count', String(rows.length));
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(listCsv(COMMENDATION_COLUMNS, rows));
        return reply.type(XLSX_TYPE).send(await listXlsx('Khen thưởng', COMMENDATION_COLUMNS, rows));
      },
    );
  }

  app.post(
    '/api/commendations',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a commendation of a collective or an individual', body: CreateCommendationBody, response: { 201: CommendationDetail } } },
    async (request, reply) => {
      const id = await commendations.createCommendation(app.ctx, actorOf(request), request.body);
      return reply.code(201).send(await detail(request, id));
    },
  );

  app.post(
    '/api/review-conferences/:id/commendations',
    {
      config: { permission: 'data.write' },
      schema: {
        tags,
        summary: 'Commend many collectives and individuals at a conference by one decision (all or nothing)',
        params: ConferenceIdParams,
        body: BulkCommendationBody,
        response: { 201: BulkCommendationResult },
      },
    },
    async (request, reply) => reply.code(201).send(await commendations.createConferenceCommendations(app.ctx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/commendations/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A commendation with the entries it rewards', params: CommendationIdParams, response: { 200: CommendationDetail } } },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/api/commendations/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a commendation', params: CommendationIdParams, body: UpdateCommendationBody, response: { 200: CommendationDetail } },
    },
    async (request) => {
      await commendations.updateCommendation(app.ctx, actorOf(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );
}
