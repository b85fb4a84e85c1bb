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

/**
 * Where an approval queue looks: the entries under `path` ('' is everything), or of the unit at
 * `path` alone when `exact`, whose level is one of `levels` (null: any level).
 */
export type ApprovalPiece = { path: string; exact: boolean; levels: EntryLevel[] | null };

/**
 * A work queue as SQL needs it (docs/work-queue.md), decided from the actor's grants by the
 * service: `approval` — registered entries in the pieces; `own` — entries in `status` that
 * `userId` created or that one of `unitIds` registered, inside `writePaths` ('' is everything).
 */
export type QueueClause =
  | { kind: 'approval'; pieces: ApprovalPiece[] }
  | { kind: 'own'; status: 'draft' | 'returned'; userId: string | null; unitIds: string[]; writePaths: string[] };

/**
 * The filters of a list, with where to look (a `RecordArea`, server/http/record-area.repository.ts):
 * the subtrees (`paths`, '' is everything) and the single units (`units`) whose entries it shows;
 * `queue` narrows it to one of the actor's work queues.
 */
export type ListFilter = Omit<EntryListQuery, 'unitId' | 'sort' | 'limit' | 'offset' | 'queue'> & { paths: string[]; units: string[]; queue?: QueueClause };
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
  /** The unit's path, and the names of its ancestors below the root, top-down (the ancestor at index i has the path's first i + 2 labels). */
  unit_path: string;
  unit_parents: string[];
};

/** Paths the summary table covers: everything (''), the root, or a province-level unit. */
const summarised = (path: string) => path === '' || path.split('.').length <= 2;

/** The list looks nowhere (a reader without any scope). */
const nowhere = (f: ListFilter) => !f.paths.length && !f.units.length;

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

/**
 * e.unit_path inside any of the paths or equal to one of the units; province-level paths through
 * entry_area (indexed with each sort key).
 */
