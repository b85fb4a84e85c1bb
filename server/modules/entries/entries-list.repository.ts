/**
 * The SQL of the entries list: page rows from `entries`, facet counts and totals from the
 * `entry_facet_counts` summary where it can answer (no text search, areas at the root or at a
 * province-level unit), else from `entries` itself (small subtrees, text search).
 */
import { type RawBuilder, sql } from 'kysely';
import { type EntryListQuery, type Facet, FACETS } from '../../../common/entries.js';
import type { Db } from '../../db/database.js';
import type { EntryForm, EntryKind, EntryLevel, EntryStatus } from '../../db/schema.js';
import { viCollation } from '../units/units.repository.js';

/** The filters of a list, with the subtrees to look in: '' is everything. */
export type ListFilter = Omit<EntryListQuery, 'unitId' | 'sort' | 'limit' | 'offset'> & { paths: string[] };
export type ListSort = EntryListQuery['sort'];

export type EntrySummaryRecord = {
  id: string;
  title: string;
  level: EntryLevel;
  kind: EntryKind;
  form: EntryForm;
  field_code: string;
  year: number;
  period_id: string | null;
  status: EntryStatus;
  recognised_typical: boolean;
  replication_count: number;
  updated_at: Date;
  version: number;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  unit_code: string | null;
  unit_valid_from: string | null;
  unit_valid_to: string | null;
};

/** Paths the summary table covers: everything (''), the root, or a province-level unit. */
const summarised = (path: string) => path === '' || path.split('.').length <= 2;

/**
 * The words of q as a tsquery for `entry_search.words`: each word must be a word of the title or
 * description, accents and case folded by `danvan_fold` in the database like the indexed text.
 * Whole words only: a prefix (`dat:*`) makes GIN gather every word it begins before intersecting,
 * three to four times slower on common Vietnamese syllables (docs/entries-list.md). Only letters
 * and digits reach the query syntax; null when q has none (it then matches nothing).
 */
