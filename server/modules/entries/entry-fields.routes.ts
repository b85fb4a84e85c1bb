import { z } from 'zod';
import { LOCALES } from '../../../common/access.js';
import { EntryField } from '../../../common/entries.js';
import { CatalogueCode, Id } from '../../../common/units.js';
import { actorOf, type App } from '../../http/context.js';
import type { FieldRecord } from './entry-fields.repository.js';
import * as fields from './entry-fields.service.js';

const tags = ['entries'];

const CreateFieldBody = z.object({
  code: CatalogueCode,
  names: z
    .partialRecord(z.enum(LOCALES), z.string().trim().min(1).max(200))
    .refine((names) => names.vi !== undefined, { message: 'the Vietnamese name (vi) is required', path: ['vi'] })
    .describe('Display names by language; `vi` is required'),
  unitId: Id.nullable().describe('The unit whose subtree uses the field; null: a national field (system admins only)'),
});

const present = (f: FieldRecord) => ({ code: f.code, names: f.names, unitId: f.unit_id, sortOrder: f.sort_order, builtin: f.builtin });

export async function entryFieldRoutes(app: App): Promise<void> {
  app.get(
    '/api/entry-fields',
    {
      config: { permission: 'units.read' },
      schema: {
        tags,
        summary: 'Fields of entries: national ones and those of the units on the path of unitId',
        querystring: z.object({ unitId: Id.optional().describe('The registering unit: its fields and those of its ancestors') }),
        response: { 200: z.object({ items: z.array(EntryField) }) },
      },
    },
    async (request) => ({ items: (await fields.listFields(app.ctx, actorOf(request), request.query.unitId)).map(present) }),
  );

  app.post(
    '/api/entry-fields',
    { config: { permission: 'units.write' }, schema: { tags, summary: "Add a field for a unit's subtree", body: CreateFieldBody, response: { 201: EntryField } } },
    async (request, reply) => reply.code(201).send(present(await fields.createField(app.ctx, actorOf(request), request.body))),
  );
}