function scopeClause(paths: string[], units: string[]): RawBuilder<unknown> {
  // The root's subtree (one label: a reader granted on the country) is everything, as ''. Written
  // as `unit_path <@ root` the planner walks the GiST index over every entry instead of reading the
  // country-wide indexes in sort order (113 ms against 20 for the same page at 1,000,000 entries).
  if (paths.includes('') || paths.some((p) => p.split('.').length === 1)) return sql`true`;
  if (!paths.length && !units.length) return sql`false`;
  const areas = paths.filter((p) => p.split('.').length === 2);
  const others = paths.filter((p) => p.split('.').length !== 2);
  const parts: RawBuilder<unknown>[] = [];
  // A single area as `=`: `= any(array)` keeps the planner from reading the index in sort order.
  if (areas.length === 1) parts.push(sql`entry_area(e.unit_path) = ${areas[0]}::ltree`);
  else if (areas.length) parts.push(sql`entry_area(e.unit_path) = any(${areas}::ltree[])`);
  for (const p of others) parts.push(sql`e.unit_path <@ ${p}::ltree`);
  if (units.length) parts.push(sql`e.unit_path = any(${units}::ltree[])`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The search query narrowed to the paths: each area (a province-level path) is a lexeme of its
 * entries' words ('@' + path), intersected inside the GIN index; below that, the subtree's entries
 * (a commune or an organization: few rows) narrow the matches of its area.
 */
function scopedSearch(paths: string[], units: string[], query: RawBuilder<unknown>): RawBuilder<unknown> {
  if (paths.includes('') || paths.some((p) => p.split('.').length === 1)) return sql`s.words @@ ${query}`;
  if (!paths.length && !units.length) return sql`false`;
  const area = (p: string) => sql`s.words @@ (${query} && array_to_tsvector(array['@' || entry_area(${p}::ltree)::text])::text::tsquery)`;
  const parts = [
    ...paths.map((p) => (p.split('.').length === 2 ? area(p) : sql`(${area(p)} and s.entry_id in (select id from entries where unit_path <@ ${p}::ltree))`)),
    ...units.map((u) => sql`(${area(u)} and s.entry_id in (select id from entries where unit_path = ${u}::ltree))`),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The search rows matching q within the paths, with their facet values (`c`) for the facet tests. */
function searchMatches(f: ListFilter, query: RawBuilder<unknown>, join: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  return sql`entry_search s join entry_search_combos c on c.id = s.combo ${join} where ${scopedSearch(f.paths, f.units, query)}`;
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

/** An approval piece's entries of `e`: a province-level path through entry_area, as the list's indexes are keyed. */
function pieceClause(p: ApprovalPiece): RawBuilder<boolean> {
  const where =
    p.path === '' ? sql`true` : p.exact ? sql`e.unit_path = ${p.path}::ltree` : p.path.split('.').length === 2 ? sql`entry_area(e.unit_path) = ${p.path}::ltree` : sql`e.unit_path <@ ${p.path}::ltree`;
  return p.levels ? sql<boolean>`(${where} and e.level = any(${p.levels}::text[]))` : sql<boolean>`${where}`;
}

/**
 * The queue's test on `entries e`. Statuses are literals, so that the partial indexes of the
 * queues (migration 20261205200000_work_queue) match.
 */
function queueClause(queue: QueueClause | undefined): RawBuilder<boolean> {
  if (!queue) return sql<boolean>`true`;
  if (queue.kind === 'approval') {
    if (!queue.pieces.length) return sql<boolean>`false`;
    return sql<boolean>`(e.status = 'registered' and (${sql.join(queue.pieces.map(pieceClause), sql` or `)}))`;
  }
  const mine = [
    ...(queue.userId ? [sql`e.created_by = ${queue.userId}::bigint`] : []),
    ...(queue.unitIds.length ? [sql`e.registering_unit_id = any(${queue.unitIds}::bigint[])`] : []),
  ];
  if (!mine.length || !queue.writePaths.length) return sql<boolean>`false`;
  const writable = queue.writePaths.includes('') ? sql`true` : sql`e.unit_path <@ ${queue.writePaths}::ltree[]`;
  return sql<boolean>`(e.status = ${sql.lit(queue.status)} and (${sql.join(mine, sql` or `)}) and ${writable})`;
}

/** Every filter of the list over `entries e`: scope, text, queue and facets. The exports and bulk actions use it too. */
export function entriesWhere(f: ListFilter): RawBuilder<boolean> {
  const tests = facetTests(f, 'e');
  return sql<boolean>`(${scopeClause(f.paths, f.units)} and ${searchClause(f.q)} and ${queueClause(f.queue)} and ${sql.join(
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
  if (nowhere(f)) return [];
  if (f.queue) return foldCells(db, f, queueSource(f));
  const query = f.q ? tsquery(f.q) : undefined;
  if (query === null) return [];
  const fromSummary = f.q ? [] : f.paths.filter(summarised);
  const fromEntries = f.q ? [] : f.paths.filter((p) => !fromSummary.includes(p));
  const unitsFromEntries = f.q ? [] : f.units;
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
  if (fromEntries.length || unitsFromEntries.length) {
    sources.push(sql`
      select e.year, coalesce(e.period_id, 0) as period_id, e.field_code, e.kind, e.form, e.level, e.status,
        e.recognised_typical as typical, e.replication_count > 0 as replicated, count(*)::int as n
      from entries e
      where ${scopeClause(fromEntries, unitsFromEntries)}
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9`);
  }
  return foldCells(db, f, sql.join(sources, sql` union all `));
}

/** An approval queue the summary answers: no text search, every piece a subtree at the root or a province-level unit. */
const summaryAnswers = (f: ListFilter): f is ListFilter & { queue: { kind: 'approval'; pieces: ApprovalPiece[] } } =>
  f.queue?.kind === 'approval' && !f.q && f.queue.pieces.length > 0 && f.queue.pieces.every((p) => !p.exact && summarised(p.path));

/**
 * The entries of a queue per combination of facet values, like the sources of `findFacetCells`:
 * an approval queue of provinces or the country from the summary (registered entries of the
 * pieces' areas and levels: a few hundred rows), any other from `entries` (the queues' partial
 * indexes find their rows; the list's scope, text and queue clauses all apply).
 */
function queueSource(f: ListFilter): RawBuilder<unknown> {
  if (summaryAnswers(f)) {
    const areas = f.queue.pieces.map((p) => {
      const area = p.path === '' || p.path.split('.').length === 1 ? sql`area in (select path from units where parent_id is null)` : sql`area = ${p.path}::ltree`;
      return p.levels ? sql`(${area} and level = any(${p.levels}::text[]))` : sql`(${area})`;
    });
    return sql`
      select year, period_id, field_code, kind, form, level, status, typical, replicated, n
      from entry_facet_counts where status = 'registered' and n > 0 and (${sql.join(areas, sql` or `)})`;
  }
  return sql`
    select e.year, coalesce(e.period_id, 0) as period_id, e.field_code, e.kind, e.form, e.level, e.status,
      e.recognised_typical as typical, e.replication_count > 0 as replicated, count(*)::int as n
    from entries e
    where ${scopeClause(f.paths, f.units)} and ${searchClause(f.q)} and ${queueClause(f.queue)}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}

/**
 * How many entries a queue's list holds: the sum of the same source the list's facet counts and
 * total are folded from, under the same facet filters, so the number a work queue shows is the
 * total its list shows.
 */
export async function countQueue(db: Db, f: ListFilter & { queue: QueueClause }): Promise<number> {
  if (nowhere(f)) return 0;
  const tests = facetTests(f);
  const { rows } = await sql<{ n: string }>`
    select coalesce(sum(n), 0)::bigint as n from (${queueSource(f)}) src where ${sql.join(FACETS.map((k) => tests[k]), sql` and `)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The kinds of the units strictly above each of `paths` ('' has none): a level whose kind is
 * above an approver's scope belongs to a steering committee above it.
 */
export async function findKindsAbove(db: Db, paths: string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>(paths.map((p) => [p, new Set<string>()]));
  const inner = paths.filter((p) => p !== '');
  if (!inner.length) return found;
  const { rows } = await sql<{ path: string; kind: string }>`
    select distinct t.p as path, u.kind from unnest(${inner}::text[]) t(p)
    join units u on u.path @> t.p::ltree and u.path <> t.p::ltree`.execute(db);
  for (const r of rows) found.get(r.path)?.add(r.kind);
  return found;
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
  // A queue's few rows come from entries (its partial indexes), with the text as a semi-join.
  if (query === undefined || f.queue) return sql`select e.id from entries e where ${entriesWhere(f)} order by ${ORDER[sort](collate)} limit ${limit} offset ${offset}`;
  if (query === null) return sql`select null::bigint as id where false`;
  const tests = facetTests(f, 'c', true);
  const join = sort === 'title' || sort === '-title' ? sql`join entries e on e.id = s.entry_id` : sql``;
  return sql`
    select s.entry_id as id from ${searchMatches(f, query, join)} and ${sql.join(FACETS.map((k) => tests[k]), sql` and `)}
    order by ${SEARCH_ORDER[sort](collate)} limit ${limit} offset ${offset}`;
}

/** Whether `findSearchResults` answers the query: a text search not sorted by title. */
export const searchesInOnePass = (f: ListFilter, sort: ListSort) => !!f.q && !f.queue && sort !== 'title' && sort !== '-title';

/**
 * A text search's page ids and facet cells from one pass over its matches: the matching search rows
 * are read once (materialized), then counted by combination and folded, and sorted for the page.
 * Two queries (page, counts) would each visit every match; on a country-wide search that visit is
 * most of the time. Sorting by title needs `entries` and goes through `findEntryPage` instead.
 */
export async function findSearchResults(db: Db, f: ListFilter, sort: ListSort, limit: number, offset: number): Promise<{ ids: string[]; cells: FacetCell[] }> {
  const query = f.q ? tsquery(f.q) : null;
  if (nowhere(f) || !query) return { ids: [], cells: [] };
  const tests = facetTests(f, 'c', true);
  const { rows } = await sql<{ ids: string[]; cells: CellRow[] }>`
    with m as materialized (
      select s.entry_id, s.combo, s.updated_at from entry_search s where ${scopedSearch(f.paths, f.units, query)}
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
  if (nowhere(f)) return [];
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
      u.valid_from as unit_valid_from, u.valid_to as unit_valid_to, u.path::text as unit_path,
      coalesce((
        select array_agg(a.name order by step.ord)
        from unnest(string_to_array(u.path::text, '.')) with ordinality as step(id, ord)
        join units a on a.id = step.id::bigint
        where step.ord > 1 and a.id <> u.id
      ), '{}') as unit_parents
    from page p join entries e on e.id = p.id join units u on u.id = e.registering_unit_id
    order by ${order}`.execute(db);
  return rows;
}
