/** What leaves the server of plans, tasks and roll-ups: the shapes of common/tasks.ts. */
import { numberAndSymbol } from '../../../common/policy-documents.js';
import type {
  ImplementationPlan,
  ImplementationPlanDetail,
  Rollup,
  TaskDetail,
  TaskEvidence,
  TaskProgressReport,
  TaskSummary,
  TaskTotals,
} from '../../../common/tasks.js';
import type { UnitRecord, UnitRefRecord } from '../units/units.repository.js';
import type { EvidenceRecord, PlanRecord, ReportRecord, TaskRecord, TotalsRecord } from './tasks.repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentPlan(p: PlanRecord): ImplementationPlan {
  return {
    id: p.id,
    document: { id: p.document_id, kind: p.document_kind, numberAndSymbol: numberAndSymbol({ number: p.document_number, symbol: p.document_symbol }), title: p.document_title },
    unit: { id: p.unit_id, name: p.unit_name, kind: p.unit_kind },
    planDocument: p.plan_document_id
      ? { id: p.plan_document_id, kind: 'plan', numberAndSymbol: numberAndSymbol({ number: p.plan_document_number, symbol: p.plan_document_symbol ?? '' }), title: p.plan_document_title ?? '' }
      : null,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    createdAt: iso(p.created_at),
    version: p.version,
  };
}

export function presentTotals(t: TotalsRecord): TaskTotals {
  return { leaves: t.leaves, done: t.done, open: t.open, overdue: t.overdue, dueSoon: t.due_soon, unitsTasked: t.units_tasked, unitsReported: t.units_reported };
}

export function presentTask(t: TaskRecord): TaskSummary {
  return {
    id: t.id,
    planId: t.plan_id,
    documentId: t.document_id,
    parentId: t.parent_id,
    assigningUnit: { id: t.assigning_unit_id, name: t.assigning_unit_name, kind: t.assigning_unit_kind },
    ownerUnit: { id: t.owner_unit_id, name: t.owner_unit_name, kind: t.owner_unit_kind },
    content: t.content,
    expectedOutput: t.expected_output,
    startsOn: t.starts_on,
    deadline: t.deadline,
    status: t.status,
    overdue: t.overdue,
    childCount: t.child_count,
    lastReportOn: t.last_report_on,
    doneAt: t.done_at ? iso(t.done_at) : null,
    updatedAt: iso(t.updated_at),
    version: t.version,
  };
}

export function presentPlanDetail(d: { plan: PlanRecord; tasks: { rows: TaskRecord[]; total: number }; totals: TotalsRecord; can: { assign: boolean } }): ImplementationPlanDetail {
  return { ...presentPlan(d.plan), tasks: { items: d.tasks.rows.map(presentTask), total: d.tasks.total }, totals: presentTotals(d.totals), can: d.can };
}

export function presentEvidence(e: EvidenceRecord): TaskEvidence {
  return { id: e.id, fileName: e.file_name, contentType: e.content_type, sizeBytes: e.size_bytes, sha256: e.sha256, uploadedAt: iso(e.uploaded_at) };
}

export function presentReport(r: ReportRecord & { evidence: EvidenceRecord[] }): TaskProgressReport {
  return {
    id: r.id,
    taskId: r.task_id,
    reportedOn: r.reported_on,
    text: r.text,
    percent: r.percent,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at),
    evidence: r.evidence.map(presentEvidence),
  };
}

type DetailInput = {
  task: TaskRecord;
  plan: PlanRecord;
  ancestors: { id: string; content: string; owner_unit_id: string; owner_unit_name: string; owner_unit_kind: string }[];
  parentDeadline: string | null;
  children: TaskRecord[];
  reports: (ReportRecord & { evidence: EvidenceRecord[] })[];
  can: TaskDetail['can'];
};

export function presentTaskDetail(d: DetailInput): TaskDetail {
  const plan = presentPlan(d.plan);
  return {
    ...presentTask(d.task),
    document: plan.document,
    note: d.task.note,
    createdAt: iso(d.task.created_at),
    ancestors: d.ancestors.map((a) => ({ id: a.id, content: a.content, ownerUnit: { id: a.owner_unit_id, name: a.owner_unit_name, kind: a.owner_unit_kind } })),
    parentDeadline: d.parentDeadline,
    children: d.children.map(presentTask),
    reports: d.reports.map(presentReport),
    can: d.can,
  };
}

type RollupInput = {
  documentId: string;
  unit: UnitRecord;
  ancestors: UnitRefRecord[];
  today: string;
  totals: TotalsRecord;
  own: TotalsRecord;
  children: (TotalsRecord & { unit: { id: string; name: string; kind: string; child_unit_count: number } })[];
};

export function presentRollup(r: RollupInput): Rollup {
  return {
    documentId: r.documentId,
    unit: { id: r.unit.id, name: r.unit.name, kind: r.unit.kind },
    ancestors: r.ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
    today: r.today,
    totals: presentTotals(r.totals),
    own: presentTotals(r.own),
    children: r.children.map((c) => ({ ...presentTotals(c), unit: { id: c.unit.id, name: c.unit.name, kind: c.unit.kind }, childUnitCount: c.unit.child_unit_count })),
  };
}
