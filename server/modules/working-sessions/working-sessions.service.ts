/**
 * Working sessions (docs/leadership-loop.md §3 "Working sessions", §4): a leading unit's delegation
 * working with a unit, written with data.write on the leading unit and read with units.read on
 * either unit; the conclusion notice, created in one transaction with its implementation plan on
 * the leading unit and one task per request, each request owned in the subtree of the unit worked
 * with. After that the requests are ordinary tasks (reports, done, split go through /api/tasks).
 */
import type { CreateWorkingSessionBody, CreateWorkingSessionNoticeBody, UpdateWorkingSessionBody, WorkingSessionListQuery } from '../../../common/working-sessions.js';
import { WORKING_SESSION_LIMITS } from '../../../common/working-sessions.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError, deadlineInPast } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit, recordAudits } from '../audit/audit.repository.js';
import * as documents from '../policy-documents/policy-documents.repository.js';
import * as tasks from '../tasks/tasks.repository.js';
import { checkOwners } from '../tasks/tasks.service.js';
import { getReadableUnit } from '../units/units.service.js';
import { findUnitsByIds } from '../units/units.repository.js';
import * as repo from './working-sessions.repository.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `Working session ${id} not found`, { what: 'working_session', id });
const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);
const conflict = (current: number) => new AppError('CONFLICT', 'The working session was changed by someone else; reload it and try again', { currentVersion: current });
const noticeExists = (documentId: string) => new AppError('ALREADY_EXISTS', 'The working session already has its conclusion notice', { documentId });

/** The unit worked with reads the session as much as the delegation's unit does. */
export function canReadSession(actor: Actor, s: { unit_path: string; leading_path: string }): boolean {
  return can(actor, 'units.read', s.unit_path) || can(actor, 'units.read', s.leading_path);
}

/** The session, when it exists and the actor reads it; NOT_FOUND otherwise (both alike). */
export async function getReadableSession(ctx: Ctx, actor: Actor, id: string): Promise<repo.SessionRecord> {
  const s = await repo.findSessionById(ctx.db, id);
  if (!s || !canReadSession(actor, s)) throw notFound(id);
  return s;
}

/** A readable session the actor holds data.write on (its leading unit): NOT_FOUND, then FORBIDDEN. */
export async function getWritableSession(ctx: Ctx, actor: Actor, id: string): Promise<repo.SessionRecord> {
  const s = await getReadableSession(ctx, actor, id);
  assertCan(actor, 'data.write', s.leading_path);
  return s;
}

// ---------------------------------------------------------------- reads

export async function listSessions(ctx: Ctx, actor: Actor, q: WorkingSessionListQuery) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  if (q.from && q.to && q.to < q.from) throw new AppError('INVALID_RANGE', 'The end of the period must not be before its start', [{ path: 'querystring.to', message: 'must not be before from' }]);
  return repo.findSessions(ctx.db, { unitUnder: unit.path, leadingUnder: unit.path, from: q.from, to: q.to, limit: q.limit, offset: q.offset });
}

/** A session with its delegation, its notice and the notice's requests (its plan's root tasks). */
export async function getSessionDetail(ctx: Ctx, actor: Actor, id: string) {
  const session = await getReadableSession(ctx, actor, id);
  const [members, notice] = await Promise.all([repo.findMembers(ctx.db, id), repo.findNotice(ctx.db, id)]);
  const requests = notice ? (await tasks.findTasks(ctx.db, { planId: notice.plan_id, rootsOnly: true, limit: WORKING_SESSION_LIMITS.requests, offset: 0 })).rows : [];
  const edit = can(actor, 'data.write', session.leading_path);
  return { session, members, notice: notice ?? null, requests, can: { edit, addNotice: edit && !notice } };
}

/** A unit's history: sessions held with it or a unit below it, and the open requests owned in its subtree. */
export async function getUnitHistory(ctx: Ctx, actor: Actor, unitId: string, today = todayInVietnam()) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const [page, counts] = await Promise.all([
    repo.findSessions(ctx.db, { unitUnder: unit.path, limit: WORKING_SESSION_LIMITS.historyPage, offset: 0 }),
    repo.countOpenRequests(ctx.db, unit.path),
  ]);
  return { unit, sessions: page.rows, total: page.total, openRequests: counts.open, overdueRequests: counts.overdue, today };
}

// ---------------------------------------------------------------- writes

type Member = { name: string; position: string; unitId?: string | null; isHead?: boolean };

