import { AppError } from '../../errors.js';
import { type Actor, isSystemAdmin } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './units.repository.js';
import type { CreateUnitKindBody } from './units.schema.js';

/** Every kind of unit, administrative first, in their display order. */
export async function listUnitKinds(ctx: Ctx) {
  return repo.findUnitKinds(ctx.db);
}

/** Adds a kind of organization (kinds are data: no code change is needed for a new one). */
export async function createUnitKind(ctx: Ctx, actor: Actor, input: CreateUnitKindBody) {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a system administrator may add unit kinds');
  const names = Object.fromEntries(Object.entries(input.names).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return ctx.db.transaction().execute(async (trx) => {
    const kind = await repo.createUnitKind(trx, input.code, names);
    if (!kind) throw new AppError('ALREADY_EXISTS', `The unit kind "${input.code}" already exists`, { code: input.code });
    await recordAudit(trx, actor, { action: 'unit_kind.create', recordType: 'unit_kind', recordId: kind.code, after: { code: kind.code, category: kind.category, names } });
    return kind;
  });
}
