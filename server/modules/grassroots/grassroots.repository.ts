/** All SQL of a commune's publications and citizens' decisions, and of their catalogues. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { inRecordArea, type RecordArea } from '../../http/record-area.repository.js';

type Q = Db;

type Base = {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  public_state: 'private' | 'pending' | 'approved';
  created_at: Date;
  updated_at: Date;
  version: number;
};
export type PublicationRecord = Base & {
  item_code: string;
  document_title: string;
  document_date: string;
  forms: string[];
  published_on: string;
  posted_until: string | null;
  evidence: string | null;
  late: boolean;
  /** Its evidence files not hidden, oldest first (never on the public page). */
  files: { id: string; file_name: string; content_type: string; size_bytes: number; uploaded_at: string }[];
};
export type DecisionRecord = Base & {
  village: string;
  matter_code: string;
  subject: string;
  method: 'meeting' | 'household_ballot' | 'online';
  decided_on: string;
  eligible_households: number;
  households_taking_part: number;
  in_favour: number;
  against: number;
  threshold_id: string | null;
  passed: boolean;
  result_published_on: string | null;
  result_form: string | null;
  approved_on: string | null;
  approval_number: string | null;
};
export type Kind = 'publications' | 'citizen_decisions';

const BASE_COLUMNS = sql`r.id::text, r.unit_id::text, r.unit_path::text, u.name as unit_name, r.public_state, r.created_at, r.updated_at, r.version`;
const FILES = sql`coalesce((select json_agg(json_build_object('id', f.id::text, 'file_name', f.file_name, 'content_type', f.content_type, 'size_bytes', f.size_bytes, 'uploaded_at', f.uploaded_at) order by f.id)
    from publication_files f where f.publication_id = r.id and f.hidden_at is null), '[]'::json) as files`;
const PUBLICATION = sql`select ${BASE_COLUMNS}, r.item_code, r.document_title, r.document_date::text, r.forms, r.published_on::text, r.posted_until::text, r.evidence, r.late, ${FILES}
  from publications r join units u on u.id = r.unit_id`;
const DECISION = sql`select ${BASE_COLUMNS}, r.village, r.matter_code, r.subject, r.method, r.decided_on::text, r.eligible_households, r.households_taking_part,
    r.in_favour, r.against, r.threshold_id::text, r.passed, r.result_published_on::text, r.result_form, r.approved_on::text, r.approval_number
  from citizen_decisions r join units u on u.id = r.unit_id`;

export async function findPublication(db: Q, id: string): Promise<PublicationRecord | undefined> {
  return (await sql<PublicationRecord>`${PUBLICATION} where r.id = ${id}`.execute(db)).rows[0];
}
export async function findDecision(db: Q, id: string): Promise<DecisionRecord | undefined> {
  return (await sql<DecisionRecord>`${DECISION} where r.id = ${id}`.execute(db)).rows[0];
}

export type ListFilter = { unitId: string; year: number; limit: number; offset: number };

