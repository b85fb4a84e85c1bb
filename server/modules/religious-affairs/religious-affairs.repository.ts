/**
 * All SQL of the registers of ethnic and religious affairs. One description per register (its
 * table, columns and joins) serves the reads; the writes are plain column maps, each register's
 * rules living in the service.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Register } from '../../../common/religious-affairs.js';
import type { Db } from '../../db/database.js';
import { inRecordArea, type RecordArea } from '../../http/record-area.repository.js';

type Q = Db;

export type SubjectKind = 'organization' | 'dignitary' | 'prestigious_person';

/** The row every register shares. */
export type BaseRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_current_path: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};
export type OrganizationRecord = BaseRecord & { name: string; religion_code: string; denomination: string | null; legal_status: string; entry_ids: string[] };
export type PlaceRecord = BaseRecord & { name: string; organization_id: string | null; organization_name: string | null; religion_code: string; address: string; legal_status: string };
export type DignitaryRecord = BaseRecord & {
  name: string | null;
  religious_name: string | null;
  religion_code: string;
  rank: string;
  organization_id: string | null;
  organization_name: string | null;
  place_id: string | null;
  place_name: string | null;
  birth_year: number | null;
  left_on: string | null;
  left_reason: string | null;
  identity_erased_at: Date | null;
  entry_ids: string[];
};
export type PersonRecord = BaseRecord & {
  name: string | null;
  ethnic_code: string;
  village: string;
  recognized_year: number;
  decision: string;
  deciding_unit_id: string;
  deciding_unit_name: string;
  left_on: string | null;
  left_reason: string | null;
  identity_erased_at: Date | null;
  support: { year: number; kind: string; amount: number; note: string | null }[];
  entry_ids: string[];
};
export type EventRecord = BaseRecord & { name: string; religion_code: string | null; starts_on: string; ends_on: string; place: string; expected_attendance: number | null };

export type RecordOf = { organizations: OrganizationRecord; places: PlaceRecord; dignitaries: DignitaryRecord; persons: PersonRecord; events: EventRecord };

const entries = (kind: SubjectKind) =>
  sql`array(select p.entry_id::text from religious_participations p where p.subject_kind = ${kind} and p.subject_id = r.id order by p.entry_id) as entry_ids`;

type Spec = {
  table: string;
  subject?: SubjectKind;
  columns: RawBuilder<unknown>;
  joins: RawBuilder<unknown>;
  /** Columns searched for everyone (never a person's name). */
  openText: RawBuilder<unknown>;
  /** The person's name, searched only where the caller holds situation.identity. */
  nameText?: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
};

export const SPECS: Record<Register, Spec> = {
  organizations: {
    table: 'religious_organizations',
    subject: 'organization',
    columns: sql`r.name, r.religion_code, r.denomination, r.legal_status, ${entries('organization')}`,
    joins: sql``,
    openText: sql`r.name || ' ' || coalesce(r.denomination, '')`,
    order: sql`r.name, r.id`,
  },
  places: {
    table: 'worship_places',
    columns: sql`r.name, r.organization_id::text, o.name as organization_name, r.religion_code, r.address, r.legal_status`,
    joins: sql`left join religious_organizations o on o.id = r.organization_id`,
    openText: sql`r.name || ' ' || r.address`,
    order: sql`r.name, r.id`,
  },
  dignitaries: {
    table: 'dignitaries',
    subject: 'dignitary',
    columns: sql`r.name, r.religious_name, r.religion_code, r.rank, r.organization_id::text, o.name as organization_name, r.place_id::text, pl.name as place_name,
      r.birth_year, r.left_on::text, r.left_reason, r.identity_erased_at, ${entries('dignitary')}`,
    joins: sql`left join religious_organizations o on o.id = r.organization_id left join worship_places pl on pl.id = r.place_id`,
    openText: sql`r.rank || ' ' || coalesce(o.name, '') || ' ' || coalesce(pl.name, '')`,
    nameText: sql`coalesce(r.name, '') || ' ' || coalesce(r.religious_name, '')`,
    order: sql`r.id`,
  },
  persons: {
    table: 'prestigious_persons',
    subject: 'prestigious_person',
    columns: sql`r.name, r.ethnic_code, r.village, r.recognized_year, r.decision, r.deciding_unit_id::text, du.name as deciding_unit_name,
      r.left_on::text, r.left_reason, r.identity_erased_at,
      coalesce((select json_agg(json_build_object('year', s.year, 'kind', s.kind, 'amount', s.amount, 'note', s.note) order by s.sort_order)
        from prestigious_support s where s.person_id = r.id), '[]'::json) as support,
      ${entries('prestigious_person')}`,
    joins: sql`join units du on du.id = r.deciding_unit_id`,
    openText: sql`r.village || ' ' || r.decision`,
    nameText: sql`coalesce(r.name, '')`,
    order: sql`r.id`,
  },
  events: {
    table: 'religious_events',
    columns: sql`r.name, r.religion_code, r.starts_on::text, r.ends_on::text, r.place, r.expected_attendance`,
    joins: sql``,
    openText: sql`r.name || ' ' || r.place`,
    order: sql`r.starts_on desc, r.id desc`,
  },
};

