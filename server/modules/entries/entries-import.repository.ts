/**
 * SQL of the Excel import and export: the look-ups that resolve a batch of rows in one query each,
 * the multi-row writes of a batch, and the export's filtered keyset reads.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../db/schema.js';
import { entriesWhere, type ListFilter } from './entries-list.repository.js';
import type { ChainUnit } from './entry-rules.js';

export type UnitCandidate = {
  /** The identifier text as it was looked up (an id, "kind:code" or a name). */
  input: string;
  id: string;
  path: string;
  kind: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  /** The unit then its ancestors, nearest first (for checkLevel and the parent names). */
  chain: (ChainUnit & { name: string })[];
};

type CandidateRow = { input: string; id: string; path: string; kind: string; name: string; valid_from: string | null; valid_to: string | null; chain: { id: string; kind: string; validFrom: string | null; validTo: string | null; name: string }[] };

const candidateColumns = sql`u.id::text as id, u.path::text as path, u.kind, u.name, u.valid_from, u.valid_to,
  (select json_agg(json_build_object('id', a.id::text, 'kind', a.kind, 'validFrom', a.valid_from, 'validTo', a.valid_to, 'name', a.name) order by nlevel(a.path) desc)
     from units a where a.path @> u.path) as chain`;

const toCandidate = (r: CandidateRow): UnitCandidate => ({ input: r.input, id: r.id, path: r.path, kind: r.kind, name: r.name, validFrom: r.valid_from, validTo: r.valid_to, chain: r.chain });

/** Units by id ("123"). */
export async function findUnitsByIds(db: Db, ids: string[]): Promise<UnitCandidate[]> {
  if (!ids.length) return [];
  const { rows } = await sql<CandidateRow>`select x.input, ${candidateColumns}
    from unnest(${ids}::text[]) as x(input) join units u on u.id = x.input::bigint`.execute(db);
  return rows.map(toCandidate);
}

/** Units by official kind and code; `input` is "kind:code". Every version of a code (retired ones too). */
export async function findUnitsByCodes(db: Db, pairs: { kind: string; code: string }[]): Promise<UnitCandidate[]> {
  if (!pairs.length) return [];
  const { rows } = await sql<CandidateRow>`select x.kind || ':' || x.code as input, ${candidateColumns}
    from unnest(${pairs.map((p) => p.kind)}::text[], ${pairs.map((p) => p.code)}::text[]) as x(kind, code)
    join units u on u.kind = x.kind and u.code = x.code`.execute(db);
  return rows.map(toCandidate);
}

/** Units whose name is the given one, accents and case aside. */
export async function findUnitsByNames(db: Db, names: string[]): Promise<UnitCandidate[]> {
  if (!names.length) return [];
  const { rows } = await sql<CandidateRow>`select x.input, ${candidateColumns}
    from unnest(${names}::text[]) as x(input) join units u on danvan_fold(u.name) = danvan_fold(x.input)`.execute(db);
  return rows.map(toCandidate);
}

export type FieldRow = { code: string; name: string; unitPath: string | null };

export async function findFields(db: Db): Promise<FieldRow[]> {
  const { rows } = await sql<FieldRow>`select f.code, f.names->>'vi' as name, u.path::text as "unitPath"
    from entry_fields f left join units u on u.id = f.unit_id order by f.sort_order, f.code`.execute(db);
  return rows;
}

export async function findPeriods(db: Db) {
  return db.selectFrom('emulation_periods').select(['id', 'name', 'start_year', 'end_year']).orderBy('start_year').execute();
}

/** The fields of an entry the import writes (and compares, to tell "updated" from "unchanged"). */
export type EntryContent = {
  level: EntryLevel;
  kind: EntryKind;
  form: EntryForm;
  field_code: string;
  period_id: string | null;
  title: string;
  description: string | null;
  goals: string | null;
  results: string | null;
  start_date: string | null;
  end_date: string | null;
  participants_count: number | null;
  participants: string | null;
  money_vnd: string | null;
  working_days: number | null;
  land_m2: string | null;
  resources_other: string | null;
};
export type ImplementerValue = { unitId: string } | { personName: string };
export type NewEntry = EntryContent & { registering_unit_id: string; unit_path: string; year: number; title_key: string; implementers: ImplementerValue[] };
export type ExistingEntry = EntryContent & { id: string; registering_unit_id: string; year: number; title_key: string; status: EntryStatus; implementers: ImplementerValue[] };

/** Entries having one of the natural keys (unit, year, title key), with their implementers. */
export async function findExistingByKeys(db: Db, keys: { unitId: string; year: number; titleKey: string }[]): Promise<ExistingEntry[]> {
  if (!keys.length) return [];
  const { rows } = await sql<ExistingEntry>`
    select e.id::text as id, e.registering_unit_id::text as registering_unit_id, e.year, e.title_key, e.status,
      e.level, e.kind, e.form, e.field_code, e.period_id::text as period_id, e.title, e.description, e.goals, e.results,
      e.start_date, e.end_date, e.participants_count, e.participants, e.money_vnd::text as money_vnd, e.working_days,
      e.land_m2::text as land_m2, e.resources_other,
      coalesce((select json_agg(case when i.unit_id is null then json_build_object('personName', i.person_name) else json_build_object('unitId', i.unit_id::text) end order by i.id)
        from entry_implementers i where i.entry_id = e.id), '[]'::json) as implementers
    from unnest(${keys.map((k) => k.unitId)}::bigint[], ${keys.map((k) => k.year)}::smallint[], ${keys.map((k) => k.titleKey)}::text[]) as k(unit_id, year, title_key)
    join entries e on e.registering_unit_id = k.unit_id and e.year = k.year and e.title_key = k.title_key`.execute(db);
  return rows;
}

