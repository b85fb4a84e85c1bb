/**
 * Correcting and maintaining the boards, their members, programs, supervisions held and
 * recommendations (docs/grassroots-democracy.md §6). Each write needs data.write on the record's
 * unit, carries the version read (CONFLICT when stale) and is one transaction with its audit record
 * (before and after). A check that depends on rows another write may change at the same time runs
 * inside the transaction, after the row or the commune's boards are locked, and throws there.
 */
import type { AddBoardMemberBody, RecommendationInput, UpdateActivityBody, UpdateBoardBody, UpdateBoardMemberBody, UpdateProgramBody, UpdateRecommendationBody } from '../../../common/supervision.js';
import { memberNameKey } from '../../../common/supervision.js';
import { AppError, notFound } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findUnitsByIds } from '../units/units.repository.js';
import * as edit from './supervision-edit.repository.js';
import * as repo from './supervision.repository.js';
import { conflict, fieldError } from './supervision.service.js';

type Q = Ctx['db'];

const range = (path: string, message: string, code: string) => new AppError('INVALID_RANGE', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, code }]);

/** A record's unit path: NOT_FOUND when missing or unreadable, FORBIDDEN when readable but not writable. */
function assertWritable<T extends { unit_path: string }>(actor: Actor, what: string, id: string, row: T | undefined): T {
  if (!row || !can(actor, 'units.read', row.unit_path)) throw notFound(what, id);
  assertCan(actor, 'data.write', row.unit_path);
  return row;
}

/** The last day a member sits: their own end, else the term's end; null is open-ended. */
const lastDay = (toOn: string | null, termTo: string | null) => toOn ?? termTo;
/** Whether `a` (null: open) ends later than `b`. */
const endsLater = (a: string | null, b: string | null) => (a === null ? b !== null : b !== null && a > b);

type Span = { key: string; name: string; from: string; to: string | null };

/** The exclusion rule for the members' spans, in two queries whatever their number; names the first member (in the given order) that clashes. */
async function assertNoClash(trx: Q, board: repo.BoardRecord, path: string, spans: Span[], except: { memberId?: string; boardId?: string }) {
  if (!spans.length) return;
  const excluded = await repo.findExcludedKinds(trx, board.kind);
  const clashes = await repo.findClashes(trx, board.unit_id, excluded, spans.map((m) => ({ key: m.key, from: m.from, to: m.to })), except);
  const m = spans.find((x) => clashes.some((c) => c.name_key === x.key));
  const clash = m && clashes.find((c) => c.name_key === m.key);
  if (m && clash)
    throw fieldError(path, `${m.name} already sits on another board (${clash.kind}) at the same time, which the rule forbids`, {
      code: 'excluded_member',
      name: m.name,
      boardId: clash.board_id,
      boardKind: clash.kind,
    });
}

/** The same person twice on one board at the same time (whatever the rule says about two boards). */
function assertNotTwice(members: edit.MemberRow[], path: string, m: Span, termTo: string | null, exceptId?: string) {
  const to = m.to ?? '9999-12-31';
  const twice = members.find((o) => o.id !== exceptId && o.name_key === m.key && o.from_on <= to && (lastDay(o.to_on, termTo) ?? '9999-12-31') >= m.from);
  if (twice) throw fieldError(path, `${m.name} is already a member of this board at that time`, { code: 'duplicate', name: m.name });
}

// ---------------------------------------------------------------- boards

/**
 * A board's term, election and project corrected. A term that would leave a member's time outside
 * it is refused, naming the member, rather than clipping: members' dates come from the election
 * record, and ending a member is a decision of its own (with its reason in the audit), not a side
 * effect of a typo in the term. A term extended makes the members without an end sit longer, so
 * the exclusion rule is checked for them.
 */
