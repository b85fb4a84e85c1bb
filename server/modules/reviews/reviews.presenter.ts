import type { AnniversaryEvent } from './anniversaries.js';
import type { DocumentPart } from './document-reviews.service.js';
import type { PeriodSpan, PeriodWhich } from './next-period.js';
import type { EventRecord, ReviewRecord, TaskRecord } from './reviews.repository.js';
import type { Review, ReviewDetail, ReviewEvent, ReviewTask } from './reviews.schema.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

export function presentReview(r: ReviewRecord): Review {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name, kind: r.unit_kind },
    period: r.period,
    year: r.year,
    quarter: r.quarter,
    emulationPeriod: r.emulation_period_id ? { id: r.emulation_period_id, name: r.emulation_period_name ?? '' } : null,
    from: r.period_from,
    to: r.period_to,
    title: r.title,
    status: r.status,
    narrative: r.narrative,
    shortcomings: r.shortcomings,
    figuresAt: r.figures_at ? iso(r.figures_at) : null,
    taskCounts: { open: r.open_tasks, done: r.done_tasks, overdue: r.overdue_tasks },
    policyDocumentId: r.policy_document_id ?? null,
    kind: r.kind ?? null,
    ordinalYears: r.ordinal_years ?? null,
    joint: r.joint ?? false,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function presentTask(t: TaskRecord): ReviewTask {
  return {
    id: t.id,
    reviewId: t.review_id,
    content: t.content,
    owner: { id: t.owner_unit_id, name: t.owner_name, kind: t.owner_kind },
    deadline: t.deadline,
    status: t.status,
    overdue: t.overdue,
    doneAt: t.done_at ? iso(t.done_at) : null,
    doneBy: t.done_by ? { id: t.done_by, name: t.done_by_name ?? '' } : null,
    note: t.note,
    version: t.version,
  };
}

export function presentTaskWithReview(t: TaskRecord) {
  return { ...presentTask(t), review: { id: t.review_id, title: t.review_title, unit: { id: t.review_unit_id, name: t.review_unit_name, kind: t.review_unit_kind } } };
}

export function presentEvent(e: EventRecord): ReviewEvent {
  return { id: e.id, reviewId: e.review_id, happenedOn: e.happened_on, title: e.title, description: e.description };
}

type InPeriod = { inPeriod: PeriodWhich };

export function presentReviewDetail(d: {
  review: ReviewRecord;
  nextPeriod: PeriodSpan;
  figures: unknown;
  tasks: TaskRecord[];
  events: (EventRecord & InPeriod)[];
  anniversaries: (AnniversaryEvent & InPeriod)[];
  documentPart?: DocumentPart | null;
}): ReviewDetail {
  const p = d.documentPart;
  return {
    ...presentReview(d.review),
    nextPeriod: d.nextPeriod,
    figures: (d.figures ?? null) as ReviewDetail['figures'],
    tasks: d.tasks.map(presentTask),
    events: d.events.map((e) => ({ ...presentEvent(e), inPeriod: e.inPeriod })),
    anniversaries: d.anniversaries,
    ofDocument: p
      ? {
          document: {
            id: p.document.id,
            kind: p.document.kind,
            kindNames: p.document.kind_names,
            number: p.document.number,
            symbol: p.document.symbol,
            issuedOn: p.document.issued_on,
            issuingBody: p.document.issuing_body,
            title: p.document.title,
          },
          kind: d.review.kind!,
          ordinalYears: d.review.ordinal_years ?? null,
          joint: d.review.joint ?? false,
          documentFigures: p.figures,
          commendedUnits: p.commended.map((c) => ({ unit: { id: c.unit_id, name: c.unit_name, kind: c.unit_kind }, form: c.form, commendationId: c.commendation_id })),
        }
      : null,
  };
}
