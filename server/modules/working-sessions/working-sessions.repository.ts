/** All SQL of working sessions: sessions, their members, the notice's link and the request counts. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Today in Viet Nam, as the database computes it (overdue is computed on read, never stored). */
const TODAY = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

export type SessionRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  leading_unit_id: string;
  leading_path: string;
  leading_unit_name: string;
  leading_unit_kind: string;
  held_on: string;
  place: string;
  content: string;
  head_name: string | null;
  head_position: string | null;
  member_count: number;
  notice_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = sql`
  s.id::text, s.unit_id::text, s.unit_path::text, u.name as unit_name, u.kind as unit_kind,
  s.leading_unit_id::text, s.leading_path::text, lu.name as leading_unit_name, lu.kind as leading_unit_kind,
  s.held_on, s.place, s.content,
  h.name as head_name, h.position as head_position,
  (select count(*)::int from working_session_members m where m.session_id = s.id) as member_count,
  (select d.id::text from policy_documents d where d.working_session_id = s.id) as notice_id,
  s.created_at, s.updated_at, s.version`;

const FROM = sql`working_sessions s
  join units u on u.id = s.unit_id
  join units lu on lu.id = s.leading_unit_id
  left join working_session_members h on h.session_id = s.id and h.is_head`;

export async function findSessionById(db: Q, id: string): Promise<SessionRecord | undefined> {
  const { rows } = await sql<SessionRecord>`select ${COLUMNS} from ${FROM} where s.id = ${id}`.execute(db);
  return rows[0];
}

export type SessionFilter = {
  /** Sessions whose unit worked with lies under this path. */
  unitUnder?: string;
  /** …or whose leading unit does (with `unitUnder`, either side matches). */
  leadingUnder?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
};

/** Sessions newest first, with the total of the filtered set. */
export async function findSessions(db: Q, f: SessionFilter): Promise<{ rows: SessionRecord[]; total: number }> {
  const sides: ReturnType<typeof sql>[] = [];
  if (f.unitUnder !== undefined) sides.push(sql`s.unit_path <@ ${f.unitUnder}::ltree`);
  if (f.leadingUnder !== undefined) sides.push(sql`s.leading_path <@ ${f.leadingUnder}::ltree`);
  const where = [sides.length ? sql`(${sql.join(sides, sql` or `)})` : sql`true`];
  if (f.from) where.push(sql`s.held_on >= ${f.from}::date`);
  if (f.to) where.push(sql`s.held_on <= ${f.to}::date`);
  const cond = sql.join(where, sql` and `);
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<SessionRecord>`select ${COLUMNS} from ${FROM} where ${cond} order by s.held_on desc, s.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from working_sessions s where ${cond}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

export type SessionValues = { held_on: string; place: string; content: string };

export async function insertSession(
  trx: Q,
  v: SessionValues & { unit_id: string; unit_path: string; leading_unit_id: string; leading_path: string; created_by: string | null },
): Promise<string> {
  const row = await trx.insertInto('working_sessions').values(v).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The stored row, locked for the rest of the transaction. */
export async function lockSession(trx: Q, id: string) {
  return trx
    .selectFrom('working_sessions')
    .select(['id', 'unit_id', 'leading_unit_id', 'leading_path', 'held_on', 'place', 'content', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateSession(trx: Q, id: string, version: number, changes: Partial<SessionValues>): Promise<boolean> {
  const res = await trx
    .updateTable('working_sessions')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------- members

export type MemberValues = { name: string; position: string; unit_id: string | null; is_head: boolean };
export type MemberRecord = MemberValues & { id: string; unit_name: string | null; unit_kind: string | null };

export async function findMembers(db: Q, sessionId: string): Promise<MemberRecord[]> {
  const { rows } = await sql<MemberRecord>`
    select m.id::text, m.name, m.position, m.unit_id::text, m.is_head, u.name as unit_name, u.kind as unit_kind
    from working_session_members m left join units u on u.id = m.unit_id
    where m.session_id = ${sessionId} order by m.sort_order`.execute(db);
  return rows;
}

/** Replaces the delegation with `members`, in their order. */
export async function replaceMembers(trx: Q, sessionId: string, members: MemberValues[]): Promise<void> {
  await trx.deleteFrom('working_session_members').where('session_id', '=', sessionId).execute();
  if (!members.length) return;
  await trx
    .insertInto('working_session_members')
    .values(members.map((m, i) => ({ ...m, session_id: sessionId, sort_order: i })))
    .execute();
}

// ---------------------------------------------------------------- notice and requests

export type NoticeRecord = { id: string; number: string | null; symbol: string; issued_on: string | null; title: string; status: 'draft' | 'issued'; plan_id: string };

export async function findNotice(db: Q, sessionId: string): Promise<NoticeRecord | undefined> {
  const { rows } = await sql<NoticeRecord>`
    select d.id::text, d.number, d.symbol, d.issued_on, d.title, d.status, p.id::text as plan_id
    from policy_documents d join implementation_plans p on p.document_id = d.id and p.unit_id = d.issuing_unit_id
    where d.working_session_id = ${sessionId}`.execute(db);
  return rows[0];
}

/** Marks a policy document as the session's notice (the unique index refuses a second one). */
export async function linkNotice(trx: Q, documentId: string, sessionId: string): Promise<void> {
  await trx.updateTable('policy_documents').set({ working_session_id: sessionId }).where('id', '=', documentId).execute();
}

/** Open leaf requests of conclusion notices owned under `path`, and how many are overdue in Viet Nam today. */
export async function countOpenRequests(db: Q, path: string): Promise<{ open: number; overdue: number }> {
  const { rows } = await sql<{ open: number; overdue: number }>`
    select count(*)::int as open, (count(*) filter (where t.deadline < ${TODAY}))::int as overdue
    from tasks t join policy_documents d on d.id = t.document_id
    where t.owner_path <@ ${path}::ltree and t.status = 'open' and t.child_count = 0 and d.kind = 'conclusion_notice'`.execute(db);
  return rows[0] ?? { open: 0, overdue: 0 };
}

/** The first session of `leadingUnitId`'s delegation with `unitId` on `heldOn`, if any. */
export async function findSessionId(db: Q, s: { leadingUnitId: string; unitId: string; heldOn: string }): Promise<string | undefined> {
  const row = await db
    .selectFrom('working_sessions')
    .select('id')
    .where('leading_unit_id', '=', s.leadingUnitId)
    .where('unit_id', '=', s.unitId)
    .where('held_on', '=', s.heldOn)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}
