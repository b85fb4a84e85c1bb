/**
 * Task figures, the one query behind the `tasks` block of a report and the dashboard's card
 * "Thực hiện văn bản" (issue 14, docs/leadership-loop.md "Slice 8 as built"): the leaf tasks of an
 * area's units running in a range, done in it, open and overdue on its reference day, the units
 * tasked and those that reported, the working sessions held and the round submissions sent.
 *
 * Units are those of the report's area, attributed as petitions are (`unitsOf`): a retired
 * commune's tasks, sessions and submissions count under the commune in force that took it over.
 * Days are Viet Nam days: a task is done on the Viet Nam day of its `done_at`.
 *
 * Where it reads: the records. The summaries kept for the roll-up (`task_unit_counts`,
 * `task_open_deadlines`) hold the present state of each (document, unit), not what it was on a
 * range's last day, so they cannot say what was done in a past quarter or overdue on its last day;
 * a country with 50,000 leaves is one hash join of the area's units with the tasks
 * (bench/leadership.bench.ts prints the report's p95 with this block).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ReportTasks } from '../../../common/reports.js';
import type { Database } from '../../db/schema.js';
import { type FigureArea, unitsOf } from '../petitions/petitions-figures.repository.js';
import { readableBy, type ReadScope } from '../policy-documents/policy-documents.repository.js';

export type TaskFigureQuery = {
  area: FigureArea;
  from: string;
  to: string;
  /** The day open and overdue are judged on (the range's last day, or today while it runs). */
  asOf: string;
  /** Also the range before (ending the day before `from`): its rows come with `which` 1, totals only. */
  previous?: { from: string; asOf: string };
  /** Rows per child of the area (null: the area's own) besides the whole; else the whole only. */
  byChild: boolean;
};

/**
 * One range's figures for one child (`child` null: the area's own records) or, `whole`, for the
 * whole area: the only row whose `documents` is right for the total (distinct documents are no sum).
 */
export type TaskFigureRow = ReportTasks & { which: 0 | 1; child: string | null; whole: boolean };

const DAY = 86_400_000;
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

export async function findTaskFigures(db: Kysely<Database>, q: TaskFigureQuery): Promise<TaskFigureRow[]> {
  const spans: Span[] = [{ which: 0, from: q.from, to: q.to, asOf: q.asOf, byChild: q.byChild }];
  if (q.previous) spans.push({ which: 1, from: q.previous.from, to: dayBefore(q.from), asOf: q.previous.asOf, byChild: false });
  const rows = await Promise.all(spans.map((s) => spanFigures(db, q.area, s)));
  return rows.flat();
}

type Span = { which: 0 | 1; from: string; to: string; asOf: string; byChild: boolean };

/**
 * The leaves of the units `u` running in a range (starting by its last day, not done before its
 * first Viet Nam day), with the Viet Nam day each was done on.
 */