export async function updateBoard(ctx: Ctx, actor: Actor, id: string, input: UpdateBoardBody): Promise<void> {
  const b = assertWritable(actor, 'supervision_board', id, await repo.findBoardById(ctx.db, id));
  const given = <K extends keyof UpdateBoardBody>(k: K) => input[k] !== undefined;
  const next = {
    project_name: given('projectName') ? (input.projectName ?? null) : b.project_name,
    investor: given('investor') ? (input.investor ?? null) : b.investor,
    term_from: input.termFrom ?? b.term_from,
    term_to: given('termTo') ? (input.termTo ?? null) : b.term_to,
    elected_on: given('electedOn') ? (input.electedOn ?? null) : b.elected_on,
    elected_by: given('electedBy') ? (input.electedBy ?? null) : b.elected_by,
  };
  if (b.kind === 'investment_supervision' && !next.project_name) throw fieldError('body.projectName', 'an investment supervision board is elected for a project', { code: 'required' });
  if (b.kind === 'inspection' && next.project_name) throw fieldError('body.projectName', "a People's Inspection Board is the commune's, not a project's", { code: 'not_allowed' });
  if (next.term_to && next.term_to < next.term_from) throw range(given('termTo') ? 'body.termTo' : 'body.termFrom', 'the term must not end before it begins', 'before_from');
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== b[k]);
  const termChanged = next.term_from !== b.term_from || next.term_to !== b.term_to;
  await ctx.db.transaction().execute(async (trx) => {
    if (termChanged) await repo.lockUnitBoards(trx, b.unit_id);
    if (!(await edit.updateBoard(trx, id, input.version, Object.fromEntries(changed.map((k) => [k, next[k]])))))
      throw conflict('board', (await repo.findBoardById(trx, id))?.version ?? b.version);
    if (termChanged) {
      const members = await edit.findBoardMemberRows(trx, id);
      const outside = members.find((m) => m.from_on < next.term_from || (next.term_to !== null && (m.from_on > next.term_to || (m.to_on !== null && m.to_on > next.term_to))));
      if (outside) {
        const path = outside.from_on < next.term_from ? 'body.termFrom' : 'body.termTo';
        throw fieldError(path, `${outside.name}'s time on the board (${outside.from_on} – ${outside.to_on ?? '…'}) would lie outside the term; end or correct the member first`, {
          code: 'members_outside_term',
          name: outside.name,
          memberId: outside.id,
        });
      }
      if (endsLater(next.term_to, b.term_to)) {
        const open = members.filter((x) => x.to_on === null).map((m) => ({ key: m.name_key, name: m.name, from: m.from_on, to: next.term_to }));
        await assertNoClash(trx, b, 'body.termTo', open, { boardId: id });
      }
    }
    const pick = (row: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, row[k]]));
    await recordAudit(trx, actor, { action: 'supervision_board.update', recordType: 'supervision_board', recordId: id, unitId: b.unit_id, before: pick(b), after: pick(next) });
  });
}

/** A member added to a board: within its term, not twice at once, and under the exclusion rule. */
export async function addBoardMember(ctx: Ctx, actor: Actor, boardId: string, input: AddBoardMemberBody): Promise<string> {
  const b = assertWritable(actor, 'supervision_board', boardId, await repo.findBoardById(ctx.db, boardId));
  const toOn = input.toOn ?? null;
  if (toOn && toOn < input.fromOn) throw range('body.toOn', 'a member cannot leave before they began', 'before_from');
  if (input.fromOn < b.term_from || (b.term_to && input.fromOn > b.term_to))
    throw fieldError('body.fromOn', `must lie within the board's term (${b.term_from} – ${b.term_to ?? '…'})`, { code: 'outside_term', termFrom: b.term_from, termTo: b.term_to });
  if (toOn && b.term_to && toOn > b.term_to) throw fieldError('body.toOn', `must not be after the term ends (${b.term_to})`, { code: 'outside_term', termFrom: b.term_from, termTo: b.term_to });
  const m: repo.MemberValues = { name: input.name, name_key: memberNameKey(input.name), position: input.position, from_on: input.fromOn, to_on: toOn };
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockUnitBoards(trx, b.unit_id);
    if (!(await edit.updateBoard(trx, boardId, input.version, {}))) throw conflict('board', (await repo.findBoardById(trx, boardId))?.version ?? b.version);
    const span = { key: m.name_key, name: m.name, from: m.from_on, to: lastDay(toOn, b.term_to) };
    assertNotTwice(await edit.findBoardMemberRows(trx, boardId), 'body.name', span, b.term_to);
    await assertNoClash(trx, b, 'body.name', [span], { boardId });
    const id = await edit.insertMember(trx, boardId, b.unit_id, m);
    await recordAudit(trx, actor, {
      action: 'supervision_board_member.create',
      recordType: 'supervision_board_member',
      recordId: id,
      unitId: b.unit_id,
      after: { boardId, name: m.name, position: m.position, fromOn: m.from_on, toOn },
    });
    return id;
  });
}

