import { type Kysely, sql } from 'kysely';

/**
 * Reports from summaries kept by the database, and data versions (docs/reports.md, "Summaries";
 * docs/scaling.md, "Answers cached across processes").
 *
 * - **Nodes.** A record (entry, commendation, petition) counts in the report of every unit on the
 *   path of the unit in force its unit is attributed to (`units.current_path`: reports of units in
 *   force) and of every *retired* unit on its unit's own path (`units.path`: a retired unit's report
 *   is its historical subtree). `report_nodes(ids)` gives those units ("nodes"), their depth, and the
 *   record unit's attribution flags (retired; attributed by the main-part rule).
 * - **Where summaries pay.** A report of the country or of a province (depth ≤ 2: the areas the
 *   entries list's facet counts use too) reads its own cells from `report_entry_cells`,
 *   `report_commendation_cells`, `report_petition_cells` and `report_petition_open`, and each child's
 *   headline figures from `report_totals` (depth ≤ 3). Below, a subtree has a few hundred records
 *   and the report counts them directly: per-commune cells would be as many rows as entries.
 * - **Grains.** Rows per node and period: `y` a year, `q` a quarter (year·10 + q), `m` a month
 *   (year·100 + m). Entries count in `y` by their year, in `q`/`m` by their registration day
 *   (drafts have none); commendations by decision day; petitions by the day received. A custom
 *   range counts its partial months at the edges from the records themselves.
 * - `report_unit_entries`: counted entries per registering unit and period, for the distinct
 *   registering units of a range of several periods, and whose 0 ↔ 1 transitions keep
 *   `report_totals.registering_units` (a distinct count is not a sum).
 * - **Writers never wait for each other here.** Triggers on `entries`, `commendations`,
 *   `petitions` and `units` (statement level, transition tables, in the transaction of every write,
 *   whoever writes) only *insert* signed deltas into `*_pending` twins: no summary row is locked by
 *   a writer, so the root's rows are no hot spot (`report_unit_entries` is updated in place: its
 *   rows are per registering unit, only writes of the same unit meet). `report_compact()` (a job,
 *   every minute) folds the deltas into the summaries in one transaction; readers read summary ∪
 *   pending, so a delta counts from its commit on.
 * - **Restructures.** When a unit's node set changes (its path, its attribution, an ancestor that
 *   retired or came back in force — the attribution's own triggers write `units`), the units
 *   trigger moves that unit's records from its old nodes to its new ones (nodes in both cancel).
 * - **Data versions.** Every node whose figures a write changes gets a bump of kind `f` (figures),
 *   at any depth; every entry written bumps its nodes' kind `r` (records: the entries list); a unit
 *   whose shown columns change bumps itself and the parent listing it; a catalogue change bumps
 *   unit 0. Bumps are insert-only (`data_version_bumps`): a unit's version is
 *   `data_versions.version` + its pending bumps, and the compaction folds them without changing the
 *   sum. So a version changes with every committed change of what its reports show, whatever
 *   process wrote it.
 */

/** Counted statuses: everything but drafts and withdrawn entries (COUNTED_STATUSES as of this migration). */
const COUNTED = `not in ('draft', 'withdrawn')`;
/** Nodes with cells (the country, provinces, organizations directly under the root). */
const CELL_DEPTH = 2;
/** Nodes with headline totals: those, and their children. */
const TOTAL_DEPTH = 3;

/** The grains of a day, for a lateral join. */
const dayGrains = (day: string) => `
  (values ('y'::"char", extract(year from ${day})::int),
    ('q'::"char", (extract(year from ${day}) * 10 + extract(quarter from ${day}))::int),
    ('m'::"char", (extract(year from ${day}) * 100 + extract(month from ${day}))::int)) g(grain, period)`;

/** Entries: the year is a grain of its own; quarters and months by the registration day (none for drafts). */
const entryGrains = `
  (values ('y'::"char", e.year::int),
    ('q'::"char", (extract(year from e.registered_on) * 10 + extract(quarter from e.registered_on))::int),
    ('m'::"char", (extract(year from e.registered_on) * 100 + extract(month from e.registered_on))::int)) g(grain, period)`;

/**
 * The node sets of the units in relation `rel` (id, path, current_path, attribution) with sign
 * `s`: the labels of the current path, and the retired units of the own path (an ancestor's
 * attribution read by `attribution(alias)`, after `join`). Set-based: hash joins, not a loop per unit.
 */
