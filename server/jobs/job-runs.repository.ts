/**
 * The SQL of `job_runs`: which process runs a scheduled job for a period. A claim is one
 * statement, so two processes ticking at the same moment cannot both win: the second waits for
 * the first's row lock, then finds the row claimed (or finished) and gets nothing back.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

export type Claim = { claimed: true; attempt: number } | { claimed: false; finished: boolean };

/**
 * Claims (job, period) for `runner`: a new period, a run that failed (retried at the next tick),
 * or a run whose runner stopped beating for `leaseSeconds` (its process died mid-run). A run
 * that finished, or that another live process is running, is not claimed.
 */
export async function claimRun(db: Q, job: string, period: string, runner: string, leaseSeconds: number): Promise<Claim> {
  const { rows } = await sql<{ attempts: number }>`
    insert into job_runs as r (job, period, runner) values (${job}, ${period}, ${runner})
    on conflict (job, period) do update set
      runner = excluded.runner, attempts = r.attempts + 1, started_at = now(), heartbeat_at = now(), error = null
    where r.finished_at is null and (r.error is not null or r.heartbeat_at < now() - make_interval(secs => ${leaseSeconds}))
    returning attempts`.execute(db);
  if (rows[0]) return { claimed: true, attempt: rows[0].attempts };
  const row = await db.selectFrom('job_runs').select('finished_at').where('job', '=', job).where('period', '=', period).executeTakeFirst();
  return { claimed: false, finished: row?.finished_at != null };
}

/** Tells the other processes that the runner is still at it (only while it holds the run). */
export async function beat(db: Q, job: string, period: string, runner: string): Promise<void> {
  await db.updateTable('job_runs').set({ heartbeat_at: sql`now()` }).where('job', '=', job).where('period', '=', period).where('runner', '=', runner).execute();
}

export async function finishRun(db: Q, job: string, period: string, runner: string, summary: string | null): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ finished_at: sql`now()`, heartbeat_at: sql`now()`, summary })
    .where('job', '=', job)
    .where('period', '=', period)
    .where('runner', '=', runner)
    .execute();
}

export async function failRun(db: Q, job: string, period: string, runner: string, error: string): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ error: error.slice(0, 2000), heartbeat_at: sql`now()` })
    .where('job', '=', job)
    .where('period', '=', period)
    .where('runner', '=', runner)
    .execute();
}

/** Deletes the record of runs older than `days` days. */
export async function deleteOldRuns(db: Q, days: number): Promise<number> {
  const r = await db.deleteFrom('job_runs').where('started_at', '<', sql<Date>`now() - make_interval(days => ${days})`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
