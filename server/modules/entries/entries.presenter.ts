/** What leaves the server about an entry (the EntryDetail shape of common/entries.ts). */
import type { EntryDetail } from '../../../common/entries.js';
import type { EntryBundle } from './entry-detail.service.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function presentEvidenceItem(e: { id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date }) {
  return { id: e.id, fileName: e.file_name, contentType: e.content_type, sizeBytes: e.size_bytes, sha256: e.sha256, uploadedAt: iso(e.uploaded_at) };
}

export function presentEntryDetail(b: EntryBundle): EntryDetail {
  const e = b.entry;
  return {
    id: e.id,
    title: e.title,
    registeringUnit: { id: b.unit.id, name: b.unit.name, kind: b.unit.kind, code: b.unit.code, validFrom: b.unit.valid_from, validTo: b.unit.valid_to },
    level: e.level,
    kind: e.kind,
    form: e.form,
    fieldCode: e.field_code,
    year: e.year,
    periodId: e.period_id,
    status: e.status,
    recognisedTypical: e.recognised_typical,
    replicationCount: e.replication_count,
    updatedAt: iso(e.updated_at),
    version: e.version,
    description: e.description,
    goals: e.goals,
    results: e.results,
    startDate: e.start_date,
    endDate: e.end_date,
    participantsCount: e.participants_count,
    participants: e.participants,
    moneyVnd: e.money_vnd,
    workingDays: e.working_days,
    landM2: e.land_m2 === null ? null : String(e.land_m2),
    resourcesOther: e.resources_other,
    evaluationEffective: e.evaluation_effective,
    evaluationScore: e.evaluation_score === null ? null : String(e.evaluation_score),
    implementers: b.implementers.map((i) => (i.unit_id ? { unitId: i.unit_id, unitName: i.unit_name ?? undefined } : { personName: i.person_name ?? '' })),
    transitions: b.transitions.map((t) => ({ id: t.id, action: t.action, fromStatus: t.from_status, toStatus: t.to_status, reason: t.reason, importedFrom: t.imported_from, actorName: t.actor_name, at: iso(t.at) })),
    progress: b.progress.map((p) => ({ id: p.id, onDate: p.on_date, note: p.note, at: iso(p.created_at) })),
    evidence: b.evidence.map((x) => ({ id: x.id, fileName: x.file_name, contentType: x.content_type, sizeBytes: x.size_bytes, uploadedAt: iso(x.uploaded_at) })),
    replicates: b.replicates.map((r) => ({ id: r.id, title: r.title, unitName: r.unit_name })),
    replicatedBy: b.replicatedBy.map((r) => ({ id: r.id, title: r.title, unitName: r.unit_name })),
    allowedActions: b.allowedActions,
  };
}