/** The delegation as stored: one head at most, and each member's unit known. */
async function checkMembers(ctx: Ctx, members: Member[]): Promise<repo.MemberValues[]> {
  const heads = members.flatMap((m, i) => (m.isHead ? [i] : []));
  if (heads.length > 1) throw fieldError(`body.members[${heads[1]}].isHead`, 'a delegation has one head', { code: 'second_head' });
  const ids = [...new Set(members.flatMap((m) => (m.unitId ? [m.unitId] : [])))];
  const known = new Set((await findUnitsByIds(ctx.db, ids)).map((u) => u.id));
  const unknown = members.findIndex((m) => m.unitId && !known.has(m.unitId));
  if (unknown >= 0) throw fieldError(`body.members[${unknown}].unitId`, 'unknown unit', { code: 'unknown' });
  return members.map((m) => ({ name: m.name, position: m.position, unit_id: m.unitId ?? null, is_head: m.isHead ?? false }));
}

const memberAudit = (members: repo.MemberValues[]) => members.map((m) => ({ name: m.name, position: m.position, unitId: m.unit_id, isHead: m.is_head }));

/** Records a session (data.write on the leading unit). Any day is taken: sessions are also planned ahead. */
export async function createSession(ctx: Ctx, actor: Actor, input: CreateWorkingSessionBody): Promise<string> {
  const leading = await getReadableUnit(ctx, actor, input.leadingUnitId);
  assertCan(actor, 'data.write', leading.path);
  let unit;
  try {
    unit = await getReadableUnit(ctx, actor, input.unitId);
  } catch {
    throw fieldError('body.unitId', 'unknown unit', { code: 'unknown' });
  }
  const members = await checkMembers(ctx, input.members);
  const values: repo.SessionValues = { held_on: input.heldOn, place: input.place, content: input.content };
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertSession(trx, { ...values, unit_id: unit.id, unit_path: unit.path, leading_unit_id: leading.id, leading_path: leading.path, created_by: actor.userId });
    await repo.replaceMembers(trx, id, members);
    await recordAudit(trx, actor, {
      action: 'working_session.create',
      recordType: 'working_session',
      recordId: id,
      unitId: unit.id,
      after: { unitId: unit.id, leadingUnitId: leading.id, heldOn: values.held_on, place: values.place, content: values.content, members: memberAudit(members) },
    });
    return id;
  });
}

const AUDIT_NAMES: Record<keyof repo.SessionValues, string> = { held_on: 'heldOn', place: 'place', content: 'content' };

/** Changes a session with optimistic concurrency on `version`; `members` replaces the delegation. */
export async function updateSession(ctx: Ctx, actor: Actor, id: string, input: UpdateWorkingSessionBody): Promise<void> {
  const session = await getWritableSession(ctx, actor, id);
  const members = input.members ? await checkMembers(ctx, input.members) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockSession(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw conflict(row.version);
    const wanted: Partial<repo.SessionValues> = { held_on: input.heldOn, place: input.place, content: input.content };
    const changes: Partial<repo.SessionValues> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof repo.SessionValues, string | undefined][]) {
      if (v === undefined || v === row[k]) continue;
      changes[k] = v;
      before[AUDIT_NAMES[k]] = row[k];
      after[AUDIT_NAMES[k]] = v;
    }
    if (members) {
      before.members = memberAudit(await repo.findMembers(trx, id));
      after.members = memberAudit(members);
    }
    // The version moves even when only the delegation changes, so a second editor's list is refused.
    if (!(await repo.updateSession(trx, id, input.version, changes))) throw conflict(row.version);
    if (members) await repo.replaceMembers(trx, id, members);
    await recordAudit(trx, actor, { action: 'working_session.update', recordType: 'working_session', recordId: id, unitId: session.unit_id, before, after });
  });
}

const isUniqueClash = (err: unknown, constraint: string) => (err as { code?: string }).code === '23505' && (err as { constraint?: string }).constraint === constraint;

/**
 * The conclusion notice of a session, its implementation plan on the leading unit and one task per
 * request, in one transaction after every check. Recorded as issued when it has a number (the
 * notice was signed at the session's end), as a draft otherwise; its requests are given either way.
 */