const nodesOf = (rel: string, s: string, attribution: (a: string) => string, join: string) => `
  select r.id as unit_id, l.id as node_id, l.depth::int as depth, coalesce(r.attribution <> 'self', false) as retired, coalesce(r.attribution = 'partial', false) as partial, ${s} as s
  from ${rel} r cross join unnest(string_to_array(r.current_path::text, '.')::bigint[]) with ordinality l(id, depth)
  union
  select r.id, l.id, l.depth::int, coalesce(r.attribution <> 'self', false), coalesce(r.attribution = 'partial', false), ${s}
  from ${rel} r cross join unnest(string_to_array(r.path::text, '.')::bigint[]) with ordinality l(id, depth)
  join units a on a.id = l.id ${join}
  where ${attribution('a')} is distinct from 'self'`;

const newNodes = (ids: string) => `select n.*, 1 as s from report_nodes(array(${ids})) n`;

// ---- entries ----

const entryRows = (rel: string, s: number) =>
  `select ${s} as s, registering_unit_id as unit_id, year, registered_on, field_code, kind, form, level, status, recognised_typical, replication_count from ${rel}`;

/** `d`: signed contributions per (unit, grain, period, cell); `c` counts counted statuses only. */
const entryDeltas = (source: string) => `
  ex as (
    select e.unit_id, g.grain, g.period, e.year, e.field_code, e.kind, e.form, e.level, e.status, e.recognised_typical as typical,
      e.s as n,
      case when e.status ${COUNTED} then e.s else 0 end as c,
      case when e.status ${COUNTED} and e.replication_count > 0 then e.s else 0 end as replicated,
      case when e.status ${COUNTED} then e.s * e.replication_count else 0 end as replicas
    from (${source}) e
    cross join lateral ${entryGrains}
    where g.period is not null
  ),
  d as (
    select unit_id, grain, period, year, field_code, kind, form, level, status, typical,
      sum(n)::int as n, sum(c)::int as c, sum(replicated)::int as replicated, sum(replicas)::int as replicas
    from ex
    group by unit_id, grain, period, year, field_code, kind, form, level, status, typical
    having (sum(n), sum(c), sum(replicated), sum(replicas)) <> (0, 0, 0, 0)
  )`;

const CELL_KEY = 'grain, period, year, field_code, kind, form, level, status, typical';
const TOTALS = 'n, entries, models, collective, typical, replicated, registering_units, commended_collectives, commended_individuals, petitions_received';

/**
 * From `d` and `reg` (registering-unit transitions: unit, grain, period, r) through `nd` (unit,
 * node, depth, flags, sign): the cell deltas `ec` and total deltas `et` of every node, the rows
 * inserted where the summaries are kept, and `entry_nodes` (every node whose figures changed).
 */
const applyEntries = `
  ec as (
    select nd.node_id, nd.depth, d.grain, d.period, d.year, d.field_code, d.kind, d.form, d.level, d.status, d.typical,
      sum(nd.s * d.n)::int as n, sum(nd.s * d.replicated)::int as replicated, sum(nd.s * d.replicas)::int as replicas,
      sum(nd.s * d.c * nd.retired::int)::int as retired, sum(nd.s * d.c * nd.partial::int)::int as partial
    from d join nd on nd.unit_id = d.unit_id
    group by nd.node_id, nd.depth, d.grain, d.period, d.year, d.field_code, d.kind, d.form, d.level, d.status, d.typical
    having (sum(nd.s * d.n), sum(nd.s * d.replicated), sum(nd.s * d.replicas), sum(nd.s * d.c * nd.retired::int), sum(nd.s * d.c * nd.partial::int)) <> (0, 0, 0, 0, 0)
  ),
  tx as (
    select unit_id, grain, period, sum(n)::int as n, sum(c)::int as c,
      sum(case when kind = 'model' then c else 0 end)::int as models,
      sum(case when form = 'collective' then c else 0 end)::int as collective,
      sum(case when typical then c else 0 end)::int as typical,
      sum(replicated)::int as replicated, 0 as r
    from d group by unit_id, grain, period
    union all
    select unit_id, grain, period, 0, 0, 0, 0, 0, 0, r from reg where r <> 0
  ),
  et as (
    select nd.node_id, nd.depth, tx.grain, tx.period, sum(nd.s * tx.n)::int as n, sum(nd.s * tx.c)::int as entries, sum(nd.s * tx.models)::int as models,
      sum(nd.s * tx.collective)::int as collective, sum(nd.s * tx.typical)::int as typical, sum(nd.s * tx.replicated)::int as replicated,
      sum(nd.s * tx.r)::int as registering_units
    from tx join nd on nd.unit_id = tx.unit_id
    group by nd.node_id, nd.depth, tx.grain, tx.period
    having (sum(nd.s * tx.n), sum(nd.s * tx.c), sum(nd.s * tx.models), sum(nd.s * tx.collective), sum(nd.s * tx.typical), sum(nd.s * tx.replicated), sum(nd.s * tx.r))
      <> (0, 0, 0, 0, 0, 0, 0)
  ),
  entry_cells as (
    insert into report_entry_cells_pending (node_id, ${CELL_KEY}, n, replicated, replicas, retired, partial)
    select node_id, ${CELL_KEY}, n, replicated, replicas, retired, partial from ec where depth <= ${CELL_DEPTH}
  ),
  entry_totals as (
    insert into report_totals_pending (node_id, grain, period, ${TOTALS})
    select node_id, grain, period, n, entries, models, collective, typical, replicated, registering_units, 0, 0, 0 from et where depth <= ${TOTAL_DEPTH}
  ),
  entry_nodes as (select node_id from ec union select node_id from et)`;

