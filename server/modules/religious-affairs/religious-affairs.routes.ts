import type { z } from 'zod';
import {
  Dignitary,
  DignitaryBody,
  EventBody,
  OrganizationBody,
  page,
  PersonBody,
  PersonIdentity,
  PlaceBody,
  PrestigiousPerson,
  type Register,
  RegisterExportQuery,
  RegisterIdParams,
  RegisterListQuery,
  ReligiousCatalogues,
  ReligiousEvent,
  ReligiousFigures,
  ReligiousFiguresQuery,
  ReligiousOrganization,
  RetentionBody,
  RetentionRules,
  WorshipPlace,
} from '../../../common/religious-affairs.js';
import { Version } from '../../../common/units.js';
import { attachment, listXlsx, XLSX_TYPE } from '../../documents/list-workbook.js';
import type { Actor } from '../../http/access.js';
import { actorOf, type App } from '../../http/context.js';
import type { Ctx } from '../../http/context.js';
import { presentDignitary, presentEvent, presentIdentity, presentOrganization, presentPerson, presentPlace } from './religious-affairs.presenter.js';
import type { RecordOf } from './religious-affairs.repository.js';
import * as registers from './religious-affairs.service.js';
import { dignitaryColumns, FIGURE_COLUMNS, figureRows, type Names, personColumns } from './religious-export.js';
import { exportRegister, figures, readIdentity } from './religious-identity.service.js';
import { listRetention, setRetention } from './religious-retention.service.js';

const tags = ['religious-affairs'];
const BASE = '/api/religious-affairs';

type Def<R extends Register> = {
  label: string;
  body: z.ZodObject;
  item: z.ZodType;
  present: (actor: Actor, r: RecordOf[R]) => unknown;
};

const DEFS: { [R in Register]: Def<R> } = {
  organizations: { label: 'religious organizations', body: OrganizationBody, item: ReligiousOrganization, present: (_a, r) => presentOrganization(r) },
  places: { label: 'places of worship', body: PlaceBody, item: WorshipPlace, present: (_a, r) => presentPlace(r) },
  dignitaries: { label: 'dignitaries and clergy (names masked; religion only with situation.identity)', body: DignitaryBody, item: Dignitary, present: presentDignitary },
  persons: { label: 'prestigious persons with their support (names masked; ethnicity only with situation.identity)', body: PersonBody, item: PrestigiousPerson, present: presentPerson },
  events: { label: 'major religious events and festivals', body: EventBody, item: ReligiousEvent, present: (_a, r) => presentEvent(r) },
};

/** Catalogue names in Vietnamese for the files. */
async function vietnameseNames(ctx: Ctx): Promise<Names> {
  const c = await registers.getCatalogues(ctx);
  const maps = { religions: c.religions, ethnic_groups: c.ethnicGroups, prestigious_support_kinds: c.supportKinds };
  return (table, code) => (code ? (maps[table].find((i) => i.code === code)?.names.vi ?? code) : '');
}

