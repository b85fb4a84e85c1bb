/** The SQL of the work queue itself; each count is the total of the list it opens. */
import { sql } from 'kysely';
import { OPEN_PETITION_STATUSES } from '../../../common/petitions.js';
import type { Db } from '../../db/database.js';
import { type ReadScope, readableBy } from '../policy-documents/policy-documents.repository.js';

/** The names of the units `ids`, by id. */
export async function findUnitNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; name: string }>`select id::text, name from units where id = any(${ids}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A unit's petition queue in one pass over its subtree's open petitions due by `soonLimit`: due
 * soon (handled by the unit itself, due from `today` to `soonLimit`) and overdue (handled by the
 * unit or any unit below it) — the totals of `GET /api/petitions?unitId=…&view=queue&due=…&open=true`
 * and the daily digest's figures for the unit, without the digest's grouping by unit. The statuses
 * are literals so that the open petitions' partial index (petitions_open_due) matches.
 */
export async function countPetitionsDue(db: Db, unit: { id: string; path: string }, today: string, soonLimit: string): Promise<{ dueSoon: number; overdue: number }> {
  const open = sql.join(OPEN_PETITION_STATUSES.map((s) => sql.lit(s)));
  const { rows } = await sql<{ due_soon: number; overdue: number }>`
    select count(*) filter (where p.handling_unit_id = ${unit.id}::bigint and p.due_on >= ${today}::date)::int as due_soon,
      count(*) filter (where p.due_on < ${today}::date)::int as overdue
    from petitions p
    where p.status in (${open}) and p.due_on <= ${soonLimit}::date and p.handling_unit_path <@ ${unit.path}::ltree`.execute(db);
  return { dueSoon: rows[0]?.due_soon ?? 0, overdue: rows[0]?.overdue ?? 0 };
}

/**
 * The open key tasks of the reviews of the unit's subtree, due soon and overdue, in one statement:
 * the totals of `GET /api/review-tasks?unitId=…&due=…` (its filters in reviews.repository.ts
 * `findTasks`, "today" in Viet Nam as there), without fetching a page of each.
 */
export async function countTasksDue(db: Db, unitPath: string, soonDays: number, documents: ReadScope): Promise<{ dueSoon: number; overdue: number }> {
  // A document review's tasks count only for readers of its document, as the list shows them.
  const { rows } = await sql<{ due_soon: number; overdue: number }>`
    with today as (select (now() at time zone 'Asia/Ho_Chi_Minh')::date as d)
    select count(*) filter (where t.deadline >= today.d)::int as due_soon, count(*) filter (where t.deadline < today.d)::int as overdue
    from review_tasks t join reviews r on r.id = t.review_id join units ru on ru.id = r.unit_id
      left join policy_documents pd on pd.id = r.policy_document_id cross join today
    where t.status = 'open' and t.deadline <= today.d + ${soonDays}::int and ru.path <@ ${unitPath}::ltree
      and (r.policy_document_id is null or ${readableBy(documents, 'pd')})`.execute(db);
  return { dueSoon: rows[0]?.due_soon ?? 0, overdue: rows[0]?.overdue ?? 0 };
}

/**
 * The open commitments of the reception sessions of the unit's subtree, due from `today` to
 * `soonUntil` and overdue, in one statement: the totals of `GET /api/reception-commitments?unitId=…&due=…`
 * (reception.repository.ts `findCommitmentList`).
 */
export async function countCommitmentsDue(db: Db, unitPath: string, today: string, soonUntil: string): Promise<{ dueSoon: number; overdue: number }> {
  const { rows } = await sql<{ due_soon: number; overdue: number }>`
    select count(*) filter (where c.deadline >= ${today}::date)::int as due_soon, count(*) filter (where c.deadline < ${today}::date)::int as overdue
    from reception_commitments c join reception_sessions s on s.id = c.session_id
    where c.done_on is null and c.deadline <= ${soonUntil}::date and s.unit_path <@ ${unitPath}::ltree`.execute(db);
  return { dueSoon: rows[0]?.due_soon ?? 0, overdue: rows[0]?.overdue ?? 0 };
}