export function searchQuery(q: string): string | null {
  const words = [...new Set(q.match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, 10);
  return words.length ? words.map((w) => `'${w}'`).join(' & ') : null;
}

const tsquery = (q: string) => {
  const query = searchQuery(q);
  return query === null ? null : sql`to_tsquery('simple', danvan_fold(${query}))`;
};

/** Entries of `e` whose words match q (through the GIN index of the narrow search table). */
const searchClause = (q: string | undefined): RawBuilder<unknown> => {
  if (!q) return sql`true`;
  const query = tsquery(q);
  return query ? sql`e.id in (select s.entry_id from entry_search s where s.words @@ ${query})` : sql`false`;
};

/** e.unit_path inside any of the paths; province-level paths through entry_area (indexed with each sort key). */
function scopeClause(paths: string[]): RawBuilder<unknown> {
  if (paths.includes('')) return sql`true`;
  if (!paths.length) return sql`false`;
  const areas = paths.filter((p) => p.split('.').length === 2);
  const others = paths.filter((p) => p.split('.').length !== 2);
  const parts: RawBuilder<unknown>[] = [];
  // A single area as `=`: `= any(array)` keeps the planner from reading the index in sort order.
  if (areas.length === 1) parts.push(sql`entry_area(e.unit_path) = ${areas[0]}::ltree`);
  else if (areas.length) parts.push(sql`entry_area(e.unit_path) = any(${areas}::ltree[])`);
  for (const p of others) parts.push(sql`e.unit_path <@ ${p}::ltree`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The search query narrowed to the paths: each area (a province-level path) is a lexeme of its
 * entries' words ('@' + path), intersected inside the GIN index; below that, the subtree's entries
 * (a commune or an organization: few rows) narrow the matches of its area.
 */
function scopedSearch(paths: string[], query: RawBuilder<unknown>): RawBuilder<unknown> {
  if (paths.includes('') || paths.some((p) => p.split('.').length === 1)) return sql`s.words @@ ${query}`;
  const parts = paths.map((p) => {
    const area = sql`s.words @@ (${query} && array_to_tsvector(array['@' || entry_area(${p}::ltree)::text])::text::tsquery)`;
    return p.split('.').length === 2 ? area : sql`(${area} and s.entry_id in (select id from entries where unit_path <@ ${p}::ltree))`;
  });
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The search rows matching q within the paths, with their facet values (`c`) for the facet tests. */
function searchMatches(f: ListFilter, query: RawBuilder<unknown>, join: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  return sql`entry_search s join entry_search_combos c on c.id = s.combo ${join} where ${scopedSearch(f.paths, query)}`;
}

/**
 * Each facet's filter as a test on the facet's column. Unqualified, the tests read the summary's
 * columns (typical, replicated); with `alias` they read that alias of `entries`, or of a table
 * with the summary's columns when `summaryColumns` (the search combinations).
 */
function facetTests(f: ListFilter, alias?: string, summaryColumns = !alias): Record<Facet, RawBuilder<boolean>> {
  const col = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  const t = (values: unknown[] | undefined, test: (v: unknown[]) => RawBuilder<boolean>) => (values?.length ? test(values) : sql<boolean>`true`);
  // Literal forms, not `= $1`: the partial index of typical entries is matched on them.
  const bool = (value: boolean | undefined, column: RawBuilder<unknown>) =>
    value === undefined ? sql<boolean>`true` : value ? sql<boolean>`${column}` : sql<boolean>`not ${column}`;
  return {
    year: t(f.year, (v) => sql`${col('year')} = any(${v}::smallint[])`),
    periodId: t(f.periodId, (v) => sql`${col('period_id')} = any(${v}::bigint[])`),
    field: t(f.field, (v) => sql`${col('field_code')} = any(${v}::text[])`),
    kind: t(f.kind, (v) => sql`${col('kind')} = any(${v}::text[])`),
    form: t(f.form, (v) => sql`${col('form')} = any(${v}::text[])`),
    level: t(f.level, (v) => sql`${col('level')} = any(${v}::text[])`),
    status: t(f.status, (v) => sql`${col('status')} = any(${v}::text[])`),
    typical: bool(f.typical, summaryColumns ? sql`${col('typical')}` : sql`${col('recognised_typical')}`),
    replicated: bool(f.replicated, summaryColumns ? sql`${col('replicated')}` : sql`(${col('replication_count')} > 0)`),
  };
}

/** Every filter of the list over `entries e`: scope, text and facets. The exports use it too. */
export function entriesWhere(f: ListFilter): RawBuilder<boolean> {
  const tests = facetTests(f, 'e');
  return sql<boolean>`(${scopeClause(f.paths)} and ${searchClause(f.q)} and ${sql.join(
    FACETS.map((k) => tests[k]),
    sql` and `,
  )})`;
}

/** The column of each facet in the summary (and in the rows counted from `entries`). */
const FACET_COLUMN: Record<Facet, string> = {
  year: 'year',
  periodId: 'period_id',
  field: 'field_code',
  kind: 'kind',
  form: 'form',
  level: 'level',
  status: 'status',
  typical: 'typical',
  replicated: 'replicated',
};

/**
 * Entries counted per facet value: `facet`'s `value` has `n` entries that pass every filter
 * (`missed` null) or that fail `missed`'s filter only.
 */
export type FacetCell = { facet: Facet; value: string; missed: Facet | null; n: number };

/**
 * The counts the facets and the total are summed from. The entries within `paths` are counted per
 * combination of facet values — per path from the summary (no text search, a summarised path) or
 * from `entries` grouped on the fly (small subtrees, text search) — and each combination is tagged
 * with the one filter it fails (combinations failing two or more count nowhere). One hashed pass
 * with a grouping set per facet then folds thousands of combinations into a few dozen cells.
 */
export async function findFacetCells(db: Db, f: ListFilter): Promise<FacetCell[]> {
  if (!f.paths.length) return [];
  const query = f.q ? tsquery(f.q) : undefined;
  if (query === null) return [];
  const fromSummary = f.q ? [] : f.paths.filter(summarised);
  const fromEntries = f.q ? [] : f.paths.filter((p) => !fromSummary.includes(p));
  const sources: RawBuilder<unknown>[] = [];
  if (query) {
    // Matches grouped by their combination of facet values: integers, then a few hundred rows.
    sources.push(sql`
      select c.year, c.period_id, c.field_code, c.kind, c.form, c.level, c.status, c.typical, c.replicated, count(*)::int as n
      from ${searchMatches(f, query)}
      group by c.id`);
  }
  if (fromSummary.length) {
    // '' (everything) is the root's area; the primary key starts with area, so both are index lookups.
    const where = fromSummary.includes('') ? sql`area in (select path from units where parent_id is null)` : sql`area = any(${fromSummary}::ltree[])`;
    sources.push(sql`
      select year, period_id, field_code, kind, form, level, status, typical, replicated, n
      from entry_facet_counts where ${where} and n > 0`);
  }
  if (fromEntries.length) {
    sources.push(sql`
      select e.year, coalesce(e.period_id, 0) as period_id, e.field_code, e.kind, e.form, e.level, e.status,
        e.recognised_typical as typical, e.replication_count > 0 as replicated, count(*)::int as n
      from entries e
      where ${scopeClause(fromEntries)}
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9`);
  }
  return foldCells(db, f, sql.join(sources, sql` union all `));
}

type CellRow = { missed: Facet | null; n: string } & Record<string, string | number | boolean | null>;

/**
 * The grouping-sets fold of `source` (rows of facet values with a count `n`): each row tagged with
 * the one filter it fails (rows failing two or more count nowhere), one grouping set per facet.
 */
function foldSql(f: ListFilter, source: RawBuilder<unknown>): RawBuilder<CellRow> {
  const tests = facetTests(f);
  const filtered = FACETS.filter((k) => f[k] !== undefined && (!Array.isArray(f[k]) || f[k].length > 0));
  const misses = filtered.length ? sql.join(filtered.map((k) => sql`(not ${tests[k]})::int`), sql` + `) : sql`0`;
  const missed = filtered.length ? sql`case ${sql.join(filtered.map((k) => sql`when not ${tests[k]} then ${k}::text`), sql` `)} end` : sql`null::text`;
  const sets = FACETS.map((k) => sql`(missed, ${sql.ref(FACET_COLUMN[k])})`);
  return sql<CellRow>`
    select missed, year, period_id::text, field_code, kind, form, level, status, typical, replicated, sum(n)::bigint as n
    from (select src.*, ${missed} as missed from (${source}) src where ${misses} <= 1) x
    group by grouping sets (${sql.join(sets)})`;
}

function toCells(rows: CellRow[]): FacetCell[] {
  const cells: FacetCell[] = [];
  for (const r of rows) {
    const facet = FACETS.find((k) => r[FACET_COLUMN[k]] !== null);
    if (facet) cells.push({ facet, value: String(r[FACET_COLUMN[facet]]), missed: r.missed, n: Number(r.n) });
  }
  return cells;
}

async function foldCells(db: Db, f: ListFilter, source: RawBuilder<unknown>): Promise<FacetCell[]> {
  const { rows } = await foldSql(f, source).execute(db);
  return toCells(rows);
}

const ORDER: Record<ListSort, (collate: RawBuilder<unknown>) => RawBuilder<unknown>> = {
  title: (c) => sql`e.title ${c}, e.id`,
  '-title': (c) => sql`e.title ${c} desc, e.id desc`,
  year: () => sql`e.year, e.id`,
  '-year': () => sql`e.year desc, e.id desc`,
  updated: () => sql`e.updated_at, e.id`,
  '-updated': () => sql`e.updated_at desc, e.id desc`,
};

/** The same orders over the search rows `s` (and `c`, `e` for year and title). */
const SEARCH_ORDER: Record<ListSort, (collate: RawBuilder<unknown>) => RawBuilder<unknown>> = {
  title: (c) => sql`e.title ${c}, s.entry_id`,
  '-title': (c) => sql`e.title ${c} desc, s.entry_id desc`,
  year: () => sql`c.year, s.entry_id`,
  '-year': () => sql`c.year desc, s.entry_id desc`,
  updated: () => sql`s.updated_at, s.entry_id`,
  '-updated': () => sql`s.updated_at desc, s.entry_id desc`,
};

/**
 * The ids of a page: from the covering indexes of `entries` in sort order, or, with text search,
 * from the narrow search rows of the matches (joined to `entries` only to sort by title).
 */
function pageIds(f: ListFilter, sort: ListSort, collate: RawBuilder<unknown>, limit: number, offset: number): RawBuilder<unknown> {
  const query = f.q ? tsquery(f.q) : undefined;
  if (query === undefined) return sql`select e.id from entries e where ${entriesWhere(f)} order by ${ORDER[sort](collate)} limit ${limit} offset ${offset}`;
  if (query === null) return sql`select null::bigint as id where false`;
  const tests = facetTests(f, 'c', true);
  const join = sort === 'title' || sort === '-title' ? sql`join entries e on e.id = s.entry_id` : sql``;
  return sql`
    select s.entry_id as id from ${searchMatches(f, query, join)} and ${sql.join(FACETS.map((k) => tests[k]), sql` and `)}
    order by ${SEARCH_ORDER[sort](collate)} limit ${limit} offset ${offset}`;
}

/** Whether `findSearchResults` answers the query: a text search not sorted by title. */
export const searchesInOnePass = (f: ListFilter, sort: ListSort) => !!f.q && sort !== 'title' && sort !== '-title';

/**
 * A text search's page ids and facet cells from one pass over its matches: the matching search rows
 * are read once (materialized), then counted by combination and folded, and sorted for the page.
 * Two queries (page, counts) would each visit every match; on a country-wide search that visit is
 * most of the time. Sorting by title needs `entries` and goes through `findEntryPage` instead.
 */
export async function findSearchResults(db: Db, f: ListFilter, sort: ListSort, limit: number, offset: number): Promise<{ ids: string[]; cells: FacetCell[] }> {
  const query = f.q ? tsquery(f.q) : null;
  if (!f.paths.length || !query) return { ids: [], cells: [] };
  const tests = facetTests(f, 'c', true);
  const { rows } = await sql<{ ids: string[]; cells: CellRow[] }>`
    with m as materialized (
      select s.entry_id, s.combo, s.updated_at from entry_search s where ${scopedSearch(f.paths, query)}
    ),
    combos as (
      select c.year, c.period_id, c.field_code, c.kind, c.form, c.level, c.status, c.typical, c.replicated, x.n
      from (select combo, count(*)::int as n from m group by combo) x join entry_search_combos c on c.id = x.combo
    ),
    page as (
      select s.entry_id from m s join entry_search_combos c on c.id = s.combo
      where ${sql.join(FACETS.map((k) => tests[k]), sql` and `)}
      order by ${SEARCH_ORDER[sort](sql``)} limit ${limit} offset ${offset}
    ),
    cells as (${foldSql(f, sql`select * from combos`)})
    select (select coalesce(json_agg(entry_id::text), '[]') from page) as ids,
      (select coalesce(json_agg(cells), '[]') from cells) as cells`.execute(db);
  return { ids: rows[0]?.ids ?? [], cells: toCells(rows[0]?.cells ?? []) };
}

/** The entries of `ids` with their registering units, in the sort order. */
export async function findEntryRows(db: Db, ids: string[], sort: ListSort): Promise<EntrySummaryRecord[]> {
  if (!ids.length) return [];
  return entryRows(db, sql`select unnest(${ids}::bigint[]) as id`, sort, await viCollation(db));
}

/** One page of entries with their registering units (joined for the page only). */
export async function findEntryPage(db: Db, f: ListFilter, sort: ListSort, limit: number, offset: number): Promise<EntrySummaryRecord[]> {
  if (!f.paths.length) return [];
  const collate = await viCollation(db);
  return entryRows(db, pageIds(f, sort, collate, limit, offset), sort, collate);
}

async function entryRows(db: Db, ids: RawBuilder<unknown>, sort: ListSort, collate: RawBuilder<unknown>): Promise<EntrySummaryRecord[]> {
  const order = ORDER[sort](collate);
  const { rows } = await sql<EntrySummaryRecord>`
    with page as (${ids})
    select e.id::text, e.title, e.level, e.kind, e.form, e.field_code, e.year, e.period_id::text, e.status,
      e.recognised_typical, e.replication_count, e.updated_at, e.version,
      u.id::text as unit_id, u.name as unit_name, u.kind as unit_kind, u.code as unit_code,
      u.valid_from as unit_valid_from, u.valid_to as unit_valid_to
    from page p join entries e on e.id = p.id join units u on u.id = e.registering_unit_id
    order by ${order}`.execute(db);
  return rows;
}

/** The path of a unit, or undefined when there is no such unit. */
export async function findUnitPath(db: Db, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('units').select(sql<string>`path::text`.as('path')).where('id', '=', id).executeTakeFirst();
  return row?.path;
}
