/** All SQL of situation reports: the catalogues, reports and their items, and the summary's counts. */
import { type Kysely, sql } from 'kysely';
import type { Mood } from '../../../common/situation.js';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- catalogues

export type CatalogueRecord = { code: string; names: Record<string, string>; sort_order: number };

export async function findCatalogue(db: Q, table: 'opinion_topics' | 'population_groups'): Promise<CatalogueRecord[]> {
  return db.selectFrom(table).select(['code', 'names', 'sort_order']).orderBy('sort_order').orderBy('code').execute();
}

// ---------------------------------------------------------------- reports

export type ReportRecord = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  unit_kind: string;
  kind: 'regular' | 'ad_hoc';
  round_id: string | null;
  round_title: string | null;
  submission_id: string | null;
  period_from: string;
  period_to: string;
  overall_mood: Mood | null;
  status: 'draft' | 'submitted';
  submitted_on: string | null;
  item_count: number;
  worst_mood: Mood | null;
  topics: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
};

const COLUMNS = sql`
  r.id::text, r.unit_id::text, r.unit_path::text, u.name as unit_name, u.kind as unit_kind, r.kind,
  r.round_id::text, rr.title as round_title, r.submission_id::text, r.period_from, r.period_to, r.overall_mood, r.status, r.submitted_on,
  (select count(*)::int from situation_items i where i.report_id = r.id) as item_count,
  coalesce((select array_agg(distinct i.topic_code) from situation_items i where i.report_id = r.id), '{}') as topics,
  r.created_at, r.updated_at, r.version`;

const FROM = sql`situation_reports r join units u on u.id = r.unit_id left join reporting_rounds rr on rr.id = r.round_id`;

// The moods' rank is their order in MOODS (not their alphabetical order).
const MOOD_RANK: Record<string, number> = { stable: 0, concerned: 1, tense: 2 };
type RawRecord = Omit<ReportRecord, 'worst_mood'>;

async function withWorstMood(db: Q, rows: RawRecord[]): Promise<ReportRecord[]> {
  if (!rows.length) return [];
  const { rows: moods } = await sql<{ report_id: string; mood: Mood }>`
    select report_id::text, mood from situation_items where report_id = any(${rows.map((r) => r.id)}::bigint[]) group by 1, 2`.execute(db);
  const worst = new Map<string, Mood>();
  for (const m of moods) {
    const cur = worst.get(m.report_id);
    if (!cur || MOOD_RANK[m.mood]! > MOOD_RANK[cur]!) worst.set(m.report_id, m.mood);
  }
  return rows.map((r) => ({ ...r, worst_mood: worst.get(r.id) ?? null }));
}

export async function findReport(db: Q, id: string): Promise<ReportRecord | undefined> {
  const { rows } = await sql<RawRecord>`select ${COLUMNS} from ${FROM} where r.id = ${id}`.execute(db);
  return (await withWorstMood(db, rows))[0];
}

export async function findReportIdBySubmission(db: Q, submissionId: string): Promise<string | undefined> {
  const row = await db.selectFrom('situation_reports').select('id').where('submission_id', '=', submissionId).executeTakeFirst();
  return row?.id;
}

export type ReportFilter = { under: string; kind?: string; status?: string; topic?: string; mood?: string; from?: string; to?: string; limit: number; offset: number };

/** Reports of the subtree, the latest period first, with the total of the filtered set. */
export async function findReports(db: Q, f: ReportFilter): Promise<{ rows: ReportRecord[]; total: number }> {
  const where = [sql`r.unit_path <@ ${f.under}::ltree`];
  if (f.kind) where.push(sql`r.kind = ${f.kind}`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  if (f.from) where.push(sql`r.period_to >= ${f.from}::date`);
  if (f.to) where.push(sql`r.period_to <= ${f.to}::date`);
  if (f.topic || f.mood) {
    const item = [sql`i.report_id = r.id`];
    if (f.topic) item.push(sql`i.topic_code = ${f.topic}`);
    if (f.mood) item.push(sql`i.mood = ${f.mood}`);
    where.push(sql`exists (select 1 from situation_items i where ${sql.join(item, sql` and `)})`);
  }
  const cond = sql.join(where, sql` and `);
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<RawRecord>`select ${COLUMNS} from ${FROM} where ${cond} order by r.period_to desc, r.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from situation_reports r where ${cond}`.execute(db),
  ]);
  return { rows: await withWorstMood(db, rows), total: c[0]?.n ?? 0 };
}

export type ItemValues = { topic_code: string; group_codes: string[]; mood: Mood; summary: string; proposals: string | null; sources: string | null };

export async function findItems(db: Q, reportId: string): Promise<ItemValues[]> {
  return db
    .selectFrom('situation_items')
    .select(['topic_code', 'group_codes', 'mood', 'summary', 'proposals', 'sources'])
    .where('report_id', '=', reportId)
    .orderBy('position')
    .execute();
}

