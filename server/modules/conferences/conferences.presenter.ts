import type { ConferenceRecord } from './conferences.repository.js';
import type { ReviewConference } from './conferences.schema.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentConference(r: ConferenceRecord): ReviewConference {
  const year = r.period_kind === 'quarter' || r.period_kind === 'year' ? Number(r.period_start.slice(0, 4)) : null;
  const quarter = r.period_kind === 'quarter' ? Math.floor((Number(r.period_start.slice(5, 7)) - 1) / 3) + 1 : null;
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    title: r.title,
    heldOn: r.held_on,
    periodKind: r.period_kind,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    year,
    quarter,
    emulationPeriod: r.emulation_period_id ? { id: r.emulation_period_id, name: r.emulation_period_name ?? '' } : null,
    participantsCount: r.participants_count,
    participants: r.participants,
    notes: r.notes,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}