function runningLeaves(s: { from: string; to: string }, child: RawBuilder<unknown>) {
  // The first instant of the range's first Viet Nam day: a leaf done before it is not running.
  const start = sql`(${s.from}::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  return sql`
      select ${child} as child, t.id, t.document_id, t.owner_unit_id, t.deadline,
        case when t.status = 'done' then (t.done_at at time zone 'Asia/Ho_Chi_Minh')::date end as done_on
      from u join tasks t on t.owner_unit_id = u.id
      where t.child_count = 0 and t.starts_on <= ${s.to}::date and (t.status = 'open' or t.done_at >= ${start})`;
}

/**
 * The rules of a running leaf (`l`'s columns), once for the report's block and the dashboard's
 * documents: done within the range, still open on its reference day, overdue on it.
 */
const doneIn = (s: { from: string; to: string }) => sql`done_on between ${s.from}::date and ${s.to}::date`;
const openOn = (asOf: string) => sql`(done_on is null or done_on > ${asOf}::date)`;
const overdueOn = (asOf: string) => sql`(deadline < ${asOf}::date and ${openOn(asOf)})`;

async function spanFigures(db: Kysely<Database>, area: FigureArea, s: Span): Promise<TaskFigureRow[]> {
  const child = s.byChild ? sql`u.child` : sql`null::text`;
  const { rows } = await sql<Record<string, string | number | boolean | null>>`
    with u as materialized (${unitsOf(area, true)}),
    l as (${runningLeaves(s, child)}),
    x as (
      select child, document_id, owner_unit_id, 1 as assigned,
        (deadline between ${s.from}::date and ${s.to}::date)::int as due,
        (${doneIn(s)})::int as done,
        ${openOn(s.asOf)}::int as open,
        ${overdueOn(s.asOf)}::int as overdue,
        exists (select 1 from task_progress_reports r where r.task_id = l.id and r.reported_on between ${s.from}::date and ${s.to}::date) as reported,
        0 as sessions, 0 as on_time, 0 as late
      from l
      union all
      select ${child}, null, null, 0, 0, 0, 0, 0, false, 1, 0, 0
      from u join working_sessions w on w.unit_id = u.id
      where w.held_on between ${s.from}::date and ${s.to}::date
      union all
      select ${child}, null, null, 0, 0, 0, 0, 0, false, 0, (p.submitted_on <= p.due_on)::int, (p.submitted_on > p.due_on)::int
      from u join round_participants p on p.unit_id = u.id
      where p.state in ('submitted', 'accepted') and p.submitted_on between ${s.from}::date and ${s.to}::date
    )
    select child, grouping(child) = 1 as whole,
      count(distinct document_id)::int as documents, coalesce(sum(assigned), 0)::int as assigned, coalesce(sum(due), 0)::int as due, coalesce(sum(done), 0)::int as done,
      coalesce(sum(open), 0)::int as open, coalesce(sum(overdue), 0)::int as overdue,
      count(distinct owner_unit_id)::int as units_tasked, count(distinct owner_unit_id) filter (where reported)::int as units_reported,
      coalesce(sum(sessions), 0)::int as sessions, coalesce(sum(on_time), 0)::int as on_time, coalesce(sum(late), 0)::int as late
    from x
    group by grouping sets ((child), ())
    order by 2, 1`.execute(db);
  return rows.map((r) => ({
    which: s.which,
    child: r.child as string | null,
    whole: r.whole as boolean,
    documents: r.documents as number,
    assigned: r.assigned as number,
    due: r.due as number,
    done: r.done as number,
    open: r.open as number,
    overdue: r.overdue as number,
    unitsTasked: r.units_tasked as number,
    unitsReported: r.units_reported as number,
    sessions: r.sessions as number,
    submittedOnTime: r.on_time as number,
    submittedLate: r.late as number,
  }));
}

export type TaskDocumentRow = { id: string; symbol: string; number: string | null; title: string; assigned: number; done: number; open: number; overdue: number };

/**
 * The documents whose leaves run in the area over the range, with the report's figures of each,
 * largest share of overdue leaves first (then most overdue): the dashboard's "Thực hiện văn bản".
 * Only documents `scope` may read.
 */
export async function findTaskDocumentFigures(
  db: Kysely<Database>,
  q: { area: FigureArea; from: string; to: string; asOf: string; scope: ReadScope; limit: number },
): Promise<TaskDocumentRow[]> {
  const { rows } = await sql<TaskDocumentRow>`
    with u as materialized (${unitsOf(q.area, true)}),
    l as (${runningLeaves(q, sql`null::text`)}),
    f as (
      select document_id, count(*)::int as assigned,
        count(*) filter (where ${doneIn(q)})::int as done,
        count(*) filter (where ${openOn(q.asOf)})::int as open,
        count(*) filter (where ${overdueOn(q.asOf)})::int as overdue
      from l group by document_id
    )
    select d.id::text, d.symbol, d.number, d.title, f.assigned, f.done, f.open, f.overdue
    from f join policy_documents d on d.id = f.document_id
    where ${readableBy(q.scope)}
    order by f.overdue::float8 / f.assigned desc, f.overdue desc, d.id
    limit ${q.limit}`.execute(db);
  return rows;
}
