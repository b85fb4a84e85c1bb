/**
 * SQL of the Excel import and export: the look-ups that resolve a batch of rows in one query each,
 * the multi-row writes of a batch, and the export's filtered keyset reads.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../db/schema.js';
import { entriesWhere, type ListFilter } from './entries-list.repository.js';
import type { HistoryStep } from './entries-import-history.js';
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
  /** The unit then its ancestors, nearest first (for checkLevel and the parent names, current and former). */
  chain: (ChainUnit & { name: string; formerNames: string[] })[];
  /** Looked up by name: the names it matched, each with the days it was the unit's name (`current`: its name today). */
  matched?: MatchedName[];
};

/** A name a unit bore: `from` null = since its beginning; `to` null = still (its current name). */
export type MatchedName = { name: string; from: string | null; to: string | null; current: boolean };

type CandidateRow = Omit<UnitCandidate, 'validFrom' | 'validTo'> & { valid_from: string | null; valid_to: string | null };

const candidateColumns = sql`u.id::text as id, u.path::text as path, u.kind, u.name, u.valid_from, u.valid_to,
  (select json_agg(json_build_object('id', a.id::text, 'kind', a.kind, 'validFrom', a.valid_from, 'validTo', a.valid_to, 'name', a.name,
       'formerNames', (select coalesce(json_agg(n.name), '[]') from unit_names n where n.unit_id = a.id)) order by nlevel(a.path) desc)
     from units a where a.path @> u.path) as chain`;

const toCandidate = ({ valid_from, valid_to, ...r }: CandidateRow): UnitCandidate => ({ ...r, validFrom: valid_from, validTo: valid_to });

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

/**
 * Units whose name, current or former (`unit_names`), is the given one, accents and case aside: one
 * row per unit and name looked up, with every matching name and the days it was the unit's name
 * (the current one since the last former name ended). The caller picks by the row's year.
 */
export async function findUnitsByNames(db: Db, names: string[]): Promise<UnitCandidate[]> {
  if (!names.length) return [];
  // Joins, as the look-up by name was before former names: the planner may hash the folded names.
  const { rows } = await sql<CandidateRow>`
    with x as (select distinct input from unnest(${names}::text[]) as input),
    m as (
      select x.input, c.id as unit_id, c.name, (select max(f.valid_to) from unit_names f where f.unit_id = c.id) as named_from, null::date as named_to
        from x join units c on danvan_fold(c.name) = danvan_fold(x.input)
      union all
      select x.input, f.unit_id, f.name, f.valid_from, f.valid_to
        from x join unit_names f on danvan_fold(f.name) = danvan_fold(x.input)
    )
    select m.input, ${candidateColumns},
      json_agg(json_build_object('name', m.name, 'from', m.named_from, 'to', m.named_to, 'current', m.named_to is null) order by m.named_to nulls last) as matched
    from m join units u on u.id = m.unit_id
    group by m.input, u.id`.execute(db);
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
/** What a row's history sets: the steps taken (dated), and the evaluation when there is one. */
export type EntryHistory = { steps: HistoryStep[]; evaluation_effective: boolean | null; evaluation_score: string | null };
export type NewEntry = EntryContent & EntryHistory & { registering_unit_id: string; unit_path: string; year: number; title_key: string; implementers: ImplementerValue[] };
export type ExistingEntry = EntryContent & {
  id: string;
  registering_unit_id: string;
  year: number;
  title_key: string;
  status: EntryStatus;
  implementers: ImplementerValue[];
  evaluation_effective: boolean | null;
};

/** Entries having one of the natural keys (unit, year, title key), with their implementers. */
export async function findExistingByKeys(db: Db, keys: { unitId: string; year: number; titleKey: string }[]): Promise<ExistingEntry[]> {
  if (!keys.length) return [];
  const { rows } = await sql<ExistingEntry>`
    select e.id::text as id, e.registering_unit_id::text as registering_unit_id, e.year, e.title_key, e.status, e.evaluation_effective,
      e.level, e.kind, e.form, e.field_code, e.period_id::text as period_id, e.title, e.description, e.goals, e.results,
      e.start_date, e.end_date, e.participants_count, e.participants, e.money_vnd::text as money_vnd, e.working_days,
      e.land_m2::text as land_m2, e.resources_other,
      coalesce((select json_agg(case when i.unit_id is null then json_build_object('personName', i.person_name) else json_build_object('unitId', i.unit_id::text) end order by i.id)
        from entry_implementers i where i.entry_id = e.id), '[]'::json) as implementers
    from unnest(${keys.map((k) => k.unitId)}::bigint[], ${keys.map((k) => k.year)}::smallint[], ${keys.map((k) => k.titleKey)}::text[]) as k(unit_id, year, title_key)
    join entries e on e.registering_unit_id = k.unit_id and e.year = k.year and e.title_key = k.title_key`.execute(db);
  return rows;
}

/** The day (Viet Nam) of each entry's latest step: steps a file adds to an entry may not precede it. */
export async function findLastStepDays(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<{ id: string; day: string }>`
    select t.entry_id::text as id, (max(t.at) at time zone 'Asia/Ho_Chi_Minh')::date::text as day
    from entry_transitions t where t.entry_id = any(${ids}::bigint[]) group by t.entry_id`.execute(db);
  return new Map(rows.map((r) => [r.id, r.day]));
}

/** Which of these unit ids exist (implementer units). */
export async function findExistingUnitIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { rows } = await sql<{ id: string }>`select id::text as id from units where id = any(${ids}::bigint[])`.execute(db);
  return new Set(rows.map((r) => r.id));
}

