/** SQL of reception sessions, dialogue conferences, the issues raised and the commitments made. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export async function insertSession(
  trx: Q,
  s: { kind: 'reception' | 'dialogue'; unit_id: string; unit_path: string; held_on: string; title: string; presiding: string; attendees: string | null; notes: string | null; created_by: string | null; notice_on: string | null; results_published_on: string | null; results_form: string | null },
) {
  return (await trx.insertInto('reception_sessions').values(s).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertIssues(trx: Q, sessionId: string, issues: { summary: string; petition_id: string | null }[]): Promise<string[]> {
  if (!issues.length) return [];
  const rows = await trx.insertInto('reception_issues').values(issues.map((i) => ({ session_id: sessionId, ...i }))).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function insertCommitments(trx: Q, sessionId: string, list: { issue_id: string | null; description: string; owner: string; owner_unit_id: string | null; deadline: string }[]) {
  if (!list.length) return;
  await trx.insertInto('reception_commitments').values(list.map((c) => ({ session_id: sessionId, ...c }))).execute();
}

export type SessionRecord = {
  id: string;
  kind: 'reception' | 'dialogue';
  unit_id: string;
  unit_name: string;
  unit_path: string;
  held_on: string;
  title: string;
  presiding: string;
  attendees: string | null;
  notes: string | null;
  version: number;
  unit_kind: string;
  notice_on: string | null;
  results_published_on: string | null;
  results_form: string | null;
  total: number;
  done: number;
  overdue: number;
};

const COUNTS = (today: string) => sql`
  (select count(*)::int from reception_commitments c where c.session_id = s.id) as total,
  (select count(*)::int from reception_commitments c where c.session_id = s.id and c.done_on is not null) as done,
  (select count(*)::int from reception_commitments c where c.session_id = s.id and c.done_on is null and c.deadline < ${today}::date) as overdue`;

export async function findSession(db: Q, id: string, today: string): Promise<SessionRecord | undefined> {
  const { rows } = await sql<SessionRecord>`
    select s.id, s.kind, s.unit_id, u.name as unit_name, s.unit_path::text as unit_path, s.held_on, s.title, s.presiding, s.attendees, s.notes, s.version, u.kind as unit_kind, s.notice_on, s.results_published_on, s.results_form, ${COUNTS(today)}
    from reception_sessions s join units u on u.id = s.unit_id where s.id = ${id}`.execute(db);
  return rows[0];
}

export async function findSessions(db: Q, f: { scopePaths?: string[]; underPath?: string; kind?: string; today: string; limit: number; offset: number }) {
  const where = [sql`true`];
  if (f.scopePaths) where.push(sql`s.unit_path <@ ${f.scopePaths}::ltree[]`);
  if (f.underPath) where.push(sql`s.unit_path <@ ${f.underPath}::ltree`);
  if (f.kind) where.push(sql`s.kind = ${f.kind}`);
  const w = sql.join(where, sql` and `);
  const { rows } = await sql<SessionRecord>`
    select s.id, s.kind, s.unit_id, u.name as unit_name, s.unit_path::text as unit_path, s.held_on, s.title, s.presiding, s.attendees, s.notes, s.version, u.kind as unit_kind, s.notice_on, s.results_published_on, s.results_form, ${COUNTS(f.today)}
    from reception_sessions s join units u on u.id = s.unit_id where ${w}
    order by s.held_on desc, s.id desc limit ${f.limit} offset ${f.offset}`.execute(db);
  const total = await sql<{ n: number }>`select count(*)::int as n from reception_sessions s where ${w}`.execute(db);
  return { rows, total: total.rows[0]!.n };
}

export type CommitmentRecord = {
  id: string;
  issue_id: string | null;
  description: string;
  owner: string;
  owner_unit_id: string | null;
  deadline: string;
  done_on: string | null;
  done_note: string | null;
  session_id: string;
  session_kind: 'reception' | 'dialogue';
  session_title: string;
  held_on: string;
  unit_id: string;
  unit_name: string;
  total: number;
};

/**
 * Commitments of the sessions in the filter, nearest deadline first, with the total. `due`:
 * open and due before `today` (overdue), or open and due from `today` to `soonUntil` (due_soon).
 */
export async function findCommitmentList(
  db: Q,
  f: { scopePaths?: string[]; underPath?: string; due?: 'overdue' | 'due_soon'; today: string; soonUntil: string; limit: number; offset: number },
): Promise<{ rows: CommitmentRecord[]; total: number }> {
  const where = [sql`true`];
  if (f.scopePaths) where.push(sql`s.unit_path <@ ${f.scopePaths}::ltree[]`);
  if (f.underPath) where.push(sql`s.unit_path <@ ${f.underPath}::ltree`);
  if (f.due === 'overdue') where.push(sql`c.done_on is null and c.deadline < ${f.today}::date`);
  if (f.due === 'due_soon') where.push(sql`c.done_on is null and c.deadline between ${f.today}::date and ${f.soonUntil}::date`);
  const w = sql.join(where, sql` and `);
  const { rows } = await sql<CommitmentRecord>`
    select c.id::text, c.issue_id::text, c.description, c.owner, c.owner_unit_id::text, c.deadline, c.done_on, c.done_note,
      s.id::text as session_id, s.kind as session_kind, s.title as session_title, s.held_on, s.unit_id::text, u.name as unit_name,
      count(*) over ()::int as total
    from reception_commitments c join reception_sessions s on s.id = c.session_id join units u on u.id = s.unit_id
    where ${w}
    order by c.deadline, c.id limit ${f.limit} offset ${f.offset}`.execute(db);
  if (rows.length || f.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  const { rows: c } = await sql<{ n: number }>`
    select count(*)::int as n from reception_commitments c join reception_sessions s on s.id = c.session_id where ${w}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export async function findIssues(db: Q, sessionId: string) {
  const { rows } = await sql<{ id: string; summary: string; petition_id: string | null; number: number | null; year: number | null; title: string | null; unit_path: string | null; handling_unit_path: string | null }>`
    select i.id, i.summary, i.petition_id, p.number, p.year, p.title, p.unit_path::text as unit_path, p.handling_unit_path::text as handling_unit_path
    from reception_issues i left join petitions p on p.id = i.petition_id where i.session_id = ${sessionId} order by i.id`.execute(db);
  return rows;
}

export async function findCommitments(db: Q, sessionId: string) {
  return db.selectFrom('reception_commitments').selectAll().where('session_id', '=', sessionId).orderBy('deadline').orderBy('id').execute();
}

export async function markCommitmentDone(trx: Q, sessionId: string, id: string, doneOn: string, note: string | null): Promise<boolean> {
  const r = await trx
    .updateTable('reception_commitments')
    .set({ done_on: doneOn, done_note: note })
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function touchSession(trx: Q, id: string) {
  await trx.updateTable('reception_sessions').set({ updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).execute();
}

/** A dialogue's notice and results, changed only at the version the writer read (else nothing). */
export async function updateDialogue(trx: Q, id: string, version: number, d: { notice_on: string | null; results_published_on: string | null; results_form: string | null }): Promise<boolean> {
  const r = await trx
    .updateTable('reception_sessions')
    .set({ ...d, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
