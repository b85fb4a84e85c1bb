/** All SQL of plans, tasks, progress reports, evidence and the roll-up. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { DUE_SOON_DAYS, type DueFilter } from '../../../common/work-queue.js';
import type { TaskStatus } from '../../../common/tasks.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- plans

export type PlanRecord = {
  id: string;
  document_id: string;
  document_kind: string;
  document_number: string | null;
  document_symbol: string;
  document_title: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  plan_document_id: string | null;
  plan_document_number: string | null;
  plan_document_symbol: string | null;
  plan_document_title: string | null;
  starts_on: string;
  ends_on: string;
  created_at: Date;
  version: number;
};

const PLAN_COLUMNS = sql`
  p.id::text, p.document_id::text, d.kind as document_kind, d.number as document_number, d.symbol as document_symbol, d.title as document_title,
  p.unit_id::text, p.unit_path::text, u.name as unit_name, u.kind as unit_kind,
  p.plan_document_id::text, pd.number as plan_document_number, pd.symbol as plan_document_symbol, pd.title as plan_document_title,
  p.starts_on, p.ends_on, p.created_at, p.version`;

const PLAN_FROM = sql`
  implementation_plans p join policy_documents d on d.id = p.document_id join units u on u.id = p.unit_id
  left join policy_documents pd on pd.id = p.plan_document_id`;

export async function findPlanById(db: Q, id: string): Promise<PlanRecord | undefined> {
  const { rows } = await sql<PlanRecord>`select ${PLAN_COLUMNS} from ${PLAN_FROM} where p.id = ${id}`.execute(db);
  return rows[0];
}

/** The document's plans whose unit lies in one of `scopes` (undefined: everywhere), by unit depth then name. */
export async function findPlansOfDocument(db: Q, documentId: string, scopes: string[] | undefined): Promise<PlanRecord[]> {
  const scope = scopes === undefined ? sql`true` : scopes.length ? sql`p.unit_path <@ ${scopes}::ltree[]` : sql`false`;
  const { rows } = await sql<PlanRecord>`
    select ${PLAN_COLUMNS} from ${PLAN_FROM}
    where p.document_id = ${documentId} and ${scope}
    order by nlevel(p.unit_path), u.name, p.id`.execute(db);
  return rows;
}

