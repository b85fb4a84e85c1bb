/**
 * The SQL of the calendar of deadlines: one statement over the four kinds of dated obligation of a
 * subtree (leaf tasks, working-session requests, round participations, rounds opened), each with
 * its state on `today`. The task and round lists have no range of days among their filters, and the
 * calendar needs the four kinds merged and ordered by day, so it has its own statement; the states
 * follow the lists' rules (overdue: open and the deadline before today; late: sent after the due
 * day, or not sent once it passed).
 */
import { type Kysely, sql } from 'kysely';
import type { DeadlineKind, DeadlineState } from '../../../common/deadlines.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export type DeadlineRecord = {
  kind: DeadlineKind;
  id: string;
  session_id: string | null;
  title: string;
  unit_id: string;
  unit_name: string;
  day: string;
  state: DeadlineState;
};

/** The obligations of `path`'s subtree due from `from` to `to`, by day, kind, title; at most `limit`. */
export async function findDeadlines(db: Q, f: { path: string; from: string; to: string; today: string; limit: number }): Promise<DeadlineRecord[]> {
  const today = sql`${f.today}::date`;
  const { rows } = await sql<DeadlineRecord>`
    select * from (
      select case when d.working_session_id is null then 'task' else 'request' end as kind,
             t.id::text as id, d.working_session_id::text as session_id, t.content as title,
             t.owner_unit_id::text as unit_id, u.name as unit_name, t.deadline as day,
             case when t.status = 'done' then
                    case when (t.done_at at time zone 'Asia/Ho_Chi_Minh')::date > t.deadline then 'done_late' else 'done' end
                  when t.deadline < ${today} then 'overdue' else 'due' end as state
      from tasks t
      join policy_documents d on d.id = t.document_id
      join units u on u.id = t.owner_unit_id
      where t.owner_path <@ ${f.path}::ltree and t.child_count = 0 and t.deadline between ${f.from}::date and ${f.to}::date
      union all
      select 'report', r.id::text, null, r.title, p.unit_id::text, u.name, p.due_on,
             case when p.state in ('submitted', 'accepted') then case when p.submitted_on > p.due_on then 'done_late' else 'done' end
                  when p.state = 'excused' then 'excused'
                  when p.due_on < ${today} then 'overdue' else 'due' end
      from round_participants p
      join reporting_rounds r on r.id = p.round_id
      join units u on u.id = p.unit_id
      where p.unit_path <@ ${f.path}::ltree and p.due_on between ${f.from}::date and ${f.to}::date
      union all
      select 'round', r.id::text, null, r.title, r.opening_unit_id::text, u.name, r.due_on,
             case when r.status = 'closed' then 'done'
                  when exists (select 1 from round_participants p where p.round_id = r.id and p.state in ('pending', 'draft', 'returned') and p.due_on < ${today}) then 'overdue'
                  when r.due_on >= ${today} then 'due' else 'done' end
      from reporting_rounds r
      join units u on u.id = r.opening_unit_id
      where r.opening_path <@ ${f.path}::ltree and r.due_on between ${f.from}::date and ${f.to}::date
    ) x
    order by day, array_position(array['task', 'request', 'report', 'round'], kind), title, id::bigint
    limit ${f.limit}`.execute(db);
  return rows;
}
