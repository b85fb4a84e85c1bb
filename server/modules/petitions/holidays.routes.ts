import { actorOf, type App } from '../../http/context.js';
import { deleteAdjustment, holidayYear, setAdjustment } from './holidays.service.js';
import { HolidayAdjustmentBody, HolidayDateParams, HolidayYear, HolidayYearQuery } from './petitions.schema.js';

const tags = ['holidays'];

export async function holidayRoutes(app: App): Promise<void> {
  app.get(
    '/api/holidays',
    { config: { permission: 'units.read' }, schema: { tags, summary: "The days off of a year (statutory, compensatory, the Government's decisions)", querystring: HolidayYearQuery, response: { 200: HolidayYear } } },
    async (request) => holidayYear(app.ctx, request.query.year),
  );

  app.put(
    '/api/holidays/:date',
    { config: { permission: 'system.manage' }, schema: { tags, summary: "Record a Government decision: a day off added, or a weekend day worked", params: HolidayDateParams, body: HolidayAdjustmentBody } },
    async (request, reply) => {
      await setAdjustment(app.ctx, actorOf(request), request.params.date, request.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/holidays/:date',
    { config: { permission: 'system.manage' }, schema: { tags, summary: 'Remove a recorded Government decision', params: HolidayDateParams } },
    async (request, reply) => {
      await deleteAdjustment(app.ctx, actorOf(request), request.params.date);
      return reply.code(204).send();
    },
  );
}
