/** All SQL of the periodic reviews, their key tasks, their events and the anniversaries. */
import { type Kysely, sql } from 'kysely';
import { DUE_SOON_DAYS, type DueFilter } from '../../../common/work-queue.js';
import type { Database, ReviewTable } from '../../db/schema.js';
import { type ReadScope, readableBy } from '../policy-documents/policy-documents.repository.js';
import type { AnniversaryDefinition } from './anniversaries.js';

type Q = Kysely<Database>;
type ReviewPeriod = ReviewTable['period'];

/** Today in Viet Nam: a deadline passes at midnight there, whatever the server's time zone. */
const TODAY = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

export type ReviewRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  period: ReviewPeriod;
  year: number | null;
  quarter: number | null;
  emulation_period_id: string | null;
  emulation_period_name: string | null;
  period_from: string;
  period_to: string;
  title: string;
  narrative: string | null;
  shortcomings: string | null;
  status: 'draft' | 'final';
  figures_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  open_tasks: number;
  done_tasks: number;
  overdue_tasks: number;
  /**
   * Document reviews (null for periodic ones): the document, its issuing path and restriction (the
   * reading rule). Optional in the type only: a record read from the database always has them.
   */
  policy_document_id?: string | null;
  document_issuing_path?: string | null;
  document_restricted_roles?: string[] | null;
  kind?: 'so_ket' | 'tong_ket' | null;
  ordinal_years?: number | null;
  joint?: boolean;
};

const COLUMNS = sql`
  r.id::text, r.unit_id::text, u.path::text as unit_path, u.name as unit_name, u.kind as unit_kind,
  r.period, r.year, r.quarter, r.emulation_period_id::text, ep.name as emulation_period_name,
  r.period_from, r.period_to, r.title, r.narrative, r.shortcomings, r.status, r.figures_at,
  r.created_at, r.updated_at, r.version,
  r.policy_document_id::text, pd.issuing_path::text as document_issuing_path, pd.restricted_roles as document_restricted_roles,
  r.kind, r.ordinal_years, r.joint,
  coalesce(tc.open, 0) as open_tasks, coalesce(tc.done, 0) as done_tasks, coalesce(tc.overdue, 0) as overdue_tasks`;

const FROM = sql`
  reviews r
  join units u on u.id = r.unit_id
  left join emulation_periods ep on ep.id = r.emulation_period_id
  left join policy_documents pd on pd.id = r.policy_document_id
  left join lateral (
    select count(*) filter (where t.status = 'open')::int as open,
           count(*) filter (where t.status = 'done')::int as done,
           count(*) filter (where t.status = 'open' and t.deadline < ${TODAY})::int as overdue
    from review_tasks t where t.review_id = r.id
  ) tc on true`;

export async function findReviewById(db: Q, id: string): Promise<ReviewRecord | undefined> {
  const { rows } = await sql<ReviewRecord>`select ${COLUMNS} from ${FROM} where r.id = ${id}`.execute(db);
  return rows[0];
}

/** The stored report snapshot of a review (kept out of the lists: it can be large). */
export async function findReviewFigures(db: Q, id: string): Promise<unknown> {
  const row = await db.selectFrom('reviews').select('figures').where('id', '=', id).executeTakeFirst();
  return row?.figures ?? null;
}

export async function findReviewByUnitAndRange(db: Q, unitId: string, from: string, to: string) {
  return db
    .selectFrom('reviews')
    .select(['id'])
    .where('unit_id', '=', unitId)
    .where('policy_document_id', 'is', null)
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .executeTakeFirst();
}

export type ReviewFilter = {
  /** Subtrees to look in; undefined: everywhere. */
  scopePaths?: string[];
  underPath?: string;
  year?: number;
  period?: ReviewPeriod;
  /** The documents the reader reads: a review of another document is left out. Undefined: no document review is hidden. */
  documents?: ReadScope;
  /** Only the reviews of this document. */
  documentId?: string;
  limit: number;
  offset: number;
};

