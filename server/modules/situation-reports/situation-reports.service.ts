/**
 * Situation reports (docs/situation.md §2–§3, "Situation reports as built"): read with units.read
 * on the reporting unit (and above it), written with data.write on it. An ad hoc report is drafted,
 * edited at its version and submitted here; a regular report is the situation part of a reporting
 * round's submission: drafted with it, edited here while the submission may be edited, and sent,
 * returned and counted with it (round-submissions.service.ts calls the hooks at the end).
 */
import type { CreateSituationReportBody, SituationItemInput, SituationReportListQuery, UpdateSituationReportBody } from '../../../common/situation.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './situation-reports.repository.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `Situation report ${id} not found`, { what: 'situation_report', id });
const conflict = (current: number) => new AppError('CONFLICT', 'The situation report was changed by someone else; reload it and try again', { currentVersion: current });
const fieldError = (path: string, message: string, code: string) => new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);
const transition = (message: string, details: Record<string, unknown>) => new AppError('INVALID_TRANSITION', message, details);
const noItems = () => fieldError('body.items', 'a report is submitted with at least one item', 'no_items');
const future = (today: string) => new AppError('VALIDATION_FAILED', 'reportedOn: must not be after today', [{ path: 'body.reportedOn', message: `must not be after ${today}`, code: 'future' }]);

export const listTopics = (ctx: Ctx) => repo.findCatalogue(ctx.db, 'opinion_topics');
export const listGroups = (ctx: Ctx) => repo.findCatalogue(ctx.db, 'population_groups');

export async function getReadableReport(ctx: Ctx, actor: Actor, id: string): Promise<repo.ReportRecord> {
  const r = await repo.findReport(ctx.db, id);
  if (!r || !can(actor, 'units.read', r.unit_path)) throw notFound(id);
  return r;
}

export async function listReports(ctx: Ctx, actor: Actor, q: SituationReportListQuery) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  if (q.from && q.to && q.to < q.from) throw new AppError('INVALID_RANGE', 'The end of the period must not be before its start', [{ path: 'querystring.to', message: 'must not be before from' }]);
  return repo.findReports(ctx.db, { under: unit.path, kind: q.kind, status: q.status, topic: q.topic, mood: q.mood, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
}

/** Whether the regular report's submission may still be written (draft or returned, round open). */
async function submissionOpen(db: Ctx['db'], submissionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('round_submissions as s')
    .innerJoin('reporting_rounds as r', 'r.id', 's.round_id')
    .select(['s.status', 'r.status as round_status'])
    .where('s.id', '=', submissionId)
    .executeTakeFirst();
  return !!row && row.round_status === 'open' && (row.status === 'draft' || row.status === 'returned');
}

export async function getReportDetail(ctx: Ctx, actor: Actor, id: string) {
  const report = await getReadableReport(ctx, actor, id);
  const items = await repo.findItems(ctx.db, id);
  const writer = can(actor, 'data.write', report.unit_path) && report.status === 'draft';
  const edit = writer && (report.kind === 'ad_hoc' || (await submissionOpen(ctx.db, report.submission_id!)));
  return { report, items, can: { edit, submit: edit && report.kind === 'ad_hoc' } };
}

/** The items as stored, after checking each topic and group against the catalogues. */
async function checkItems(ctx: Ctx, items: SituationItemInput[]): Promise<repo.ItemValues[]> {
  const [topics, groups] = await Promise.all([listTopics(ctx), listGroups(ctx)]);
  const topicCodes = new Set(topics.map((t) => t.code));
  const groupCodes = new Set(groups.map((g) => g.code));
  items.forEach((item, i) => {
    if (!topicCodes.has(item.topic)) throw fieldError(`body.items[${i}].topic`, `unknown topic "${item.topic}"`, 'unknown');
    const g = item.groups.findIndex((c) => !groupCodes.has(c));
    if (g >= 0) throw fieldError(`body.items[${i}].groups[${g}]`, `unknown group "${item.groups[g]}"`, 'unknown');
  });
  return items.map((item) => ({ topic_code: item.topic, group_codes: item.groups, mood: item.mood, summary: item.summary, proposals: item.proposals ?? null, sources: item.sources ?? null }));
}

const itemAudit = (items: repo.ItemValues[]) => items.map((i) => ({ topic: i.topic_code, groups: i.group_codes, mood: i.mood, summary: i.summary, proposals: i.proposals, sources: i.sources }));

/** An ad hoc report (báo cáo nhanh), drafted; its day may not be in the future. */
export async function createAdHocReport(ctx: Ctx, actor: Actor, input: CreateSituationReportBody, today = todayInVietnam()): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  if (input.reportedOn > today) throw future(today);
  const items = await checkItems(ctx, input.items);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertReport(trx, {
      unit_id: unit.id,
      unit_path: unit.path,
      kind: 'ad_hoc',
      round_id: null,
      submission_id: null,
      period_from: input.reportedOn,
      period_to: input.reportedOn,
      overall_mood: input.overallMood,
      created_by: actor.userId,
    });
    await repo.replaceItems(trx, id, items);
    await recordAudit(trx, actor, {
      action: 'situation_report.create',
      recordType: 'situation_report',
      recordId: id,
      unitId: unit.id,
      after: { kind: 'ad_hoc', reportedOn: input.reportedOn, overallMood: input.overallMood, items: itemAudit(items) },
    });
    return id;
  });
}

