/** GET /api/reports/file: a report as DOCX (the Party's format), XLSX or CSV. */
import { actorOf, type App } from '../../http/context.js';
import { ReportFileQuerystring } from './report-files.schema.js';
import { reportFileByRef } from './report-unit-ref.js';

export async function reportFileRoutes(app: App): Promise<void> {
  app.get(
    '/api/reports/file',
    {
      // The same permission and scope as GET /api/reports: whoever may read the report may download it.
      config: { permission: 'units.read' },
      schema: {
        tags: ['reports'],
        summary: 'A report as a file: DOCX in the Party\'s document format, XLSX with the cross-tabs, or CSV of the cells by child unit',
        description: 'The same query as GET /api/reports (the unit as `unitId` or as a reference `unit`), plus `format` and, for DOCX, the number, date, place and signer of the document.',
        querystring: ReportFileQuerystring,
      },
    },
    async (request, reply) => {
      const file = await reportFileByRef(app.ctx, actorOf(request), request.query);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
    },
  );
}
