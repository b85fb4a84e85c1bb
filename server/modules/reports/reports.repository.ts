/**
 * The report engine's SQL. Each query covers the report's range and the previous one in one scan
 * (they are adjacent: `which` 0 is the range, 1 the previous) and groups the range's records by
 * the child unit they fall under, so the service builds every total as a sum over children and
 * the breakdown cannot disagree with the totals (the previous range has totals only).
 *
 * Which records belong to a unit (docs/reports.md):
 * - a unit in force: the records of every unit whose attributed unit in force (`units.current_path`,
 *   kept by triggers across the 2025 restructure) lies in its subtree; the child is the child of
 *   the report unit on the way to that attributed unit;
 * - a retired unit: the records of its own historical subtree (`units.path`; records carry their
 *   unit's path), by historical child.
 * Either way the query starts from that set of units and reaches the records through their unit.
 */
import { sql } from 'kysely';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../../common/entries.js';
import { COUNTED_STATUSES } from '../../../common/reports.js';
import type { Db } from '../../db/database.js';
import type { UnitAttribution } from '../../db/schema.js';
import { type FigureRow, findPetitionFigures } from '../petitions/petitions-figures.repository.js';

export type ReportUnitRow = {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  valid_from: string | null;
  valid_to: string | null;
  path: string;
  current_path: string | null;
  attribution: UnitAttribution | null;
};

/** Where the rows come from: the attributed tree of a unit in force, or the historical subtree of a retired one. */
export type ReportScope = { mode: 'current' | 'historical'; path: string };

/**
 * The range and its previous one as one span: `[prevStart, end]`, with `start` the first value
 * of the range itself. Years for a year basis, ISO days for a registration-date basis.
 */
export type ReportSpan = { basis: 'year'; prevStart: number; start: number; end: number } | { basis: 'registration_date'; prevStart: string; start: string; end: string };

export type EntryCellRow = {
  which: 0 | 1;
  child: string | null;
  year: number;
  field_code: string;
  kind: EntryKind;
  form: EntryForm;
  level: EntryLevel;
  status: EntryStatus;
  typical: boolean;
  n: number;
  replicated: number;
  replicas: number;
  retired: number;
  partial: number;
};

export type RegisteringUnitsRow = { which: 0 | 1; child: string | null; n: number };

export type CommendationRow = {
  which: 0 | 1;
  child: string | null;
  form_code: string;
  recipient_kind: 'collective' | 'individual';
  n: number;
  retired: number;
  partial: number;
};

export type ChildRow = { id: string; name: string; kind: string; code: string | null; valid_from: string | null; valid_to: string | null };

const ENTRY_COLUMNS = sql.raw(
  ['registering_unit_id', 'year', 'field_code', 'kind', 'form', 'level', 'status', 'recognised_typical', 'replication_count'].map((c) => `e.${c}`).join(', '),
);
const counted = sql.join(COUNTED_STATUSES.map((s) => sql.lit(s)));

export async function findReportUnit(db: Db, id: string): Promise<ReportUnitRow | undefined> {
  const { rows } = await sql<ReportUnitRow>`
    select id, name, kind, code, valid_from, valid_to, path::text as path, current_path::text as current_path, attribution
    from units where id = ${id}`.execute(db);
  return rows[0];
}

/**
 * The units whose records the report counts, each with the child it falls under ('' never: null
 * for the report unit itself) and its attribution. Materialized: the child is computed once per
 * unit (a few hundred for a province), not once per record.
 */
function unitsOf(scope: ReportScope) {
  const column = sql.ref(scope.mode === 'current' ? 'current_path' : 'path');
  return sql`
    select id, attribution,
      case when nlevel(${column}) > nlevel(${scope.path}::ltree) then subpath(${column}, nlevel(${scope.path}::ltree), 1)::text end as child
    from units where ${column} <@ ${scope.path}::ltree`;
}

/** The entries of the scope in the span (read from entries_report_unit_year / _day alone), with their child and range. */
function entrySource(scope: ReportScope, span: ReportSpan) {
  const column = span.basis === 'year' ? sql.ref('e.year') : sql.ref('e.registered_on');
  return sql`
    select case when ${column} >= ${span.start} then 0 else 1 end as which,
      -- The previous range is reported without its breakdown: its records are not split by child.
      case when ${column} >= ${span.start} then u.child end as child,
      u.attribution, ${ENTRY_COLUMNS}
    from u join entries e on e.registering_unit_id = u.id
    where ${column} between ${span.prevStart} and ${span.end}`;
}

