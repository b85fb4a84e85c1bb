/** What leaves the server of situation reports: catalogues, reports with their items, list rows. */
import type { SituationCatalogueItem, SituationItem, SituationReport, SituationReportRow } from '../../../common/situation.js';
import type { CatalogueRecord, ItemValues, ReportRecord } from './situation-reports.repository.js';

const iso = (d: Date) => d.toISOString();

export const presentCatalogueItem = (c: CatalogueRecord): SituationCatalogueItem => ({ code: c.code, names: c.names, sortOrder: c.sort_order });

export const presentItem = (i: ItemValues): SituationItem => ({ topic: i.topic_code, groups: i.group_codes, mood: i.mood, summary: i.summary, proposals: i.proposals, sources: i.sources });

function base(r: ReportRecord) {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    kind: r.kind,
    round: r.round_id && r.submission_id ? { id: r.round_id, title: r.round_title ?? '', submissionId: r.submission_id } : null,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    overallMood: r.overall_mood,
    status: r.status,
    submittedOn: r.submitted_on,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export const presentReportRow = (r: ReportRecord): SituationReportRow => ({ ...base(r), itemCount: r.item_count, worstMood: r.worst_mood, topics: r.topics });

export const presentReport = (d: { report: ReportRecord; items: ItemValues[]; can: { edit: boolean; submit: boolean } }): SituationReport => ({
  ...base(d.report),
  items: d.items.map(presentItem),
  can: d.can,
});