/** Reviews, latest period first, with the total of the filtered set. */
export async function findReviews(db: Q, f: ReviewFilter): Promise<{ rows: ReviewRecord[]; total: number }> {
  const where = [sql`true`];
  if (f.scopePaths) where.push(sql`u.path <@ ${f.scopePaths}::ltree[]`);
  if (f.underPath) where.push(sql`u.path <@ ${f.underPath}::ltree`);
  if (f.year !== undefined) where.push(sql`r.period_from <= make_date(${f.year}::int, 12, 31) and r.period_to >= make_date(${f.year}::int, 1, 1)`);
  if (f.period) where.push(sql`r.period = ${f.period}`);
  if (f.documents) where.push(sql`(r.policy_document_id is null or ${readableBy(f.documents, 'pd')})`);
  if (f.documentId) where.push(sql`r.policy_document_id = ${f.documentId}`);
  const cond = sql.join(where, sql` and `);
  const { rows } = await sql<ReviewRecord & { total: number }>`
    select ${COLUMNS}, count(*) over ()::int as total from ${FROM}
    where ${cond}
    order by r.period_to desc, r.period_from desc, r.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  if (rows.length || f.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from reviews r join units u on u.id = r.unit_id left join policy_documents pd on pd.id = r.policy_document_id where ${cond}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export type NewReview = {
  unit_id: string;
  period: ReviewPeriod;
  year: number | null;
  quarter: number | null;
  emulation_period_id: string | null;
  period_from: string;
  period_to: string;
  title: string;
  figures: unknown;
  narrative: string | null;
  created_by: string | null;
  policy_document_id?: string;
  kind?: 'so_ket' | 'tong_ket';
  ordinal_years?: number;
  joint?: boolean;
  document_figures?: unknown;
};

export async function createReview(trx: Q, v: NewReview): Promise<string> {
  const row = await trx
    .insertInto('reviews')
    .values({
      ...v,
      figures: v.figures === null ? null : JSON.stringify(v.figures),
      figures_at: v.figures === null ? null : sql`now()`,
      document_figures: v.document_figures === undefined ? null : JSON.stringify(v.document_figures),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The stored row (without the snapshot), locked for the rest of the transaction. */
export async function lockReview(trx: Q, id: string) {
  return trx
    .selectFrom('reviews')
    .select(['id', 'unit_id', 'title', 'narrative', 'shortcomings', 'status', 'version', 'period_from', 'period_to', 'ordinal_years'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type ReviewChanges = { title?: string; narrative?: string | null; shortcomings?: string | null; status?: 'draft' | 'final'; figures?: unknown; ordinal_years?: number };

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateReview(trx: Q, id: string, version: number, changes: ReviewChanges): Promise<boolean> {
  const { figures, ...rest } = changes;
  const res = await trx
    .updateTable('reviews')
    .set({
      ...rest,
      ...(figures === undefined ? {} : { figures: JSON.stringify(figures), figures_at: sql`now()` }),
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export type TaskRecord = {
  id: string;
  review_id: string;
  content: string;
  owner_unit_id: string;
  owner_name: string;
  owner_kind: string;
  deadline: string;
  status: 'open' | 'done';
  overdue: boolean;
  done_at: Date | null;
  done_by: string | null;
  done_by_name: string | null;
  note: string | null;
  version: number;
  review_title: string;
  review_unit_id: string;
  review_unit_name: string;
  review_unit_kind: string;
  review_unit_path: string;
};

const TASK_COLUMNS = sql`
  t.id::text, t.review_id::text, t.content, t.owner_unit_id::text, o.name as owner_name, o.kind as owner_kind,
  t.deadline, t.status, (t.status = 'open' and t.deadline < ${TODAY}) as overdue,
  t.done_at, t.done_by::text, du.display_name as done_by_name, t.note, t.version,
  r.title as review_title, r.unit_id::text as review_unit_id, ru.name as review_unit_name, ru.kind as review_unit_kind, ru.path::text as review_unit_path`;

const TASK_FROM = sql`
  review_tasks t
  join reviews r on r.id = t.review_id
  join units ru on ru.id = r.unit_id
  join units o on o.id = t.owner_unit_id
  left join users du on du.id = t.done_by
  left join policy_documents pd on pd.id = r.policy_document_id`;

export async function findTaskById(db: Q, id: string): Promise<TaskRecord | undefined> {
  const { rows } = await sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.id = ${id}`.execute(db);
  return rows[0];
}

export async function findTasksOfReview(db: Q, reviewId: string): Promise<TaskRecord[]> {
  const { rows } = await sql<TaskRecord>`select ${TASK_COLUMNS} from ${TASK_FROM} where t.review_id = ${reviewId} order by t.deadline, t.id`.execute(db);
  return rows;
}

export type TaskFilter = {
  scopePaths?: string[];
  underPath?: string;
  ownerUnitId?: string;
  status?: 'open' | 'done';
  overdue?: boolean;
  /** Open and past the deadline, or open and due today or within DUE_SOON_DAYS days (the work queue's window). */
  due?: DueFilter;
  /** The documents the reader reads: tasks of a review of another document are left out. */
  documents?: ReadScope;
  limit: number;
  offset: number;
};