const base = (spec: Spec) => sql`
  select r.id::text, r.unit_id::text, r.unit_path::text, u.name as unit_name, u.current_path::text as unit_current_path,
    r.created_at, r.updated_at, r.version, ${spec.columns}
  from ${sql.table(spec.table)} r join units u on u.id = r.unit_id ${spec.joins}`;

export async function findRecord<R extends Register>(db: Q, register: R, id: string): Promise<RecordOf[R] | undefined> {
  const { rows } = await sql<RecordOf[R]>`${base(SPECS[register])} where r.id = ${id}`.execute(db);
  return rows[0];
}

/** Words matched as substrings, case- and accent-sensitive as typed (registers are small). */
const words = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, 8);

export type RegisterFilter = {
  area: RecordArea;
  q?: string;
  religionCode?: string;
  /** Subtrees where the person's name is searched too (situation.identity); '' everywhere. */
  nameScopes: string[];
  limit: number;
  offset: number;
};

export async function findRecords<R extends Register>(db: Q, register: R, f: RegisterFilter): Promise<{ rows: RecordOf[R][]; total: number }> {
  const spec = SPECS[register];
  const where: RawBuilder<unknown>[] = [inRecordArea('r.unit_path', f.area)];
  if (f.religionCode && register !== 'persons') where.push(sql`r.religion_code = ${f.religionCode}`);
  for (const w of words(f.q ?? '')) {
    const like = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const name =
      spec.nameText && f.nameScopes.length
        ? sql` or ((${spec.nameText}) ilike ${like} and ${f.nameScopes.includes('') ? sql`true` : sql`r.unit_path <@ ${f.nameScopes}::ltree[]`})`
        : sql``;
    where.push(sql`((${spec.openText}) ilike ${like}${name})`);
  }
  const cond = sql.join(where, sql` and `);
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<RecordOf[R]>`${base(spec)} where ${cond} order by ${spec.order} limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(spec.table)} r join units u on u.id = r.unit_id ${spec.joins} where ${cond}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

// ---------------------------------------------------------------- writes

export type Values = Record<string, string | number | null>;

export async function insertRecord(trx: Q, register: Register, values: Values): Promise<string> {
  const cols = Object.keys(values);
  const { rows } = await sql<{ id: string }>`
    insert into ${sql.table(SPECS[register].table)} (${sql.join(cols.map((c) => sql.ref(c)))})
    values (${sql.join(cols.map((c) => sql`${values[c]}`))}) returning id::text`.execute(trx);
  return rows[0]!.id;
}

/** The version of the stored row, locked for the rest of the transaction. */
export async function lockVersion(trx: Q, register: Register, id: string): Promise<number | undefined> {
  const { rows } = await sql<{ version: number }>`select version from ${sql.table(SPECS[register].table)} where id = ${id} for update`.execute(trx);
  return rows[0]?.version;
}

/** Applies the changes when the row is still at `version` (the version moves even with no column changed). */
export async function updateRecord(trx: Q, register: Register, id: string, version: number, changes: Values): Promise<boolean> {
  const sets = Object.entries(changes).map(([c, v]) => sql`${sql.ref(c)} = ${v}`);
  const res = await sql`
    update ${sql.table(SPECS[register].table)} set ${sql.join([...sets, sql`updated_at = now()`, sql`version = version + 1`])}
    where id = ${id} and version = ${version}`.execute(trx);
  return res.numAffectedRows === 1n;
}

export async function replaceSupport(trx: Q, personId: string, rows: { year: number; kind: string; amount: number; note?: string | null }[]): Promise<void> {
  await trx.deleteFrom('prestigious_support').where('person_id', '=', personId).execute();
  if (!rows.length) return;
  await trx
    .insertInto('prestigious_support')
    .values(rows.map((r, i) => ({ person_id: personId, year: r.year, kind: r.kind, amount: r.amount, note: r.note ?? null, sort_order: i })))
    .execute();
}

export async function replaceParticipations(trx: Q, kind: SubjectKind, subjectId: string, entryIds: string[]): Promise<void> {
  await trx.deleteFrom('religious_participations').where('subject_kind', '=', kind).where('subject_id', '=', subjectId).execute();
  if (!entryIds.length) return;
  await trx
    .insertInto('religious_participations')
    .values(entryIds.map((entry_id) => ({ subject_kind: kind, subject_id: subjectId, entry_id })))
    .execute();
}

// ---------------------------------------------------------------- look-ups for the rules

export async function knownCodes(db: Q, table: 'religions' | 'ethnic_groups' | 'religious_legal_statuses' | 'prestigious_support_kinds', codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.selectFrom(table).select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function findCatalogue(db: Q, table: 'religions' | 'ethnic_groups' | 'religious_legal_statuses' | 'prestigious_support_kinds') {
  return db.selectFrom(table).select(['code', 'names']).orderBy('sort_order').execute();
}

/** The unit path of a record of `table`, when it exists. */
export async function findPathOf(db: Q, table: 'religious_organizations' | 'worship_places', id: string): Promise<string | undefined> {
  const { rows } = await sql<{ path: string }>`select unit_path::text as path from ${sql.table(table)} where id = ${id}`.execute(db);
  return rows[0]?.path;
}

export async function existingEntries(db: Q, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('entries').select(sql<string>`id::text`.as('id')).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- retention

export async function findRetention(db: Q) {
  return db.selectFrom('sensitive_retention').select(['register', 'years', 'version']).orderBy('register').execute();
}

export async function updateRetention(trx: Q, register: 'dignitary' | 'prestigious_person', years: number, version: number): Promise<boolean> {
  const res = await trx
    .updateTable('sensitive_retention')
    .set({ years, version: sql`version + 1`, updated_at: sql`now()` })
    .where('register', '=', register)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** People who left the register before `before` and whose name is still kept. */
export async function findIdentitiesToErase(db: Q, table: 'dignitaries' | 'prestigious_persons', before: string, limit: number) {
  const { rows } = await sql<{ id: string; unit_id: string; left_on: string }>`
    select id::text, unit_id::text, left_on::text from ${sql.table(table)}
    where identity_erased_at is null and left_on is not null and left_on < ${before}::date order by id limit ${limit}`.execute(db);
  return rows;
}

/** Erases a person's names; false when already erased (another run got there first). */
export async function eraseIdentity(trx: Q, table: 'dignitaries' | 'prestigious_persons', id: string): Promise<boolean> {
  const names = table === 'dignitaries' ? sql`name = null, religious_name = null` : sql`name = null`;
  const res = await sql`update ${sql.table(table)} set ${names}, identity_erased_at = now() where id = ${id} and identity_erased_at is null`.execute(trx);
  return res.numAffectedRows === 1n;
}
