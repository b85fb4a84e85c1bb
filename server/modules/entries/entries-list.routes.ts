import { EntryListQuery, EntryPage, type EntrySummary } from '../../../common/entries.js';
import { actorOf, type App } from '../../http/context.js';
import type { EntrySummaryRecord } from './entries-list.repository.js';
import { listEntries } from './entries-list.service.js';

/** A list row as the API shows it. */
export function presentEntrySummary(r: EntrySummaryRecord): EntrySummary {
  return {
    id: r.id,
    title: r.title,
    registeringUnit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, code: r.unit_code, validFrom: r.unit_valid_from, validTo: r.unit_valid_to },
    level: r.level,
    kind: r.kind,
    form: r.form,
    fieldCode: r.field_code,
    year: r.year,
    periodId: r.period_id,
    status: r.status,
    recognisedTypical: r.recognised_typical,
    replicationCount: r.replication_count,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}

export async function entryListRoutes(app: App): Promise<void> {
  app.get(
    '/api/entries',
    {
      config: { permission: 'units.read' },
      schema: {
        tags: ['entries'],
        summary: 'Find entries within the caller\'s scope: a filtered, sorted page with the total and facet counts',
        querystring: EntryListQuery,
        response: { 200: EntryPage },
      },
    },
    async (request) => {
      const found = await listEntries(app.ctx, actorOf(request), request.query);
      return { items: found.rows.map(presentEntrySummary), total: found.total, facets: found.facets };
    },
  );
}
