/** GET /api/reports: the report of a unit over a range (docs/reports.md). */
import { actorOf, type App } from '../../http/context.js';
import { reportView } from '../../../common/reports.js';
import { ReportQuerystring, ReportResponse } from './reports.schema.js';
import { reportFor } from './reports.service.js';

export async function reportRoutes(app: App): Promise<void> {
  app.get(
    '/api/reports',
    {
      // As for reading entries: units.read on the unit (for a retired unit, or on the unit in force it now counts under).
      config: { permission: 'units.read' },
      // Plain JSON.stringify instead of re-checking the answer against the schema on the way out:
      // a province's answer is ~0.1 MB of counts (every cell of the unit and of the previous
      // range), and re-validating it costs more than the rest of the request. The schema still
      // types the handler and documents the answer; `reportView` builds it field by field (no
      // database row passes through), and reports.test.ts parses the answer with the schema.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['reports'],
        summary: 'Figures of a unit\'s whole subtree over a quarter, year, emulation period or custom range, with the previous range and the breakdown by child unit',
        querystring: ReportQuerystring,
        response: { 200: ReportResponse },
      },
    },
    async (request) => reportView(await reportFor(app.ctx, actorOf(request), request.query)),
  );
}
