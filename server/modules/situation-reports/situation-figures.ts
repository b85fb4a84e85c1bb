/**
 * The report engine's `situation` block (common/situation.ts `ReportSituation`): for an area and a
 * range, the submitted reports received, the units in force reporting each mood and the rising
 * topics, from `situation_topic_counts` by whole months. One aggregate per range, so the country's
 * year is as cheap as a province's quarter (bench/situation.bench.ts).
 */
import { sql } from 'kysely';
import type { MoodCounts, ReportSituation } from '../../../common/situation.js';
import { isRising } from '../../../common/situation-rising.js';
import type { Db } from '../../db/database.js';
import * as repo from './situation-reports.repository.js';

type Range = { from: string; to: string };
type Row = { topic_code: string | null; mood: string | null; by_topic: boolean; by_mood: boolean; units: number; troubled: number };

const monthOf = (iso: string) => `${iso.slice(0, 7)}-01`;

/** Distinct units in force per mood, per topic (troubled) and overall, over the months of a range. */
async function countUnits(db: Db, path: string, r: Range): Promise<Row[]> {
  // Distinct (unit, topic, mood) first: the country's year has some 280,000 count rows but 100,000 such triples.
  const { rows } = await sql<Row>`
    with u as materialized (select id, coalesce(current_id, id) as cu from units where current_path <@ ${path}::ltree),
    c as materialized (
      select distinct u.cu, c.topic_code, c.mood
      from u join situation_topic_counts c on c.unit_id = u.id
      where c.month between ${monthOf(r.from)}::date and ${monthOf(r.to)}::date and c.n > 0
    ),
    t as (select topic_code, count(*) filter (where troubled)::int as troubled from (select cu, topic_code, bool_or(mood <> 'stable') as troubled from c group by cu, topic_code) x group by topic_code),
    m as (select mood, count(distinct cu)::int as units from c group by mood),
    a as (select count(distinct cu)::int as units, (count(distinct cu) filter (where mood <> 'stable'))::int as troubled from c)
    select null as topic_code, mood, false as by_topic, true as by_mood, units, 0 as troubled from m
    union all select topic_code, null, true, false, 0, troubled from t
    union all select null, null, false, false, units, troubled from a`.execute(db);
  return rows;
}

export async function situationBlockOf(db: Db, path: string, range: Range, previous: Range): Promise<ReportSituation> {
  const [now, before, received, topics] = await Promise.all([
    countUnits(db, path, range),
    countUnits(db, path, previous),
    repo.countReportsReceived(db, path, range.from, range.to),
    repo.findCatalogue(db, 'opinion_topics'),
  ]);
  const all = now.find((r) => !r.by_topic && !r.by_mood);
  const mood = (m: string) => now.find((r) => r.by_mood && r.mood === m)?.units ?? 0;
  const moods: MoodCounts = { stable: mood('stable'), concerned: mood('concerned'), tense: mood('tense'), troubled: all?.troubled ?? 0 };
  const troubled = (rows: Row[], topic: string) => rows.find((r) => r.by_topic && r.topic_code === topic)?.troubled ?? 0;
  const rising = topics
    .map((t) => ({ topic: t.code, names: t.names, current: troubled(now, t.code), previous: troubled(before, t.code) }))
    .filter((t) => isRising(t.current, t.previous));
  return { reportsReceived: received, unitsReporting: all?.units ?? 0, moods, rising };
}
