/**
 * Citizen reception sessions and dialogue conferences of a unit: who presided, who attended, the
 * issues raised (each may name a petition), and the commitments made, with an owner and a
 * deadline, tracked until done. Writes need data.write on the session's unit; reads units.read.
 * A linked petition must be readable by the writer, and is shown only to readers who may read it.
 */
import { AppError, deadlineInPast } from '../../errors.js';
import { type Actor, assertCan, can, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { todayInVietnam } from '../commendations/commendations.service.js';
import { findUnitById } from '../units/units.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as petitions from './petitions.repository.js';
import { canRead } from './petitions.service.js';
import * as repo from './reception.repository.js';
import { dialogueIssues, rulesOf } from './dialogue.service.js';
import { dueSoonUntil } from '../../../common/work-queue.js';
import type { CommitmentListQuery, CreateSessionBody, SessionListQuery } from './reception.schema.js';

type Issue = { path: string; message: string };
const notFound = (id: string) => new AppError('NOT_FOUND', `Reception session ${id} not found`, { what: 'reception_session', id });

/**
 * Records a session with its issues and commitments, all or nothing. A commitment's deadline is
 * today or later: `today` is Viet Nam's, except for the demo, which records a past session as of its day.
 */
export async function createSession(ctx: Ctx, actor: Actor, input: CreateSessionBody, today = todayInVietnam()): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, input.unitId);
  assertCan(actor, 'data.write', unit.path);
  const issues: Issue[] = [];
  for (const [i, item] of input.issues.entries()) {
    if (!item.petitionId) continue;
    const p = await petitions.findPetitionById(ctx.db, item.petitionId);
    if (!p || !canRead(actor, p)) issues.push({ path: `body.issues.${i}.petitionId`, message: 'unknown petition' });
  }
  for (const [i, c] of input.commitments.entries()) {
    if (c.issueIndex !== undefined && c.issueIndex >= input.issues.length) issues.push({ path: `body.commitments.${i}.issueIndex`, message: `there are only ${input.issues.length} issues` });
    if (c.ownerUnitId) {
      const owner = await findUnitById(ctx.db, c.ownerUnitId);
      if (!owner || !can(actor, 'units.read', owner.path)) issues.push({ path: `body.commitments.${i}.ownerUnitId`, message: 'unknown unit' });
    }
  }
  // The real today, not the demo's day: a notice or results day in the future is never accepted.
  issues.push(...dialogueIssues(input.kind, input.heldOn, input, todayInVietnam()));
  if (issues.length) throw new AppError('VALIDATION_FAILED', `The session is not valid; nothing was recorded: ${issues.map((i) => `${i.path.replace(/^body\./, '')} ${i.message}`).join('; ')}`, issues);
  const past = input.commitments.flatMap((c, i) => (c.deadline < today ? [`body.commitments.${i}.deadline`] : []));
  if (past.length) throw deadlineInPast(past, today);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertSession(trx, {
      kind: input.kind,
      unit_id: unit.id,
      unit_path: unit.path,
      held_on: input.heldOn,
      title: input.title,
      presiding: input.presiding,
      attendees: input.attendees || null,
      notes: input.notes || null,
      created_by: actor.userId,
      notice_on: input.noticeOn ?? null,
      results_published_on: input.resultsPublishedOn ?? null,
      results_form: input.resultsForm ?? null,
    });
    const issueIds = await repo.insertIssues(trx, id, input.issues.map((i) => ({ summary: i.summary, petition_id: i.petitionId ?? null })));
    await repo.insertCommitments(
      trx,
      id,
      input.commitments.map((c) => ({ issue_id: c.issueIndex === undefined ? null : issueIds[c.issueIndex]!, description: c.description, owner: c.owner, owner_unit_id: c.ownerUnitId ?? null, deadline: c.deadline })),
    );
    await recordAudit(trx, actor, { action: 'reception_session.create', recordType: 'reception_session', recordId: id, unitId: unit.id, after: input });
    return id;
  });
}

async function getReadableSession(ctx: Ctx, actor: Actor, id: string) {
  const s = await repo.findSession(ctx.db, id, todayInVietnam());
  if (!s || !can(actor, 'units.read', s.unit_path)) throw notFound(id);
  return s;
}

export async function getSessionDetail(ctx: Ctx, actor: Actor, id: string) {
  const session = await getReadableSession(ctx, actor, id);
  const [issues, commitments, rules] = await Promise.all([repo.findIssues(ctx.db, id), repo.findCommitments(ctx.db, id), rulesOf(ctx.db)]);
  const visible = issues.map((i) => ({
    ...i,
    readable: i.petition_id !== null && i.unit_path !== null && canRead(actor, { unit_path: i.unit_path, handling_unit_path: i.handling_unit_path! }),
  }));
  return { session, issues: visible, commitments, rules, today: todayInVietnam() };
}

export async function listSessions(ctx: Ctx, actor: Actor, q: SessionListQuery) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  const today = todayInVietnam();
  const page = await repo.findSessions(ctx.db, {
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    kind: q.kind,
    today,
    limit: q.limit,
    offset: q.offset,
  });
  return { ...page, rules: await rulesOf(ctx.db), today };
}

/** Commitments of the sessions the actor may read (optionally under a unit), nearest deadline first. */
export async function listCommitments(ctx: Ctx, actor: Actor, q: CommitmentListQuery) {
  const under = q.unitId ? await getReadableUnit(ctx, actor, q.unitId) : undefined;
  const today = todayInVietnam();
  const page = await repo.findCommitmentList(ctx.db, {
    scopePaths: under ? undefined : readScopes(actor),
    underPath: under?.path,
    due: q.due,
    today,
    soonUntil: dueSoonUntil(today),
    limit: q.limit,
    offset: q.offset,
  });
  return { ...page, today };
}

/** Marks a commitment done (once); the session's unit's data.write is needed. */
export async function completeCommitment(ctx: Ctx, actor: Actor, sessionId: string, commitmentId: string, input: { doneOn?: string; note?: string }) {
  const s = await getReadableSession(ctx, actor, sessionId);
  assertCan(actor, 'data.write', s.unit_path);
  const today = todayInVietnam();
  const doneOn = input.doneOn ?? today;
  if (doneOn > today) throw new AppError('VALIDATION_FAILED', 'The day it was done cannot be in the future', [{ path: 'body.doneOn', message: `must not be after ${today}` }]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.markCommitmentDone(trx, sessionId, commitmentId, doneOn, input.note || null))) {
      const exists = (await repo.findCommitments(trx, sessionId)).find((c) => c.id === commitmentId);
      if (!exists) throw new AppError('NOT_FOUND', `Commitment ${commitmentId} not found`, { what: 'commitment', id: commitmentId });
      throw new AppError('INVALID_TRANSITION', 'The commitment is already done', { status: 'done', action: 'done' });
    }
    await repo.touchSession(trx, sessionId);
    await recordAudit(trx, actor, { action: 'reception_commitment.done', recordType: 'reception_session', recordId: sessionId, unitId: s.unit_id, after: { commitmentId, doneOn, note: input.note ?? null } });
  });
}