/**
 * A member's time on the board ended (or, toOn null, reopened): the record stays. Not before the
 * member began nor after the term; a time made longer is checked against the exclusion rule.
 * Returns the board's id.
 */
export async function updateBoardMember(ctx: Ctx, actor: Actor, id: string, input: UpdateBoardMemberBody): Promise<string> {
  const m = await edit.findMemberById(ctx.db, id);
  const b = await (m ? repo.findBoardById(ctx.db, m.board_id) : undefined);
  if (!m || !b) throw notFound('supervision_board_member', id);
  assertWritable(actor, 'supervision_board_member', id, b);
  if (input.toOn && input.toOn < m.from_on) throw range('body.toOn', `a member cannot leave before they began (${m.from_on})`, 'before_from');
  if (input.toOn && b.term_to && input.toOn > b.term_to) throw fieldError('body.toOn', `must not be after the term ends (${b.term_to})`, { code: 'outside_term', termFrom: b.term_from, termTo: b.term_to });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockUnitBoards(trx, b.unit_id);
    if (!(await edit.updateBoard(trx, b.id, input.version, {}))) throw conflict('board', (await repo.findBoardById(trx, b.id))?.version ?? b.version);
    // The member as it is now, under the lock (the version says the board has not moved since it was read).
    const now = (await edit.findMemberById(trx, id))!;
    if (endsLater(lastDay(input.toOn, b.term_to), lastDay(now.to_on, b.term_to))) {
      const span = { key: now.name_key, name: now.name, from: now.from_on, to: lastDay(input.toOn, b.term_to) };
      assertNotTwice(await edit.findBoardMemberRows(trx, b.id), 'body.toOn', span, b.term_to, id);
      await assertNoClash(trx, b, 'body.toOn', [span], { memberId: id });
    }
    await edit.updateMemberEnd(trx, id, input.toOn);
    await recordAudit(trx, actor, {
      action: 'supervision_board_member.update',
      recordType: 'supervision_board_member',
      recordId: id,
      unitId: b.unit_id,
      before: { boardId: b.id, name: now.name, toOn: now.to_on },
      after: { boardId: b.id, name: now.name, toOn: input.toOn, reason: input.reason },
    });
  });
  return b.id;
}

// ---------------------------------------------------------------- programs

/** The program's items replaced as a whole. Returns the program's unit and year (to present it). */
export async function updateProgram(ctx: Ctx, actor: Actor, id: string, input: UpdateProgramBody): Promise<{ unitId: string; year: number }> {
  const p = assertWritable(actor, 'supervision_program', id, await repo.findProgramById(ctx.db, id));
  const items = input.items.map((it) => ({ subject: it.subject, form: it.form ?? null, lead_organization: it.leadOrganization ?? null }));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await edit.findProgramItems(trx, id);
    if (!(await edit.replaceProgramItems(trx, id, input.version, items))) throw conflict('program', (await repo.findProgramById(trx, id))?.version ?? p.version);
    await recordAudit(trx, actor, { action: 'supervision_program.update', recordType: 'supervision_program', recordId: id, unitId: p.unit_id, before: { items: before }, after: { items } });
  });
  return { unitId: p.unit_id, year: p.year };
}

// ---------------------------------------------------------------- activities and recommendations

/**
 * A supervision held, corrected. Its day may not pass the day one of its recommendations was sent:
 * checked after the row is locked by the update, so a recommendation added at the same time (which
 * locks the row too) is seen.
 */
export async function updateActivity(ctx: Ctx, actor: Actor, id: string, input: UpdateActivityBody): Promise<{ unitId: string }> {
  const a = assertWritable(actor, 'supervision_activity', id, await edit.findActivityById(ctx.db, id));
  const next = { held_on: input.heldOn ?? a.held_on, subject: input.subject ?? a.subject, findings: input.findings ?? a.findings };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== a[k]);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await edit.updateActivity(trx, id, input.version, Object.fromEntries(changed.map((k) => [k, next[k]]))))) throw conflict('supervision', (await edit.findActivityById(trx, id))?.version ?? a.version);
    const first = await edit.findFirstSent(trx, id);
    if (first && next.held_on > first.sent_on)
      throw fieldError('body.heldOn', `must not be after the day its recommendation was sent (${first.sent_on})`, { code: 'after_recommendation', sentOn: first.sent_on, recommendationId: first.id });
    const pick = (row: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, row[k]]));
    await recordAudit(trx, actor, { action: 'supervision_activity.update', recordType: 'supervision_activity', recordId: id, unitId: a.unit_id, before: pick(a), after: pick(next) });
  });
  return { unitId: a.unit_id };
}

