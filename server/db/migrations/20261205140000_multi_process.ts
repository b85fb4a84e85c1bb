/**
 * What several danvan processes on one database share instead of keeping it in memory
 * (docs/scaling.md):
 * - `rate_limits`: the token buckets of the public petition form, one row per (bucket, key),
 *   taken by one `INSERT … ON CONFLICT DO UPDATE … RETURNING` so every process counts against the
 *   same tokens. UNLOGGED: it is written by every public request and is worth nothing after a
 *   crash of PostgreSQL (an empty table forgives everyone, as a restart did before), so it skips
 *   the write-ahead log and is not replicated. `full_at` is when the bucket is full again: from
 *   then on the row means nothing and the purge job deletes it.
 * - `job_runs`: one row per scheduled job and period (`2026-12-05` for a daily job), claimed by
 *   the first process whose tick reaches it; the others see it and skip. `heartbeat_at` is kept
 *   fresh while the job runs, so a run whose process died is taken over after the lease.
 * - `petition_digests`: the daily digest per handling unit (due soon, overdue, overdue below),
 *   computed once a day by a job, for the work queue to read without recomputing it.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table rate_limits (
      bucket text not null,
      key text not null,
      tokens double precision not null,
      at timestamptz not null,
      full_at timestamptz not null,
      granted boolean not null,
      primary key (bucket, key)
    )`.execute(db);

  await sql`
    create table job_runs (
      job text not null,
      period text not null,
      runner text not null,
      attempts integer not null default 1,
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz,
      error text,
      summary text,
      primary key (job, period)
    )`.execute(db);

  await sql`
    create table petition_digests (
      unit_id bigint not null references units(id),
      day date not null,
      due_soon_until date not null,
      due_soon integer not null check (due_soon >= 0),
      overdue integer not null check (overdue >= 0),
      escalated_overdue integer not null check (escalated_overdue >= 0),
      computed_at timestamptz not null default now(),
      primary key (unit_id, day)
    )`.execute(db);
  await sql`create index petition_digests_day on petition_digests (day)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table petition_digests`.execute(db);
  await sql`drop table job_runs`.execute(db);
  await sql`drop table rate_limits`.execute(db);
}
