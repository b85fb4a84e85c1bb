/**
 * What leaves the server about commendations. An individual's name and position are public award
 * information (published in the decision), so readers in scope see them; nothing else personal is
 * stored.
 */
import type { CommendationRecord } from './commendations.repository.js';
import type { Commendation, CommendationForm } from './commendations.schema.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentCommendation(r: CommendationRecord): Commendation {
  return {
    id: r.id,
    recipientKind: r.recipient_kind,
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    name: r.recipient_kind === 'individual' ? r.recipient_name : null,
    position: r.recipient_kind === 'individual' ? r.recipient_position : null,
    formCode: r.form_code,
    formNames: r.form_names,
    issuingUnit: { id: r.issuing_unit_id, name: r.issuing_unit_name, kind: r.issuing_unit_kind },
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    year: r.year,
    emulationPeriodId: r.emulation_period_id,
    conferenceId: r.conference_id,
    reason: r.reason,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function presentForm(r: { code: string; names: Record<string, string>; sort_order: number; builtin: boolean }): CommendationForm {
  return { code: r.code, names: r.names, sortOrder: r.sort_order, builtin: r.builtin };
}