/** Changes a draft at the version it was read at; `items` replaces them all. */
export async function updateReport(ctx: Ctx, actor: Actor, id: string, input: UpdateSituationReportBody, today = todayInVietnam()): Promise<void> {
  const report = await getReadableReport(ctx, actor, id);
  assertCan(actor, 'data.write', report.unit_path);
  if (input.reportedOn !== undefined && report.kind !== 'ad_hoc') throw fieldError('body.reportedOn', "a regular report's period is its round's", 'regular');
  if (input.reportedOn !== undefined && input.reportedOn > today) throw future(today);
  const items = input.items ? await checkItems(ctx, input.items) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReport(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    if (row.status !== 'draft') throw transition('A submitted situation report cannot be changed', { status: row.status, action: 'update' });
    if (row.kind === 'regular' && !(await submissionOpen(trx, row.submission_id!))) {
      throw transition("The round's submission is no longer being written", { status: 'submitted', action: 'update' });
    }
    const changes: repo.ReportChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (input.reportedOn !== undefined && input.reportedOn !== row.period_to) {
      [changes.period_from, changes.period_to, before.reportedOn, after.reportedOn] = [input.reportedOn, input.reportedOn, row.period_to, input.reportedOn];
    }
    if (input.overallMood !== undefined && input.overallMood !== row.overall_mood) {
      [changes.overall_mood, before.overallMood, after.overallMood] = [input.overallMood, row.overall_mood, input.overallMood];
    }
    if (items) {
      before.items = itemAudit(await repo.findItems(trx, id));
      after.items = itemAudit(items);
    }
    if (!Object.keys(after).length) return;
    if (!(await repo.updateReport(trx, id, row.version, changes))) throw conflict(row.version);
    if (items) await repo.replaceItems(trx, id, items);
    await recordAudit(trx, actor, { action: 'situation_report.update', recordType: 'situation_report', recordId: id, unitId: row.unit_id, before, after });
  });
}

/** Submits an ad hoc draft: at least one item, its day not in the future. Its items then count in the summaries. */
export async function submitReport(ctx: Ctx, actor: Actor, id: string, version: number, today = todayInVietnam()): Promise<void> {
  const report = await getReadableReport(ctx, actor, id);
  assertCan(actor, 'data.write', report.unit_path);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockReport(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== version) throw conflict(row.version);
    if (row.kind === 'regular') throw transition("A regular situation report is sent with its round's submission", { kind: 'regular', action: 'submit' });
    if (row.status !== 'draft') throw transition('The situation report is already submitted', { status: row.status, action: 'submit' });
    if (row.period_to > today) throw future(today);
    if (!(await repo.findItems(trx, id)).length) throw noItems();
    if (!(await repo.updateReport(trx, id, row.version, { status: 'submitted', submitted_on: today, submitted_by: actor.userId }))) throw conflict(row.version);
    await recordAudit(trx, actor, { action: 'situation_report.submit', recordType: 'situation_report', recordId: id, unitId: row.unit_id, before: { status: 'draft' }, after: { status: 'submitted', submittedOn: today } });
  });
}

// ---------------------------------------------------------------- hooks of the reporting rounds

/** Whether a template's sections include the situation part. */
export const hasSituationSection = (sections: { kind: string }[]) => sections.some((s) => s.kind === 'situation');

/** Drafts the situation part of a new round submission (in the submission's transaction). */
export async function createForSubmission(
  trx: Ctx['db'],
  actor: Actor,
  s: { submissionId: string; roundId: string; unitId: string; unitPath: string; periodFrom: string; periodTo: string },
): Promise<string> {
  const id = await repo.insertReport(trx, {
    unit_id: s.unitId,
    unit_path: s.unitPath,
    kind: 'regular',
    round_id: s.roundId,
    submission_id: s.submissionId,
    period_from: s.periodFrom,
    period_to: s.periodTo,
    overall_mood: null,
    created_by: actor.userId,
  });
  await recordAudit(trx, actor, { action: 'situation_report.create', recordType: 'situation_report', recordId: id, unitId: s.unitId, after: { kind: 'regular', roundId: s.roundId, submissionId: s.submissionId } });
  return id;
}

/** Submits the situation part with its submission: refused (nothing written) when it has no item. */
export async function submitWithSubmission(trx: Ctx['db'], actor: Actor, submissionId: string, today: string): Promise<void> {
  const id = await repo.findReportIdBySubmission(trx, submissionId);
  if (!id || !(await repo.findItems(trx, id)).length) {
    throw new AppError('VALIDATION_FAILED', 'situation: the situation part needs at least one item', [{ path: 'situation.items', message: 'at least one item', code: 'no_items' }]);
  }
  await repo.setStatusBySubmission(trx, submissionId, { status: 'submitted', submitted_on: today, submitted_by: actor.userId });
}

/** A returned submission's situation part goes back to draft (and out of the counts) to be corrected. */
export async function returnWithSubmission(trx: Ctx['db'], submissionId: string): Promise<void> {
  await repo.setStatusBySubmission(trx, submissionId, { status: 'draft', submitted_on: null, submitted_by: null });
}
