/** GET /api/reports/file: a report as DOCX (the Party's format), XLSX or CSV. */
import { actorOf, type App } from '../../http/context.js';
import { reportFileFor } from './report-files.js';
import { ReportFileQuery } from './report-files.schema.js';

export async function reportFileRoutes(app: App): Promise<void> {
  app.get(
    '/api/reports/file',
    {
      // The same permission and scope as GET /api/reports: whoever may read the report may download it.
      config: { permission: 'units.read' },
      schema: {
        tags: ['reports'],
        summary: 'A report as a file: DOCX in the Party\'s document format, XLSX with the cross-tabs, or CSV of the cells by child unit',
        description: 'The same query as GET /api/reports, plus `format` and, for DOCX, the number, date, place and signer of the document.',
        querystring: ReportFileQuery,
      },
    },
    async (request, reply) => {
      const file = await reportFileFor(app.ctx, actorOf(request), request.query);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