/**
 * When an imported step happened: its day at 12:00 in Viet Nam (so it is that day in every time
 * zone from UTC−5 to UTC+12), a second apart per step so that steps of one day keep their order.
 */
export function stepTime(on: string, ordinal: number): string {
  return `${on}T12:00:${String(ordinal).padStart(2, '0')}+07:00`;
}

export type TransitionRow = { entryId: string; action: string; from: EntryStatus | null; to: EntryStatus; at: string | null };

/** Transitions written by an import: the importer as actor, the file as where they came from; `at` null = now. */
async function insertImportTransitions(trx: Db, rows: TransitionRow[], actor: { id: string | null; name: string }, fileName: string | null): Promise<void> {
  if (!rows.length) return;
  const col = <K extends keyof TransitionRow>(k: K) => rows.map((r) => r[k]);
  await sql`insert into entry_transitions (entry_id, action, from_status, to_status, at, actor_id, actor_name, imported_from)
    select x.entry_id, x.action, x.from_status, x.to_status, coalesce(x.at, clock_timestamp()), ${actor.id}::bigint, ${actor.name}, ${fileName}
    from unnest(${col('entryId')}::bigint[], ${col('action')}::text[], ${col('from')}::text[], ${col('to')}::text[], ${col('at')}::timestamptz[])
      as x(entry_id, action, from_status, to_status, at)`.execute(trx);
}

/** The steps of `from` onwards as transitions of entry `entryId`, the first of them numbered `ordinal` in its time. */
export function stepTransitions(entryId: string, from: EntryStatus, steps: HistoryStep[], ordinal: number): TransitionRow[] {
  let status = from;
  return steps.map((step, i) => {
    const row: TransitionRow = { entryId, action: step.action, from: status, to: step.to, at: stepTime(step.on, ordinal + i) };
    status = step.to;
    return row;
  });
}

const reached = (r: EntryHistory): EntryStatus => r.steps.at(-1)?.to ?? 'draft';

/**
 * Inserts a batch of entries in the state their history reached, with their transitions — the
 * `import` (from nothing to draft) and each step at its date — and implementers; returns the ids
 * in the batch's order. One statement per table, the values passed as arrays (unnest): a few
 * parameters instead of tens of thousands, so the statement is cheap to send and plan. The
 * registration date given becomes `registered_on` (the trigger keeps a date it is given).
 */