/** Entry counts by range, child and every dimension of a cell. */
export async function findEntryCells(db: Db, scope: ReportScope, span: ReportSpan): Promise<EntryCellRow[]> {
  const { rows } = await sql<EntryCellRow>`
    with u as materialized (${unitsOf(scope)})
    select which, child, year, field_code, kind, form, level, status, recognised_typical as typical,
      count(*)::int as n,
      count(*) filter (where replication_count > 0 and status in (${counted}))::int as replicated,
      coalesce(sum(replication_count) filter (where status in (${counted})), 0)::int as replicas,
      count(*) filter (where attribution <> 'self' and status in (${counted}))::int as retired,
      count(*) filter (where attribution = 'partial' and status in (${counted}))::int as partial
    from (${entrySource(scope, span)}) r
    group by which, child, year, field_code, kind, form, level, status, recognised_typical`.execute(db);
  return rows;
}

/** Distinct registering units of the counted entries, by range and child (a unit falls under one child only). */
export async function findRegisteringUnits(db: Db, scope: ReportScope, span: ReportSpan): Promise<RegisteringUnitsRow[]> {
  const { rows } = await sql<RegisteringUnitsRow>`
    with u as materialized (${unitsOf(scope)})
    select which, child, count(distinct registering_unit_id)::int as n
    from (${entrySource(scope, span)}) r
    where status in (${counted})
    group by which, child`.execute(db);
  return rows;
}

/** Commendations by range (decision date), child, form and recipient kind, attributed through their unit. */
export async function findCommendationCounts(db: Db, scope: ReportScope, span: { prevStart: string; start: string; end: string }): Promise<CommendationRow[]> {
  const { rows } = await sql<CommendationRow>`
    with u as materialized (${unitsOf(scope)})
    select case when c.decision_date >= ${span.start}::date then 0 else 1 end as which,
      case when c.decision_date >= ${span.start}::date then u.child end as child, c.form_code, c.recipient_kind,
      count(*)::int as n,
      count(*) filter (where u.attribution <> 'self')::int as retired,
      count(*) filter (where u.attribution = 'partial')::int as partial
    from u join commendations c on c.unit_id = u.id
    where c.decision_date between ${span.prevStart}::date and ${span.end}::date
    group by 1, 2, c.form_code, c.recipient_kind`.execute(db);
  return rows;
}

/**
 * Petitions received in the range and the previous one, by child (range only), kind, category and
 * channel: the petitions module's figure query with the report's scope (one SQL for both).
 */
export function findPetitionCounts(db: Db, scope: ReportScope, span: { prevStart: string; start: string; end: string; asOf: string; prevAsOf: string }): Promise<FigureRow[]> {
  return findPetitionFigures(db, { area: scope, from: span.start, to: span.end, asOf: span.asOf, previous: { from: span.prevStart, asOf: span.prevAsOf }, groupBy: ['unit', 'kind', 'category', 'channel'] });
}

type Names = { code: string; names: Record<string, string> };

/** Commendation forms and petition categories, for labels (codes in the figures). */
export async function findCatalogueNames(db: Db): Promise<{ commendationForms: Names[]; petitionCategories: Names[] }> {
  const { rows } = await sql<Names & { catalogue: 'form' | 'category' }>`
    select 'form' as catalogue, code, names, sort_order from commendation_forms
    union all select 'category', code, names, sort_order from petition_categories
    order by 1, 4, 2`.execute(db);
  const of = (catalogue: 'form' | 'category') => rows.filter((r) => r.catalogue === catalogue).map((r) => ({ code: r.code, names: r.names }));
  return { commendationForms: of('form'), petitionCategories: of('category') };
}

/** The children a report breaks down by: those in force for a unit in force, all of them for a retired unit. */
export async function findChildren(db: Db, parentId: string, mode: ReportScope['mode']): Promise<ChildRow[]> {
  const { rows } = await sql<ChildRow>`
    select u.id::text, u.name, u.kind, u.code, u.valid_from, u.valid_to
    from units u left join unit_kinds k on k.code = u.kind
    where u.parent_id = ${parentId} and (${mode === 'historical'} or u.attribution = 'self')
    order by coalesce(k.sort_order, 100), u.name, u.id`.execute(db);
  return rows;
}

export async function findUnitRefs(db: Db, ids: string[]): Promise<ChildRow[]> {
  const { rows } = await sql<ChildRow>`
    select id::text, name, kind, code, valid_from, valid_to from units where id = any (${ids}::bigint[]) order by name, id`.execute(db);
  return rows;
}

/** National fields and those the cells name, for labels. */
export async function findFields(db: Db, codes: string[]): Promise<{ code: string; names: Record<string, string> }[]> {
  const { rows } = await sql<{ code: string; names: Record<string, string> }>`
    select code, names from entry_fields
    where unit_id is null or code = any (${codes}::text[])
    order by sort_order, code`.execute(db);
  return rows;
}

export async function findEmulationPeriod(db: Db, id: string): Promise<{ id: string; start_year: number; end_year: number } | undefined> {
  const { rows } = await sql<{ id: string; start_year: number; end_year: number }>`
    select id, start_year, end_year from emulation_periods where id = ${id}`.execute(db);
  return rows[0];
}
