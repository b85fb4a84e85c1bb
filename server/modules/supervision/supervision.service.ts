/**
 * The boards and the Front's supervision (docs/grassroots-democracy.md §6). Written with data.write
 * on the record's unit (the commune for its boards, the Front committee's unit or the commune for
 * the Front's program), read with units.read on the unit or above it. Every write is one
 * transaction with its audit record, after every check.
 */
import type { AnswerBody, CreateActivityBody, CreateBoardBody, CreateProgramBody, RecommendationQuery } from '../../../common/supervision.js';
import { SUPERVISION_LIMITS, memberNameKey } from '../../../common/supervision.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import { findUnitsByIds } from '../units/units.repository.js';
import * as repo from './supervision.repository.js';

export const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);
/** A write carrying a version the record has moved past (the module's one CONFLICT). */
export const conflict = (what: string, current: number) => new AppError('CONFLICT', `The ${what} was changed by someone else; reload it and try again`, { currentVersion: current });

/** The unit the actor writes for: NOT_FOUND when it cannot read it, FORBIDDEN without data.write. */
async function writableUnit(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  assertCan(actor, 'data.write', unit.path);
  return unit;
}

// ---------------------------------------------------------------- boards

export async function listBoards(ctx: Ctx, actor: Actor, unitId: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const page = await repo.findBoards(ctx.db, unit.path, SUPERVISION_LIMITS.page);
  const members = await repo.findMembers(ctx.db, page.rows.map((b) => b.id));
  return { ...page, members, today: todayInVietnam() };
}

/**
 * A board with its members. Refused, naming the member, when a member sits at the same time on a
 * board of the same commune whose kind the exclusion rule (data) pairs with this one; the check and
 * the insert run under a lock on the commune's boards, so two boards written at once are both seen.
 */
export async function createBoard(ctx: Ctx, actor: Actor, input: CreateBoardBody): Promise<string> {
  const unit = await writableUnit(ctx, actor, input.unitId);
  if (input.kind === 'investment_supervision' && !input.projectName) throw fieldError('body.projectName', 'an investment supervision board is elected for a project', { code: 'required' });
  if (input.kind === 'inspection' && input.projectName) throw fieldError('body.projectName', "a People's Inspection Board is the commune's, not a project's", { code: 'not_allowed' });
  if (input.termTo && input.termTo < input.termFrom) throw new AppError('INVALID_RANGE', 'The term must not end before it begins', [{ path: 'body.termTo', message: 'must not be before termFrom' }]);
  const members: repo.MemberValues[] = input.members.map((m, i) => {
    if (m.toOn && m.toOn < m.fromOn) throw new AppError('INVALID_RANGE', "A member's time on the board must not end before it begins", [{ path: `body.members[${i}].toOn`, message: 'must not be before fromOn' }]);
    // As on a member added later: a member sits within the term (the term's edits rely on it).
    const term = { code: 'outside_term', termFrom: input.termFrom, termTo: input.termTo ?? null };
    if (m.fromOn < input.termFrom || (input.termTo && m.fromOn > input.termTo)) throw fieldError(`body.members[${i}].fromOn`, `must lie within the term (${input.termFrom} – ${input.termTo ?? '…'})`, term);
    if (m.toOn && input.termTo && m.toOn > input.termTo) throw fieldError(`body.members[${i}].toOn`, `must not be after the term ends (${input.termTo})`, term);
    return { name: m.name, name_key: memberNameKey(m.name), position: m.position, from_on: m.fromOn, to_on: m.toOn ?? null };
  });
  const twice = members.findIndex((m, i) => members.findIndex((o) => o.name_key === m.name_key) !== i);
  if (twice >= 0) throw fieldError(`body.members[${twice}].name`, `${members[twice]!.name} is listed twice`, { code: 'duplicate', name: members[twice]!.name });
  const excluded = await repo.findExcludedKinds(ctx.db, input.kind);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockUnitBoards(trx, unit.id);
    const clashes = await repo.findClashes(trx, unit.id, excluded, members.map((m) => ({ key: m.name_key, from: m.from_on, to: m.to_on ?? input.termTo ?? null })));
    if (clashes.length) {
      const i = members.findIndex((m) => m.name_key === clashes[0]!.name_key);
      const name = members[i]!.name;
      throw fieldError(`body.members[${i}].name`, `${name} already sits on another board (${clashes[0]!.kind}) at the same time, which the rule forbids`, {
        code: 'excluded_member',
        name,
        boardId: clashes[0]!.board_id,
        boardKind: clashes[0]!.kind,
      });
    }
    const values: repo.BoardValues = {
      unit_id: unit.id,
      unit_path: unit.path,
      kind: input.kind,
      project_name: input.projectName ?? null,
      investor: input.investor ?? null,
      term_from: input.termFrom,
      term_to: input.termTo ?? null,
      elected_on: input.electedOn ?? null,
      elected_by: input.electedBy ?? null,
      created_by: actor.userId,
    };
    const id = await repo.insertBoard(trx, values, members);
    await recordAudit(trx, actor, {
      action: 'supervision_board.create',
      recordType: 'supervision_board',
      recordId: id,
      unitId: unit.id,
      after: { ...input, members: members.map((m) => ({ name: m.name, position: m.position, fromOn: m.from_on, toOn: m.to_on })) },
    });
    return id;
  });
}

