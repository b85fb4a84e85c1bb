/**
 * Retention of the personal registers (docs/situation.md §9): a person's names are erased
 * `sensitive_retention.years` after they left the register (deceased, no longer recognized, left
 * the clergy), and `identity_erased_at` is stamped. Like the petitions' erasure, each person is
 * its own transaction with its audit record, so an interrupted run leaves every one either erased
 * and logged or untouched, and a second run finds nothing more to do.
 */
import type { RetentionBody } from '../../../common/religious-affairs.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './religious-affairs.repository.js';

const BATCH = 500;
const TABLE = { dignitary: 'dignitaries', prestigious_person: 'prestigious_persons' } as const;

/** The day `years` before `now` (UTC date): people who left before it are erased. */
const cutoff = (now: Date, years: number) => {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

/** Erases the names whose retention is over; returns how many persons were erased. */
export async function eraseExpiredPersons(ctx: Ctx, actor: Actor, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  let erased = 0;
  for (const rule of await repo.findRetention(ctx.db)) {
    const table = TABLE[rule.register];
    const before = cutoff(now, rule.years);
    for (;;) {
      const due = await repo.findIdentitiesToErase(ctx.db, table, before, BATCH);
      for (const p of due) {
        await ctx.db.transaction().execute(async (trx) => {
          if (!(await repo.eraseIdentity(trx, table, p.id))) return;
          erased++;
          await recordAudit(trx, actor, { action: 'situation.identity.erase', recordType: rule.register, recordId: p.id, unitId: p.unit_id, after: { leftOn: p.left_on, retentionYears: rule.years } });
        });
      }
      if (due.length < BATCH) break;
    }
  }
  return erased;
}

export async function listRetention(ctx: Ctx) {
  return repo.findRetention(ctx.db);
}

/** A system admin's change of a retention period (the route declares system.manage), audited. */
export async function setRetention(ctx: Ctx, actor: Actor, body: RetentionBody): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const current = (await repo.findRetention(trx)).find((r) => r.register === body.register)!;
    if (current.version !== body.version || !(await repo.updateRetention(trx, body.register, body.years, body.version))) {
      throw new AppError('CONFLICT', 'The retention period was changed by someone else; reload it and try again', { currentVersion: current.version });
    }
    await recordAudit(trx, actor, { action: 'sensitive_retention.update', recordType: 'sensitive_retention', recordId: null, before: { register: body.register, years: current.years }, after: { register: body.register, years: body.years } });
  });
}