function registerRoutes<R extends Register>(app: App, register: R) {
  const def = DEFS[register];
  const url = `${BASE}/${register}`;
  const present = (actor: Actor, r: RecordOf[R]) => def.present(actor, r);
  const Update = def.body.omit({ unitId: true }).partial().extend({ version: Version });

  app.get(
    url,
    { config: { permission: 'units.read' }, schema: { tags, summary: `A unit's ${def.label}`, querystring: RegisterListQuery, response: { 200: page(def.item) } } },
    async (request) => {
      const actor = actorOf(request);
      const p = await registers.listRecords(app.ctx, actor, register, request.query);
      return { items: p.rows.map((r) => present(actor, r)), total: p.total };
    },
  );
  app.get(
    `${url}/:id`,
    { config: { permission: 'units.read' }, schema: { tags, summary: `One of the ${def.label}`, params: RegisterIdParams, response: { 200: def.item } } },
    async (request) => {
      const actor = actorOf(request);
      return present(actor, await registers.getReadable(app.ctx, actor, register, request.params.id));
    },
  );
  app.post(
    url,
    { config: { permission: 'data.write' }, schema: { tags, summary: `Add to the ${def.label} (data.write on the unit; audited)`, body: def.body, response: { 201: def.item } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await registers.createRecord(app.ctx, actor, register, request.body as registers.CreateBody<R>);
      return reply.code(201).send(present(actor, await registers.getReadable(app.ctx, actor, register, id)));
    },
  );
  app.patch(
    `${url}/:id`,
    {
      config: { permission: 'data.write' },
      schema: { tags, summary: `Change one of the ${def.label}, with the version it was read at (CONFLICT otherwise; audited)`, params: RegisterIdParams, body: Update, response: { 200: def.item } },
    },
    async (request) => {
      const actor = actorOf(request);
      await registers.updateRecord(app.ctx, actor, register, request.params.id, request.body as registers.UpdateBody<R>);
      return present(actor, await registers.getReadable(app.ctx, actor, register, request.params.id));
    },
  );
}

export async function religiousAffairsRoutes(app: App): Promise<void> {
  app.get(
    `${BASE}/catalogues`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'Religions, ethnic groups, legal statuses and kinds of support, with their names in seven languages', response: { 200: ReligiousCatalogues } } },
    async () => registers.getCatalogues(app.ctx),
  );

  for (const register of ['dignitaries', 'persons'] as const) {
    app.get(
      `${BASE}/${register}/export.xlsx`,
      {
        config: { permission: 'units.read' },
        schema: {
          tags,
          summary: `The ${register} of a unit as a workbook: names masked and no religion or ethnicity, unless includeNames with situation.identity on the unit and a reason (audited)`,
          querystring: RegisterExportQuery,
        },
      },
      async (request, reply) => {
        const out = await exportRegister(app.ctx, actorOf(request), register, request.query);
        const names = await vietnameseNames(app.ctx);
        reply.header('content-disposition', attachment(`${register === 'persons' ? 'nguoi-co-uy-tin' : 'chuc-sac'}.xlsx`)).header('cache-control', 'private, no-store');
        const sheet = register === 'persons' ? 'Người có uy tín' : 'Chức sắc';
        const buffer =
          register === 'persons'
            ? await listXlsx(sheet, personColumns(out.includeNames, names), out.rows as RecordOf['persons'][])
            : await listXlsx(sheet, dignitaryColumns(out.includeNames, names), out.rows as RecordOf['dignitaries'][]);
        return reply.type(XLSX_TYPE).send(buffer);
      },
    );
    app.get(
      `${BASE}/${register}/:id/identity`,
      {
        config: { permission: 'situation.identity' },
        schema: { tags, summary: 'The person\'s name (and religion or ethnicity) in clear; every call is written to the audit trail', params: RegisterIdParams, response: { 200: PersonIdentity } },
      },
      async (request) => presentIdentity(await readIdentity(app.ctx, actorOf(request), register, request.params.id)),
    );
  }

  for (const register of Object.keys(DEFS) as Register[]) registerRoutes(app, register);

  app.get(
    `${BASE}/figures`,
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Figures by religion and ethnicity for a unit and year; counts of persons with small cells suppressed unless exact=true with situation.identity on the unit',
        querystring: ReligiousFiguresQuery,
        response: { 200: ReligiousFigures },
      },
    },
    async (request) => figures(app.ctx, actorOf(request), request.query),
  );
  app.get(
    `${BASE}/figures.xlsx`,
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The figures as a workbook, always with small cells suppressed (a file reaches a wide audience)', querystring: ReligiousFiguresQuery } },
    async (request, reply) => {
      const f = await figures(app.ctx, actorOf(request), request.query, { forceSuppression: true });
      const rows = figureRows(f, await vietnameseNames(app.ctx));
      reply.header('content-disposition', attachment(`dan-toc-ton-giao-${f.year}.xlsx`)).header('cache-control', 'private, no-store');
      return reply.type(XLSX_TYPE).send(await listXlsx('Số liệu', FIGURE_COLUMNS, rows));
    },
  );

  app.get(
    `${BASE}/retention`,
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Years a person\'s name is kept after they leave a personal register', response: { 200: RetentionRules } } },
    async () => ({ items: await listRetention(app.ctx) }),
  );
  app.put(
    `${BASE}/retention`,
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Change a retention period (system admins; audited)', body: RetentionBody, response: { 200: RetentionRules } } },
    async (request) => {
      await setRetention(app.ctx, actorOf(request), request.body);
      return { items: await listRetention(app.ctx) };
    },
  );
}