export async function insertEntries(trx: Db, rows: NewEntry[], actor: { id: string | null; name: string }, fileName: string | null): Promise<string[]> {
  if (!rows.length) return [];
  const col = <K extends keyof NewEntry>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await sql<{ id: string; ord: number }>`
    with input as (
      select * from unnest(
        ${col('registering_unit_id')}::bigint[], ${col('unit_path')}::ltree[], ${col('level')}::text[], ${col('kind')}::text[], ${col('form')}::text[],
        ${col('field_code')}::text[], ${col('year')}::smallint[], ${col('period_id')}::bigint[], ${col('title')}::text[], ${col('description')}::text[],
        ${col('goals')}::text[], ${col('results')}::text[], ${col('start_date')}::date[], ${col('end_date')}::date[], ${col('participants_count')}::integer[],
        ${col('participants')}::text[], ${col('money_vnd')}::bigint[], ${col('working_days')}::integer[], ${col('land_m2')}::numeric[], ${col('resources_other')}::text[],
        ${col('title_key')}::text[], ${rows.map(reached)}::text[], ${rows.map((r) => r.steps[0]?.on ?? null)}::date[],
        ${col('evaluation_effective')}::boolean[], ${col('evaluation_score')}::numeric[]
      ) with ordinality as x(registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, status, registered_on,
        evaluation_effective, evaluation_score, ord)
    ), ins as (
      insert into entries (registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, status, registered_on,
        evaluation_effective, evaluation_score, recognised_typical, created_by)
      select registering_unit_id, unit_path, level, kind, form, field_code, year, period_id, title, description, goals, results,
        start_date, end_date, participants_count, participants, money_vnd, working_days, land_m2, resources_other, title_key, status, registered_on,
        evaluation_effective, evaluation_score, status = 'recognised', ${actor.id}::bigint
      from input order by ord
      returning id, registering_unit_id, year, title_key
    )
    select ins.id::text as id, input.ord::int as ord from ins
    join input on input.registering_unit_id = ins.registering_unit_id and input.year = ins.year and input.title_key = ins.title_key`.execute(trx);
  const ids: string[] = new Array(rows.length);
  for (const r of inserted) ids[r.ord - 1] = r.id;
  // A history starts on its registration day; a draft is imported now.
  const transitions = rows.flatMap((r, i) => [
    { entryId: ids[i]!, action: 'import', from: null, to: 'draft' as const, at: r.steps[0] ? stepTime(r.steps[0].on, 0) : null },
    ...stepTransitions(ids[i]!, 'draft', r.steps, 1),
  ]);
  await insertImportTransitions(trx, transitions, actor, fileName);
  await insertImplementers(
    trx,
    rows.flatMap((r, i) => r.implementers.map((imp) => ({ entryId: ids[i]!, imp }))),
  );
  return ids;
}

/** An existing entry a file moves further: from `from` through `steps`. */
export type Advance = EntryHistory & { id: string; from: EntryStatus };

/**
 * Moves existing entries along the steps a file records (their `version` + 1), each only if it is
 * still in `from`; writes the steps' transitions. Returns how many moved: fewer than given means
 * someone changed one meanwhile.
 */
export async function advanceEntries(trx: Db, items: Advance[], actor: { id: string | null; name: string }, fileName: string | null): Promise<number> {
  if (!items.length) return 0;
  const submit = (a: Advance) => a.steps.find((s) => s.action === 'submit')?.on ?? null;
  const evaluated = (a: Advance) => a.steps.some((s) => s.action === 'evaluate');
  const { rows } = await sql<{ id: string }>`
    update entries e set status = x.status,
      registered_on = coalesce(x.registered_on, e.registered_on),
      evaluation_effective = case when x.evaluated then x.effective else e.evaluation_effective end,
      evaluation_score = case when x.evaluated then x.score else e.evaluation_score end,
      recognised_typical = e.recognised_typical or x.status = 'recognised',
      version = e.version + 1, updated_at = now()
    from unnest(${items.map((a) => a.id)}::bigint[], ${items.map((a) => a.from)}::text[], ${items.map(reached)}::text[], ${items.map(submit)}::date[],
      ${items.map(evaluated)}::boolean[], ${items.map((a) => a.evaluation_effective)}::boolean[], ${items.map((a) => a.evaluation_score)}::numeric[])
      as x(id, from_status, status, registered_on, evaluated, effective, score)
    where e.id = x.id and e.status = x.from_status
    returning e.id::text as id`.execute(trx);
  await insertImportTransitions(
    trx,
    items.flatMap((a) => stepTransitions(a.id, a.from, a.steps, 1)),
    actor,
    fileName,
  );
  return rows.length;
}