/**
 * One statement for an entries trigger over `source` (signed rows): contributions, the
 * registering-unit counts updated in place with their 0 ↔ 1 transitions, the pending deltas, the
 * bumps (figures where they changed, records for every unit written).
 */
const entriesStatement = (source: string) => `
  with src as materialized (${source}),
  ${entryDeltas('select * from src')},
  uc as (select unit_id, grain, period, sum(c)::int as c from d group by unit_id, grain, period having sum(c) <> 0),
  uup as (
    insert into report_unit_entries as t (unit_id, grain, period, n)
    select unit_id, grain, period, c from uc order by unit_id, grain, period
    on conflict (unit_id, grain, period) do update set n = t.n + excluded.n
    returning unit_id, grain, period, n
  ),
  reg as (
    select uup.unit_id, uup.grain, uup.period,
      case when uup.n > 0 and uup.n - uc.c <= 0 then 1 when uup.n <= 0 and uup.n - uc.c > 0 then -1 else 0 end as r
    from uup join uc on (uc.unit_id, uc.grain, uc.period) = (uup.unit_id, uup.grain, uup.period)
  ),
  nd as materialized (${newNodes('select distinct unit_id from src')}),
  ${applyEntries}
  insert into data_version_bumps (unit_id, kind)
  select node_id, 'f' from entry_nodes
  union all
  select distinct node_id, 'r' from nd`;

// ---- commendations ----

const commendationRows = (rel: string, s: number) => `select ${s} as s, unit_id, decision_date, form_code, recipient_kind from ${rel}`;

const commendationDeltas = (source: string) => `
  cd as (
    select c.unit_id, g.grain, g.period, c.form_code, c.recipient_kind, sum(c.s)::int as n
    from (${source}) c
    cross join lateral ${dayGrains('c.decision_date')}
    group by c.unit_id, g.grain, g.period, c.form_code, c.recipient_kind
    having sum(c.s) <> 0
  )`;

const applyCommendations = `
  cc as (
    select nd.node_id, nd.depth, cd.grain, cd.period, cd.form_code, cd.recipient_kind,
      sum(nd.s * cd.n)::int as n, sum(nd.s * cd.n * nd.retired::int)::int as retired, sum(nd.s * cd.n * nd.partial::int)::int as partial
    from cd join nd on nd.unit_id = cd.unit_id
    group by nd.node_id, nd.depth, cd.grain, cd.period, cd.form_code, cd.recipient_kind
    having (sum(nd.s * cd.n), sum(nd.s * cd.n * nd.retired::int), sum(nd.s * cd.n * nd.partial::int)) <> (0, 0, 0)
  ),
  commendation_cells as (
    insert into report_commendation_cells_pending (node_id, grain, period, form_code, recipient_kind, n, retired, partial)
    select node_id, grain, period, form_code, recipient_kind, n, retired, partial from cc where depth <= ${CELL_DEPTH}
  ),
  commendation_totals as (
    insert into report_totals_pending (node_id, grain, period, ${TOTALS})
    select node_id, grain, period, 0, 0, 0, 0, 0, 0, 0,
      sum(case when recipient_kind = 'collective' then n else 0 end), sum(case when recipient_kind = 'collective' then 0 else n end), 0
    from cc where depth <= ${TOTAL_DEPTH}
    group by node_id, grain, period
    having (sum(case when recipient_kind = 'collective' then n else 0 end), sum(case when recipient_kind = 'collective' then 0 else n end)) <> (0, 0)
  ),
  commendation_nodes as (select distinct node_id from cc)`;

