import { attachment, listCsv, listXlsx, XLSX_TYPE } from '../../documents/list-workbook.js';
import { actorOf, type App } from '../../http/context.js';
import { presentConference } from './conferences.presenter.js';
import {
  ConferenceExportQuery,
  ConferenceIdParams,
  ConferenceListQuery,
  CreateConferenceBody,
  ReviewConference,
  ReviewConferenceDetail,
  ReviewConferencePage,
  UpdateConferenceBody,
} from './conferences.schema.js';
import { CONFERENCE_COLUMNS } from './conferences-export.js';
import * as conferences from './conferences.service.js';

const tags = ['conferences'];

export async function conferenceRoutes(app: App): Promise<void> {
  app.get(
    '/api/review-conferences',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'Review conferences of units in the caller\'s scope, newest first', querystring: ConferenceListQuery, response: { 200: ReviewConferencePage } },
    },
    async (request) => {
      const page = await conferences.listConferences(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map(presentConference), total: page.total };
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/review-conferences/export.${format}`,
      {
        config: { permission: 'units.read' },
        schema: { tags, summary: `The review conferences matching the list's filters, as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8 with BOM)'}; at most 20,000 (EXPORT_TOO_LARGE beyond)`, querystring: ConferenceExportQuery },
      },
      async (request, reply) => {
        const rows = await conferences.exportConferences(app.ctx, actorOf(request), request.query);
        reply.header('content-disposition', attachment(`hoi-nghi.${format}`)).header('x-total-count', String(rows.length));
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(listCsv(CONFERENCE_COLUMNS, rows));
        return reply.type(XLSX_TYPE).send(await listXlsx('Hội nghị', CONFERENCE_COLUMNS, rows));
      },
    );
  }

  app.post(
    '/api/review-conferences',
    { config: { permission: 'data.write' }, schema: { tags, summary: 'Record a review conference of a unit', body: CreateConferenceBody, response: { 201: ReviewConference } } },
    async (request, reply) => reply.code(201).send(presentConference(await conferences.createConference(app.ctx, actorOf(request), request.body))),
  );

  app.get(
    '/api/review-conferences/:id',
    {
      config: { permission: 'units.read' },
      schema: { tags, summary: 'A review conference with how many it commended (collectives, individuals, by form)', params: ConferenceIdParams, response: { 200: ReviewConferenceDetail } },
    },
    async (request) => {
      const d = await conferences.getConferenceDetail(app.ctx, actorOf(request), request.params.id);
      return { ...presentConference(d.conference), commendations: d.counts };
    },
  );

  app.patch(
    '/api/review-conferences/:id',
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Change a review conference', params: ConferenceIdParams, body: UpdateConferenceBody, response: { 200: ReviewConference } },
    },
    async (request) => presentConference(await conferences.updateConference(app.ctx, actorOf(request), request.params.id, request.body)),
  );
}