/** An entry a "replicated from" cell may name, with what decides who may read it. */
export type SourceCandidate = { id: string; registering_unit_id: string; year: number; title_key: string; status: EntryStatus; unit_path: string; current_path: string | null };

const SOURCE_COLUMNS = sql`e.id::text as id, e.registering_unit_id::text as registering_unit_id, e.year, e.title_key, e.status, e.unit_path::text as unit_path, u.current_path::text as current_path`;

export async function findSourcesByIds(db: Db, ids: string[]): Promise<SourceCandidate[]> {
  if (!ids.length) return [];
  const { rows } = await sql<SourceCandidate>`select ${SOURCE_COLUMNS} from entries e join units u on u.id = e.registering_unit_id
    where e.id = any(${ids}::bigint[])`.execute(db);
  return rows;
}

/** Entries with one of these title keys (one pass over entries: there is no index on the title alone). */
export async function findSourcesByTitleKeys(db: Db, keys: string[]): Promise<SourceCandidate[]> {
  if (!keys.length) return [];
  const { rows } = await sql<SourceCandidate>`select ${SOURCE_COLUMNS} from entries e join units u on u.id = e.registering_unit_id
    where e.title_key = any(${keys}::text[])`.execute(db);
  return rows;
}

/** Ids of the entries with these natural keys ("unit|year|title key"). */
export async function findIdsByKeys(db: Db, keys: string[]): Promise<Map<string, string>> {
  if (!keys.length) return new Map();
  const parts = keys.map((k) => {
    const a = k.indexOf('|');
    const b = k.indexOf('|', a + 1);
    return [k.slice(0, a), k.slice(a + 1, b), k.slice(b + 1)] as const;
  });
  const { rows } = await sql<{ key: string; id: string }>`
    select k.unit_id || '|' || k.year || '|' || k.title_key as key, e.id::text as id
    from unnest(${parts.map((p) => p[0])}::bigint[], ${parts.map((p) => p[1])}::smallint[], ${parts.map((p) => p[2])}::text[]) as k(unit_id, year, title_key)
    join entries e on e.registering_unit_id = k.unit_id and e.year = k.year and e.title_key = k.title_key`.execute(db);
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * Writes replication links that do not exist yet and counts them on their sources; returns the
 * replicas of new links that close a cycle (a source that, through other links, copies its copy).
 */
export async function insertReplications(trx: Db, links: { replicaId: string; sourceId: string }[]): Promise<string[]> {
  if (!links.length) return [];
  const { rows: added } = await sql<{ replica: string; source: string }>`
    insert into entry_replications (replica_entry_id, source_entry_id)
    select * from unnest(${links.map((l) => l.replicaId)}::bigint[], ${links.map((l) => l.sourceId)}::bigint[])
    on conflict do nothing
    returning replica_entry_id::text as replica, source_entry_id::text as source`.execute(trx);
  if (!added.length) return [];
  await sql`update entries e set replication_count = e.replication_count + x.n
    from (select s::bigint as id, count(*)::int as n from unnest(${added.map((a) => a.source)}::text[]) s group by s) x
    where e.id = x.id`.execute(trx);
  const { rows: cycles } = await sql<{ replica: string }>`
    with recursive up(start, id) as (
      select r, s from unnest(${added.map((a) => a.replica)}::bigint[], ${added.map((a) => a.source)}::bigint[]) as x(r, s)
      union
      select up.start, l.source_entry_id from entry_replications l join up on l.replica_entry_id = up.id
    )
    select distinct start::text as replica from up where id = start`.execute(trx);
  return cycles.map((c) => c.replica);
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