async function assertKnownAddressee(db: Q, unitId: string | null | undefined) {
  if (unitId && !(await findUnitsByIds(db, [unitId])).length) throw fieldError('body.addresseeUnitId', 'unknown unit', { code: 'unknown' });
}

/** A recommendation added to a supervision held: not sent before it, not due before it is sent. */
export async function addRecommendation(ctx: Ctx, actor: Actor, activityId: string, input: RecommendationInput): Promise<string> {
  const a = assertWritable(actor, 'supervision_activity', activityId, await edit.findActivityById(ctx.db, activityId));
  if (input.dueOn < input.sentOn) throw range('body.dueOn', 'must not be before sentOn', 'before_sent');
  await assertKnownAddressee(ctx.db, input.addresseeUnitId);
  return ctx.db.transaction().execute(async (trx) => {
    const heldOn = (await edit.lockActivityDay(trx, activityId)) ?? a.held_on;
    if (input.sentOn < heldOn) throw fieldError('body.sentOn', `a recommendation is sent after the supervision it comes from (${heldOn})`, { code: 'before_activity', heldOn });
    const values = { content: input.content, addressee: input.addressee, addressee_unit_id: input.addresseeUnitId ?? null, sent_on: input.sentOn, due_on: input.dueOn };
    const id = await edit.insertRecommendation(trx, a, values);
    await recordAudit(trx, actor, { action: 'supervision_recommendation.create', recordType: 'supervision_recommendation', recordId: id, unitId: a.unit_id, after: { activityId, ...input } });
    return id;
  });
}

const answered = (answeredOn: string) =>
  new AppError('INVALID_TRANSITION', `The recommendation was answered on ${answeredOn}: only its answer can change, through the answer route`, [
    { path: 'body', message: 'answered recommendations are closed to edits', code: 'answered', answeredOn },
  ]);

/** A recommendation not yet answered, corrected; an answered one changes only through its answer. */
export async function updateRecommendation(ctx: Ctx, actor: Actor, id: string, input: UpdateRecommendationBody): Promise<void> {
  const r = assertWritable(actor, 'supervision_recommendation', id, await edit.findRecommendationRow(ctx.db, id));
  if (r.answered_on) throw answered(r.answered_on);
  const next = {
    content: input.content ?? r.content,
    addressee: input.addressee ?? r.addressee,
    addressee_unit_id: input.addresseeUnitId !== undefined ? (input.addresseeUnitId ?? null) : r.addressee_unit_id,
    sent_on: input.sentOn ?? r.sent_on,
    due_on: input.dueOn ?? r.due_on,
  };
  if (next.due_on < next.sent_on) throw range(input.dueOn ? 'body.dueOn' : 'body.sentOn', 'a recommendation must not be due before it is sent', 'before_sent');
  await assertKnownAddressee(ctx.db, input.addresseeUnitId);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== r[k]);
  await ctx.db.transaction().execute(async (trx) => {
    if (next.sent_on !== r.sent_on) {
      const heldOn = (await edit.lockActivityDay(trx, r.activity_id))!;
      if (next.sent_on < heldOn) throw fieldError('body.sentOn', `a recommendation is sent after the supervision it comes from (${heldOn})`, { code: 'before_activity', heldOn });
    }
    if (!(await edit.updateRecommendation(trx, id, input.version, Object.fromEntries(changed.map((k) => [k, next[k]]))))) {
      const now = await edit.findRecommendationRow(trx, id);
      if (now?.answered_on) throw answered(now.answered_on);
      throw conflict('recommendation', now?.version ?? r.version);
    }
    const pick = (row: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, row[k]]));
    await recordAudit(trx, actor, { action: 'supervision_recommendation.update', recordType: 'supervision_recommendation', recordId: id, unitId: r.unit_id, before: pick(r), after: pick(next) });
  });
}