const commendationsStatement = (source: string) => `
  with ${commendationDeltas(source)},
  nd as materialized (${newNodes('select distinct unit_id from cd')}),
  ${applyCommendations}
  insert into data_version_bumps (unit_id, kind) select node_id, 'f' from commendation_nodes`;

// ---- petitions ----

const petitionRows = (rel: string, s: number) => `select ${s} as s, unit_id, received_on, kind, category_code, channel, status, due_on, closed_on from ${rel}`;

/**
 * `pd`: received / resolved / on time / late, as the petitions' figure query counts them; `po`:
 * petitions overdue on some day (open, or closed later than the day after their due day), by due
 * and closing day ('infinity' while open): "overdue on day X" is a condition on both days.
 */
const petitionDeltas = (source: string) => `
  pd as (
    select p.unit_id, g.grain, g.period, p.kind, p.category_code, p.channel,
      sum(p.s)::int as received,
      sum(case when p.status = 'resolved' then p.s else 0 end)::int as resolved,
      sum(case when p.status = 'resolved' and p.closed_on <= p.due_on then p.s else 0 end)::int as on_time,
      sum(case when p.status = 'resolved' and p.closed_on > p.due_on then p.s else 0 end)::int as late
    from (${source}) p
    cross join lateral ${dayGrains('p.received_on')}
    group by p.unit_id, g.grain, g.period, p.kind, p.category_code, p.channel
    having (sum(p.s), sum(case when p.status = 'resolved' then p.s else 0 end),
      sum(case when p.status = 'resolved' and p.closed_on <= p.due_on then p.s else 0 end),
      sum(case when p.status = 'resolved' and p.closed_on > p.due_on then p.s else 0 end)) <> (0, 0, 0, 0)
  ),
  po as (
    select p.unit_id, g.grain, g.period, p.kind, p.category_code, p.channel, p.due_on, coalesce(p.closed_on, 'infinity'::date) as closed_on, sum(p.s)::int as n
    from (${source}) p
    cross join lateral ${dayGrains('p.received_on')}
    where p.closed_on is null or p.closed_on > p.due_on + 1
    group by p.unit_id, g.grain, g.period, p.kind, p.category_code, p.channel, p.due_on, coalesce(p.closed_on, 'infinity'::date)
    having sum(p.s) <> 0
  )`;

const applyPetitions = `
  pc as (
    select nd.node_id, nd.depth, pd.grain, pd.period, pd.kind, pd.category_code, pd.channel,
      sum(nd.s * pd.received)::int as received, sum(nd.s * pd.resolved)::int as resolved, sum(nd.s * pd.on_time)::int as on_time, sum(nd.s * pd.late)::int as late
    from pd join nd on nd.unit_id = pd.unit_id
    group by nd.node_id, nd.depth, pd.grain, pd.period, pd.kind, pd.category_code, pd.channel
    having (sum(nd.s * pd.received), sum(nd.s * pd.resolved), sum(nd.s * pd.on_time), sum(nd.s * pd.late)) <> (0, 0, 0, 0)
  ),
  pn as (
    select nd.node_id, nd.depth, po.grain, po.period, po.kind, po.category_code, po.channel, po.due_on, po.closed_on, sum(nd.s * po.n)::int as n
    from po join nd on nd.unit_id = po.unit_id
    group by nd.node_id, nd.depth, po.grain, po.period, po.kind, po.category_code, po.channel, po.due_on, po.closed_on
    having sum(nd.s * po.n) <> 0
  ),
  petition_cells as (
    insert into report_petition_cells_pending (node_id, grain, period, kind, category_code, channel, received, resolved, on_time, late)
    select node_id, grain, period, kind, category_code, channel, received, resolved, on_time, late from pc where depth <= ${CELL_DEPTH}
  ),
  petition_open as (
    insert into report_petition_open_pending (node_id, grain, period, kind, category_code, channel, due_on, closed_on, n)
    select node_id, grain, period, kind, category_code, channel, due_on, closed_on, n from pn where depth <= ${CELL_DEPTH}
  ),
  petition_totals as (
    insert into report_totals_pending (node_id, grain, period, ${TOTALS})
    select node_id, grain, period, 0, 0, 0, 0, 0, 0, 0, 0, 0, sum(received)
    from pc where depth <= ${TOTAL_DEPTH}
    group by node_id, grain, period having sum(received) <> 0
  ),
  petition_nodes as (select node_id from pc union select node_id from pn)`;

