/**
 * The SQL of correcting boards, members, programs, supervisions and recommendations. Every update
 * is conditional on the version read (false when someone wrote in between); a board and its
 * members share the board's version, since the exclusion rule and the term read them together.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { MemberValues, RecommendationValues } from './supervision.repository.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- boards and members

export type BoardChanges = Partial<{
  project_name: string | null;
  investor: string | null;
  term_from: string;
  term_to: string | null;
  elected_on: string | null;
  elected_by: string | null;
}>;

/** Writes the changes (possibly none: the version still moves, the members having changed) when the board is at `version`. */
export async function updateBoard(trx: Q, id: string, version: number, changes: BoardChanges): Promise<boolean> {
  const res = await trx
    .updateTable('supervision_boards')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export type MemberRow = { id: string; board_id: string; unit_id: string; name: string; name_key: string; position: string; from_on: string; to_on: string | null };

export async function findMemberById(db: Q, id: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('supervision_board_members')
    .select(['id', 'board_id', 'unit_id', 'name', 'name_key', 'position', 'from_on', 'to_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findBoardMemberRows(db: Q, boardId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('supervision_board_members')
    .select(['id', 'board_id', 'unit_id', 'name', 'name_key', 'position', 'from_on', 'to_on'])
    .where('board_id', '=', boardId)
    .orderBy('sort_order')
    .execute();
}

/** Appends a member after the board's last one. */
export async function insertMember(trx: Q, boardId: string, unitId: string, m: MemberValues): Promise<string> {
  const row = await trx
    .insertInto('supervision_board_members')
    .values({
      ...m,
      board_id: boardId,
      unit_id: unitId,
      sort_order: sql<number>`(select coalesce(max(sort_order), -1) + 1 from supervision_board_members where board_id = ${boardId})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMemberEnd(trx: Q, id: string, toOn: string | null): Promise<void> {
  await trx.updateTable('supervision_board_members').set({ to_on: toOn }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- programs

/** Replaces the program's items when it is at `version`. */
export async function replaceProgramItems(trx: Q, id: string, version: number, items: { subject: string; form: string | null; lead_organization: string | null }[]): Promise<boolean> {
  const res = await trx.updateTable('supervision_programs').set({ version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (res.numUpdatedRows !== 1n) return false;
  await trx.deleteFrom('supervision_program_items').where('program_id', '=', id).execute();
  await trx
    .insertInto('supervision_program_items')
    .values(items.map((it, i) => ({ ...it, program_id: id, sort_order: i })))
    .execute();
  return true;
}

export async function findProgramItems(db: Q, id: string) {
  return db.selectFrom('supervision_program_items').select(['subject', 'form', 'lead_organization']).where('program_id', '=', id).orderBy('sort_order').execute();
}

// ---------------------------------------------------------------- activities and recommendations

export type ActivityRow = { id: string; unit_id: string; unit_path: string; board_id: string | null; held_on: string; subject: string; findings: string; version: number };

export async function findActivityById(db: Q, id: string): Promise<ActivityRow | undefined> {
  const { rows } = await sql<ActivityRow>`
    select id::text, unit_id::text, unit_path::text, board_id::text, held_on, subject, findings, version from supervision_activities where id = ${id}`.execute(db);
  return rows[0];
}

/**
 * The activity's day, with its row locked until the transaction ends: a recommendation added or
 * redated is checked against the day a concurrent correction of the activity cannot move.
 */
export async function lockActivityDay(trx: Q, id: string): Promise<string | undefined> {
  const { rows } = await sql<{ held_on: string }>`select held_on from supervision_activities where id = ${id} for update`.execute(trx);
  return rows[0]?.held_on;
}

export async function updateActivity(trx: Q, id: string, version: number, changes: Partial<{ held_on: string; subject: string; findings: string }>): Promise<boolean> {
  const res = await trx
    .updateTable('supervision_activities')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** The activity's recommendation sent first (the latest day the activity may be dated). */
export async function findFirstSent(db: Q, activityId: string): Promise<{ id: string; sent_on: string } | undefined> {
  const { rows } = await sql<{ id: string; sent_on: string }>`
    select id::text, sent_on from supervision_recommendations where activity_id = ${activityId} order by sent_on, id limit 1`.execute(db);
  return rows[0];
}

export async function insertRecommendation(trx: Q, activity: { id: string; unit_id: string; unit_path: string }, r: RecommendationValues): Promise<string> {
  const row = await trx
    .insertInto('supervision_recommendations')
    .values({ ...r, activity_id: activity.id, unit_id: activity.unit_id, unit_path: activity.unit_path })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type RecommendationRow = {
  id: string;
  activity_id: string;
  unit_id: string;
  unit_path: string;
  content: string;
  addressee: string;
  addressee_unit_id: string | null;
  sent_on: string;
  due_on: string;
  answered_on: string | null;
  version: number;
};

export async function findRecommendationRow(db: Q, id: string): Promise<RecommendationRow | undefined> {
  const { rows } = await sql<RecommendationRow>`
    select id::text, activity_id::text, unit_id::text, unit_path::text, content, addressee, addressee_unit_id::text, sent_on, due_on, answered_on, version
    from supervision_recommendations where id = ${id}`.execute(db);
  return rows[0];
}

/** Writes the changes when the recommendation is at `version` and still unanswered. */
export async function updateRecommendation(trx: Q, id: string, version: number, changes: Partial<RecommendationValues>): Promise<boolean> {
  const res = await trx
    .updateTable('supervision_recommendations')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('answered_on', 'is', null)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
