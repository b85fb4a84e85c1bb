/**
 * Periodic reviews (báo cáo sơ kết / tổng kết) of a unit for a period: who sees them (readers of
 * the unit's subtree; anything else answers "not found"), who writes them (data.write on the
 * unit), results filled from the report engine, key tasks tracked to done, events, and the
 * anniversaries of the period. Every write carries its audit record in its transaction.
 */
import type { Report } from '../../../common/reports.js';
import { todayInVietnam } from '../../../common/units.js';
import type { PartyDocument } from '../../documents/party-document.js';
import { AppError, deadlineInPast } from '../../errors.js';
import { type Actor, assertCan, can, pathCovers, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { periodDates } from '../conferences/conferences.service.js';
import { issuingBodyOn } from '../units/issuing-bodies/issuing-bodies.service.js';
import { getReadableUnit } from '../units/units.service.js';
import { canReadDocument, readScope } from '../policy-documents/policy-documents.service.js';
import { findReviewedDocument } from './document-reviews.repository.js';
import type { PutCommendedUnitsBody } from './document-reviews.schema.js';
import { defaultDocumentReviewTitle, documentPartOf, putCommendedUnits, refreshDocumentFigures } from './document-reviews.service.js';
import { anniversariesIn } from './anniversaries.js';
import { followingStartYear, nextPeriod, type PeriodSpan, periodOfDay, periodPhrase } from './next-period.js';
import { reviewDocument } from './review-document.js';
import { reviewResults } from './review-results.js';
import * as repo from './reviews.repository.js';
import {
  type CreateEventBody,
  type CreateReviewBody,
  type CreateTaskBody,
  type RefreshReviewBody,
  type ReviewListQuery,
  type ReviewPeriodInput,
  TASK_DEADLINE_YEARS_AFTER,
  type TaskActionBody,
  type TaskListQuery,
  type UpdateReviewBody,
  type UpdateTaskBody,
} from './reviews.schema.js';

export type ResolvedReviewPeriod = {
  period: ReviewPeriodInput['period'];
  year: number | null;
  quarter: number | null;
  emulationPeriodId: string | null;
  from: string;
  to: string;
  /** "quý III năm 2024", "năm 2024", "giai đoạn 2021–2025", "từ 01/03/2024 đến 15/05/2024". */
  phrase: string;
};

const fieldError = (path: string, message: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message }]);

/** The first and last day of the reviewed period and how a title names it. */
export async function resolveReviewPeriod(db: Db, p: ReviewPeriodInput): Promise<ResolvedReviewPeriod> {
  const span = await periodSpan(db, p);
  return { period: span.period, year: span.year, quarter: span.quarter, emulationPeriodId: span.emulationPeriod?.id ?? null, from: span.from, to: span.to, phrase: periodPhrase(span) };
}

async function periodSpan(db: Db, p: ReviewPeriodInput): Promise<PeriodSpan> {
  const none = { year: null, quarter: null, emulationPeriod: null };
  switch (p.period) {
    case 'quarter': {
      const { start, end } = periodDates(p.year!, p.quarter!);
      return { ...none, period: 'quarter', year: p.year!, quarter: p.quarter!, from: start, to: end };
    }
    case 'year': {
      const { start, end } = periodDates(p.year!);
      return { ...none, period: 'year', year: p.year!, from: start, to: end };
    }
    case 'emulation_period': {
      const ep = await repo.findEmulationPeriod(db, p.periodId!);
      if (!ep) throw fieldError('body.periodId', 'unknown emulation period');
      return { ...none, period: 'emulation_period', emulationPeriod: { id: ep.id, name: ep.name }, from: `${ep.start_year}-01-01`, to: `${ep.end_year}-12-31` };
    }
    case 'custom':
      return { ...none, period: 'custom', from: p.from!, to: p.to! };
  }
}

/** A stored review's period as a span. */
const spanOf = (r: repo.ReviewRecord): PeriodSpan => ({
  period: r.period,
  year: r.year,
  quarter: r.quarter,
  emulationPeriod: r.emulation_period_id ? { id: r.emulation_period_id, name: r.emulation_period_name ?? '' } : null,
  from: r.period_from,
  to: r.period_to,
});

/** The period a review's tasks are for: see next-period.ts. */
export async function nextPeriodOf(db: Db, r: repo.ReviewRecord): Promise<PeriodSpan> {
  const current = spanOf(r);
  const following = current.period === 'emulation_period' ? await repo.findEmulationPeriodStartingIn(db, followingStartYear(current)) : undefined;
  return nextPeriod(current, following);
}

