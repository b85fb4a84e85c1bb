/** What leaves the server of reporting rounds: the shapes of common/reporting-rounds.ts. */
import type {
  CompletenessCounts,
  Participant,
  ReportingSchedule,
  ReportTemplate,
  RoundDetail,
  RoundSummary,
  Submission,
} from '../../../common/reporting-rounds.js';
import type { UnitRecord } from '../units/units.repository.js';
import type { CompletenessCountsRecord, CompletenessChildRecord, ParticipantRecord, RoundRecord, ScheduleRecord, SubmissionRecord, TemplateRecord } from './reporting-rounds.repository.js';
import { isLate } from './reporting-rounds.service.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentTemplate(t: TemplateRecord): ReportTemplate {
  return { id: t.id, unit: { id: t.unit_id, name: t.unit_name, kind: t.unit_kind }, name: t.name, sections: t.sections, createdAt: iso(t.created_at), version: t.version };
}

export function presentSchedule(s: ScheduleRecord): ReportingSchedule {
  return {
    id: s.id,
    unit: { id: s.unit_id, name: s.unit_name, kind: s.unit_kind },
    name: s.name,
    periodKind: s.period_kind,
    cutoffDay: s.cutoff_day,
    dueOffsetDays: s.due_offset_days,
    shiftToWorkingDay: s.shift_to_working_day,
    remindDaysBefore: s.remind_days_before,
    templateId: s.template_id,
    targetKinds: s.target_kinds,
    createdAt: iso(s.created_at),
    version: s.version,
  };
}

export function presentRound(r: RoundRecord): RoundSummary {
  return {
    id: r.id,
    openingUnit: { id: r.opening_unit_id, name: r.opening_unit_name, kind: r.opening_unit_kind },
    scheduleId: r.schedule_id,
    templateId: r.template_id,
    title: r.title,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    dueOn: r.due_on,
    targetKinds: r.target_kinds,
    status: r.status,
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    counters: { expected: r.expected, submitted: r.submitted, late: r.late, returned: r.returned, excused: r.excused },
    own: r.own_state ? { state: r.own_state, dueOn: r.own_due_on!, submittedOn: r.own_submitted_on, submissionId: r.own_submission_id } : null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

const counts = (c: CompletenessCountsRecord): CompletenessCounts => ({
  expected: c.expected,
  onTime: c.on_time,
  late: c.late,
  returned: c.returned,
  missing: c.missing,
  missingOverdue: c.missing_overdue,
  excused: c.excused,
});

export function presentRoundDetail(d: {
  round: RoundRecord;
  template: TemplateRecord;
  completeness: { unit: UnitRecord; totals: CompletenessCountsRecord; children: CompletenessChildRecord[] };
  can: RoundDetail['can'];
}): RoundDetail {
  return {
    ...presentRound(d.round),
    template: presentTemplate(d.template),
    completeness: {
      unit: { id: d.completeness.unit.id, name: d.completeness.unit.name, kind: d.completeness.unit.kind },
      totals: counts(d.completeness.totals),
      children: d.completeness.children.map((c) => ({ unit: { id: c.unit_id, name: c.unit_name, kind: c.unit_kind }, ...counts(c) })),
    },
    can: d.can,
  };
}

export function presentParticipant(p: ParticipantRecord & { extended: boolean; late: boolean; canSubmit: boolean }): Participant {
  return {
    unit: { id: p.unit_id, name: p.unit_name, kind: p.unit_kind },
    parent: p.parent_id ? { id: p.parent_id, name: p.parent_name!, kind: p.parent_kind! } : null,
    state: p.state,
    dueOn: p.due_on,
    extended: p.extended,
    submittedOn: p.submitted_on,
    late: p.late,
    submissionId: p.submission_id,
    submissionVersion: p.submission_version,
    narrative: p.narrative,
    can: { submit: p.canSubmit },
  };
}

export function presentSubmission(d: { submission: SubmissionRecord; round: RoundRecord; template: TemplateRecord; can: Submission['can'] }, today: string): Submission {
  const s = d.submission;
  return {
    id: s.id,
    round: {
      id: d.round.id,
      title: d.round.title,
      openingUnit: { id: d.round.opening_unit_id, name: d.round.opening_unit_name, kind: d.round.opening_unit_kind },
      periodFrom: d.round.period_from,
      periodTo: d.round.period_to,
      status: d.round.status,
    },
    unit: { id: s.unit_id, name: s.unit_name, kind: s.unit_kind },
    template: presentTemplate(d.template),
    status: s.status,
    dueOn: s.due_on,
    submittedOn: s.submitted_on,
    late: isLate({ state: s.participant_state, submitted_on: s.submitted_on, due_on: s.due_on }, today),
    figures: s.figures,
    figuresAt: iso(s.figures_at),
    narrative: s.narrative,
    sections: s.sections,
    returnReason: s.return_reason,
    situationReportId: s.situation_report_id,
    createdAt: iso(s.created_at),
    updatedAt: iso(s.updated_at),
    can: d.can,
    version: s.version,
  };
}
