import { actorOf, type App } from '../../http/context.js';
import { AuditPage, AuditQuery } from './audit.schema.js';
import { presentAuditRecord } from './audit.presenter.js';
import { searchAudit } from './audit.service.js';

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Search the audit trail (newest first)', querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (request) => {
      const page = await searchAudit(app.ctx, actorOf(request), request.query);
      return { nextBefore: page.nextBefore, items: page.items.map((r) => presentAuditRecord(r, page.names)) };
    },
  );
}
