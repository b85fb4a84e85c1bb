/** The SQL of the figures by religion and ethnicity: counts in a record area for a year. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inRecordArea, type RecordArea } from '../../http/record-area.repository.js';

export type Count = { key: string; n: number; amount?: number };

export async function countFigures(db: Db, area: RecordArea, year: number) {
  const a = inRecordArea('r.unit_path', area);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const [orgs, places, dignitaries, persons, support, events, participation] = await Promise.all([
    sql<Count>`select r.religion_code as key, count(*)::int as n from religious_organizations r where ${a} group by 1 order by 1`.execute(db),
    sql<Count>`select r.religion_code as key, count(*)::int as n from worship_places r where ${a} group by 1 order by 1`.execute(db),
    // Participation is not dated: a subject linked to any entry of the movement counts.
    // In the register during the year: not left before it began.
    sql<Count>`select r.religion_code as key, count(*)::int as n from dignitaries r where ${a} and (r.left_on is null or r.left_on >= ${yearStart}::date) group by 1 order by 1`.execute(db),
    sql<Count>`select r.ethnic_code as key, count(*)::int as n from prestigious_persons r
      where ${a} and r.recognized_year <= ${year} and (r.left_on is null or r.left_on >= ${yearStart}::date) group by 1 order by 1`.execute(db),
    sql<Count>`select s.kind as key, count(distinct s.person_id)::int as n, sum(s.amount)::float8 as amount
      from prestigious_support s join prestigious_persons r on r.id = s.person_id join prestigious_support_kinds k on k.code = s.kind
      where ${a} and s.year = ${year} group by s.kind, k.sort_order order by k.sort_order`.execute(db),
    sql<{ count: number; attendance: number }>`select count(*)::int as count, coalesce(sum(r.expected_attendance), 0)::int as attendance
      from religious_events r where ${a} and r.starts_on <= ${yearEnd}::date and r.ends_on >= ${yearStart}::date`.execute(db),
    sql<{ kind: string; n: number }>`select p.subject_kind as kind, count(distinct p.subject_id)::int as n
      from religious_participations p
      left join religious_organizations o on p.subject_kind = 'organization' and o.id = p.subject_id
      left join dignitaries d on p.subject_kind = 'dignitary' and d.id = p.subject_id
      left join prestigious_persons pp on p.subject_kind = 'prestigious_person' and pp.id = p.subject_id
      cross join lateral (select coalesce(o.unit_path, d.unit_path, pp.unit_path) as unit_path) r
      where ${a} group by 1`.execute(db),
  ]);
  const part = (k: string) => participation.rows.find((r) => r.kind === k)?.n ?? 0;
  return {
    organizations: orgs.rows,
    places: places.rows,
    dignitaries: dignitaries.rows,
    persons: persons.rows,
    support: support.rows,
    events: { count: events.rows[0]?.count ?? 0, expectedAttendance: events.rows[0]?.attendance ?? 0 },
    participation: { organizations: part('organization'), dignitaries: part('dignitary'), persons: part('prestigious_person') },
  };
}
