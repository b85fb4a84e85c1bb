/**
 * A participant's submission to a reporting round (docs/leadership-loop.md §3–§5): one per unit
 * and round. Its editors (data.write on the participant unit) draft it, with the report engine's
 * figures for the unit's subtree and the round's period as a snapshot (refreshed on demand, as a
 * review's results are), write the template's text sections and submit it; the opening unit's
 * editors return it with a reason or accept it. The submission's status and the participant's
 * state change together, in one transaction with the audit record.
 */
import { sql } from 'kysely';
import type { Report } from '../../../common/reports.js';
import type { ReturnSubmissionBody, UpdateSubmissionBody } from '../../../common/reporting-rounds.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can, pathCovers } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as situation from '../situation-reports/situation-reports.service.js';
import { buildReport } from '../reports/reports.service.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './reporting-rounds.repository.js';
import { roundNotFound } from './reporting-rounds.service.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `Submission ${id} not found`, { what: 'round_submission', id });
const versionConflict = (current: number) => new AppError('CONFLICT', 'The submission was changed by someone else; reload it and try again', { currentVersion: current });
const transition = (message: string, details: Record<string, unknown>) => new AppError('INVALID_TRANSITION', message, details);

/** The figures of the unit's subtree over the round's period, as the report page shows them. */
function figuresOf(ctx: Ctx, unitId: string, round: { period_from: string; period_to: string }): Promise<Report> {
  return buildReport(ctx, { unitId, period: 'custom', from: round.period_from, to: round.period_to });
}

/** The submission, when the actor reads its unit (the opening unit's readers are above it). */
export async function getReadableSubmission(ctx: Ctx, actor: Actor, id: string): Promise<repo.SubmissionRecord> {
  const s = await repo.findSubmission(ctx.db, id);
  if (!s || !can(actor, 'units.read', s.unit_path)) throw notFound(id);
  return s;
}

async function getWritableSubmission(ctx: Ctx, actor: Actor, id: string): Promise<repo.SubmissionRecord> {
  const s = await getReadableSubmission(ctx, actor, id);
  assertCan(actor, 'data.write', s.unit_path);
  return s;
}

/** The submission with its round and template, and what the actor may do with it. */
export async function getSubmissionDetail(ctx: Ctx, actor: Actor, id: string) {
  const submission = await getReadableSubmission(ctx, actor, id);
  const round = (await repo.findRound(ctx.db, submission.round_id))!;
  const template = (await repo.findTemplate(ctx.db, round.template_id))!;
  const open = round.status === 'open';
  const writable = open && can(actor, 'data.write', submission.unit_path) && submission.participant_state !== 'excused' && ['draft', 'returned'].includes(submission.status);
  const reviewable = can(actor, 'data.write', round.opening_path) && submission.status === 'submitted';
  return { submission, round, template, can: { edit: writable, submit: writable, review: reviewable } };
}

/**
 * Drafts the submission of a participant unit, with the figures snapshot. A second one for the
 * same unit and round is ALREADY_EXISTS {submissionId}; a unit outside the round's subtree is
 * UNIT_OUTSIDE_SUBTREE; a closed round, or an excused participant, INVALID_TRANSITION.
 */