/** A year or an emulation period is summed up ("tổng kết"); a quarter or another stretch reviewed midway ("sơ kết"). */
export function reviewKindWord(period: ReviewPeriodInput['period']): 'Tổng kết' | 'Sơ kết' {
  return period === 'year' || period === 'emulation_period' ? 'Tổng kết' : 'Sơ kết';
}

export function defaultReviewTitle(p: ResolvedReviewPeriod): string {
  return `${reviewKindWord(p.period)} công tác dân vận và phong trào thi đua “Dân vận khéo” ${p.phrase}`;
}

const notFound = (what: 'review' | 'review_task' | 'review_event', id: string) => new AppError('NOT_FOUND', `${what} ${id} not found`, { what, id });
const versionConflict = (what: string, current: number) => new AppError('CONFLICT', `The ${what} was changed by someone else; reload it and try again`, { currentVersion: current });
const finalReview = () => new AppError('INVALID_TRANSITION', 'The review is final; set it back to draft to change it', { status: 'final' });

/** Whether the actor reads the review's document (a periodic review has none). */
const readsDocumentOf = (actor: Actor, r: repo.ReviewRecord) =>
  !r.policy_document_id || canReadDocument(actor, { issuing_path: r.document_issuing_path!, restricted_roles: r.document_restricted_roles ?? null });

/**
 * The review, when it exists and the actor may read its unit, and its document for a document
 * review (a restricted document's review is hidden as the document is); NOT_FOUND otherwise (all alike).
 */
export async function getReadableReview(ctx: Ctx, actor: Actor, id: string): Promise<repo.ReviewRecord> {
  const r = await repo.findReviewById(ctx.db, id);
  if (!r || !can(actor, 'units.read', r.unit_path) || !readsDocumentOf(actor, r)) throw notFound('review', id);
  return r;
}

async function getWritableReview(ctx: Ctx, actor: Actor, id: string, opts: { draftOnly: boolean }) {
  const r = await getReadableReview(ctx, actor, id);
  assertCan(actor, 'data.write', r.unit_path);
  if (opts.draftOnly && r.status === 'final') throw finalReview();
  return r;
}

/** Readers of the unit see the reviews of its subtree; without a unit, everything in the reader's scopes. */
export async function listReviews(ctx: Ctx, actor: Actor, q: ReviewListQuery) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  return repo.findReviews(ctx.db, {
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    year: q.year,
    period: q.period,
    documents: readScope(actor),
    documentId: q.policyDocumentId,
    limit: q.limit,
    offset: q.offset,
  });
}

/**
 * A review with its tasks, and the events and anniversaries of its period and of the next one
 * (the one its tasks are for), each labelled with the period it falls in.
 */
export async function getReviewDetail(ctx: Ctx, actor: Actor, id: string) {
  const review = await getReadableReview(ctx, actor, id);
  const [figures, tasks, events, definitions, next, documentPart] = await Promise.all([
    repo.findReviewFigures(ctx.db, id),
    repo.findTasksOfReview(ctx.db, id),
    repo.findEventsOfReview(ctx.db, id),
    repo.findAnniversaryDefinitions(ctx.db),
    nextPeriodOf(ctx.db, review),
    documentPartOf(ctx, review),
  ]);
  const current = { to: review.period_to };
  return {
    review,
    nextPeriod: next,
    figures,
    tasks,
    events: events.map((e) => ({ ...e, inPeriod: periodOfDay(e.happened_on, current) })),
    // A document review spans years (ten for a tổng kết): a calendar of every anniversary would bury its figures.
    anniversaries: documentPart ? [] : anniversariesIn(review.period_from, next.to, definitions).map((a) => ({ ...a, inPeriod: periodOfDay(a.date, current) })),
    documentPart,
  };
}

/** The review as a Party document, for readers of its unit. */
export async function reviewDocumentOf(ctx: Ctx, actor: Actor, id: string): Promise<PartyDocument> {
  const d = await getReviewDetail(ctx, actor, id);
  // The heading of the day the document is made (it is dated by hand): the unit's issuing body then.
  const madeOn = todayInVietnam();
  const { body: issuer } = await issuingBodyOn(ctx.db, d.review.unit_id, madeOn);
  return reviewDocument({ ...d, figures: d.figures as Report | null, issuer, madeOn });
}

