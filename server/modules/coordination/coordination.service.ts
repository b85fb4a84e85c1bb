/**
 * Coordination programs (docs/leadership-loop.md §3 "Coordination programs"): a policy document of
 * kind `coordination_program` issued by the Party commission's unit, plus the force, the force's
 * signing body and the period. Read as documents are read (units.read on the party unit, above it
 * or below it: a commune reads its province's program); written with data.write on the party unit.
 * Each write and its audit entry share one transaction.
 */
import type { CoordinationProgramListQuery, CreateCoordinationProgramBody, UpdateCoordinationProgramBody } from '../../../common/coordination.js';
import { todayInVietnam } from '../../../common/units.js';
import { AppError } from '../../errors.js';
import { type Actor, assertCan, can } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { insertDocument } from '../policy-documents/policy-documents.repository.js';
import { getReadableDocument, readScope } from '../policy-documents/policy-documents.service.js';
import { findUnitById } from '../units/units.repository.js';
import { issuingBodyOn } from '../units/issuing-bodies/issuing-bodies.service.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './coordination.repository.js';

const notFound = (id: string) => new AppError('NOT_FOUND', `Coordination program ${id} not found`, { what: 'coordination_program', id });
export const fieldError = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', `${path.replace(/^body\./, '')}: ${message}`, [{ path, message, ...extra }]);

/** The program, when it exists and the actor reads its document; NOT_FOUND otherwise (both alike). */
export async function getReadableProgram(ctx: Ctx, actor: Actor, id: string): Promise<repo.ProgramRecord> {
  await getReadableDocument(ctx, actor, id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound(id) : err;
  });
  const program = await repo.findProgramById(ctx.db, id);
  if (!program) throw notFound(id);
  return program;
}

export async function listPrograms(ctx: Ctx, actor: Actor, q: CoordinationProgramListQuery) {
  let nearPath: string | undefined;
  if (q.unitId) {
    // As for documents: any unit may be named; what is found is still only what the reader reads.
    const unit = await findUnitById(ctx.db, q.unitId);
    if (!unit) throw new AppError('NOT_FOUND', `Unit ${q.unitId} not found`, { what: 'unit', id: q.unitId });
    nearPath = unit.path;
  }
  return repo.findPrograms(ctx.db, { scope: readScope(actor), nearPath, force: q.force, limit: q.limit, offset: q.offset });
}

/**
 * Records a signed program: its document (a draft of kind `coordination_program` issued by the
 * party unit, issued later like any document) and the program, in one transaction.
 */
export async function createProgram(ctx: Ctx, actor: Actor, input: CreateCoordinationProgramBody, today = todayInVietnam()): Promise<string> {
  const unit = await getReadableUnit(ctx, actor, input.partyUnitId);
  assertCan(actor, 'data.write', unit.path);
  if (unit.valid_to !== null && unit.valid_to <= today) throw new AppError('UNIT_NOT_IN_FORCE', 'The unit is no longer in force', [{ path: 'body.partyUnitId', message: 'retired unit' }]);
  if (!(await repo.findForce(ctx.db, input.forceCode))) throw fieldError('body.forceCode', 'unknown force', { code: 'unknown' });
  const d = input.document;
  const issuingBody = d.issuingBody ?? (await issuingBodyOn(ctx.db, unit.id, d.issuedOn ?? today)).body.name;
  return ctx.db.transaction().execute(async (trx) => {
    const id = await insertDocument(trx, {
      kind: 'coordination_program',
      issuing_body: issuingBody,
      number: d.number ?? null,
      symbol: d.symbol,
      issued_on: d.issuedOn ?? null,
      title: d.title,
      summary: d.summary ?? null,
      valid_from: null,
      valid_to: null,
      restricted_roles: null,
      issuing_unit_id: unit.id,
      issuing_path: unit.path,
      created_by: actor.userId,
    });
    const values: repo.ProgramValues = { force_body: input.forceBody, period_from: input.periodFrom, period_to: input.periodTo };
    await repo.insertProgram(trx, { ...values, document_id: id, party_unit_id: unit.id, party_path: unit.path, force_code: input.forceCode, created_by: actor.userId });
    await recordAudit(trx, actor, {
      action: 'coordination_program.create',
      recordType: 'coordination_program',
      recordId: id,
      unitId: unit.id,
      after: {
        partyUnitId: unit.id,
        forceCode: input.forceCode,
        forceBody: input.forceBody,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        document: { issuingBody, number: d.number ?? null, symbol: d.symbol, issuedOn: d.issuedOn ?? null, title: d.title, status: 'draft' },
      },
    });
    return id;
  });
}

const versionConflict = (current: number) => new AppError('CONFLICT', 'The program was changed by someone else; reload it and try again', { currentVersion: current });

/**
 * Changes the force's body or the period (optimistic concurrency on `version`). A period that
 * would leave a yearly plan outside it is INVALID_RANGE.
 */
export async function updateProgram(ctx: Ctx, actor: Actor, id: string, input: UpdateCoordinationProgramBody): Promise<void> {
  const program = await getReadableProgram(ctx, actor, id);
  assertCan(actor, 'data.write', program.party_path);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockProgram(trx, id);
    if (!row) throw notFound(id);
    if (row.version !== input.version) throw versionConflict(row.version);
    const wanted: Partial<repo.ProgramValues> = { force_body: input.forceBody, period_from: input.periodFrom, period_to: input.periodTo };
    const changes: Partial<repo.ProgramValues> = {};
    const before: Partial<repo.ProgramValues> = {};
    for (const [k, v] of Object.entries(wanted) as [keyof repo.ProgramValues, string | undefined][]) {
      if (v === undefined || v === row[k]) continue;
      changes[k] = v;
      before[k] = row[k];
    }
    const from = changes.period_from ?? row.period_from;
    const to = changes.period_to ?? row.period_to;
    if (to <= from) throw new AppError('INVALID_RANGE', 'The period must end after it starts', [{ path: input.periodTo ? 'body.periodTo' : 'body.periodFrom', message: 'must be after the start of the period' }]);
    if (!Object.keys(changes).length) return;
    // The yearly plans stay inside the period (their dates were clipped to it when they were made).
    const plans = await repo.findYearlyPlanDates(trx, id);
    const early = plans.filter((p) => p.starts_on < from).map((p) => p.year);
    const late = plans.filter((p) => p.ends_on > to).map((p) => p.year);
    if (early.length || late.length) {
      throw new AppError('INVALID_RANGE', 'The period must keep the yearly plans inside it', [
        ...(early.length ? [{ path: 'body.periodFrom', message: `the yearly plans of ${early.join(', ')} start before it`, years: early }] : []),
        ...(late.length ? [{ path: 'body.periodTo', message: `the yearly plans of ${late.join(', ')} end after it`, years: late }] : []),
      ]);
    }
    if (!(await repo.updateProgram(trx, id, input.version, changes))) throw versionConflict(row.version);
    await recordAudit(trx, actor, {
      action: 'coordination_program.update',
      recordType: 'coordination_program',
      recordId: id,
      unitId: row.party_unit_id,
      before: { forceBody: before.force_body, periodFrom: before.period_from, periodTo: before.period_to },
      after: { forceBody: changes.force_body, periodFrom: changes.period_from, periodTo: changes.period_to },
    });
  });
}

/** What the reader may do with the program. */
export function programAbilities(actor: Actor, program: repo.ProgramRecord) {
  const write = can(actor, 'data.write', program.party_path);
  return { edit: write, addYear: write && program.status === 'issued' };
}
