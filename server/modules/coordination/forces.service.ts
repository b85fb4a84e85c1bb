/**
 * The forces a Party commission signs coordination programs with (army, police, border guard,
 * coast guard, …): data, read by everyone with units.read, changed by a system administrator only
 * (like the kinds of documents: a new force needs no code change).
 */
import type { CreateForceBody, UpdateForceBody } from '../../../common/coordination.js';
import { AppError } from '../../errors.js';
import { type Actor, isSystemAdmin } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './coordination.repository.js';

const onlyAdmins = () => new AppError('FORBIDDEN', 'Only a system administrator may change the forces');
const namesOf = (names: Partial<Record<string, string>>) => Object.fromEntries(Object.entries(names).filter((e): e is [string, string] => typeof e[1] === 'string'));

export async function listForces(ctx: Ctx): Promise<repo.ForceRecord[]> {
  return repo.findForces(ctx.db);
}

export async function createForce(ctx: Ctx, actor: Actor, input: CreateForceBody): Promise<repo.ForceRecord> {
  if (!isSystemAdmin(actor)) throw onlyAdmins();
  const force = { code: input.code, names: namesOf(input.names), sort_order: input.sortOrder };
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findForce(trx, input.code)) throw new AppError('ALREADY_EXISTS', `The force "${input.code}" already exists`, { code: input.code });
    await repo.insertForce(trx, force);
    await recordAudit(trx, actor, { action: 'force.create', recordType: 'force', recordId: force.code, after: { code: force.code, names: force.names, sortOrder: force.sort_order } });
    return { ...force, builtin: false };
  });
}

export async function updateForce(ctx: Ctx, actor: Actor, code: string, input: UpdateForceBody): Promise<repo.ForceRecord> {
  if (!isSystemAdmin(actor)) throw onlyAdmins();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.lockForce(trx, code);
    if (!current) throw new AppError('NOT_FOUND', `Force ${code} not found`, { what: 'force', id: code });
    const changes: Partial<Pick<repo.ForceRecord, 'names' | 'sort_order'>> = {};
    if (input.names !== undefined) changes.names = namesOf(input.names);
    if (input.sortOrder !== undefined && input.sortOrder !== current.sort_order) changes.sort_order = input.sortOrder;
    if (!Object.keys(changes).length) return current;
    await repo.updateForce(trx, code, changes);
    const before = { names: changes.names ? current.names : undefined, sortOrder: changes.sort_order !== undefined ? current.sort_order : undefined };
    await recordAudit(trx, actor, { action: 'force.update', recordType: 'force', recordId: code, before, after: { names: changes.names, sortOrder: changes.sort_order } });
    return { ...current, ...changes };
  });
}