export async function findPublications(db: Q, f: ListFilter) {
  const where = sql`r.unit_id = ${f.unitId} and r.published_on between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date`;
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<PublicationRecord>`${PUBLICATION} where ${where} order by r.published_on desc, r.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from publications r where ${where}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

export async function findDecisions(db: Q, f: ListFilter) {
  const where = sql`r.unit_id = ${f.unitId} and r.decided_on between ${`${f.year}-01-01`}::date and ${`${f.year}-12-31`}::date`;
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<DecisionRecord>`${DECISION} where ${where} order by r.decided_on desc, r.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from citizen_decisions r where ${where}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

/** The records waiting for review in an area, oldest first (a reviewer's queue; at most `limit` of each). */
export async function findPending(db: Q, area: RecordArea, limit: number) {
  const a = inRecordArea('r.unit_path', area);
  const [pubs, decisions] = await Promise.all([
    sql<PublicationRecord>`${PUBLICATION} where r.public_state = 'pending' and ${a} order by r.updated_at, r.id limit ${limit}`.execute(db),
    sql<DecisionRecord>`${DECISION} where r.public_state = 'pending' and ${a} order by r.updated_at, r.id limit ${limit}`.execute(db),
  ]);
  return { publications: pubs.rows, decisions: decisions.rows };
}

/**
 * Each catalogue item for a commune's year: required yearly, or published that year. An item is
 * "overdue" when any of its publications that year came after the deadline, "never" when a
 * required item has none; the same rule as the figures' summaries, so their counts agree.
 */
export async function findItemYears(db: Q, unitId: string, year: number) {
  const { rows } = await sql<{ item_code: string; required_yearly: boolean; publications: number; late: number; last_published_on: string | null; last_document_title: string | null }>`
    select i.code as item_code, i.required_yearly, coalesce(g.publications, 0)::int as publications, coalesce(g.late, 0)::int as late,
      l.published_on::text as last_published_on, l.document_title as last_document_title
    from publication_items i
    left join grassroots_item_years g on g.item_code = i.code and g.unit_id = ${unitId} and g.year = ${year}
    left join lateral (
      select p.published_on, p.document_title from publications p
      where p.unit_id = ${unitId} and p.item_code = i.code and p.published_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      order by p.published_on desc, p.id desc limit 1
    ) l on true
    where i.required_yearly or coalesce(g.publications, 0) > 0
    order by i.sort_order`.execute(db);
  return rows;
}

// ---------------------------------------------------------------- writes

export type Values = Record<string, string | number | boolean | string[] | null>;
const value = (v: Values[string]) => (Array.isArray(v) ? sql`${v}::text[]` : sql`${v}`);

export async function insert(trx: Q, table: Kind, values: Values): Promise<string> {
  const cols = Object.keys(values);
  const { rows } = await sql<{ id: string }>`
    insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
    values (${sql.join(cols.map((c) => value(values[c] ?? null)))}) returning id::text`.execute(trx);
  return rows[0]!.id;
}

export async function lockVersion(trx: Q, table: Kind, id: string): Promise<number | undefined> {
  return (await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id} for update`.execute(trx)).rows[0]?.version;
}

export async function update(trx: Q, table: Kind, id: string, version: number, changes: Values): Promise<boolean> {
  const sets = Object.entries(changes).map(([c, v]) => sql`${sql.ref(c)} = ${value(v)}`);
  const res = await sql`
    update ${sql.table(table)} set ${sql.join([...sets, sql`updated_at = now()`, sql`version = version + 1`])}
    where id = ${id} and version = ${version}`.execute(trx);
  return res.numAffectedRows === 1n;
}

// ---------------------------------------------------------------- catalogues and look-ups

export async function findCatalogues(db: Q) {
  const [items, forms, matters, thresholds] = await Promise.all([
    sql<{ code: string; names: Record<string, string>; legal_source: string; to_confirm: boolean; required_yearly: boolean; deadline_days: number | null }>`
      select code, names, legal_source, to_confirm, required_yearly, deadline_days from publication_items order by sort_order`.execute(db),
    sql<{ code: string; names: Record<string, string>; legal_source: string; to_confirm: boolean }>`
      select code, names, legal_source, to_confirm from publication_forms order by sort_order`.execute(db),
    sql<{ code: string; names: Record<string, string>; legal_source: string; to_confirm: boolean; is_covenant: boolean }>`
      select code, names, legal_source, to_confirm, is_covenant from citizen_matters order by sort_order`.execute(db),
    sql<ThresholdRecord>`select ${THRESHOLD_COLUMNS} from decision_thresholds order by valid_from, id`.execute(db),
  ]);
  return { items: items.rows, forms: forms.rows, matters: matters.rows, thresholds: thresholds.rows };
}

export type ThresholdRecord = {
  id: string;
  matter_code: string | null;
  method: 'meeting' | 'household_ballot' | 'online' | null;
  valid_from: string;
  valid_to: string | null;
  attendance_pct: number;
  approval_pct: number;
  approval_basis: 'eligible' | 'taking_part';
  strict: boolean;
  legal_source: string;
  to_confirm: boolean;
};
const THRESHOLD_COLUMNS = sql`id::text, matter_code, method, valid_from::text, valid_to::text, attendance_pct::float8 as attendance_pct, approval_pct::float8 as approval_pct,
  approval_basis, strict, legal_source, to_confirm`;

/** The threshold in force on `on` for the matter and method: the most specific, then the latest. */
export async function findThreshold(db: Q, matter: string, method: string, on: string): Promise<ThresholdRecord | undefined> {
  const { rows } = await sql<ThresholdRecord>`
    select ${THRESHOLD_COLUMNS} from decision_thresholds
    where valid_from <= ${on}::date and (valid_to is null or valid_to > ${on}::date)
      and (matter_code is null or matter_code = ${matter}) and (method is null or method = ${method})
    order by (matter_code is not null)::int + (method is not null)::int desc, valid_from desc, id desc limit 1`.execute(db);
  return rows[0];
}

export async function findItem(db: Q, code: string) {
  return (await sql<{ code: string; deadline_days: number | null }>`select code, deadline_days from publication_items where code = ${code}`.execute(db)).rows[0];
}
export async function knownForms(db: Q, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const { rows } = await sql<{ code: string }>`select code from publication_forms where code = any(${codes}::text[])`.execute(db);
  return new Set(rows.map((r) => r.code));
}
export async function findMatter(db: Q, code: string) {
  return (await sql<{ code: string; is_covenant: boolean }>`select code, is_covenant from citizen_matters where code = ${code}`.execute(db)).rows[0];
}

/** The unit with its category, and the paths of the Fatherland Front committees directly under it. */
export async function findWritableUnit(db: Q, id: string) {
  const { rows } = await sql<{ id: string; path: string; current_path: string | null; name: string; kind: string; category: string; fronts: string[] }>`
    select u.id::text, u.path::text, u.current_path::text, u.name, u.kind, k.category,
      array(select f.path::text from units f where f.parent_id = u.id and f.kind = 'fatherland_front' and f.valid_to is null) as fronts
    from units u join unit_kinds k on k.code = u.kind where u.id = ${id}`.execute(db);
  return rows[0];
}

// ---------------------------------------------------------------- public page

export async function findPublicRecords(db: Q, unitId: string, limit: number) {
  const [pubs, decisions] = await Promise.all([
    sql<{ item_code: string; item_names: Record<string, string>; document_title: string; document_date: string; published_on: string; posted_until: string | null }>`
      select p.item_code, i.names as item_names, p.document_title, p.document_date::text, p.published_on::text, p.posted_until::text
      from publications p join publication_items i on i.code = p.item_code
      where p.unit_id = ${unitId} and p.public_state = 'approved' order by p.published_on desc, p.id desc limit ${limit}`.execute(db),
    sql<{ matter_names: Record<string, string>; village: string; subject: string; decided_on: string; passed: boolean; households_taking_part: number; eligible_households: number; in_favour: number }>`
      select m.names as matter_names, d.village, d.subject, d.decided_on::text, d.passed, d.households_taking_part, d.eligible_households, d.in_favour
      from citizen_decisions d join citizen_matters m on m.code = d.matter_code
      where d.unit_id = ${unitId} and d.public_state = 'approved' order by d.decided_on desc, d.id desc limit ${limit}`.execute(db),
  ]);
  return { publications: pubs.rows, decisions: decisions.rows };
}