export async function createSubmission(ctx: Ctx, actor: Actor, roundId: string, unitId: string): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, unitId);
  assertCan(actor, 'data.write', unit.path);
  const round = await repo.findRound(ctx.db, roundId);
  if (!round || !(can(actor, 'units.read', round.opening_path) || pathCovers(round.opening_path, unit.path))) throw roundNotFound(roundId);
  if (!pathCovers(round.opening_path, unit.path) || unit.path === round.opening_path) {
    throw new AppError('UNIT_OUTSIDE_SUBTREE', `Unit ${unitId} is not under the round's opening unit`, [{ path: 'body.unitId', message: 'must be a participant of the round' }]);
  }
  const existing = await repo.findSubmissionId(ctx.db, roundId, unitId);
  if (existing) throw new AppError('ALREADY_EXISTS', 'This unit already has a submission in this round', { submissionId: existing });
  const figures = await figuresOf(ctx, unitId, round);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockRound(trx, roundId);
    if (!row) throw roundNotFound(roundId);
    if (row.status !== 'open') throw transition('The round is closed', { status: row.status, action: 'create' });
    const participant = await repo.lockParticipant(trx, roundId, unitId);
    if (!participant) throw new AppError('VALIDATION_FAILED', 'unitId: the unit does not take part in this round', [{ path: 'body.unitId', message: 'not a participant of the round', code: 'not_participant' }]);
    // The round's lock serializes creations, so a racing one is seen here.
    const raced = await repo.findSubmissionId(trx, roundId, unitId);
    if (raced) throw new AppError('ALREADY_EXISTS', 'This unit already has a submission in this round', { submissionId: raced });
    if (participant.state === 'excused') throw transition('The unit is excused from this round', { state: 'excused', action: 'create' });
    const id = await repo.insertSubmission(trx, { round_id: roundId, unit_id: unitId, figures, created_by: actor.userId });
    await repo.updateParticipant(trx, roundId, unitId, { state: 'draft', submission_id: id });
    const template = await repo.findTemplate(trx, round.template_id);
    if (template && situation.hasSituationSection(template.sections)) {
      await situation.createForSubmission(trx, actor, { submissionId: id, roundId, unitId, unitPath: unit.path, periodFrom: round.period_from, periodTo: round.period_to });
    }
    await recordAudit(trx, actor, { action: 'round_submission.create', recordType: 'round_submission', recordId: id, unitId, after: { roundId, unitId, status: 'draft' } });
    return id;
  });
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockSubmission>>>;

/**
 * Runs a participant's write (edit, refresh, submit) on a draft or returned submission of an open
 * round, under the round's lock, at the version the writer read.
 */
async function participantWrite(ctx: Ctx, actor: Actor, id: string, version: number, action: string, write: (trx: Ctx['db'], row: Locked) => Promise<{ before: unknown; after: unknown } | null>) {
  const s = await getWritableSubmission(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const round = await repo.lockRound(trx, s.round_id);
    const row = await repo.lockSubmission(trx, id);
    if (!round || !row) throw notFound(id);
    if (row.version !== version) throw versionConflict(row.version);
    if (round.status !== 'open') throw transition('The round is closed', { status: 'closed', action });
    if (row.status !== 'draft' && row.status !== 'returned') throw transition(`A ${row.status} submission cannot be changed`, { status: row.status, action });
    const participant = await repo.lockParticipant(trx, s.round_id, s.unit_id);
    if (participant?.state === 'excused') throw transition('The unit is excused from this round', { state: 'excused', action });
    const audit = await write(trx, row);
    if (!audit) return;
    await recordAudit(trx, actor, { action: `round_submission.${action}`, recordType: 'round_submission', recordId: id, unitId: s.unit_id, ...audit });
  });
}

/** The narrative and the text sections (merged by key; an empty text removes its key). */
export async function updateSubmission(ctx: Ctx, actor: Actor, id: string, input: UpdateSubmissionBody): Promise<void> {
  const s = await getReadableSubmission(ctx, actor, id);
  if (input.sections) {
    const round = (await repo.findRound(ctx.db, s.round_id))!;
    const template = (await repo.findTemplate(ctx.db, round.template_id))!;
    const textKeys = new Set(template.sections.filter((x) => x.kind === 'text').map((x) => x.key));
    const unknown = Object.keys(input.sections).filter((k) => !textKeys.has(k));
    if (unknown.length) {
      throw new AppError('VALIDATION_FAILED', 'Some sections are not text sections of the template', unknown.map((k) => ({ path: `body.sections.${k}`, message: 'not a text section of the template', code: 'unknown' })));
    }
  }
  await participantWrite(ctx, actor, id, input.version, 'update', async (trx, row) => {
    const changes: repo.SubmissionChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (input.narrative !== undefined && input.narrative !== row.narrative) {
      [changes.narrative, before.narrative, after.narrative] = [input.narrative, row.narrative, input.narrative];
    }
    if (input.sections) {
      const merged = { ...row.sections };
      for (const [k, v] of Object.entries(input.sections)) {
        if (v) merged[k] = v;
        else delete merged[k];
      }
      if (JSON.stringify(merged) !== JSON.stringify(row.sections)) [changes.sections, before.sections, after.sections] = [merged, row.sections, merged];
    }
    if (!Object.keys(changes).length) return null;
    if (!(await repo.updateSubmission(trx, id, row.version, changes))) throw versionConflict(row.version);
    return { before, after };
  });
}

