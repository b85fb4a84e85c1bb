/**
 * The units' history as the API, the CLI and other modules use it: a unit named by official code
 * and date (`district:374@2023-09-08`), and a system administrator's correction of a retired unit's
 * successors (audited; the attribution, and so every report, follows at once; the import keeps it).
 */
import { sql } from 'kysely';
import { CATALOGUE_CODE, formerNameLabel, IsoDate, todayInVietnam } from '../../../common/units.js';
import type { Db } from '../../db/database.js';
import type { SuccessionKind } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { type Actor, can, isSystemAdmin, readScopes } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as history from './units-history.repository.js';
import * as repo from './units.repository.js';

export type ParsedUnitRef = { id: string } | { kind: string | undefined; code: string; on: string | undefined };

const REF_RE = /^(?:([a-z][a-z0-9_]{1,40}):)?([\p{L}\p{N}._-]{1,40})(?:@(\d{4}-\d{2}-\d{2}))?$/u;

const badRef = (ref: string, why: string) =>
  new AppError('VALIDATION_FAILED', `"${ref}" is not a unit reference: ${why}. Write an id, kind:code (district:374) or kind:code@YYYY-MM-DD`, [
    { path: 'ref', message: why },
  ]);

/**
 * Reads a unit reference: an id (digits without a leading zero), `kind:code` (district:374), a bare
 * official code (374), each optionally `@YYYY-MM-DD` (the unit of that code in force that day).
 */
export function parseUnitRef(ref: string): ParsedUnitRef {
  const value = ref.trim();
  if (/^[1-9]\d{0,17}$/.test(value)) return { id: value };
  const m = REF_RE.exec(value);
  if (!m) throw badRef(ref, 'not of the form kind:code@YYYY-MM-DD');
  const [, kind, code, on] = m;
  if (kind !== undefined && !CATALOGUE_CODE.test(kind)) throw badRef(ref, 'unknown kind');
  if (on !== undefined && !IsoDate.safeParse(on).success) throw badRef(ref, `${on} is not a date`);
  return { kind, code: code!, on };
}

export type ResolvedUnit = { unit: repo.UnitRecord; asOf: string; nameAsOf: string; label: string };

const candidate = (u: history.RefCandidate) => ({
  id: u.id,
  kind: u.kind,
  code: u.code,
  name: u.name,
  validFrom: u.valid_from,
  validTo: u.valid_to,
  ref: `${u.kind}:${u.code}${u.valid_from ? `@${u.valid_from}` : ''}`,
});

/**
 * The unit a reference names. With a day (`@date`, or `asOf`): the unit of that code in force that
 * day. Without: the one in force today, else the latest. Retired units included. Unknown →
 * NOT_FOUND naming the reference; several → AMBIGUOUS_UNIT_REF with the candidates in `details`.
 * No permission check: callers decide who may see the unit (the API answers "not found" outside
 * the reader's scope).
 */
export async function resolveUnitRef(db: Db, ref: string, options: { asOf?: string } = {}): Promise<ResolvedUnit> {
  const parsed = parseUnitRef(ref);
  if (options.asOf !== undefined && !IsoDate.safeParse(options.asOf).success) {
    throw new AppError('VALIDATION_FAILED', `"${options.asOf}" is not a date (YYYY-MM-DD)`, [{ path: 'asOf', message: 'not a date' }]);
  }
  const today = todayInVietnam();
  if ('id' in parsed) {
    const unit = await repo.findUnitById(db, parsed.id);
    if (!unit) throw new AppError('NOT_FOUND', `Unit ${parsed.id} not found`, { what: 'unit', unit: ref });
    return named(db, unit, options.asOf ?? today);
  }
  const day = parsed.on ?? options.asOf;
  const all = await history.findUnitsByCode(db, parsed.code, parsed.kind, day ?? today);
  const what = `${parsed.kind ? `${parsed.kind} ` : ''}code ${parsed.code}`;
  if (!all.length) throw new AppError('NOT_FOUND', `No unit has the ${what}`, { what: 'unit', unit: ref });
  let picked = all.filter((u) => u.in_force_on);
  if (!day && !picked.length) {
    // Not in force today: the latest of that code (a retired unit is still named by its code).
    const latest = all[0]!.valid_to;
    picked = all.filter((u) => u.valid_to === latest);
  }
  if (!picked.length) {
    throw new AppError('NOT_FOUND', `No unit with the ${what} was in force on ${day}`, { what: 'unit', unit: ref, asOf: day, candidates: all.map(candidate) });
  }
  if (picked.length > 1) {
    const list = picked.map((u) => `${candidate(u).ref} ${u.name} (id ${u.id})`).join('; ');
    throw new AppError('AMBIGUOUS_UNIT_REF', `"${ref}" names ${picked.length} units: ${list}; write kind:code@date or the id`, { unit: ref, candidates: picked.map(candidate) });
  }
  return named(db, picked[0]!, day ?? today);
}

async function named(db: Db, unit: repo.UnitRecord, asOf: string): Promise<ResolvedUnit> {
  const nameAsOf = (await history.findNameOn(db, unit.id, asOf)) ?? unit.name;
  return { unit, asOf, nameAsOf, label: formerNameLabel(nameAsOf, unit.name) };
}