export async function replaceItems(trx: Q, reportId: string, items: ItemValues[]): Promise<void> {
  await trx.deleteFrom('situation_items').where('report_id', '=', reportId).execute();
  if (!items.length) return;
  await trx
    .insertInto('situation_items')
    .values(items.map((v, i) => ({ ...v, report_id: reportId, position: i })))
    .execute();
}

export type ReportInsert = {
  unit_id: string;
  unit_path: string;
  kind: 'regular' | 'ad_hoc';
  round_id: string | null;
  submission_id: string | null;
  period_from: string;
  period_to: string;
  overall_mood: Mood | null;
  created_by: string | null;
};

export async function insertReport(trx: Q, v: ReportInsert): Promise<string> {
  return (await trx.insertInto('situation_reports').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export async function lockReport(trx: Q, id: string) {
  return trx
    .selectFrom('situation_reports')
    .select(['id', 'unit_id', 'kind', 'submission_id', 'period_from', 'period_to', 'overall_mood', 'status', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export type ReportChanges = Partial<{ period_from: string; period_to: string; overall_mood: Mood | null; status: 'draft' | 'submitted'; submitted_on: string | null; submitted_by: string | null }>;

/** Applies the changes when the row is still at `version`; false otherwise. The version moves even with no column changed (items replaced). */
export async function updateReport(trx: Q, id: string, version: number, changes: ReportChanges): Promise<boolean> {
  const res = await trx
    .updateTable('situation_reports')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** Moves the situation part of a round submission with it (submitted, or back to draft when returned). */
export async function setStatusBySubmission(trx: Q, submissionId: string, changes: ReportChanges): Promise<void> {
  await trx
    .updateTable('situation_reports')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('submission_id', '=', submissionId)
    .execute();
}

// ---------------------------------------------------------------- summary

/**
 * One row per unit in force (a retired commune counts under its successor), topic and mood with
 * submitted items in the months [from, to]; `child`: the child of the unit at `path` the unit lies
 * under (null for the unit itself); `previous`: the month lies before `splitAt`.
 */
export type CountRow = { previous: boolean; cu: string; child: string | null; topic_code: string; mood: Mood };

export async function findTopicUnits(db: Q, path: string, from: string, splitAt: string, to: string): Promise<CountRow[]> {
  const depth = path.split('.').length;
  // The area's units first (a retired commune is in its successor's area: units.current_path), then their counts by index.
  const { rows } = await sql<CountRow>`
    with u as materialized (select id, coalesce(current_id, id) as cu, coalesce(current_path, path) as cp from units where current_path <@ ${path}::ltree)
    select distinct c.month < ${splitAt}::date as previous, u.cu::text as cu,
      case when nlevel(u.cp) > ${depth} then subpath(u.cp, ${depth}, 1)::text end as child,
      c.topic_code, c.mood
    from u join situation_topic_counts c on c.unit_id = u.id
    where c.month between ${from}::date and ${to}::date and c.n > 0`.execute(db);
  return rows;
}

export async function countReportsReceived(db: Q, path: string, from: string, to: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with u as materialized (select id, coalesce(current_id, id) as cu, coalesce(current_path, path) as cp from units where current_path <@ ${path}::ltree)
    select count(*)::int as n from u join situation_reports r on r.unit_id = u.id
    where r.status = 'submitted' and r.period_to between ${from}::date and ${to}::date`.execute(db);
  return rows[0]?.n ?? 0;
}

export type ProposalRecord = { report_id: string; unit_id: string; unit_name: string; unit_kind: string; topic_code: string; mood: Mood; proposals: string };

/** Proposals of submitted reports of the subtree in the range, the tensest first. */
export async function findProposals(db: Q, path: string, from: string, to: string, limit: number): Promise<ProposalRecord[]> {
  const { rows } = await sql<ProposalRecord>`
    with u as materialized (select id, coalesce(current_id, id) as cu, coalesce(current_path, path) as cp from units where current_path <@ ${path}::ltree)
    select r.id::text as report_id, n.id::text as unit_id, n.name as unit_name, n.kind as unit_kind, i.topic_code, i.mood, i.proposals
    from u join situation_reports r on r.unit_id = u.id join units n on n.id = r.unit_id join situation_items i on i.report_id = r.id
    where r.status = 'submitted' and r.period_to between ${from}::date and ${to}::date and i.proposals is not null
    order by case i.mood when 'tense' then 0 when 'concerned' then 1 else 2 end, r.period_to desc, r.id, i.position
    limit ${limit}`.execute(db);
  return rows;
}

export async function findUnitsByIds(db: Q, ids: string[]): Promise<{ id: string; name: string; kind: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('units').select(['id', 'name', 'kind']).where('id', 'in', ids).orderBy('name').execute();
}