/** Replaces the figures snapshot by the report engine's figures now. */
export async function refreshSubmission(ctx: Ctx, actor: Actor, id: string, version: number): Promise<void> {
  const s = await getWritableSubmission(ctx, actor, id);
  const round = (await repo.findRound(ctx.db, s.round_id))!;
  const figures = await figuresOf(ctx, s.unit_id, round);
  await participantWrite(ctx, actor, id, version, 'refresh', async (trx, row) => {
    if (!(await repo.updateSubmission(trx, id, row.version, { figures }))) throw versionConflict(row.version);
    return { before: { figuresAt: s.figures_at }, after: { figuresAt: figures.generatedAt } };
  });
}

/** Submits a draft or a returned submission on today's Viet Nam day; late when after the participant's due day. */
/** Sends the report; `today` (Viet Nam) is the day it counts as sent, on time or late (the demo backdates it). */
export async function submitSubmission(ctx: Ctx, actor: Actor, id: string, version: number, today = todayInVietnam()): Promise<void> {
  await participantWrite(ctx, actor, id, version, 'submit', async (trx, row) => {
    if (!(await repo.updateSubmission(trx, id, row.version, { status: 'submitted', submitted_on: today, submitted_by: actor.userId, submitted_at: sql<Date>`now()` }))) {
      throw versionConflict(row.version);
    }
    await repo.updateParticipant(trx, row.round_id, row.unit_id, { state: 'submitted', submitted_on: today });
    const round = (await repo.findRound(trx, row.round_id))!;
    const template = await repo.findTemplate(trx, round.template_id);
    // The situation part is sent with the submission, or nothing is (no item: refused, rolled back).
    if (template && situation.hasSituationSection(template.sections)) await situation.submitWithSubmission(trx, actor, id, today);
    return { before: { status: row.status }, after: { status: 'submitted', submittedOn: today } };
  });
}

/** The opening unit's answer to a submitted submission: returned (with the reason) or accepted. */
async function review(ctx: Ctx, actor: Actor, id: string, version: number, to: 'returned' | 'accepted', reason: string | null): Promise<void> {
  const s = await getReadableSubmission(ctx, actor, id);
  const round = (await repo.findRound(ctx.db, s.round_id))!;
  assertCan(actor, 'data.write', round.opening_path);
  const action = to === 'returned' ? 'return' : 'accept';
  await ctx.db.transaction().execute(async (trx) => {
    const lockedRound = await repo.lockRound(trx, s.round_id);
    const row = await repo.lockSubmission(trx, id);
    if (!lockedRound || !row) throw notFound(id);
    if (row.version !== version) throw versionConflict(row.version);
    // Accepting after the close is fine (a submitted unit does not hold a round open); returning would reopen its part.
    if (lockedRound.status !== 'open' && to === 'returned') throw transition('The round is closed', { status: 'closed', action });
    if (row.status !== 'submitted') throw transition(`A ${row.status} submission cannot be ${to}`, { status: row.status, action });
    const changes: repo.SubmissionChanges = { status: to, reviewed_by: actor.userId, reviewed_at: sql<Date>`now()`, ...(reason ? { return_reason: reason } : {}) };
    if (!(await repo.updateSubmission(trx, id, row.version, changes))) throw versionConflict(row.version);
    await repo.updateParticipant(trx, row.round_id, row.unit_id, { state: to });
    if (to === 'returned') await situation.returnWithSubmission(trx, id);
    await recordAudit(trx, actor, {
      action: `round_submission.${action}`,
      recordType: 'round_submission',
      recordId: id,
      unitId: row.unit_id,
      before: { status: 'submitted' },
      after: { status: to, ...(reason ? { reason } : {}) },
    });
  });
}

export const returnSubmission = (ctx: Ctx, actor: Actor, id: string, input: ReturnSubmissionBody) => review(ctx, actor, id, input.version, 'returned', input.reason);
export const acceptSubmission = (ctx: Ctx, actor: Actor, id: string, version: number) => review(ctx, actor, id, version, 'accepted', null);
