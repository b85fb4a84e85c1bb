import { type Kysely, sql } from 'kysely';

/**
 * What the report engine needs (see docs/reports.md):
 * - attribution across the 1 July 2025 restructure: for every unit, the unit in force its records
 *   count under today (`units.current_id`, `current_path`, `attribution`), following each retired
 *   unit's main successor (`unit_successions.main`) or, without a successor, its parent. One SQL
 *   function computes it for the whole tree; statement-level triggers on `units` and
 *   `unit_successions` call it, so the official import, the units service and any other writer
 *   keep it right in their own transaction;
 * - `entries.registered_on`: the day an entry was first registered (quarters and custom ranges
 *   count by it), set by a trigger for every writer and backfilled from the lifecycle history;
 * - the indexes of the report queries.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table units
      add column current_id bigint references units(id),
      add column current_path ltree,
      add column attribution text check (attribution in ('self', 'whole', 'partial'))`.execute(db);
  await sql`alter table unit_successions add column main boolean not null default false`.execute(db);

  // A unit's name without its division-type prefix, folded: "Phường Ngọc Hà" and "Xã Ngọc Hà" → "ngoc ha".
  await sql`
    create function danvan_unit_stem(name text, division_type text) returns text
    language sql immutable parallel safe
    as $$
      select public.danvan_fold(btrim(case
        when division_type is not null and left(name, length(division_type) + 1) = division_type || ' '
          then substr(name, length(division_type) + 2)
        else name end))
    $$`.execute(db);

  await sql`
    create function danvan_refresh_attribution() returns void
    language plpgsql set search_path = public set jit = off
    as $$
    begin
      -- The main successor of each predecessor: the one with the same name (prefix, accents and
      -- case aside), else the smallest official code. A whole or unchanged link is the only one.
      with counted as (
        select s.*, count(*) over (partition by s.predecessor_id) as links from unit_successions s
      ),
      ranked as (
        select s.predecessor_id, s.successor_id,
          s.links = 1 or row_number() over (
            partition by s.predecessor_id
            -- Folding names costs; only predecessors with several successors need it.
            order by s.links > 1 and danvan_unit_stem(su.name, su.division_type) = danvan_unit_stem(p.name, p.division_type) desc,
              su.code nulls last, su.id) = 1 as main
        from counted s
        join units p on p.id = s.predecessor_id
        join units su on su.id = s.successor_id
      )
      update unit_successions s set main = r.main
      from ranked r
      where s.predecessor_id = r.predecessor_id and s.successor_id = r.successor_id and s.main is distinct from r.main;

      with recursive
      -- In force: neither the unit nor any ancestor is retired. Otherwise the next hop is the main
      -- successor, or the parent when the unit has none (organizations, the few communes without one).
      hop as (
        select u.id,
          not exists (
            select 1 from unnest(string_to_array(u.path::text, '.')::bigint[]) l(id)
            join units a on a.id = l.id
            where a.valid_to <= current_date) as in_force,
          coalesce(ms.successor_id, u.parent_id) as next_id,
          coalesce(ms.kind = 'partial', false) as partial
        from units u
        left join unit_successions ms on ms.predecessor_id = u.id and ms.main
      ),
      walk as (
        select h.id, h.id as at, false as partial, 0 as depth from hop h
        union all
        select w.id, h.next_id, w.partial or h.partial, w.depth + 1
        from walk w join hop h on h.id = w.at
        where not h.in_force and h.next_id is not null and w.depth < 32
      ),
      resolved as (
        select distinct on (w.id) w.id, w.at, w.partial, w.depth
        from walk w join hop h on h.id = w.at
        where h.in_force
        order by w.id, w.depth
      ),
      target as (
        select u.id,
          coalesce(r.at, u.id) as current_id,
          coalesce(c.path, u.path) as current_path,
          case when r.depth is null or r.depth = 0 then 'self' when r.partial then 'partial' else 'whole' end as attribution
        from units u
        left join resolved r on r.id = u.id
        left join units c on c.id = r.at
      )
      update units u set current_id = t.current_id, current_path = t.current_path, attribution = t.attribution
      from target t
      where u.id = t.id
        and (u.current_id, u.current_path, u.attribution) is distinct from (t.current_id, t.current_path, t.attribution);
    end
    $$`.execute(db);

  // Keeping it right for every writer. A new or changed unit without children or successions
  // (an organization added or retired through the units service, most writers) takes its
  // parent's attribution in one small update; any other change (successions, a unit with
  // children) recomputes the whole tree (~0.3 s). The official import defers the recomputation
  // to its end (danvan.defer_attribution, set for its transaction only).
  await sql`
    create function danvan_units_attribution() returns trigger
    language plpgsql set search_path = public as $$
    declare
      changed bigint[];
    begin
      -- The recomputation's own writes, or the import's batches.
      if pg_trigger_depth() > 1 or current_setting('danvan.defer_attribution', true) = 'on' then
        return null;
      end if;
      if tg_op = 'INSERT' then
        select array_agg(n.id) into changed from new_rows n;
      else
        select array_agg(n.id) into changed
        from new_rows n join old_rows o on o.id = n.id
        where (n.parent_id, n.path, n.valid_to, n.name, n.division_type, n.code, n.kind)
          is distinct from (o.parent_id, o.path, o.valid_to, o.name, o.division_type, o.code, o.kind);
      end if;
      if changed is null then
        return null;
      end if;
      -- A unit with children, or named in a succession (whose main successor may change with a
      -- name or code), can move others: recompute everything. Otherwise only the unit itself.
      if exists (select 1 from units d where d.parent_id = any (changed))
        or exists (select 1 from unit_successions s where s.predecessor_id = any (changed) or s.successor_id = any (changed)) then
        perform danvan_refresh_attribution();
        return null;
      end if;
      -- In force when the parent is (its attribution is 'self') and the unit itself is not retired.
      update units u set
        current_id = case when p.attribution = 'self' and (u.valid_to is null or u.valid_to > current_date) then u.id else p.current_id end,
        current_path = case when p.attribution = 'self' and (u.valid_to is null or u.valid_to > current_date) then u.path else p.current_path end,
        attribution = case when p.attribution = 'self' and (u.valid_to is null or u.valid_to > current_date) then 'self'
          when p.attribution = 'self' then 'whole' else p.attribution end
      from units p
      where u.id = any (changed) and p.id = u.parent_id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger units_attribution_insert after insert on units referencing new table as new_rows
    for each statement execute function danvan_units_attribution()`.execute(db);
  await sql`
    create trigger units_attribution_update after update on units referencing old table as old_rows new table as new_rows
    for each statement execute function danvan_units_attribution()`.execute(db);
  await sql`
    create function danvan_successions_attribution() returns trigger
    language plpgsql set search_path = public as $$
    begin
      if pg_trigger_depth() > 1 or current_setting('danvan.defer_attribution', true) = 'on' then
        return null;
      end if;
      perform danvan_refresh_attribution();
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger unit_successions_attribution after insert or delete or update of predecessor_id, successor_id, kind on unit_successions
    for each statement execute function danvan_successions_attribution()`.execute(db);
  await sql`select danvan_refresh_attribution()`.execute(db);
  await sql`create index units_current_path on units using gist (current_path)`.execute(db);

  await sql`alter table entries add column registered_on date`.execute(db);
  // The day in Viet Nam, whatever the session's time zone.
  await sql`
    create function entries_set_registered_on() returns trigger
    language plpgsql as $$
    begin
      if new.registered_on is null then
        if tg_op = 'INSERT' and new.status <> 'draft' then
          new.registered_on := (new.created_at at time zone 'Asia/Ho_Chi_Minh')::date;
        elsif tg_op = 'UPDATE' and new.status not in ('draft', 'withdrawn') then
          new.registered_on := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
        end if;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`
    create trigger entries_registered_on before insert or update of status, registered_on on entries
    for each row execute function entries_set_registered_on()`.execute(db);
  // Backfill: the first step out of draft into a registered state, else (imported already past
  // draft, no history) the day the row was written.
  await sql`
    update entries e set registered_on = coalesce(
      (select min(t.at at time zone 'Asia/Ho_Chi_Minh')::date from entry_transitions t
        where t.entry_id = e.id and t.to_status not in ('draft', 'withdrawn', 'returned')),
      (e.created_at at time zone 'Asia/Ho_Chi_Minh')::date)
    where e.status <> 'draft'
      and (e.status <> 'withdrawn'
        or exists (select 1 from entry_transitions t where t.entry_id = e.id and t.to_status not in ('draft', 'withdrawn', 'returned')))`.execute(db);

  // Report queries: the entries of a set of registering units in a range of years or days, the
  // commendations of a set of units by decision date, each read from the index alone (covering:
  // a province's ~700 current and legacy units, ~20,000 entries a year, in ~50 ms; docs/reports.md).
  await sql`
    create index entries_report_unit_year on entries (registering_unit_id, year)
    include (field_code, kind, form, level, status, recognised_typical, replication_count)`.execute(db);
  await sql`
    create index entries_report_unit_day on entries (registering_unit_id, registered_on)
    include (year, field_code, kind, form, level, status, recognised_typical, replication_count)`.execute(db);
  await sql`create index commendations_report_unit_day on commendations (unit_id, decision_date) include (form_code, recipient_kind)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