export async function getBoard(ctx: Ctx, actor: Actor, id: string) {
  const b = await repo.findBoardById(ctx.db, id);
  if (!b || !can(actor, 'units.read', b.unit_path)) throw notFound('supervision_board', id);
  return { board: b, members: await repo.findMembers(ctx.db, [id]), today: todayInVietnam() };
}

// ---------------------------------------------------------------- programs

export async function listPrograms(ctx: Ctx, actor: Actor, unitId: string, year: number) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const programs = await repo.findPrograms(ctx.db, unit.path, year);
  return { programs, items: await repo.findItems(ctx.db, programs.map((p) => p.id)) };
}

/** One program of the unit's subtree, as the list shows it (read by id: the list is capped). */
export async function getProgram(ctx: Ctx, actor: Actor, unitId: string, id: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const program = (await repo.findPrograms(ctx.db, unit.path, undefined, id))[0];
  if (!program) throw notFound('supervision_program', id);
  return { program, items: await repo.findItems(ctx.db, [id]) };
}

/** A board's plan lies on its board's commune; the Front's program on the unit given. One a year each. */
export async function createProgram(ctx: Ctx, actor: Actor, input: CreateProgramBody): Promise<string> {
  const unit = await writableUnit(ctx, actor, input.unitId);
  if (input.boardId) {
    const board = await repo.findBoardById(ctx.db, input.boardId);
    if (!board || board.unit_id !== unit.id) throw fieldError('body.boardId', "not a board of this unit", { code: 'unknown' });
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const id = await repo.insertProgram(
        trx,
        { unit_id: unit.id, unit_path: unit.path, board_id: input.boardId ?? null, year: input.year, created_by: actor.userId },
        input.items.map((it) => ({ subject: it.subject, form: it.form ?? null, lead_organization: it.leadOrganization ?? null })),
      );
      await recordAudit(trx, actor, { action: 'supervision_program.create', recordType: 'supervision_program', recordId: id, unitId: unit.id, after: input });
      return id;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('ALREADY_EXISTS', `The ${input.boardId ? "board's plan" : 'program'} of ${input.year} already exists`, { year: input.year });
    throw err;
  }
}

// ---------------------------------------------------------------- activities and recommendations

export async function listActivities(ctx: Ctx, actor: Actor, unitId: string, year?: number) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  return repo.findActivities(ctx.db, unit.path, year, SUPERVISION_LIMITS.page);
}

/** One supervision held, as the list shows it (the list's page may not reach an old one). */
export async function getActivity(ctx: Ctx, actor: Actor, unitId: string, id: string) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const row = (await repo.findActivities(ctx.db, unit.path, undefined, 1, id)).rows[0];
  if (!row) throw notFound('supervision_activity', id);
  return row;
}

/** A supervision or social criticism held, with its recommendations, all or nothing. */
export async function createActivity(ctx: Ctx, actor: Actor, input: CreateActivityBody): Promise<string> {
  const unit = await writableUnit(ctx, actor, input.unitId);
  if (input.boardId) {
    const board = await repo.findBoardById(ctx.db, input.boardId);
    if (!board || board.unit_id !== unit.id) throw fieldError('body.boardId', 'not a board of this unit', { code: 'unknown' });
    if (input.kind !== 'supervision') throw fieldError('body.kind', 'a board supervises; social criticism is the Front\'s', { code: 'not_allowed' });
  }
  if (input.programId) {
    const p = await repo.findProgramById(ctx.db, input.programId);
    if (!p || p.unit_id !== unit.id || (p.board_id ?? null) !== (input.boardId ?? null)) throw fieldError('body.programId', 'not a program of this unit', { code: 'unknown' });
  }
  input.recommendations.forEach((r, i) => {
    if (r.dueOn < r.sentOn) throw new AppError('INVALID_RANGE', 'A recommendation must not be due before it is sent', [{ path: `body.recommendations[${i}].dueOn`, message: 'must not be before sentOn' }]);
    if (r.sentOn < input.heldOn) throw fieldError(`body.recommendations[${i}].sentOn`, 'a recommendation is sent after the supervision it comes from', { code: 'before_activity' });
  });
  const addressees = [...new Set(input.recommendations.flatMap((r) => (r.addresseeUnitId ? [r.addresseeUnitId] : [])))];
  const known = new Set((await findUnitsByIds(ctx.db, addressees)).map((u) => u.id));
  const unknown = input.recommendations.findIndex((r) => r.addresseeUnitId && !known.has(r.addresseeUnitId));
  if (unknown >= 0) throw fieldError(`body.recommendations[${unknown}].addresseeUnitId`, 'unknown unit', { code: 'unknown' });
  return ctx.db.transaction().execute(async (trx) => {
    const created = await repo.insertActivity(
      trx,
      {
        unit_id: unit.id,
        unit_path: unit.path,
        board_id: input.boardId ?? null,
        program_id: input.programId ?? null,
        kind: input.kind,
        held_on: input.heldOn,
        subject: input.subject,
        findings: input.findings,
        created_by: actor.userId,
      },
      input.recommendations.map((r) => ({ content: r.content, addressee: r.addressee, addressee_unit_id: r.addresseeUnitId ?? null, sent_on: r.sentOn, due_on: r.dueOn })),
    );
    await recordAudit(trx, actor, {
      action: 'supervision_activity.create',
      recordType: 'supervision_activity',
      recordId: created.id,
      unitId: unit.id,
      after: { ...input, recommendationIds: created.recommendationIds },
    });
    return created.id;
  });
}