const petitionsStatement = (source: string) => `
  with src as materialized (${source}),
  ${petitionDeltas('select * from src')},
  nd as materialized (${newNodes('select unit_id from pd union select unit_id from po')}),
  ${applyPetitions}
  insert into data_version_bumps (unit_id, kind) select node_id, 'f' from petition_nodes`;

// ---- units: records moved between node sets, and where a unit shows ----

/**
 * After an update of `units`: the units whose node set may have changed (path, current path or
 * attribution changed, or a unit above them retired or came back in force) and that have records;
 * their old node sets (from `old_rows`, ancestors' attribution as it was) with sign −1 and the new
 * ones with +1, cancelled where equal; their records' contributions moved through them. Also bumps
 * a unit whose shown columns change, and the parent that lists it.
 */
const unitsStatement = `
  with diff as materialized (
    select n.id, n.parent_id, o.parent_id as old_parent_id, n.path as new_path, o.path as old_path,
      (n.path, n.current_path, n.attribution) is distinct from (o.path, o.current_path, o.attribution) as moved,
      coalesce(n.attribution = 'self', false) as self, coalesce(o.attribution = 'self', false) as was_self,
      (n.name, n.kind, n.code, n.valid_from, n.valid_to) is distinct from (o.name, o.kind, o.code, o.valid_from, o.valid_to) as renamed,
      n.parent_id is distinct from o.parent_id as reparented
    from new_rows n join old_rows o on o.id = n.id
    -- Most updates (a version, a timestamp) touch nothing a report reads: an empty diff, nothing to do.
    where (n.path, n.current_path, n.attribution, n.name, n.kind, n.code, n.valid_from, n.valid_to, n.parent_id)
      is distinct from (o.path, o.current_path, o.attribution, o.name, o.kind, o.code, o.valid_from, o.valid_to, o.parent_id)
  ),
  flipped as (select old_path, new_path from diff where self <> was_self),
  candidates as (
    select id from diff where moved
    union select d.id from units d join flipped f on d.path <@ f.old_path
    union select d.id from units d join flipped f on d.path <@ f.new_path
  ),
  -- Only units with records have anything to move (the official import changes thousands of units, few with records).
  moved as (
    select c.id from candidates c
    where exists (select 1 from entries e where e.registering_unit_id = c.id)
      or exists (select 1 from commendations m where m.unit_id = c.id)
      or exists (select 1 from petitions p where p.unit_id = c.id)
  ),
  mv as (
    select u.id, u.path, u.current_path, u.attribution
    from moved m join units u on u.id = m.id
  ),
  -- As they were: the unit's columns from old_rows, and each ancestor's attribution.
  old_mv as (
    select u.id,
      case when o.id is null then u.path else o.path end as path,
      case when o.id is null then u.current_path else o.current_path end as current_path,
      case when o.id is null then u.attribution else o.attribution end as attribution
    from moved m join units u on u.id = m.id left join old_rows o on o.id = m.id
  ),
  nd as materialized (
    select unit_id, node_id, depth, retired, partial, sum(s)::int as s from (
      select * from (${nodesOf('mv', '1', (a) => `${a}.attribution`, '')}) n_now
      union all
      select * from (${nodesOf('old_mv', '-1', (a) => `(case when oa.id is null then ${a}.attribution else oa.attribution end)`, 'left join old_rows oa on oa.id = l.id')}) n_was
    ) y
    group by unit_id, node_id, depth, retired, partial
    having sum(s) <> 0
  ),
  mu as (select distinct unit_id from nd),
  ${entryDeltas(`select 1 as s, e.registering_unit_id as unit_id, e.year, e.registered_on, e.field_code, e.kind, e.form, e.level, e.status, e.recognised_typical, e.replication_count
    from entries e where e.registering_unit_id in (select unit_id from mu)`)},
  reg as (select unit_id, grain, period, 1 as r from report_unit_entries where unit_id in (select unit_id from mu) and n > 0),
  ${applyEntries},
  ${commendationDeltas(`select 1 as s, unit_id, decision_date, form_code, recipient_kind from commendations where unit_id in (select unit_id from mu)`)},
  ${applyCommendations},
  ${petitionDeltas(`select 1 as s, unit_id, received_on, kind, category_code, channel, status, due_on, closed_on from petitions where unit_id in (select unit_id from mu)`)},
  ${applyPetitions},
  -- A unit shows in its own report (name, code, kind, interval, in force) and in its parent's list
  -- of children (a parent in force lists its children in force; a retired one all of them).
  shown as (select *, renamed or self <> was_self as changed from diff),
  listing as (
    select s.id as node_id from shown s where s.changed
    union
    select s.parent_id from shown s join units p on p.id = s.parent_id
    where (s.changed or s.reparented) and (s.self or s.was_self or coalesce(p.attribution <> 'self', true))
    union
    select s.old_parent_id from shown s join units p on p.id = s.old_parent_id
    where s.reparented and (s.was_self or coalesce(p.attribution <> 'self', true))
  ),
  -- Records moving between two children leave their parent's totals as they were, not its
  -- breakdown: the parent listing a changed node changes too.
  figure_nodes as (select node_id from entry_nodes union select node_id from commendation_nodes union select node_id from petition_nodes),
  parents as (
    select u.parent_id as node_id from figure_nodes c join units u on u.id = c.node_id join units p on p.id = u.parent_id
    where u.attribution = 'self' or coalesce(p.attribution <> 'self', true)
  )
  insert into data_version_bumps (unit_id, kind)
  select node_id, 'f' from (select node_id from figure_nodes union select node_id from parents union select node_id from listing) b
  union all
  select distinct node_id, 'r' from nd`;

