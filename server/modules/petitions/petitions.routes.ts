import { z } from 'zod';
import { IntakeBody, PETITION_ACTIONS, PETITION_ACTION_NAMES, PETITION_LIMITS, PetitionDetail, PetitionIdentity, Receipt } from '../../../common/petitions.js';
import { attachment, listCsv, listXlsx, XLSX_TYPE } from '../../documents/list-workbook.js';
import { actorOf, type App } from '../../http/context.js';
import { inlineDisposition } from '../../http/stored-file.js';
import { applyAction, handlingCandidates } from './petition-actions.service.js';
import { digestFor } from './petitions-digest.service.js';
import { petitionColumns } from './petitions-export.js';
import { presentDetail, presentIdentity, presentSummary } from './petitions.presenter.js';
import { ACTION_BODIES, AttachmentParams, DigestQuery, DigestResult, HandlingUnits, HandlingUnitsQuery, PetitionExportQuery, PetitionIdParams, PetitionListQuery, PetitionPage, PetitionSettings } from './petitions.schema.js';
import * as petitions from './petitions.service.js';

const tags = ['petitions'];
// Attachments travel base64 in the JSON body: 4/3 of the bytes, plus the text.
const INTAKE_BODY_LIMIT = Math.ceil((PETITION_LIMITS.attachments * PETITION_LIMITS.attachmentBytes * 4) / 3) + 256 * 1024;

export async function petitionRoutes(app: App): Promise<void> {
  const detail = async (request: Parameters<typeof actorOf>[0], id: string) => presentDetail(await petitions.getPetitionDetail(app.ctx, actorOf(request), id));

  app.get(
    '/api/petition-settings',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Petition categories and the statutory time limits per kind', response: { 200: PetitionSettings } } },
    async () => petitions.getSettings(app.ctx),
  );

  app.post(
    '/api/petitions',
    {
      bodyLimit: INTAKE_BODY_LIMIT,
      config: { permission: 'data.write' },
      schema: { tags, summary: 'Record a received petition; answers its number and the tracking code and secret for the citizen (shown once)', body: IntakeBody, response: { 201: Receipt } },
    },
    async (request, reply) => reply.code(201).send(await petitions.intake(app.ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/petitions',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Petitions in the caller\'s scope, with due-soon / overdue flags (identity masked)', querystring: PetitionListQuery, response: { 200: PetitionPage } } },
    async (request) => {
      const page = await petitions.listPetitions(app.ctx, actorOf(request), request.query);
      return { items: page.rows.map((r) => presentSummary(r, page.window, page.viewUnitId)), total: page.total, totalCapped: page.totalCapped, today: page.window.today, dueSoonUntil: page.window.soonLimit };
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/petitions/export.${format}`,
      {
        config: { permission: 'units.read' },
        schema: {
          tags,
          summary: `The filtered list as ${format === 'xlsx' ? 'an Excel workbook' : 'CSV (UTF-8 with BOM)'}: at most 20,000 rows (EXPORT_TOO_LARGE beyond); the identity columns only with includeIdentity and petitions.identity (audited)`,
          querystring: PetitionExportQuery,
        },
      },
      async (request, reply) => {
        const out = await petitions.exportPetitions(app.ctx, actorOf(request), request.query);
        const columns = petitionColumns(out.window, out.includeIdentity, out.categoryName);
        reply.header('content-disposition', attachment(`don-thu.${format}`)).header('cache-control', 'private, no-store').header('x-total-count', String(out.rows.length));
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(listCsv(columns, out.rows));
        return reply.type(XLSX_TYPE).send(await listXlsx('Đơn thư', columns, out.rows));
      },
    );
  }

  app.get(
    '/api/petitions/digest',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Per unit: open petitions due soon, overdue, and overdue below it (escalated)', querystring: DigestQuery, response: { 200: DigestResult } } },
    async (request) => {
      const d = await digestFor(app.ctx, actorOf(request), request.query.unitId);
      return { date: d.date, dueSoonUntil: d.dueSoonUntil, items: d.items };
    },
  );

  app.get(
    '/api/petitions/:id',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'A petition with its history, attachments and the actions the caller may take (identity masked)', params: PetitionIdParams, response: { 200: PetitionDetail } } },
    async (request) => detail(request, request.params.id),
  );

  app.get(
    '/api/petitions/:id/handling-units',
    {
      config: { permission: 'data.approve' },
      schema: {
        tags,
        summary: 'The units a petition may be assigned (the handling unit or below it) or transferred to (the unit above, or below), for the step dialog\'s picker',
        params: PetitionIdParams,
        querystring: HandlingUnitsQuery,
        response: { 200: HandlingUnits },
      },
    },
    async (request) => handlingCandidates(app.ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/petitions/:id/identity',
    { config: { permission: 'petitions.identity' }, schema: { tags, summary: 'Who sent the petition; every call is written to the audit trail', params: PetitionIdParams, response: { 200: PetitionIdentity } } },
    async (request) => {
      const p = await petitions.readIdentity(app.ctx, actorOf(request), request.params.id);
      return presentIdentity(p);
    },
  );

  app.get(
    '/api/petitions/:id/attachments/:attachmentId',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The bytes of an attachment', params: AttachmentParams } },
    async (request, reply) => {
      const file = await petitions.getAttachment(app.ctx, actorOf(request), request.params.id, request.params.attachmentId);
      return reply
        .type(file.content_type)
        .header('content-disposition', inlineDisposition(file.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(file.data);
    },
  );

  for (const action of PETITION_ACTION_NAMES) {
    app.post(
      `/api/petitions/:id/actions/${action}`,
      {
        config: { permission: PETITION_ACTIONS[action].permission },
        schema: {
          tags,
          summary: `Petition step "${action}" (needs ${PETITION_ACTIONS[action].permission} on the handling unit); 204 when the caller no longer reads the petition afterwards`,
          params: PetitionIdParams,
          body: ACTION_BODIES[action],
          response: { 200: PetitionDetail, 204: z.null() },
        },
      },
      async (request, reply) => {
        const { readable } = await applyAction(app.ctx, actorOf(request), request.params.id, action, request.body as never);
        if (!readable) return reply.code(204).send(null);
        return detail(request, request.params.id);
      },
    );
  }
}
