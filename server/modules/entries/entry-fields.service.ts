/**
 * Fields of entries (economic, cultural–social, …) are data: the national ones, and those a unit
 * (a province, say) adds for its own subtree. A unit sees the national fields and those of the
 * units on its path.
 */
import { AppError } from '../../errors.js';
import { type Actor, assertCan, isSystemAdmin, scopePaths } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { getReadableUnit } from '../units/units.service.js';
import * as repo from './entry-fields.repository.js';

/** With `unitId`: the fields a registration of that unit may use; without: those of the reader's scope. */
export async function listFields(ctx: Ctx, actor: Actor, unitId?: string): Promise<repo.FieldRecord[]> {
  if (unitId) return repo.findFields(ctx.db, { unitPath: (await getReadableUnit(ctx, actor, unitId)).path });
  return repo.findFields(ctx.db, isSystemAdmin(actor) ? {} : { scopes: scopePaths(actor, 'units.read') });
}

export type CreateFieldInput = { code: string; names: Partial<Record<string, string>>; unitId: string | null };

/** Adds a field for a unit's subtree (units.write on it); a national field (no unit) only for system admins. */
export async function createField(ctx: Ctx, actor: Actor, input: CreateFieldInput): Promise<repo.FieldRecord> {
  if (input.unitId) assertCan(actor, 'units.write', (await getReadableUnit(ctx, actor, input.unitId)).path);
  else if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator adds national fields');
  if (await repo.findField(ctx.db, input.code)) throw new AppError('ALREADY_EXISTS', `The field ${input.code} already exists`, { code: input.code });
  const names = Object.fromEntries(Object.entries(input.names).filter((e): e is [string, string] => typeof e[1] === 'string'));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertField(trx, { code: input.code, names, unitId: input.unitId });
    await recordAudit(trx, actor, { action: 'entry_field.create', recordType: 'entry_field', recordId: input.code, unitId: input.unitId, after: { code: input.code, names, unitId: input.unitId } });
  });
  return (await repo.findField(ctx.db, input.code))!;
}