/** Creates the review of a unit for a period, its results filled from the report engine at once. */
export async function createReview(ctx: Ctx, actor: Actor, input: CreateReviewBody): Promise<repo.ReviewRecord> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  const period = await resolveReviewPeriod(ctx.db, input);
  const existing = await repo.findReviewByUnitAndRange(ctx.db, unit.id, period.from, period.to);
  if (existing) throw new AppError('ALREADY_EXISTS', 'This unit already has a review of this period', { reviewId: existing.id });
  const results = await reviewResults(ctx, unit.id, period);
  const values: repo.NewReview = {
    unit_id: unit.id,
    period: period.period,
    year: period.year,
    quarter: period.quarter,
    emulation_period_id: period.emulationPeriodId,
    period_from: period.from,
    period_to: period.to,
    title: input.title ?? defaultReviewTitle(period),
    figures: results.report,
    narrative: results.narrative,
    created_by: actor.userId,
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.createReview(trx, values);
    await recordAudit(trx, actor, {
      action: 'review.create',
      recordType: 'review',
      recordId: newId,
      unitId: unit.id,
      after: { unitId: unit.id, period: period.period, from: period.from, to: period.to, title: values.title, entries: results.report.figures.entries.total },
    });
    return newId;
  });
  return (await repo.findReviewById(ctx.db, id))!;
}

/** Changes the title, narrative, shortcomings or status with optimistic concurrency on `version`. */
export async function updateReview(ctx: Ctx, actor: Actor, id: string, input: UpdateReviewBody): Promise<repo.ReviewRecord> {
  const current = await getWritableReview(ctx, actor, id, { draftOnly: false });
  if (input.ordinalYears !== undefined && !current.policy_document_id) throw fieldError('body.ordinalYears', 'only a document review counts its years');
  const doc = input.ordinalYears !== undefined && input.title === undefined ? await findReviewedDocument(ctx.db, current.policy_document_id!) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReview(trx, id);
    if (!row) throw notFound('review', id);
    if (row.version !== input.version) throw versionConflict('review', row.version);
    const editsContent = input.title !== undefined || input.narrative !== undefined || input.shortcomings !== undefined || input.ordinalYears !== undefined;
    // A final review opens again only by saying so; it is never edited while final.
    if (row.status === 'final' && editsContent && input.status !== 'draft') throw finalReview();
    // A new ordinal rewrites the title only while it is the default one: a typed title is kept.
    const retitled =
      doc && current.kind && row.title === defaultDocumentReviewTitle(current.kind, row.ordinal_years, current.joint ?? false, doc)
        ? defaultDocumentReviewTitle(current.kind, input.ordinalYears!, current.joint ?? false, doc)
        : undefined;
    const wanted: repo.ReviewChanges = {
      title: input.title ?? retitled,
      narrative: input.narrative,
      shortcomings: input.shortcomings,
      status: input.status,
      ordinal_years: input.ordinalYears,
    };
    const changes: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof typeof wanted, unknown][]) {
      if (v === undefined || v === row[k as keyof typeof row]) continue;
      changes[k] = v;
      before[k] = row[k as keyof typeof row];
    }
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateReview(trx, id, input.version, changes))) throw versionConflict('review', row.version);
    await recordAudit(trx, actor, { action: 'review.update', recordType: 'review', recordId: id, unitId: current.unit_id, before, after: changes });
  });
  return (await repo.findReviewById(ctx.db, id))!;
}

/** Fills the results again from today's data; the narrative is rewritten when empty or when asked. */
export async function refreshReview(ctx: Ctx, actor: Actor, id: string, input: RefreshReviewBody): Promise<repo.ReviewRecord> {
  const current = await getWritableReview(ctx, actor, id, { draftOnly: true });
  if (current.version !== input.version) throw versionConflict('review', current.version);
  if (current.policy_document_id) {
    await refreshDocumentFigures(ctx, actor, current, input);
    return (await repo.findReviewById(ctx.db, id))!;
  }
  const results = await reviewResults(ctx, current.unit_id, {
    period: current.period,
    year: current.year,
    quarter: current.quarter,
    emulationPeriodId: current.emulation_period_id,
    from: current.period_from,
    to: current.period_to,
  });
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReview(trx, id);
    if (!row) throw notFound('review', id);
    if (row.version !== input.version) throw versionConflict('review', row.version);
    if (row.status === 'final') throw finalReview();
    const replace = input.replaceNarrative || !row.narrative;
    const changes: repo.ReviewChanges = { figures: results.report, ...(replace ? { narrative: results.narrative } : {}) };
    if (!(await repo.updateReview(trx, id, input.version, changes))) throw versionConflict('review', row.version);
    await recordAudit(trx, actor, {
      action: 'review.refresh',
      recordType: 'review',
      recordId: id,
      unitId: current.unit_id,
      before: replace ? { narrative: row.narrative } : undefined,
      after: { entries: results.report.figures.entries.total, narrativeReplaced: replace },
    });
  });
  return (await repo.findReviewById(ctx.db, id))!;
}