export async function createNotice(ctx: Ctx, actor: Actor, sessionId: string, input: CreateWorkingSessionNoticeBody, today = todayInVietnam()): Promise<string> {
  const session = await getWritableSession(ctx, actor, sessionId);
  if (session.notice_id) throw noticeExists(session.notice_id);
  input.requests.forEach((r, i) => {
    if (r.deadline < input.issuedOn) throw new AppError('INVALID_RANGE', 'A request\'s deadline must not be before the notice\'s date', [{ path: `body.requests[${i}].deadline`, message: 'must not be before issuedOn' }]);
  });
  const past = input.requests.flatMap((r, i) => (r.deadline < today ? [`body.requests[${i}].deadline`] : []));
  if (past.length) throw deadlineInPast(past, today);
  const owners = await checkOwners(
    ctx,
    input.requests.map((r) => r.ownerUnitId),
    session.unit_path,
    today,
    (i) => `body.requests[${i}].ownerUnitId`,
  );
  const number = input.number ?? null;
  const status = number ? 'issued' : 'draft';
  if (number) {
    const first = await documents.findIssuedDuplicate(ctx.db, { symbol: input.symbol, number, issuedOn: input.issuedOn });
    if (first) throw new AppError('ALREADY_EXISTS', `Document ${number}-${input.symbol} of ${input.issuedOn.slice(0, 4)} is already issued`, { documentId: first });
  }
  const endsOn = input.requests.reduce((max, r) => (r.deadline > max ? r.deadline : max), input.issuedOn);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const values: documents.DocumentValues = {
        kind: 'conclusion_notice',
        issuing_body: session.leading_unit_name,
        number,
        symbol: input.symbol,
        issued_on: input.issuedOn,
        title: input.title,
        summary: input.summary ?? null,
        valid_from: null,
        valid_to: null,
        restricted_roles: null,
      };
      const documentId = await documents.insertDocument(trx, {
        ...values,
        issuing_unit_id: session.leading_unit_id,
        issuing_path: session.leading_path,
        created_by: actor.userId,
        status,
        issued_by: number ? actor.userId : null,
      });
      await repo.linkNotice(trx, documentId, sessionId);
      const planId = await tasks.insertPlan(trx, {
        documentId,
        unitId: session.leading_unit_id,
        unitPath: session.leading_path,
        planDocumentId: null,
        startsOn: input.issuedOn,
        endsOn,
        userId: actor.userId,
      });
      const created = await tasks.insertTasks(
        trx,
        { planId, documentId, parentId: null, parentPath: null, assigningUnitId: session.leading_unit_id, assigningPath: session.leading_path, startsOn: input.issuedOn, userId: actor.userId },
        input.requests.map((r) => ({ ownerUnitId: r.ownerUnitId, ownerPath: owners.get(r.ownerUnitId)!.path, content: r.content, expectedOutput: r.expectedOutput, deadline: r.deadline })),
      );
      await recordAudit(trx, actor, {
        action: 'policy_document.create',
        recordType: 'policy_document',
        recordId: documentId,
        unitId: session.leading_unit_id,
        after: { issuingUnitId: session.leading_unit_id, status, kind: values.kind, number, symbol: values.symbol, issuedOn: values.issued_on, title: values.title, workingSessionId: sessionId },
      });
      await recordAudit(trx, actor, {
        action: 'task_plan.create',
        recordType: 'implementation_plan',
        recordId: planId,
        unitId: session.leading_unit_id,
        after: { documentId, unitId: session.leading_unit_id, startsOn: input.issuedOn, endsOn },
      });
      await recordAudits(
        trx,
        actor,
        created.map((c, i) => ({
          action: 'task.create',
          recordType: 'task',
          recordId: c.id,
          unitId: c.owner_unit_id,
          after: { planId, documentId, ownerUnitId: c.owner_unit_id, content: input.requests[i]!.content, expectedOutput: input.requests[i]!.expectedOutput, startsOn: input.issuedOn, deadline: input.requests[i]!.deadline },
        })),
      );
      await recordAudit(trx, actor, {
        action: 'working_session.notice',
        recordType: 'working_session',
        recordId: sessionId,
        unitId: session.unit_id,
        after: { documentId, planId, taskIds: created.map((c) => c.id) },
      });
      return documentId;
    });
  } catch (err) {
    // Two editors adding the notice at once: the unique index decides, the loser gets the winner's id.
    if (isUniqueClash(err, 'policy_documents_working_session')) {
      const winner = (await repo.findSessionById(ctx.db, sessionId))?.notice_id;
      if (winner) throw noticeExists(winner);
    }
    if (isUniqueClash(err, 'policy_documents_issued_number') && number) {
      const first = await documents.findIssuedDuplicate(ctx.db, { symbol: input.symbol, number, issuedOn: input.issuedOn });
      if (first) throw new AppError('ALREADY_EXISTS', `Document ${number}-${input.symbol} of ${input.issuedOn.slice(0, 4)} is already issued`, { documentId: first });
    }
    throw err;
  }
}