// ---- the summaries and their pending twins ----

type Summary = { table: string; key: string[]; values: string[] };

const SUMMARIES: Summary[] = [
  { table: 'report_entry_cells', key: ['node_id', 'grain', 'period', 'year', 'field_code', 'kind', 'form', 'level', 'status', 'typical'], values: ['n', 'replicated', 'replicas', 'retired', 'partial'] },
  { table: 'report_totals', key: ['node_id', 'grain', 'period'], values: TOTALS.split(', ') },
  { table: 'report_commendation_cells', key: ['node_id', 'grain', 'period', 'form_code', 'recipient_kind'], values: ['n', 'retired', 'partial'] },
  { table: 'report_petition_cells', key: ['node_id', 'grain', 'period', 'kind', 'category_code', 'channel'], values: ['received', 'resolved', 'on_time', 'late'] },
  { table: 'report_petition_open', key: ['node_id', 'grain', 'period', 'kind', 'category_code', 'channel', 'due_on', 'closed_on'], values: ['n'] },
];

/** Folds one pending table into its summary: deleted and summed in one statement (a reader sees either, never both). */
const compactOne = ({ table, key, values }: Summary) => `
  with d as (delete from ${table}_pending returning *)
  insert into ${table} as t (${key.join(', ')}, ${values.join(', ')})
  select ${key.join(', ')}, ${values.map((v) => `sum(${v})`).join(', ')} from d
  group by ${key.join(', ')}
  -- A fixed order takes the row locks in the same order in every compaction (no deadlock).
  order by ${key.join(', ')}
  on conflict (${key.join(', ')}) do update set ${values.map((v) => `${v} = t.${v} + excluded.${v}`).join(', ')}`;

