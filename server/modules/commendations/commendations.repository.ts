/** All SQL of commendations and commendation forms. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { inRecordArea, type RecordArea } from '../../http/record-area.repository.js';

type Q = Kysely<Database>;

// ---- forms ----

export async function findForms(db: Q) {
  return db.selectFrom('commendation_forms').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export async function findForm(db: Q, code: string) {
  return db.selectFrom('commendation_forms').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The new form, or undefined when the code is taken. */
export async function createForm(trx: Q, code: string, names: Record<string, string>) {
  return trx
    .insertInto('commendation_forms')
    .values({ code, names: JSON.stringify(names) })
    .onConflict((oc) => oc.column('code').doNothing())
    .returningAll()
    .executeTakeFirst();
}

// ---- units, entries, periods ----

export type UnitBrief = { id: string; path: string; name: string; kind: string; valid_from: string | null; valid_to: string | null };

export async function findUnitsByIds(db: Q, ids: string[]): Promise<UnitBrief[]> {
  if (!ids.length) return [];
  const { rows } = await sql<UnitBrief>`select id::text, path::text as path, name, kind, valid_from, valid_to from units where id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

export type EntryPaths = { id: string; unit_path: string; current_path: string | null };

/** The entries of `ids` that exist, with what decides who reads them (`canReadRecord`). */
export async function findEntryPaths(db: Q, ids: string[]): Promise<EntryPaths[]> {
  if (!ids.length) return [];
  const { rows } = await sql<EntryPaths>`
    select e.id::text, e.unit_path::text as unit_path, u.current_path::text as current_path
    from entries e join units u on u.id = e.registering_unit_id where e.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

export async function findEmulationPeriod(db: Q, id: string) {
  return db.selectFrom('emulation_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEmulationPeriodOfYear(db: Q, year: number) {
  return db.selectFrom('emulation_periods').selectAll().where('start_year', '<=', year).where('end_year', '>=', year).orderBy('start_year', 'desc').executeTakeFirst();
}

// ---- commendations ----

export type CommendationRecord = {
  id: string;
  recipient_kind: 'collective' | 'individual';
  recipient_unit_id: string | null;
  recipient_name: string | null;
  recipient_position: string | null;
  unit_id: string;
  unit_path: string;
  /** The unit in force the recipient's unit counts under (who reads it: `canReadRecord`). */
  unit_current_path: string | null;
  unit_name: string;
  unit_kind: string;
  form_code: string;
  form_names: Record<string, string>;
  issuing_unit_id: string;
  issuing_unit_path: string;
  issuing_unit_name: string;
  issuing_unit_kind: string;
  decision_number: string;
  decision_date: string;
  year: number;
  emulation_period_id: string | null;
  conference_id: string | null;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = sql`
  c.id::text, c.recipient_kind, c.recipient_unit_id::text, c.recipient_name, c.recipient_position,
  c.unit_id::text, c.unit_path::text as unit_path, u.current_path::text as unit_current_path, u.name as unit_name, u.kind as unit_kind,
  c.form_code, f.names as form_names,
  c.issuing_unit_id::text, iu.path::text as issuing_unit_path, iu.name as issuing_unit_name, iu.kind as issuing_unit_kind,
  c.decision_number, c.decision_date, c.year, c.emulation_period_id::text, c.conference_id::text, c.reason,
  c.created_at, c.updated_at, c.version`;

const FROM = sql`commendations c
  join units u on u.id = c.unit_id
  join units iu on iu.id = c.issuing_unit_id
  join commendation_forms f on f.code = c.form_code`;

export async function findCommendationById(db: Q, id: string): Promise<CommendationRecord | undefined> {
  const { rows } = await sql<CommendationRecord>`select ${COLUMNS} from ${FROM} where c.id = ${id}`.execute(db);
  return rows[0];
}

export type CommendationFilter = {
  /** Where to look: the reader's area, narrowed to a unit when the list asks for one. */
  area: RecordArea;
  year?: number;
  periodId?: string;
  conferenceId?: string;
  recipientKind?: 'collective' | 'individual';
  formCode?: string;
  entryId?: string;
  limit: number;
  offset: number;
};

/** A page of commendations, newest decision first, with the total and the counts by recipient kind of the filtered set. */
export async function findCommendations(db: Q, f: CommendationFilter) {
  const where = [inRecordArea('c.unit_path', f.area)];
  if (f.year !== undefined) where.push(sql`c.year = ${f.year}`);
  if (f.periodId) where.push(sql`c.emulation_period_id = ${f.periodId}`);
  if (f.conferenceId) where.push(sql`c.conference_id = ${f.conferenceId}`);
  if (f.recipientKind) where.push(sql`c.recipient_kind = ${f.recipientKind}`);
  if (f.formCode) where.push(sql`c.form_code = ${f.formCode}`);
  if (f.entryId) where.push(sql`exists (select 1 from commendation_entries ce where ce.commendation_id = c.id and ce.entry_id = ${f.entryId})`);
  const cond = sql.join(where, sql` and `);
  const [page, counts] = await Promise.all([
    sql<CommendationRecord>`
      select ${COLUMNS} from ${FROM} where ${cond}
      order by c.decision_date desc, c.id desc
      limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ collectives: number; individuals: number }>`
      select count(*) filter (where c.recipient_kind = 'collective')::int as collectives,
             count(*) filter (where c.recipient_kind = 'individual')::int as individuals
      from commendations c where ${cond}`.execute(db),
  ]);
  const summary = counts.rows[0] ?? { collectives: 0, individuals: 0 };
  return { rows: page.rows, total: summary.collectives + summary.individuals, summary };
}

/** Entries a commendation rewards, with what decides who reads them (`canReadRecord`). */
export async function findLinkedEntries(db: Q, commendationId: string) {
  const { rows } = await sql<{ id: string; title: string; year: number; unit_path: string; current_path: string | null }>`
    select e.id::text, e.title, e.year, e.unit_path::text as unit_path, u.current_path::text as current_path
    from commendation_entries ce join entries e on e.id = ce.entry_id join units u on u.id = e.registering_unit_id
    where ce.commendation_id = ${commendationId} order by e.year desc, e.id`.execute(db);
  return rows;
}

export async function findLinkedEntryIds(db: Q, commendationId: string): Promise<string[]> {
  const rows = await db.selectFrom('commendation_entries').select('entry_id').where('commendation_id', '=', commendationId).orderBy('entry_id').execute();
  return rows.map((r) => r.entry_id);
}

export type NewCommendation = {
  recipient_kind: 'collective' | 'individual';
  recipient_unit_id: string;
  recipient_name: string | null;
  recipient_position: string | null;
  form_code: string;
  issuing_unit_id: string;
  unit_id: string;
  unit_path: string;
  decision_number: string;
  decision_date: string;
  year: number;
  emulation_period_id: string | null;
  conference_id: string | null;
  reason: string | null;
  created_by: string | null;
};

/** Inserts the commendations in one statement; returns their ids in the order given. */
export async function createCommendations(trx: Q, rows: NewCommendation[]): Promise<string[]> {
  if (!rows.length) return [];
  const out = await trx.insertInto('commendations').values(rows).returning('id').execute();
  return out.map((r) => r.id);
}

export async function linkEntries(trx: Q, links: { commendation_id: string; entry_id: string }[]): Promise<void> {
  if (!links.length) return;
  await trx.insertInto('commendation_entries').values(links).execute();
}

export async function unlinkEntries(trx: Q, commendationId: string): Promise<void> {
  await trx.deleteFrom('commendation_entries').where('commendation_id', '=', commendationId).execute();
}

export async function lockCommendation(trx: Q, id: string) {
  return trx.selectFrom('commendations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type CommendationChanges = Partial<
  Pick<NewCommendation, 'recipient_name' | 'recipient_position' | 'form_code' | 'decision_number' | 'decision_date' | 'year' | 'emulation_period_id' | 'conference_id' | 'reason'>
>;

/** Applies the changes when the row is still at `version` (the version moves on even when only links change); false otherwise. */
export async function updateCommendation(trx: Q, id: string, version: number, changes: CommendationChanges): Promise<boolean> {
  const res = await trx
    .updateTable('commendations')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
