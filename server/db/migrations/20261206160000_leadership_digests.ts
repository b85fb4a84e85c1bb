/**
 * The leadership loop's daily digest (docs/leadership-loop.md, "Slice 3 as built"): per unit and
 * day, its open document tasks due within the week and overdue, the overdue ones of the units
 * below it (the escalation), its own reports due in open reporting rounds, and the reports missing
 * past their day in the rounds it opened. Stored once a day by the `leadership-digest` job, as
 * `petition_digests` is, so that a day's escalation can be read back later ("what was overdue on
 * the 1st"); today's is computed when asked.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table leadership_digests (
      unit_id bigint not null references units(id),
      day date not null,
      due_soon_until date not null,
      tasks_due_soon integer not null check (tasks_due_soon >= 0),
      tasks_overdue integer not null check (tasks_overdue >= 0),
      tasks_overdue_below integer not null check (tasks_overdue_below >= 0),
      reports_due integer not null check (reports_due >= 0),
      reports_missing_below integer not null check (reports_missing_below >= 0),
      computed_at timestamptz not null default now(),
      primary key (unit_id, day)
    )`.execute(db);
  await sql`create index leadership_digests_day on leadership_digests (day)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