export async function findPlanId(db: Q, documentId: string, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('implementation_plans')
    .select('id')
    .where('document_id', '=', documentId)
    .where('unit_id', '=', unitId)
    .where('year', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

/** `year`: a coordination program's yearly plan (one per document, unit and year); absent otherwise. */
export async function insertPlan(
  trx: Q,
  p: { documentId: string; unitId: string; unitPath: string; planDocumentId: string | null; startsOn: string; endsOn: string; userId: string | null; year?: number },
): Promise<string> {
  const row = await trx
    .insertInto('implementation_plans')
    .values({
      document_id: p.documentId,
      unit_id: p.unitId,
      unit_path: p.unitPath,
      plan_document_id: p.planDocumentId,
      year: p.year ?? null,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      created_by: p.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findYearlyPlanId(db: Q, documentId: string, unitId: string, year: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('implementation_plans')
    .select('id')
    .where('document_id', '=', documentId)
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.id;
}

/** The document's yearly plans (those with a year), by year. */
export async function findYearlyPlans(db: Q, documentId: string): Promise<(PlanRecord & { year: number })[]> {
  const { rows } = await sql<PlanRecord & { year: number }>`
    select ${PLAN_COLUMNS}, p.year from ${PLAN_FROM}
    where p.document_id = ${documentId} and p.year is not null
    order by p.year, p.id`.execute(db);
  return rows;
}

/** Holds the plan's row while its tasks are inserted (its dates were checked before the transaction). */
export async function lockPlan(trx: Q, id: string): Promise<void> {
  await trx.selectFrom('implementation_plans').select('id').where('id', '=', id).forShare().execute();
}

// ---------------------------------------------------------------- tasks

export type TaskRecord = {
  id: string;
  plan_id: string;
  document_id: string;
  parent_id: string | null;
  path: string;
  assigning_unit_id: string;
  assigning_path: string;
  assigning_unit_name: string;
  assigning_unit_kind: string;
  owner_unit_id: string;
  owner_path: string;
  owner_unit_name: string;
  owner_unit_kind: string;
  content: string;
  expected_output: string;
  starts_on: string;
  deadline: string;
  status: TaskStatus;
  overdue: boolean;
  child_count: number;
  last_report_on: string | null;
  done_at: Date | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

/** Today in Viet Nam, as the database computes it (overdue is computed on read, never stored). */
const TODAY = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

const TASK_COLUMNS = sql`
  t.id::text, t.plan_id::text, t.document_id::text, t.parent_id::text, t.path::text,
  t.assigning_unit_id::text, t.assigning_path::text, au.name as assigning_unit_name, au.kind as assigning_unit_kind,
  t.owner_unit_id::text, t.owner_path::text, ou.name as owner_unit_name, ou.kind as owner_unit_kind,
  t.content, t.expected_output, t.starts_on, t.deadline, t.status, (t.status = 'open' and t.deadline < ${TODAY}) as overdue,
  t.child_count, t.last_report_on, t.done_at, t.note, t.created_at, t.updated_at, t.version`;

const TASK_FROM = sql`tasks t join units au on au.id = t.assigning_unit_id join units ou on ou.id = t.owner_unit_id`;

export async function findTaskById(db: Q, id: string): Promise<TaskRecord | undefined> {
  const { rows } = await sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.id = ${id}`.execute(db);
  return rows[0];
}

export async function findTasksByIds(db: Q, ids: string[]): Promise<TaskRecord[]> {
  if (!ids.length) return [];
  const { rows } = await sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.id = any(${ids}::bigint[]) order by t.id`.execute(db);
  return rows;
}

export async function findChildren(db: Q, parentId: string): Promise<TaskRecord[]> {
  const { rows } = await sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.parent_id = ${parentId} order by t.deadline, ou.name, t.id`.execute(db);
  return rows;
}

export type TaskFilter = {
  /** Subtrees the reader reads (undefined: everywhere): a task is listed when its owner or assigning unit lies in one. */
  scopes?: string[];
  documentId?: string;
  planId?: string;
  ownerPath?: string;
  assigningUnitId?: string;
  status?: TaskStatus;
  due?: DueFilter;
  leaf?: boolean;
  rootsOnly?: boolean;
  limit: number;
  offset: number;
};

function taskWhere(f: TaskFilter): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (f.scopes) where.push(f.scopes.length ? sql`(t.owner_path <@ ${f.scopes}::ltree[] or t.assigning_path <@ ${f.scopes}::ltree[])` : sql`false`);
  if (f.documentId) where.push(sql`t.document_id = ${f.documentId}`);
  if (f.planId) where.push(sql`t.plan_id = ${f.planId}`);
  if (f.ownerPath) where.push(sql`t.owner_path <@ ${f.ownerPath}::ltree`);
  if (f.assigningUnitId) where.push(sql`t.assigning_unit_id = ${f.assigningUnitId}`);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (f.due === 'overdue') where.push(sql`t.status = 'open' and t.deadline < ${TODAY}`);
  if (f.due === 'due_soon') where.push(sql`t.status = 'open' and t.deadline between ${TODAY} and ${TODAY} + ${DUE_SOON_DAYS}::int`);
  if (f.leaf === true) where.push(sql`t.child_count = 0`);
  if (f.leaf === false) where.push(sql`t.child_count > 0`);
  if (f.rootsOnly) where.push(sql`t.parent_id is null`);
  return sql.join(where, sql` and `);
}

/** How many tasks the filter holds: the list's total (the work queue counts with it alone). */
export async function countTasks(db: Q, f: Omit<TaskFilter, 'limit' | 'offset'>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from tasks t where ${taskWhere({ ...f, limit: 0, offset: 0 })}`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Tasks by deadline (soonest first), with the total of the filtered set. */
export async function findTasks(db: Q, f: TaskFilter): Promise<{ rows: TaskRecord[]; total: number }> {
  const [{ rows }, total] = await Promise.all([
    sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where ${taskWhere(f)} order by t.deadline, t.id limit ${f.limit} offset ${f.offset}`.execute(db),
    countTasks(db, f),
  ]);
  return { rows, total };
}

/** The tasks above a task (root first) with their owners, for the breadcrumb. */
export async function findAncestors(db: Q, path: string): Promise<{ id: string; content: string; owner_unit_id: string; owner_unit_name: string; owner_unit_kind: string }[]> {
  const ids = path.split('.').slice(0, -1);
  if (!ids.length) return [];
  const { rows } = await sql<{ id: string; content: string; owner_unit_id: string; owner_unit_name: string; owner_unit_kind: string }>`
    select t.id::text, t.content, t.owner_unit_id::text, u.name as owner_unit_name, u.kind as owner_unit_kind
    from tasks t join units u on u.id = t.owner_unit_id where t.id = any(${ids}::bigint[]) order by nlevel(t.path)`.execute(db);
  return rows;
}

export type NewTask = { ownerUnitId: string; ownerPath: string; content: string; expectedOutput: string; deadline: string };

/**
 * Inserts tasks in one statement (the summaries' trigger then runs one upsert): ids are drawn from
 * the identity's sequence first, so each row's path (the parent's path and its own id) is written
 * with it. Returns each new id with its owner.
 */
export async function insertTasks(
  trx: Q,
  common: { planId: string; documentId: string; parentId: string | null; parentPath: string | null; assigningUnitId: string; assigningPath: string; startsOn: string; userId: string | null },
  tasks: NewTask[],
): Promise<{ id: string; owner_unit_id: string }[]> {
  if (!tasks.length) return [];
  const prefix = common.parentPath ? `${common.parentPath}.` : '';
  const { rows } = await sql<{ id: string; owner_unit_id: string }>`
    insert into tasks (id, plan_id, document_id, parent_id, path, assigning_unit_id, assigning_path, owner_unit_id, owner_path,
      content, expected_output, starts_on, deadline, created_by)
    select n.id, ${common.planId}, ${common.documentId}, ${common.parentId}, (${prefix} || n.id::text)::ltree, ${common.assigningUnitId}, ${common.assigningPath}::ltree,
      n.owner, n.owner_path::ltree, n.content, n.expected_output, ${common.startsOn}::date, n.deadline, ${common.userId}
    from (
      select nextval(pg_get_serial_sequence('tasks', 'id')) as id, x.*
      from unnest(${tasks.map((t) => t.ownerUnitId)}::bigint[], ${tasks.map((t) => t.ownerPath)}::text[], ${tasks.map((t) => t.content)}::text[],
        ${tasks.map((t) => t.expectedOutput)}::text[], ${tasks.map((t) => t.deadline)}::date[]) with ordinality x(owner, owner_path, content, expected_output, deadline, ord)
      order by x.ord
    ) n
    order by n.ord
    returning id::text, owner_unit_id::text`.execute(trx);
  return rows;
}

/** The stored row, locked for the rest of the transaction. */
export async function lockTask(trx: Q, id: string) {
  return trx
    .selectFrom('tasks')
    .select(['id', 'parent_id', 'path', 'owner_unit_id', 'owner_path', 'assigning_unit_id', 'content', 'expected_output', 'starts_on', 'deadline', 'status', 'child_count', 'last_report_on', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedTask = NonNullable<Awaited<ReturnType<typeof lockTask>>>;

/** The children's rows, locked (a split or a close reads them to decide). */
export async function lockChildren(trx: Q, parentId: string) {
  return trx
    .selectFrom('tasks')
    .select(['id', 'owner_unit_id', 'content', 'expected_output', 'deadline', 'status', 'child_count', 'last_report_on', 'version'])
    .where('parent_id', '=', parentId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export type TaskChanges = Partial<{ content: string; expected_output: string; deadline: string; status: TaskStatus; note: string | null; done_by: string | null; child_count: number }> & {
  done_at?: RawBuilder<Date> | null;
};

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateTask(trx: Q, id: string, version: number, changes: TaskChanges): Promise<boolean> {
  const res = await trx
    .updateTable('tasks')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Changes the parent's count of children (a delete or a split), leaving its version: an open editor stays valid. */
export async function setChildCount(trx: Q, id: string, childCount: number): Promise<void> {
  await trx.updateTable('tasks').set({ child_count: childCount, updated_at: sql`now()` }).where('id', '=', id).execute();
}

export async function deleteTasks(trx: Q, ids: string[]): Promise<void> {
  if (ids.length) await trx.deleteFrom('tasks').where('id', 'in', ids).execute();
}

/** The ids among `ids` that have progress reports. */
export async function findReported(db: Q, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('task_progress_reports').select('task_id').distinct().where('task_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.task_id));
}

export async function countOpenChildren(db: Q, parentId: string): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('parent_id', '=', parentId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---------------------------------------------------------------- progress reports and evidence

export type ReportRecord = { id: string; task_id: string; reported_on: string; text: string; percent: number | null; created_by_name: string | null; created_at: Date };

export async function findReports(db: Q, taskId: string): Promise<ReportRecord[]> {
  const { rows } = await sql<ReportRecord>`
    select r.id::text, r.task_id::text, r.reported_on, r.text, r.percent, us.display_name as created_by_name, r.created_at
    from task_progress_reports r left join users us on us.id = r.created_by
    where r.task_id = ${taskId} order by r.reported_on desc, r.id desc`.execute(db);
  return rows;
}

export async function findReport(db: Q, id: string): Promise<ReportRecord | undefined> {
  const { rows } = await sql<ReportRecord>`
    select r.id::text, r.task_id::text, r.reported_on, r.text, r.percent, us.display_name as created_by_name, r.created_at
    from task_progress_reports r left join users us on us.id = r.created_by where r.id = ${id}`.execute(db);
  return rows[0];
}

export async function insertReport(trx: Q, r: { taskId: string; reportedOn: string; text: string; percent: number | null; userId: string | null }): Promise<string> {
  const row = await trx
    .insertInto('task_progress_reports')
    .values({ task_id: r.taskId, reported_on: r.reportedOn, text: r.text, percent: r.percent, created_by: r.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The latest report day makes the leaf "reported" in the summaries (through the tasks trigger).
  await trx
    .updateTable('tasks')
    .set({ last_report_on: sql`greatest(last_report_on, ${r.reportedOn}::date)`, updated_at: sql`now()` })
    .where('id', '=', r.taskId)
    .execute();
  return row.id;
}

export type EvidenceRecord = { id: string; report_id: string; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date };
const EVIDENCE_COLUMNS = ['id', 'report_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

export async function findEvidenceOfReports(db: Q, reportIds: string[]): Promise<EvidenceRecord[]> {
  if (!reportIds.length) return [];
  return db.selectFrom('task_evidence').select(EVIDENCE_COLUMNS).where('report_id', 'in', reportIds).where('hidden_at', 'is', null).orderBy('id').execute();
}

export async function findEvidence(db: Q, id: string): Promise<EvidenceRecord | undefined> {
  return db.selectFrom('task_evidence').select(EVIDENCE_COLUMNS).where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
}

export async function findEvidenceData(db: Q, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('task_evidence').select('data').where('id', '=', id).where('hidden_at', 'is', null).executeTakeFirst();
  return row?.data;
}

export async function countEvidence(db: Q, reportId: string): Promise<number> {
  const row = await db
    .selectFrom('task_evidence')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('report_id', '=', reportId)
    .where('hidden_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertEvidence(trx: Q, e: { reportId: string; fileName: string; contentType: string; data: Buffer; sha256: string; userId: string | null }): Promise<EvidenceRecord> {
  return trx
    .insertInto('task_evidence')
    .values({ report_id: e.reportId, file_name: e.fileName, content_type: e.contentType, size_bytes: e.data.length, sha256: e.sha256, data: e.data, uploaded_by: e.userId })
    .returning(EVIDENCE_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function hideEvidence(trx: Q, id: string, userId: string | null): Promise<boolean> {
  const res = await trx
    .updateTable('task_evidence')
    .set({ hidden_at: sql`now()`, hidden_by: userId })
    .where('id', '=', id)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Locks the report row (two uploads at once cannot both pass the count). */
export async function lockReport(trx: Q, id: string): Promise<void> {
  await trx.selectFrom('task_progress_reports').select('id').where('id', '=', id).forUpdate().execute();
}

// ---------------------------------------------------------------- figures

export type TotalsRecord = { leaves: number; done: number; open: number; overdue: number; due_soon: number; units_tasked: number; units_reported: number };

/** A plan's leaf figures, counted from its tasks (a plan has at most a few thousand). */
export async function findPlanTotals(db: Q, planId: string): Promise<TotalsRecord> {
  const { rows } = await sql<TotalsRecord>`
    select count(*)::int as leaves,
      count(*) filter (where status = 'done')::int as done,
      count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'open' and deadline < ${TODAY})::int as overdue,
      count(*) filter (where status = 'open' and deadline between ${TODAY} and ${TODAY} + ${DUE_SOON_DAYS}::int)::int as due_soon,
      count(distinct owner_unit_id)::int as units_tasked,
      count(distinct owner_unit_id) filter (where status = 'done' or last_report_on is not null)::int as units_reported
    from tasks where plan_id = ${planId} and child_count = 0`.execute(db);
  return rows[0]!;
}

/** A roll-up row: `child` is the unit (a child of the viewed unit, in the current tree) or null for the viewed unit's own tasks. */
export type RollupRecord = TotalsRecord & { child: string | null };

/**
 * The document's leaf figures under the unit at `path`, from the summaries, grouped by the child
 * of that unit each owner counts under today (`units.current_path`: a retired commune's tasks
 * count under its successor). Units tasked and reported are units in force (a retired commune
 * and its successor are one).
 */
export async function findRollup(db: Q, documentId: string, path: string, today: string): Promise<RollupRecord[]> {
  const depth = path ? path.split('.').length : 0;
  // The deadlines are summed per owner before the join: a document has many (owner, deadline) rows
  // and only one units row per owner.
  const { rows } = await sql<RollupRecord>`
    with o as (
      select owner_unit_id,
        coalesce(sum(open) filter (where deadline < ${today}::date), 0) as overdue,
        coalesce(sum(open) filter (where deadline between ${today}::date and ${today}::date + ${DUE_SOON_DAYS}::int), 0) as due_soon
      from task_open_deadlines where document_id = ${documentId} and open <> 0
      group by owner_unit_id
    ),
    c as (
      select coalesce(u.current_path, u.path) as cp, coalesce(u.current_id, u.id) as cu, c.leaves, c.done, c.reported,
        coalesce(o.overdue, 0) as overdue, coalesce(o.due_soon, 0) as due_soon
      from task_unit_counts c join units u on u.id = c.owner_unit_id left join o on o.owner_unit_id = c.owner_unit_id
      where c.document_id = ${documentId} and c.leaves <> 0 and coalesce(u.current_path, u.path) <@ ${path}::ltree
    ),
    k as (
      select case when nlevel(cp) > ${depth} then subpath(cp, ${depth}, 1)::text end as child, cu,
        sum(leaves) as leaves, sum(done) as done, sum(reported) as reported, sum(overdue) as overdue, sum(due_soon) as due_soon
      from c group by 1, 2
    )
    select child, sum(leaves)::int as leaves, sum(done)::int as done, (sum(leaves) - sum(done))::int as open,
      sum(overdue)::int as overdue, sum(due_soon)::int as due_soon,
      count(*) filter (where leaves > 0)::int as units_tasked, count(*) filter (where leaves > 0 and reported > 0)::int as units_reported
    from k group by child
    having sum(leaves) > 0`.execute(db);
  return rows;
}

/** Units by id with their count of children in force. */
export async function findRollupUnits(db: Q, ids: string[]): Promise<{ id: string; name: string; kind: string; child_unit_count: number }[]> {
  if (!ids.length) return [];
  const { rows } = await sql<{ id: string; name: string; kind: string; child_unit_count: number }>`
    select u.id::text, u.name, u.kind,
      (select count(*)::int from units c where c.parent_id = u.id and coalesce(c.valid_to > current_date, true)) as child_unit_count
    from units u where u.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}