/** resolveUnitRef for a reader: a unit outside the reader's scope answers NOT_FOUND, as an unknown one. */
export async function resolveReadableUnitRef(ctx: Ctx, actor: Actor, ref: string, asOf?: string): Promise<ResolvedUnit> {
  const resolved = await resolveUnitRef(ctx.db, ref, { asOf });
  if (!can(actor, 'units.read', resolved.unit.path)) throw new AppError('NOT_FOUND', `No unit has the reference ${ref}`, { what: 'unit', unit: ref });
  return resolved;
}

export type SuccessorsInput = { successors: { unitId: string; kind: SuccessionKind }[]; mainId?: string };

/**
 * A system administrator sets the successors of a retired unit (the history's fallback for an
 * ambiguous commune, or any correction). Replaces its links; recorded as `manual`, which the
 * import keeps. Refused, writing nothing: a unit in force, an unknown successor or one not in force
 * on the day the unit ended, a "whole" link to several, a link that would make a cycle.
 */
export async function setSuccessors(ctx: Ctx, actor: Actor, id: string, input: SuccessorsInput): Promise<void> {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator may set a unit\'s successors');
  const unit = await repo.findUnitById(ctx.db, id);
  if (!unit) throw new AppError('NOT_FOUND', `Unit ${id} not found`, { what: 'unit', id });
  const effective = unit.valid_to;
  if (!effective) throw new AppError('VALIDATION_FAILED', 'A unit in force has no successor', [{ path: 'params.id', message: 'the unit is in force' }]);
  const ids = input.successors.map((s) => s.unitId);
  const problems: { path: string; message: string }[] = [];
  if (new Set(ids).size !== ids.length) problems.push({ path: 'body.successors', message: 'a unit is named twice' });
  if (ids.includes(id)) problems.push({ path: 'body.successors', message: 'a unit cannot succeed itself' });
  if (input.successors.length > 1 && input.successors.some((s) => s.kind !== 'partial')) {
    problems.push({ path: 'body.successors', message: 'a unit split among several successors went to each in part (kind partial)' });
  }
  const mainId = input.mainId ?? ids[0];
  if (mainId && !ids.includes(mainId)) problems.push({ path: 'body.mainId', message: 'must be one of the successors' });
  const found = new Map((await repo.findUnitsByIds(ctx.db, ids)).map((u) => [u.id, u]));
  ids.forEach((sid, n) => {
    if (!found.has(sid)) problems.push({ path: `body.successors.${n}.unitId`, message: 'unknown unit' });
  });
  if (problems.length) throw new AppError('VALIDATION_FAILED', 'The successors are not valid', problems);
  for (const sid of ids) {
    const s = found.get(sid)!;
    // The successor takes over on the day the unit ended: it must be in force that day.
    if ((s.valid_from && s.valid_from > effective) || (s.valid_to && s.valid_to <= effective)) {
      throw new AppError('UNIT_NOT_IN_FORCE', `${s.name} was not in force on ${effective}, the day ${unit.name} ended`, {
        unitId: s.id,
        effective,
        validFrom: s.valid_from,
        validTo: s.valid_to,
      });
    }
  }

  await ctx.db.transaction().execute(async (trx) => {
    // One change of successions at a time, and none while the official import runs (it reads them).
    await sql`select pg_advisory_xact_lock(hashtext('danvan.units.import'))`.execute(trx);
    if (await history.reachesThroughSuccession(trx, ids, id)) {
      throw new AppError('SUCCESSION_CYCLE', `${unit.name} would follow itself: one of the successors counts under it`, { unitId: id, successors: ids });
    }
    const before = await history.findSuccessorRows(trx, id);
    await history.withAttributionDeferred(trx, () =>
      history.replaceSuccessors(
        trx,
        id,
        effective,
        input.successors.map((s) => ({ successorId: s.unitId, kind: s.kind, preferred: ids.length > 1 && s.unitId === mainId })),
      ),
    );
    await recordAudit(trx, actor, {
      action: 'unit.successors',
      recordType: 'unit',
      recordId: id,
      unitId: id,
      before: { successors: before.map((b) => ({ unitId: b.successor_id, kind: b.kind, basis: b.basis, main: b.preferred })) },
      after: { successors: input.successors.map((s) => ({ unitId: s.unitId, kind: s.kind, basis: 'manual', main: ids.length === 1 || s.unitId === mainId })) },
    });
  });
}

/** Retired units whose successors come from the history's fallback (ambiguous) or from a correction (manual), in the reader's scope. */
export async function listSuccessionReview(ctx: Ctx, actor: Actor, q: { basis: 'ambiguous' | 'manual' | 'inferred'; limit: number; offset: number }) {
  const rows = await history.findSuccessionReview(ctx.db, { basis: q.basis, scopePaths: readScopes(actor), limit: q.limit, offset: q.offset });
  const links = await repo.findLinks(
    ctx.db,
    rows.map((r) => r.id),
    'successors',
  );
  return { rows, total: rows[0]?.total ?? 0, successorsOf: (id: string) => links.filter((l) => l.of_id === id) };
}
