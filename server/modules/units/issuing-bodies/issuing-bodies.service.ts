/**
 * Who issues a unit's Party documents: the periods an administrator set for the unit, and the
 * heading a document dated on a given day carries (the unit's period covering that day, else the
 * default of its level and era, server/documents/party-issuing-body.ts). Reports, reviews and the
 * CLI ask `issuingBodyOn` with the document's date, never today's unless the document is dated today.
 */
import type { IssuingBodies, IssuingBodiesBody, IssuingBodyPeriod } from '../../../../common/issuing-bodies.js';
import { todayInVietnam } from '../../../../common/units.js';
import { defaultIssuingBody, type IssuingBody, type IssuingUnit } from '../../../documents/party-issuing-body.js';
import { AppError } from '../../../errors.js';
import { type Actor, assertCan } from '../../../http/access.js';
import type { Ctx } from '../../../http/context.js';
import type { Db } from '../../../db/database.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { lockUnit } from '../units.repository.js';
import { getReadableUnit } from '../units.service.js';
import * as repo from './issuing-bodies.repository.js';

export type ResolvedIssuingBody = { source: 'unit' | 'default'; body: IssuingBody; unit: IssuingUnit };

const bodyOf = ({ superior, name, symbol, signerAuthority, signerPosition }: IssuingBodyPeriod): IssuingBody => ({ superior, name, symbol, signerAuthority, signerPosition });

/** The heading of a document of `unitId` dated `date` (ISO). NOT_FOUND for a unit that does not exist. */
export async function issuingBodyOn(db: Db, unitId: string, date: string): Promise<ResolvedIssuingBody> {
  const row = await repo.findIssuingUnit(db, unitId);
  if (!row) throw new AppError('NOT_FOUND', `Unit ${unitId} not found`, { what: 'unit', id: unitId });
  const unit: IssuingUnit = { kind: row.kind, name: row.name, validTo: row.validTo, parent: row.parentKind && row.parentName ? { kind: row.parentKind, name: row.parentName } : null };
  const own = await repo.findPeriodOn(db, unitId, date);
  return own ? { source: 'unit', body: bodyOf(own), unit } : { source: 'default', body: defaultIssuingBody(unit, date), unit };
}

/** The unit's periods and the heading on `date` (default today), for readers of the unit. */
export async function getIssuingBodies(ctx: Ctx, actor: Actor, unitId: string, date = todayInVietnam()): Promise<IssuingBodies> {
  const unit = await getReadableUnit(ctx, actor, unitId);
  const [items, at] = await Promise.all([repo.findPeriods(ctx.db, unit.id), issuingBodyOn(ctx.db, unit.id, date)]);
  return { items, at: { date, source: at.source, body: at.body } };
}

/**
 * Replaces the unit's periods (units.write on the unit: its system or unit administrator), under
 * the unit's lock so two administrators saving at once leave one list, not a mix; audited with
 * the list before and after. The body's schema already refused overlapping periods.
 */
export async function setIssuingBodies(ctx: Ctx, actor: Actor, unitId: string, input: IssuingBodiesBody): Promise<IssuingBodies> {
  const unit = await getReadableUnit(ctx, actor, unitId);
  assertCan(actor, 'units.write', unit.path);
  await ctx.db.transaction().execute(async (trx) => {
    await lockUnit(trx, unit.id);
    const before = await repo.findPeriods(trx, unit.id);
    await repo.replacePeriods(trx, unit.id, input.items);
    await recordAudit(trx, actor, { action: 'unit.issuing_bodies', recordType: 'unit', recordId: unit.id, unitId: unit.id, before: { items: before }, after: { items: input.items } });
  });
  return getIssuingBodies(ctx, actor, unit.id);
}
