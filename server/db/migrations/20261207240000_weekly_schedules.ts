/**
 * Weekly reporting schedules (issue 15: situation reports are asked for weekly, monthly or
 * quarterly): a week runs Monday to Sunday (server/modules/reporting-rounds/schedule-calendar.ts).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reporting_schedules drop constraint reporting_schedules_period_kind_check`.execute(db);
  await sql`alter table reporting_schedules add constraint reporting_schedules_period_kind_check
    check (period_kind in ('week', 'month', 'quarter', 'half', 'year'))`.execute(db);
  await sql`alter table reporting_schedules add constraint reporting_schedules_week_cutoff check (period_kind <> 'week' or cutoff_day is null)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