/** Replaces the commended units of a draft document review (see document-reviews.service.ts). */
export async function setCommendedUnits(ctx: Ctx, actor: Actor, id: string, input: PutCommendedUnitsBody): Promise<void> {
  const review = await getWritableReview(ctx, actor, id, { draftOnly: true });
  await putCommendedUnits(ctx, actor, review, input);
}

// Tasks ----------------------------------------------------------------------------------------

function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

/** A deadline from the start of the reviewed period to TASK_DEADLINE_YEARS_AFTER years after its end. */
function checkDeadline(deadline: string, review: { period_from: string; period_to: string }) {
  const latest = addYears(review.period_to, TASK_DEADLINE_YEARS_AFTER);
  if (deadline < review.period_from || deadline > latest) {
    throw fieldError('body.deadline', `must be between ${review.period_from} (start of the reviewed period) and ${latest}`);
  }
}

/** The unit in charge is the review's unit or a unit under it, in force. */
async function checkOwner(db: Db, ownerUnitId: string, review: { unit_path: string }) {
  const owner = await repo.findUnitPath(db, ownerUnitId);
  if (!owner || !pathCovers(review.unit_path, owner.path)) throw fieldError('body.ownerUnitId', "must be the review's unit or a unit under it");
  if (owner.valid_to !== null) throw new AppError('UNIT_NOT_IN_FORCE', 'The unit in charge is no longer in force', [{ path: 'body.ownerUnitId', message: 'retired unit' }]);
}

async function getTaskForWrite(ctx: Ctx, actor: Actor, id: string) {
  const task = await repo.findTaskById(ctx.db, id);
  const review = task ? await repo.findReviewById(ctx.db, task.review_id) : undefined;
  if (!task || !review || !can(actor, 'units.read', task.review_unit_path) || !readsDocumentOf(actor, review)) throw notFound('review_task', id);
  assertCan(actor, 'data.write', task.review_unit_path);
  return task;
}

/**
 * Adds a key task. Its deadline is today or later: `today` is Viet Nam's, except for the demo,
 * which writes its history as of the day each review was written.
 */
export async function createTask(ctx: Ctx, actor: Actor, reviewId: string, input: CreateTaskBody, today = todayInVietnam()): Promise<repo.TaskRecord> {
  const review = await getWritableReview(ctx, actor, reviewId, { draftOnly: true });
  if (input.deadline < today) throw deadlineInPast('body.deadline', today);
  checkDeadline(input.deadline, review);
  await checkOwner(ctx.db, input.ownerUnitId, review);
  const values: repo.TaskValues = { content: input.content, owner_unit_id: input.ownerUnitId, deadline: input.deadline, note: input.note ?? null };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReview(trx, reviewId);
    if (row?.status !== 'draft') throw finalReview();
    const newId = await repo.createTask(trx, reviewId, actor.userId, values);
    await recordAudit(trx, actor, { action: 'review_task.create', recordType: 'review_task', recordId: newId, unitId: review.unit_id, after: { reviewId, ...values } });
    return newId;
  });
  return (await repo.findTaskById(ctx.db, id))!;
}

export async function updateTask(ctx: Ctx, actor: Actor, id: string, input: UpdateTaskBody): Promise<repo.TaskRecord> {
  const task = await getTaskForWrite(ctx, actor, id);
  const review = (await repo.findReviewById(ctx.db, task.review_id))!;
  if (review.status === 'final') throw finalReview();
  // A task overdue already keeps its deadline through other edits; a new deadline is today or later.
  const today = todayInVietnam();
  if (input.deadline !== undefined && input.deadline !== task.deadline && input.deadline < today) throw deadlineInPast('body.deadline', today);
  if (input.deadline !== undefined) checkDeadline(input.deadline, review);
  if (input.ownerUnitId !== undefined) await checkOwner(ctx.db, input.ownerUnitId, review);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw notFound('review_task', id);
    if (row.version !== input.version) throw versionConflict('task', row.version);
    const wanted: Partial<repo.TaskValues> = { content: input.content, owner_unit_id: input.ownerUnitId, deadline: input.deadline, note: input.note };
    const changes: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof repo.TaskValues, unknown][]) {
      if (v === undefined || v === row[k]) continue;
      changes[k] = v;
      before[k] = row[k];
    }
    if (!Object.keys(changes).length) return;
    if (!(await repo.updateTask(trx, id, input.version, changes))) throw versionConflict('task', row.version);
    await recordAudit(trx, actor, { action: 'review_task.update', recordType: 'review_task', recordId: id, unitId: review.unit_id, before, after: changes });
  });
  return (await repo.findTaskById(ctx.db, id))!;
}

