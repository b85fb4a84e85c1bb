/** What a row of the entries list shows a reader (`GET /api/entries`). */
import type { EntryListItem } from '../../../common/entries.js';
import { type Actor, can } from '../../http/access.js';
import type { EntrySummaryRecord } from './entries-list.repository.js';

/**
 * The registering unit's ancestors the reader may read: a commune's officer reads the commune, not
 * its province (an entry of a retired commune, read through the unit that took it over, keeps its
 * old ancestors to itself).
 */
function readableParents(r: EntrySummaryRecord, actor: Actor): string[] {
  const labels = r.unit_path.split('.');
  return r.unit_parents.filter((_, i) => can(actor, 'units.read', labels.slice(0, i + 2).join('.')));
}

/** A list row as the API shows it to `actor`. */
export function presentEntrySummary(r: EntrySummaryRecord, actor: Actor): EntryListItem {
  return {
    id: r.id,
    title: r.title,
    registeringUnit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind, code: r.unit_code, validFrom: r.unit_valid_from, validTo: r.unit_valid_to },
    unitParents: readableParents(r, actor),
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
