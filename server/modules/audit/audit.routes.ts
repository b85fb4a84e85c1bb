import { actorOf, type App } from '../../http/context.js';
import { AuditPage, AuditQuery } from './audit.schema.js';
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
      return {
        nextBefore: page.nextBefore,
        items: page.items.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          unitId: r.unit_id,
          unitName: r.unit_name,
          action: r.action,
          recordType: r.record_type,
          recordId: r.record_id,
          before: r.before,
          after: r.after,
          ip: r.ip,
        })),
      };
    },
  );
}