export async function listRecommendations(ctx: Ctx, actor: Actor, q: RecommendationQuery, today = todayInVietnam()) {
  const unit = await getReadableUnit(ctx, actor, q.unitId);
  const page = await repo.findRecommendations(ctx.db, { path: unit.path, today, state: q.state, year: q.year, limit: q.limit, offset: q.offset });
  return { ...page, today };
}

/** The answer of the body concerned, with the version it was read at; never before it was sent. */
export async function answerRecommendation(ctx: Ctx, actor: Actor, id: string, input: AnswerBody): Promise<void> {
  const r = await repo.findRecommendation(ctx.db, id);
  if (!r || !can(actor, 'units.read', r.unit_path)) throw notFound('supervision_recommendation', id);
  assertCan(actor, 'data.write', r.unit_path);
  if (input.answeredOn < r.sent_on) throw fieldError('body.answeredOn', `the answer must not be dated before the recommendation was sent (${r.sent_on})`, { code: 'before_sent', sentOn: r.sent_on });
  // The audit's `before` is the row read here: refused unless that row is the version being answered.
  if (r.version !== input.version) throw conflict('recommendation', r.version);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await repo.answerRecommendation(trx, id, input.version, { answered_on: input.answeredOn, answer_kind: input.answerKind, answer: input.answer ?? null });
    if (!ok) throw conflict('recommendation', (await repo.findRecommendation(trx, id))?.version ?? r.version);
    await recordAudit(trx, actor, {
      action: 'supervision_recommendation.answer',
      recordType: 'supervision_recommendation',
      recordId: id,
      unitId: r.unit_id,
      before: { answeredOn: r.answered_on, answerKind: r.answer_kind, answer: r.answer },
      after: { answeredOn: input.answeredOn, answerKind: input.answerKind, answer: input.answer ?? null },
    });
  });
}

export async function getRecommendation(ctx: Ctx, actor: Actor, id: string, today = todayInVietnam()) {
  const row = await repo.findRecommendation(ctx.db, id);
  if (!row || !can(actor, 'units.read', row.unit_path)) throw notFound('supervision_recommendation', id);
  return { row, today };
}

// ---------------------------------------------------------------- figures and the work queue

const ZERO = { boards_in_office: 0, board_findings: 0, front_supervisions: 0, front_criticisms: 0, recommendations: 0, answered: 0, partly: 0, overdue: 0 };

/** The year's figures by child unit in force (zeros included) and the total, which is their sum plus the unit's own. */
export async function getFigures(ctx: Ctx, actor: Actor, unitId: string, year: number, today = todayInVietnam()) {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const [rows, children] = await Promise.all([repo.findFigures(ctx.db, unit.path, year, today), repo.findChildren(ctx.db, unit.id)]);
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const total = { ...ZERO };
  for (const r of rows) for (const k of Object.keys(ZERO) as (keyof typeof ZERO)[]) total[k] += r[k];
  const own = byUnit.get(unit.id) ?? { ...ZERO, unit_id: unit.id };
  return { unit, year, today, total, own, children: children.map((c) => ({ unit: c, figures: byUnit.get(c.id) ?? { ...ZERO, unit_id: c.id } })) };
}

/** The work queue's row: the overdue recommendations of the unit's subtree, the total of `GET /api/supervision/recommendations?state=overdue`. */
export async function countOverdueRecommendations(ctx: Ctx, unitPath: string, today = todayInVietnam()): Promise<number> {
  return repo.countOverdue(ctx.db, unitPath, today);
}
