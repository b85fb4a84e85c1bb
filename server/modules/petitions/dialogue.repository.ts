/**
 * SQL of dialogue conferences under the law's rules: the rules (data), and per area and period the
 * communes in force with whether each held a conference. A conference counts for the commune in
 * force its unit's records count under today (`units.current_path`), so a retired commune's
 * conference counts under its successor, as elsewhere (docs/reports.md).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export type RuleRow = { unit_kind: string; valid_from: string; valid_to: string | null; min_per_year: number; notice_days: number; publish_days: number; legal_source: string; to_confirm: boolean };

export async function findRules(db: Db): Promise<RuleRow[]> {
  return db.selectFrom('dialogue_rules').select(['unit_kind', 'valid_from', 'valid_to', 'min_per_year', 'notice_days', 'publish_days', 'legal_source', 'to_confirm']).orderBy('unit_kind').orderBy('valid_from').execute();
}

export type CommuneRow = { id: string; name: string; code: string | null; child_id: string; child_name: string; conferences: number };

/**
 * The communes in force on `today` in the area (the area itself when it is one), each with its child
 * unit of the area and the number of dialogue conferences held from `from` to `to`.
 * Both sides are materialised once: the area's communes (≤ some 3,300) and the period's conferences'
 * units; each conference's unit finds its commune through the path index.
 */
export async function findCommunesWithConferences(db: Db, areaPath: string, from: string, to: string, today: string): Promise<CommuneRow[]> {
  return (await communesQuery(areaPath, from, to, today).execute(db)).rows;
}

/** The statement of `findCommunesWithConferences`, also explained by bench/dialogue.bench.ts. */
export function communesQuery(areaPath: string, from: string, to: string, today: string) {
  return sql<CommuneRow>`
    with c as materialized (
      select u.id, u.name, u.code, u.path,
        -- The child of the area is the path's label below the area's (paths are ids): no lookup by path.
        case when nlevel(u.path) = nlevel(${areaPath}::ltree) then u.id else ltree2text(subpath(u.path, nlevel(${areaPath}::ltree), 1))::bigint end as child_id
      from units u
      where u.kind = 'commune' and u.path <@ ${areaPath}::ltree
        and (u.valid_from is null or u.valid_from <= ${today}::date) and (u.valid_to is null or u.valid_to > ${today}::date)
    ),
    h as materialized (
      select su.current_path, count(*)::int as n
      from reception_sessions s join units su on su.id = s.unit_id
      where s.kind = 'dialogue' and s.held_on between ${from}::date and ${to}::date and su.current_path <@ ${areaPath}::ltree
      group by su.current_path
    ),
    hc as (select cu.id, sum(h.n)::int as n from h join units cu on cu.path @> h.current_path and cu.kind = 'commune' group by cu.id)
    select c.id::text, c.name, c.code, g.id::text as child_id, g.name as child_name, coalesce(hc.n, 0)::int as conferences
    from c join units g on g.id = c.child_id left join hc on hc.id = c.id
    order by g.name, c.name, c.id`;
}

/**
 * The period's conferences in the area whose results were published after the rule's days, or not
 * yet when those days are past (rule: the one in force on the conference's day for its unit's kind).
 */
export async function countResultsLate(db: Db, areaPath: string, from: string, to: string, today: string): Promise<{ conferences: number; late: number }> {
  const { rows } = await sql<{ conferences: number; late: number }>`
    select count(*)::int as conferences,
      (count(*) filter (where r.publish_days is not null and (
        (s.results_published_on is null and s.held_on + r.publish_days < ${today}::date)
        or s.results_published_on > s.held_on + r.publish_days)))::int as late
    from reception_sessions s join units su on su.id = s.unit_id
    left join dialogue_rules r on r.unit_kind = su.kind and r.valid_from <= s.held_on and (r.valid_to is null or r.valid_to > s.held_on)
    where s.kind = 'dialogue' and s.held_on between ${from}::date and ${to}::date and su.current_path <@ ${areaPath}::ltree`.execute(db);
  return rows[0] ?? { conferences: 0, late: 0 };
}