/** Which of these unit ids exist (implementer units). */
export async function findExistingUnitIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await sql<{ id: string }>`select id::text as id from units where id = any(${ids}::bigint[])`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts a batch of entries as drafts with their 'import' transition and implementers; returns
 * the ids in the batch's order. One statement per table, the values passed as arrays (unnest):
 * a few parameters instead of tens of thousands, so the statement is cheap to send and plan.
 */
export async function insertEntries(trx: Db, rows: NewEntry[], actor: { id: string | null; name: string }): Promise<string[]> {
  if (!rows.length) return [];
  const col = <K extends keyof NewEntry>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await sql<{ id: string; ord: number }>`
    with input as (
      select * from unnest(
        ${col('registering_unit_id')}::bigint[], ${col('unit_path')}::ltree[], ${col('level')}::text[], ${col('kind')}::text[], ${col('form')}::text[],
        ${col('field_code')}::text[], ${col('year')}::smallint[], ${col('period_id')}::bigint[], ${col('title')}::text[], ${col('description')}::text[],
        ${col('goals')}::text[], ${col('results')}::text[], ${col('start_date')}::date[], ${col('end_date')}::date[], ${col('participants_count')}::integer[],
        ${col('participants')}::text[], ${col('money_vnd')}::bigint[], ${col('working_days')}::integer[], ${col('land_m2')}::numeric[], ${col('resources_other')}::text[],
        ${col('title_key')}::text[]
      ) with ordinality as x(registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, ord)
    ), ins as (
      insert into entries (registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, status, created_by)
      select registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, 'draft', ${actor.id}::bigint
      from input order by ord
      returning id, registering_unit_id, year, title_key
    )
    select ins.id::text as id, input.ord::int as ord from ins
    join input on input.registering_unit_id = ins.registering_unit_id and input.year = ins.year and input.title_key = ins.title_key`.execute(trx);
  const ids: string[] = new Array(rows.length);
  for (const r of inserted) ids[r.ord - 1] = r.id;
  await sql`insert into entry_transitions (entry_id, action, from_status, to_status, actor_id, actor_name)
    select unnest(${ids}::bigint[]), 'import', null, 'draft', ${actor.id}::bigint, ${actor.name}`.execute(trx);
  await insertImplementers(
    trx,
    rows.flatMap((r, i) => r.implementers.map((imp) => ({ entryId: ids[i]!, imp }))),
  );
  return ids;
}

async function insertImplementers(trx: Db, items: { entryId: string; imp: ImplementerValue }[]): Promise<void> {
  if (!items.length) return;
  await sql`insert into entry_implementers (entry_id, unit_id, person_name)
    select * from unnest(${items.map((i) => i.entryId)}::bigint[], ${items.map((i) => ('unitId' in i.imp ? i.imp.unitId : null))}::bigint[],
      ${items.map((i) => ('personName' in i.imp ? i.imp.personName : null))}::text[])`.execute(trx);
}

/** Rewrites a draft's content and implementers (a draft only: the condition is in the statement). */
export async function updateDraft(trx: Db, id: string, content: EntryContent, implementers: ImplementerValue[]): Promise<boolean> {
  const res = await trx
    .updateTable('entries')
    .set({ ...content, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await trx.deleteFrom('entry_implementers').where('entry_id', '=', id).execute();
  await insertImplementers(
    trx,
    implementers.map((imp) => ({ entryId: id, imp })),
  );
  return true;
}

// ---------------------------------------------------------------- export

export async function countForExport(db: Db, f: ListFilter): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from entries e where ${entriesWhere(f)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

export type ExportRow = EntryContent & {
  id: string;
  year: number;
  status: EntryStatus;
  recognised_typical: boolean;
  replication_count: number;
  updated_at: Date;
  unit_id: string;
  unit_name: string;
  field_name: string | null;
  period_name: string | null;
  implementer_names: string | null;
};

/** The next `limit` matching entries after `afterId`, by id. */
export async function findExportBatch(db: Db, f: ListFilter, afterId: string, limit: number): Promise<ExportRow[]> {
  const { rows } = await sql<ExportRow>`
    select e.id::text as id, e.year, e.status, e.recognised_typical, e.replication_count, e.updated_at,
      e.level, e.kind, e.form, e.field_code, e.period_id::text as period_id, e.title, e.description, e.goals, e.results,
      e.start_date, e.end_date, e.participants_count, e.participants, e.money_vnd::text as money_vnd, e.working_days,
      e.land_m2::text as land_m2, e.resources_other,
      u.id::text as unit_id, u.name as unit_name, f.names->>'vi' as field_name, p.name as period_name,
      (select string_agg(coalesce(iu.name, i.person_name), '; ' order by i.id)
         from entry_implementers i left join units iu on iu.id = i.unit_id where i.entry_id = e.id) as implementer_names
    from entries e
    join units u on u.id = e.registering_unit_id
    left join entry_fields f on f.code = e.field_code
    left join emulation_periods p on p.id = e.period_id
    where ${entriesWhere(f)} and e.id > ${afterId}::bigint
    order by e.id
    limit ${limit}`.execute(db);
  return rows;
}
