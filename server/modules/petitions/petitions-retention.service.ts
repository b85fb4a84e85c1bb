/**
 * The retention job: the identity of a submitter (name, contact, ID number, address) is erased
 * from petitions closed more than `years` ago. Each erasure is its own transaction with its audit
 * record, so an interrupted run leaves every petition either erased and logged or untouched.
 */
import { PETITION_LIMITS } from '../../../common/petitions.js';
import type { Actor } from '../../http/access.js';
import type { Ctx } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './petitions.repository.js';

const BATCH = 500;

/** Erases expired identities; returns how many petitions were erased. `onProgress` hears the running count after each batch. */
export async function eraseExpiredIdentities(ctx: Ctx, actor: Actor, opts: { years?: number; now?: Date; onProgress?: (erased: number) => void } = {}): Promise<number> {
  const years = opts.years ?? PETITION_LIMITS.retentionYears;
  const before = new Date(opts.now ?? Date.now());
  before.setUTCFullYear(before.getUTCFullYear() - years);
  let erased = 0;
  for (;;) {
    const due = await repo.findIdentitiesToErase(ctx.db, before, BATCH);
    for (const p of due) {
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.eraseIdentity(trx, p.id))) return;
        erased++;
        await recordAudit(trx, actor, { action: 'petition.identity.erase', recordType: 'petition', recordId: p.id, unitId: p.unit_id, after: { closedAt: p.closed_at, retentionYears: years } });
      });
    }
    opts.onProgress?.(erased);
    if (due.length < BATCH) return erased;
  }
}
