/** All SQL of the review conferences. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PeriodKind } from './conferences.schema.js';

type Q = Kysely<Database>;

export type ConferenceRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  title: string;
  held_on: string;
  period_kind: PeriodKind;
  period_start: string;
  period_end: string;
  emulation_period_id: string | null;
  emulation_period_name: string | null;
  participants_count: number | null;
  participants: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = sql`
  rc.id::text, rc.unit_id::text, u.path::text as unit_path, u.name as unit_name, u.kind as unit_kind,
  rc.title, rc.held_on, rc.period_kind, rc.period_start, rc.period_end,
  rc.emulation_period_id::text, ep.name as emulation_period_name,
  rc.participants_count, rc.participants, rc.notes, rc.created_at, rc.updated_at, rc.version`;

const FROM = sql`review_conferences rc join units u on u.id = rc.unit_id left join emulation_periods ep on ep.id = rc.emulation_period_id`;

export async function findConferenceById(db: Q, id: string): Promise<ConferenceRecord | undefined> {
  const { rows } = await sql<ConferenceRecord>`select ${COLUMNS} from ${FROM} where rc.id = ${id}`.execute(db);
  return rows[0];
}

export type ConferenceFilter = {
  /** Subtrees to look in; undefined: everywhere (system admins). */
  scopePaths?: string[];
  underPath?: string;
  year?: number;
  periodKind?: PeriodKind;
  limit: number;
  offset: number;
};

/** Conferences newest first, with the total of the filtered set. */
export async function findConferences(db: Q, f: ConferenceFilter): Promise<{ rows: ConferenceRecord[]; total: number }> {
  const where = [sql`true`];
  if (f.scopePaths) where.push(sql`u.path <@ ${f.scopePaths}::ltree[]`);
  if (f.underPath) where.push(sql`u.path <@ ${f.underPath}::ltree`);
  if (f.year !== undefined) where.push(sql`rc.period_start <= make_date(${f.year}::int, 12, 31) and rc.period_end >= make_date(${f.year}::int, 1, 1)`);
  if (f.periodKind) where.push(sql`rc.period_kind = ${f.periodKind}`);
  const { rows } = await sql<ConferenceRecord & { total: number }>`
    select ${COLUMNS}, count(*) over ()::int as total from ${FROM}
    where ${sql.join(where, sql` and `)}
    order by rc.held_on desc, rc.id desc
    limit ${f.limit} offset ${f.offset}`.execute(db);
  if (rows.length || f.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // Past the last page: count without rows.
  const { rows: c } = await sql<{ n: number }>`select count(*)::int as n from ${FROM} where ${sql.join(where, sql` and `)}`.execute(db);
  return { rows, total: c[0]?.n ?? 0 };
}

export type ConferenceValues = {
  title: string;
  held_on: string;
  period_kind: PeriodKind;
  period_start: string;
  period_end: string;
  emulation_period_id: string | null;
  participants_count: number | null;
  participants: string | null;
  notes: string | null;
};

export async function createConference(trx: Q, unitId: string, createdBy: string | null, v: ConferenceValues): Promise<string> {
  const row = await trx
    .insertInto('review_conferences')
    .values({ ...v, unit_id: unitId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The stored row, locked for the rest of the transaction. */
export async function lockConference(trx: Q, id: string) {
  return trx.selectFrom('review_conferences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateConference(trx: Q, id: string, version: number, changes: Partial<ConferenceValues>): Promise<boolean> {
  const res = await trx
    .updateTable('review_conferences')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function findEmulationPeriod(db: Q, id: string) {
  return db.selectFrom('emulation_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How many commendations a conference gave, by form and recipient kind. */
export async function countConferenceCommendations(db: Q, conferenceId: string) {
  return db
    .selectFrom('commendations as c')
    .innerJoin('commendation_forms as f', 'f.code', 'c.form_code')
    .select(['c.form_code', 'c.recipient_kind', sql<number>`count(*)::int`.as('n')])
    .where('c.conference_id', '=', conferenceId)
    .groupBy(['c.form_code', 'c.recipient_kind', 'f.sort_order'])
    .orderBy('f.sort_order')
    .orderBy('c.form_code')
    .execute();
}