const trigger = (name: string, body: string) =>
  // JIT compiles statements this large for longer than they run (as danvan_refresh_attribution).
  sql.raw(`create function ${name}() returns trigger language plpgsql set search_path = public set jit = off as $$
    begin ${body}; return null; end $$`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
    create function report_nodes(ids bigint[]) returns table (unit_id bigint, node_id bigint, depth integer, retired boolean, partial boolean)
    language sql stable set search_path = public as $$
      with u as (select id, path, current_path, attribution from units where id = any (ids))
      select unit_id, node_id, depth, retired, partial from (${nodesOf('u', '1', (a) => `${a}.attribution`, '')}) x
    $$`).execute(db);

  await sql`
    create table report_entry_cells (
      node_id bigint not null,
      -- 'y' a year (the entry's year), 'q' a quarter and 'm' a month (of its registration day).
      grain "char" not null,
      -- y: 2024; q: 20243; m: 202407.
      period integer not null,
      year smallint not null,
      field_code text not null,
      kind text not null,
      form text not null,
      level text not null,
      status text not null,
      typical boolean not null,
      -- Entries in any status; the other figures count counted statuses only, as the report does.
      n integer not null,
      replicated integer not null,
      replicas integer not null,
      retired integer not null,
      partial integer not null,
      primary key (node_id, grain, period, year, field_code, kind, form, level, status, typical)
    )`.execute(db);
  await sql`
    create table report_totals (
      node_id bigint not null,
      grain "char" not null,
      period integer not null,
      -- Entries in any status; then counted ones: all, models, collective, recognised typical, replicated.
      n integer not null,
      entries integer not null,
      models integer not null,
      collective integer not null,
      typical integer not null,
      replicated integer not null,
      -- Distinct registering units with a counted entry in this period.
      registering_units integer not null,
      commended_collectives integer not null,
      commended_individuals integer not null,
      petitions_received integer not null,
      primary key (node_id, grain, period)
    )`.execute(db);
  await sql`
    create table report_unit_entries (
      unit_id bigint not null,
      grain "char" not null,
      period integer not null,
      -- Counted entries of this registering unit (rows at 0 stay).
      n integer not null,
      primary key (unit_id, grain, period)
    )`.execute(db);
  await sql`
    create table report_commendation_cells (
      node_id bigint not null,
      grain "char" not null,
      period integer not null,
      form_code text not null,
      recipient_kind text not null,
      n integer not null,
      retired integer not null,
      partial integer not null,
      primary key (node_id, grain, period, form_code, recipient_kind)
    )`.execute(db);
  await sql`
    create table report_petition_cells (
      node_id bigint not null,
      grain "char" not null,
      period integer not null,
      kind text not null,
      category_code text not null,
      channel text not null,
      received integer not null,
      resolved integer not null,
      on_time integer not null,
      late integer not null,
      primary key (node_id, grain, period, kind, category_code, channel)
    )`.execute(db);
  await sql`
    create table report_petition_open (
      node_id bigint not null,
      grain "char" not null,
      period integer not null,
      kind text not null,
      category_code text not null,
      channel text not null,
      due_on date not null,
      -- 'infinity' while open.
      closed_on date not null,
      n integer not null,
      primary key (node_id, grain, period, kind, category_code, channel, due_on, closed_on)
    )`.execute(db);
  for (const s of SUMMARIES) {
    // The same columns, no key: writers only insert here.
    await sql.raw(`create table ${s.table}_pending (like ${s.table})`).execute(db);
    await sql.raw(`create index ${s.table}_pending_node on ${s.table}_pending (node_id, grain, period)`).execute(db);
  }

  await sql`
    create table data_versions (
      -- A unit's id; 0: the catalogues (fields, forms, categories, emulation periods, unit kinds).
      unit_id bigint not null,
      -- 'f': what its reports show; 'r': its entries (the list).
      kind "char" not null check (kind in ('f', 'r')),
      version bigint not null,
      primary key (unit_id, kind)
    )`.execute(db);
  await sql`create table data_version_bumps (unit_id bigint not null, kind "char" not null)`.execute(db);
  await sql`create index data_version_bumps_unit on data_version_bumps (unit_id, kind)`.execute(db);

  await sql.raw(`
    create function report_compact() returns bigint
    language plpgsql set search_path = public set jit = off as $$
    declare
      total bigint := 0;
      k bigint;
    begin
      ${SUMMARIES.map((s) => `${compactOne(s)};\n      get diagnostics k = row_count; total := total + k;`).join('\n      ')}
      with d as (delete from data_version_bumps returning unit_id, kind)
      insert into data_versions as v (unit_id, kind, version)
      select unit_id, kind, count(*) from d group by unit_id, kind order by unit_id, kind
      on conflict (unit_id, kind) do update set version = v.version + excluded.version;
      return total;
    end $$`).execute(db);

  const both = (rows: (rel: string, s: number) => string) => `${rows('old_rows', -1)} union all ${rows('new_rows', 1)}`;
  await trigger('report_entries_insert', entriesStatement(entryRows('new_rows', 1))).execute(db);
  await trigger('report_entries_delete', entriesStatement(entryRows('old_rows', -1))).execute(db);
  await trigger('report_entries_update', entriesStatement(both(entryRows))).execute(db);
  await trigger('report_commendations_insert', commendationsStatement(commendationRows('new_rows', 1))).execute(db);
  await trigger('report_commendations_delete', commendationsStatement(commendationRows('old_rows', -1))).execute(db);
  await trigger('report_commendations_update', commendationsStatement(both(commendationRows))).execute(db);
  await trigger('report_petitions_insert', petitionsStatement(petitionRows('new_rows', 1))).execute(db);
  await trigger('report_petitions_delete', petitionsStatement(petitionRows('old_rows', -1))).execute(db);
  await trigger('report_petitions_update', petitionsStatement(both(petitionRows))).execute(db);
  await trigger('report_units_update', unitsStatement).execute(db);
  // A truncate (tests, a manual reset) clears what the table fed and bumps every node that had figures.
  await trigger(
    'report_records_truncate',
    `insert into data_version_bumps (unit_id, kind)
      select node_id, 'f' from (
        select node_id from report_totals union select node_id from report_totals_pending
        union select node_id from report_entry_cells union select node_id from report_entry_cells_pending
        union select node_id from report_commendation_cells union select node_id from report_commendation_cells_pending
        union select node_id from report_petition_cells union select node_id from report_petition_cells_pending) n;
    if tg_table_name = 'entries' then
      delete from report_entry_cells; delete from report_entry_cells_pending; delete from report_unit_entries;
      update report_totals set n = 0, entries = 0, models = 0, collective = 0, typical = 0, replicated = 0, registering_units = 0;
      update report_totals_pending set n = 0, entries = 0, models = 0, collective = 0, typical = 0, replicated = 0, registering_units = 0;
    elsif tg_table_name = 'commendations' then
      delete from report_commendation_cells; delete from report_commendation_cells_pending;
      update report_totals set commended_collectives = 0, commended_individuals = 0;
      update report_totals_pending set commended_collectives = 0, commended_individuals = 0;
    else
      delete from report_petition_cells; delete from report_petition_cells_pending;
      delete from report_petition_open; delete from report_petition_open_pending;
      update report_totals set petitions_received = 0;
      update report_totals_pending set petitions_received = 0;
    end if`,
  ).execute(db);
  // Catalogues: names and orders a report shows, the years of emulation periods.
  await trigger('report_catalogue_changed', `insert into data_version_bumps (unit_id, kind) values (0, 'f'), (0, 'r')`).execute(db);

  for (const table of ['entries', 'commendations', 'petitions']) {
    const f = `report_${table}`;
    await sql.raw(`create trigger ${f}_insert after insert on ${table} referencing new table as new_rows for each statement execute function ${f}_insert()`).execute(db);
    await sql.raw(`create trigger ${f}_delete after delete on ${table} referencing old table as old_rows for each statement execute function ${f}_delete()`).execute(db);
    await sql.raw(`create trigger ${f}_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function ${f}_update()`).execute(db);
    await sql.raw(`create trigger ${f}_truncate after truncate on ${table} for each statement execute function report_records_truncate()`).execute(db);
  }
  await sql`create trigger report_units_update after update on units referencing old table as old_rows new table as new_rows for each statement execute function report_units_update()`.execute(db);
  for (const table of ['entry_fields', 'commendation_forms', 'petition_categories', 'emulation_periods', 'unit_kinds']) {
    await sql.raw(`create trigger report_catalogue_changed after insert or update or delete or truncate on ${table} for each statement execute function report_catalogue_changed()`).execute(db);
  }

  // The records already there, through the triggers' own statements, then folded.
  await sql`set local jit = off`.execute(db);
  await sql.raw(`do $$ begin ${entriesStatement(entryRows('entries', 1))}; end $$`).execute(db);
  await sql.raw(`do $$ begin ${commendationsStatement(commendationRows('commendations', 1))}; end $$`).execute(db);
  await sql.raw(`do $$ begin ${petitionsStatement(petitionRows('petitions', 1))}; end $$`).execute(db);
  await sql`select report_compact()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