/** Tasks of the reviews in the filter, nearest deadline first. */
export async function findTasks(db: Q, f: TaskFilter): Promise<{ rows: TaskRecord[]; total: number }> {
  const where = [sql`true`];
  if (f.scopePaths) where.push(sql`ru.path <@ ${f.scopePaths}::ltree[]`);
  if (f.underPath) where.push(sql`ru.path <@ ${f.underPath}::ltree`);
  if (f.ownerUnitId) where.push(sql`t.owner_unit_id = ${f.ownerUnitId}`);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (f.overdue === true) where.push(sql`t.status = 'open' and t.deadline < ${TODAY}`);
  if (f.overdue === false) where.push(sql`not (t.status = 'open' and t.deadline < ${TODAY})`);
  if (f.due === 'overdue') where.push(sql`t.status = 'open' and t.deadline < ${TODAY}`);
  if (f.due === 'due_soon') where.push(sql`t.status = 'open' and t.deadline between ${TODAY} and ${TODAY} + ${DUE_SOON_DAYS}::int`);
  if (f.documents) where.push(sql`(r.policy_document_id is null or ${readableBy(f.documents, 'pd')})`);
  const cond = sql.join(where, sql` and `);
  const { rows } = await sql<TaskRecord & { total: number }>`
    select ${TASK_COLUMNS}, count(*) over ()::int as total from ${TASK_FROM}
    where ${cond}
    order by t.deadline, t.id
    limit ${f.limit} offset ${f.offset}`.execute(db);
  if (rows.length || f.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from ${TASK_FROM} where ${cond}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export type TaskValues = { content: string; owner_unit_id: string; deadline: string; note: string | null };

export async function createTask(trx: Q, reviewId: string, createdBy: string | null, v: TaskValues): Promise<string> {
  const row = await trx
    .insertInto('review_tasks')
    .values({ ...v, review_id: reviewId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lockTask(trx: Q, id: string) {
  return trx.selectFrom('review_tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type TaskChanges = Partial<TaskValues> & { status?: 'open' | 'done'; done_at?: unknown; done_by?: string | null };

export async function updateTask(trx: Q, id: string, version: number, changes: TaskChanges): Promise<boolean> {
  const res = await trx
    .updateTable('review_tasks')
    .set({ ...changes, done_at: changes.done_at === undefined ? undefined : (changes.done_at as null), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function deleteTask(trx: Q, id: string, version: number): Promise<boolean> {
  const res = await trx.deleteFrom('review_tasks').where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return res.numDeletedRows === 1n;
}

export type EventRecord = { id: string; review_id: string; happened_on: string; title: string; description: string | null };

export async function findEventsOfReview(db: Q, reviewId: string): Promise<EventRecord[]> {
  return db
    .selectFrom('review_events')
    .select([sql<string>`id::text`.as('id'), sql<string>`review_id::text`.as('review_id'), 'happened_on', 'title', 'description'])
    .where('review_id', '=', reviewId)
    .orderBy('happened_on')
    .orderBy('id')
    .execute();
}

export async function findEventById(db: Q, id: string): Promise<EventRecord | undefined> {
  return db
    .selectFrom('review_events')
    .select([sql<string>`id::text`.as('id'), sql<string>`review_id::text`.as('review_id'), 'happened_on', 'title', 'description'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function createEvent(trx: Q, reviewId: string, createdBy: string | null, v: { happened_on: string; title: string; description: string | null }): Promise<string> {
  const row = await trx
    .insertInto('review_events')
    .values({ ...v, review_id: reviewId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteEvent(trx: Q, id: string): Promise<void> {
  await trx.deleteFrom('review_events').where('id', '=', id).execute();
}

export async function findAnniversaryDefinitions(db: Q): Promise<AnniversaryDefinition[]> {
  const rows = await db.selectFrom('anniversaries').selectAll().orderBy('sort_order').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, names: r.names, originDate: r.origin_date, baseYear: r.base_year, kind: r.kind }));
}

/** The unit with its path, for owner checks. */
export async function findUnitPath(db: Q, id: string) {
  return db.selectFrom('units').select(['id', sql<string>`path::text`.as('path'), 'valid_to']).where('id', '=', id).executeTakeFirst();
}

export async function findEmulationPeriod(db: Q, id: string) {
  return db.selectFrom('emulation_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The catalogue's emulation period beginning in `year` (the one after a reviewed period), if any. */
export async function findEmulationPeriodStartingIn(db: Q, year: number) {
  return db.selectFrom('emulation_periods').selectAll().where('start_year', '=', year).orderBy('end_year').executeTakeFirst();
}
