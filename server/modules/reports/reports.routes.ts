/** GET /api/reports: the report of a unit over a range (docs/reports.md), answered once per data version. */
import type { FastifyReply } from 'fastify';
import { actorOf, type App } from '../../http/context.js';
import { answerCacheOf } from '../data-versions/answer-cache.js';
import { reportAnswer } from './report-answer.js';
import { ReportQuerystring, ReportResponse } from './reports.schema.js';

export async function reportRoutes(app: App): Promise<void> {
  const cache = answerCacheOf(app.ctx);
  app.get(
    '/api/reports',
    {
      // As for reading entries: units.read on the unit (for a retired unit, or on the unit in force it now counts under).
      config: { permission: 'units.read' },
      schema: {
        tags: ['reports'],
        summary: 'Figures of a unit\'s whole subtree over a quarter, year, emulation period or custom range, with the previous range and the breakdown by child unit',
        description:
          'The unit is given as `unitId` or as a reference `unit` (district:369@2023-09-08, kind:code or an id): unknown or outside the reader\'s reach → 404; several → 409 AMBIGUOUS_UNIT_REF with the candidates. ' +
          'The answer carries an `ETag` (the data version of the unit\'s figures, the query and the reader\'s scope): send it back as `If-None-Match` to get `304 Not Modified` while nothing it shows has changed.',
        querystring: ReportQuerystring,
        response: { 200: ReportResponse },
      },
    },
    async (request, typedReply) => {
      const answer = await reportAnswer(app.ctx, cache, actorOf(request), request.query, request.headers['if-none-match']);
      // The 200's body is already JSON (a Buffer is sent as is), and a 304 has none: neither is the schema's object.
      const reply = typedReply as unknown as FastifyReply;
      // Kept by the browser, checked with the server every time (the 304 is that check).
      reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
      if (answer.status === 304) return reply.code(304).send();
      // The body was serialized once (JSON.stringify of `ReportView`, built field by field: no
      // database row passes through) and is sent as kept; reports.test.ts parses it with the schema.
      return reply.type('application/json; charset=utf-8').send(answer.body);
    },
  );
}
