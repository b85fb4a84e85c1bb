/** The SQL of the purge job that no domain repository already has. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Deletes sign-in failure records whose window is over and that lock nothing: for the sign-in
 * throttle a missing row is the same as such a row (the next failure starts a new window).
 */
export async function deleteStaleLoginFailures(db: Kysely<Database>, windowSeconds: number): Promise<number> {
  const r = await db
    .deleteFrom('login_failures')
    .where('window_start', '<', sql<Date>`now() - make_interval(secs => ${windowSeconds})`)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