/**
 * Marks a task done (who and when are recorded) or open again. Allowed on a final review too:
 * a review's tasks are the next period's work and are tracked after the review is closed.
 */
export async function setTaskStatus(ctx: Ctx, actor: Actor, id: string, status: 'open' | 'done', input: TaskActionBody): Promise<repo.TaskRecord> {
  const task = await getTaskForWrite(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw notFound('review_task', id);
    if (row.version !== input.version) throw versionConflict('task', row.version);
    if (row.status === status) throw new AppError('INVALID_TRANSITION', status === 'done' ? 'The task is already done' : 'The task is already open', { status: row.status });
    const changes: repo.TaskChanges =
      status === 'done' ? { status, done_at: new Date(), done_by: actor.userId } : { status, done_at: null, done_by: null };
    if (input.note !== undefined) changes.note = input.note;
    if (!(await repo.updateTask(trx, id, input.version, changes))) throw versionConflict('task', row.version);
    await recordAudit(trx, actor, {
      action: status === 'done' ? 'review_task.done' : 'review_task.reopen',
      recordType: 'review_task',
      recordId: id,
      unitId: task.review_unit_id,
      before: { status: row.status, note: row.note },
      after: { status, ...(input.note !== undefined ? { note: input.note } : {}) },
    });
  });
  return (await repo.findTaskById(ctx.db, id))!;
}

export async function deleteTask(ctx: Ctx, actor: Actor, id: string, version: number): Promise<void> {
  const task = await getTaskForWrite(ctx, actor, id);
  const review = (await repo.findReviewById(ctx.db, task.review_id))!;
  if (review.status === 'final') throw finalReview();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockTask(trx, id);
    if (!row) throw notFound('review_task', id);
    if (row.version !== version) throw versionConflict('task', row.version);
    if (!(await repo.deleteTask(trx, id, version))) throw versionConflict('task', row.version);
    await recordAudit(trx, actor, {
      action: 'review_task.delete',
      recordType: 'review_task',
      recordId: id,
      unitId: review.unit_id,
      before: { reviewId: row.review_id, content: row.content, ownerUnitId: row.owner_unit_id, deadline: row.deadline, status: row.status },
    });
  });
}

/** Tasks of the reviews the actor may read (optionally under a unit), nearest deadline first. */
export async function listTasks(ctx: Ctx, actor: Actor, q: TaskListQuery) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  return repo.findTasks(ctx.db, {
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    ownerUnitId: q.ownerUnitId,
    status: q.status,
    overdue: q.overdue,
    due: q.due,
    documents: readScope(actor),
    limit: q.limit,
    offset: q.offset,
  });
}

// Events ---------------------------------------------------------------------------------------

/** An event of the reviewed period, or one planned in the next period (the one the tasks are for). */
export async function createEvent(ctx: Ctx, actor: Actor, reviewId: string, input: CreateEventBody): Promise<repo.EventRecord> {
  const review = await getWritableReview(ctx, actor, reviewId, { draftOnly: true });
  const next = await nextPeriodOf(ctx.db, review);
  if (input.happenedOn < review.period_from || input.happenedOn > next.to) {
    throw fieldError('body.happenedOn', `must lie in the reviewed period or the next one (${review.period_from} – ${next.to})`);
  }
  const values = { happened_on: input.happenedOn, title: input.title, description: input.description ?? null };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await repo.createEvent(trx, reviewId, actor.userId, values);
    await recordAudit(trx, actor, { action: 'review_event.create', recordType: 'review_event', recordId: newId, unitId: review.unit_id, after: { reviewId, ...values } });
    return newId;
  });
  return (await repo.findEventById(ctx.db, id))!;
}

export async function deleteEvent(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const event = await repo.findEventById(ctx.db, id);
  const review = event ? await repo.findReviewById(ctx.db, event.review_id) : undefined;
  if (!event || !review || !can(actor, 'units.read', review.unit_path) || !readsDocumentOf(actor, review)) throw notFound('review_event', id);
  assertCan(actor, 'data.write', review.unit_path);
  if (review.status === 'final') throw finalReview();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteEvent(trx, id);
    await recordAudit(trx, actor, { action: 'review_event.delete', recordType: 'review_event', recordId: id, unitId: review.unit_id, before: { ...event } });
  });
}
