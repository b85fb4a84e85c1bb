/** The JSON of hotspots: what a client sees of a case, its timeline and its links. */
import type { Hotspot, HotspotDetail, HotspotUpdate } from '../../../common/hotspots.js';
import type { HotspotRecord, LinkRecord, UpdateRecord } from './hotspots.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const unitRef = (id: string | null, name: string | null, kind: string | null) => (id && name && kind ? { id, name, kind } : null);

export function presentHotspot(h: HotspotRecord): Hotspot {
  return {
    id: h.id,
    unit: { id: h.unit_id, name: h.unit_name, kind: h.unit_kind },
    place: h.place,
    kind: h.kind_code,
    title: h.title,
    summary: h.summary,
    peopleCount: h.people_count,
    severity: h.severity,
    status: h.status,
    occurredAt: iso(h.occurred_at)!,
    closedAt: iso(h.closed_at),
    confidential: h.confidential,
    readerRoles: h.reader_roles,
    ackDueAt: iso(h.ack_due_at)!,
    acknowledgedAt: iso(h.acknowledged_at),
    overdue: h.overdue,
    worsened: h.status !== 'closed' && h.severity > h.seen_severity,
    escalatedTo: unitRef(h.escalated_unit_id, h.escalated_name, h.escalated_kind),
    escalatedAt: iso(h.escalated_at),
    version: h.version,
  };
}

export function presentUpdate(u: UpdateRecord): HotspotUpdate {
  return {
    id: u.id,
    kind: u.kind,
    at: iso(u.at)!,
    by: u.by_name,
    text: u.text,
    statusFrom: u.status_from as HotspotUpdate['statusFrom'],
    statusTo: u.status_to as HotspotUpdate['statusTo'],
    severityFrom: u.severity_from,
    severityTo: u.severity_to,
    reason: u.reason,
    escalatedTo: unitRef(u.escalated_to, u.escalated_name, u.escalated_kind),
  };
}

export function presentHotspotDetail(d: {
  hotspot: HotspotRecord;
  responsible: { id: string; name: string; kind: string }[];
  updates: UpdateRecord[];
  links: LinkRecord[];
  can: HotspotDetail['can'];
}): HotspotDetail {
  return {
    ...presentHotspot(d.hotspot),
    responsibleUnits: d.responsible,
    updates: d.updates.map(presentUpdate),
    links: d.links.map((l) => ({ kind: l.kind, id: l.id, label: l.label })),
    can: d.can,
  };
}
