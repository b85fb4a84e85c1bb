/** The SQL of the leadership loop's daily digest (`leadership_digests`, one row per unit and day). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { remindWindowDays } from '../reporting-rounds/reporting-rounds.repository.js';

type Q = Kysely<Database>;

export type DigestCounts = {
  unit_id: string;
  path: string;
  name: string;
  tasks_due_soon: number;
  tasks_overdue: number;
  reports_due: number;
  reports_missing_below: number;
};

/**
 * Per unit with something due on `day`: its open leaves due by `soonUntil` and overdue (from the
 * summary `task_open_deadlines`, which holds open leaves only), its own reports not sent in open
 * rounds due within their reminder window (`remindWindowDays`: the schedule's, else a week), and, for an opening unit, its open rounds' participants not sent past
 * their day. `underPath` limits it to a subtree.
 */
export async function countDigest(db: Q, day: string, soonUntil: string, underPath?: string): Promise<DigestCounts[]> {
  const under = (col: string) => (underPath ? sql`and ${sql.ref(col)} <@ ${underPath}::ltree` : sql``);
  const { rows } = await sql<DigestCounts>`
    with tasks as (
      select d.owner_unit_id as unit_id,
        coalesce(sum(d.open) filter (where d.deadline >= ${day}::date), 0)::int as tasks_due_soon,
        coalesce(sum(d.open) filter (where d.deadline < ${day}::date), 0)::int as tasks_overdue
      from task_open_deadlines d join units u on u.id = d.owner_unit_id
      where d.open > 0 and d.deadline <= ${soonUntil}::date ${under('u.path')}
      group by d.owner_unit_id
    ),
    mine as (
      select p.unit_id, count(*)::int as reports_due
      from round_participants p join reporting_rounds r on r.id = p.round_id
      where r.status = 'open' and p.state in ('pending', 'draft', 'returned') and p.due_on <= ${day}::date + ${remindWindowDays('r')} ${under('p.unit_path')}
      group by p.unit_id
    ),
    missing as (
      select r.opening_unit_id as unit_id, count(*)::int as reports_missing_below
      from round_participants p join reporting_rounds r on r.id = p.round_id
      where r.status = 'open' and p.state in ('pending', 'draft') and p.due_on < ${day}::date ${under('r.opening_path')}
      group by r.opening_unit_id
    ),
    ids as (select unit_id from tasks union select unit_id from mine union select unit_id from missing)
    select ids.unit_id::text as unit_id, u.path::text as path, u.name,
      coalesce(t.tasks_due_soon, 0) as tasks_due_soon, coalesce(t.tasks_overdue, 0) as tasks_overdue,
      coalesce(m.reports_due, 0) as reports_due, coalesce(x.reports_missing_below, 0) as reports_missing_below
    from ids join units u on u.id = ids.unit_id
    left join tasks t on t.unit_id = ids.unit_id left join mine m on m.unit_id = ids.unit_id left join missing x on x.unit_id = ids.unit_id
    where coalesce(t.tasks_due_soon, 0) + coalesce(t.tasks_overdue, 0) + coalesce(m.reports_due, 0) + coalesce(x.reports_missing_below, 0) > 0`.execute(db);
  return rows;
}

export type StoredDigestRow = {
  unit_id: string;
  tasks_due_soon: number;
  tasks_overdue: number;
  tasks_overdue_below: number;
  reports_due: number;
  reports_missing_below: number;
};

/** Replaces the digest of `day`, in one transaction: a rerun leaves exactly one, and a reader never sees half of one. */
export async function replaceDigest(db: Q, day: string, dueSoonUntil: string, rows: readonly StoredDigestRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('leadership_digests').where('day', '=', day).execute();
    if (!rows.length) return;
    const col = (k: keyof StoredDigestRow) => rows.map((r) => r[k]);
    await sql`
      insert into leadership_digests (unit_id, day, due_soon_until, tasks_due_soon, tasks_overdue, tasks_overdue_below, reports_due, reports_missing_below)
      select unit_id, ${day}::date, ${dueSoonUntil}::date, a, b, c, d, e
      from unnest(${col('unit_id')}::bigint[], ${col('tasks_due_soon')}::int[], ${col('tasks_overdue')}::int[], ${col('tasks_overdue_below')}::int[],
        ${col('reports_due')}::int[], ${col('reports_missing_below')}::int[]) as t(unit_id, a, b, c, d, e)
      -- Another process storing the same day at the same moment: the last one's figures stand.
      on conflict (unit_id, day) do update set due_soon_until = excluded.due_soon_until, tasks_due_soon = excluded.tasks_due_soon,
        tasks_overdue = excluded.tasks_overdue, tasks_overdue_below = excluded.tasks_overdue_below, reports_due = excluded.reports_due,
        reports_missing_below = excluded.reports_missing_below, computed_at = now()`.execute(trx);
  });
}

/** The stored digest of `day` under `underPath` (or everywhere), with the units' paths and names. */
export async function findStoredDigest(db: Q, day: string, underPath?: string) {
  const { rows } = await sql<StoredDigestRow & { path: string; name: string; due_soon_until: string }>`
    select g.unit_id::text as unit_id, u.path::text as path, u.name, g.due_soon_until::text as due_soon_until,
      g.tasks_due_soon, g.tasks_overdue, g.tasks_overdue_below, g.reports_due, g.reports_missing_below
    from leadership_digests g join units u on u.id = g.unit_id
    where g.day = ${day}::date ${underPath ? sql`and u.path <@ ${underPath}::ltree` : sql``}
    order by u.path`.execute(db);
  return rows;
}
