/** The SQL of the stored daily digests (`petition_digests`, one row per unit and day). */
import { type Kysely, sql } from 'kysely';
import type { DigestRow } from '../../../common/petitions.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/**
 * Replaces the digest of `day` with `items`, in one transaction: a rerun for the same day (a job
 * retried after a crash) leaves exactly one digest, and a reader never sees half of one.
 */
export async function replaceDigest(db: Q, day: string, dueSoonUntil: string, items: readonly DigestRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('petition_digests').where('day', '=', day).execute();
    if (!items.length) return;
    // One statement for any number of units (a digest of the country has thousands).
    await sql`
      insert into petition_digests (unit_id, day, due_soon_until, due_soon, overdue, escalated_overdue)
      select unit_id, ${day}::date, ${dueSoonUntil}::date, due_soon, overdue, escalated_overdue
      from unnest(${items.map((i) => i.unit.id)}::bigint[], ${items.map((i) => i.dueSoon)}::int[], ${items.map((i) => i.overdue)}::int[], ${items.map((i) => i.escalatedOverdue)}::int[])
        as t(unit_id, due_soon, overdue, escalated_overdue)
      -- Another process rerunning the same day at the same moment: the last one's figures stand.
      on conflict (unit_id, day) do update set
        due_soon_until = excluded.due_soon_until, due_soon = excluded.due_soon, overdue = excluded.overdue,
        escalated_overdue = excluded.escalated_overdue, computed_at = now()`.execute(trx);
  });
}

/** The stored digest of `day` (every unit with something due), by unit id. */
export async function findDigest(db: Q, day: string) {
  return db.selectFrom('petition_digests').select(['unit_id', 'due_soon', 'overdue', 'escalated_overdue', 'due_soon_until']).where('day', '=', day).orderBy('unit_id').execute();
}
