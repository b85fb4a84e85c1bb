import { z } from 'zod';
import { EmulationPeriod } from '../../../common/entries.js';
import { actorOf, type App } from '../../http/context.js';
import * as periods from './emulation-periods.service.js';

const tags = ['entries'];
const Year = z.number().int().min(1990).max(2100);
const CreatePeriodBody = z
  .object({ name: z.string().trim().min(1).max(100), startYear: Year, endYear: Year })
  .refine((p) => p.endYear >= p.startYear, { message: 'the end year is before the start year', path: ['endYear'] });

const present = (p: { id: string; name: string; start_year: number; end_year: number }) => ({ id: p.id, name: p.name, startYear: p.start_year, endYear: p.end_year });

export async function emulationPeriodRoutes(app: App): Promise<void> {
  app.get(
    '/api/emulation-periods',
    { config: { permission: 'units.read' }, schema: { tags, summary: 'The emulation periods', response: { 200: z.object({ items: z.array(EmulationPeriod) }) } } },
    async () => ({ items: (await periods.listPeriods(app.ctx)).map(present) }),
  );

  app.post(
    '/api/emulation-periods',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Add an emulation period', body: CreatePeriodBody, response: { 201: EmulationPeriod } } },
    async (request, reply) => reply.code(201).send(present(await periods.createPeriod(app.ctx, actorOf(request), request.body))),
  );
}
