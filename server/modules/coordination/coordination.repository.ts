/** All SQL of forces and coordination programs (the yearly plans and their items are the tasks module's). */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { PolicyDocumentStatus } from '../../../common/policy-documents.js';
import type { Database } from '../../db/schema.js';
import { type ReadScope, readableBy } from '../policy-documents/policy-documents.repository.js';

type Q = Kysely<Database>;

// ---------------------------------------------------------------- forces

export type ForceRecord = { code: string; names: Record<string, string>; sort_order: number; builtin: boolean };

const FORCE_COLUMNS = ['code', 'names', 'sort_order', 'builtin'] as const;

export async function findForces(db: Q): Promise<ForceRecord[]> {
  return db.selectFrom('forces').select(FORCE_COLUMNS).orderBy('sort_order').orderBy('code').execute();
}

export async function findForce(db: Q, code: string): Promise<ForceRecord | undefined> {
  return db.selectFrom('forces').select(FORCE_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function lockForce(trx: Q, code: string): Promise<ForceRecord | undefined> {
  return trx.selectFrom('forces').select(FORCE_COLUMNS).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertForce(trx: Q, f: Omit<ForceRecord, 'builtin'>): Promise<void> {
  await trx.insertInto('forces').values({ code: f.code, names: JSON.stringify(f.names), sort_order: f.sort_order }).execute();
}

export async function updateForce(trx: Q, code: string, changes: Partial<Pick<ForceRecord, 'names' | 'sort_order'>>): Promise<void> {
  const { names, ...rest } = changes;
  await trx
    .updateTable('forces')
    .set({ ...rest, ...(names ? { names: JSON.stringify(names) } : {}), updated_at: sql`now()` })
    .where('code', '=', code)
    .execute();
}

// ---------------------------------------------------------------- programs

export type ProgramRecord = {
  document_id: string;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  title: string;
  summary: string | null;
  status: PolicyDocumentStatus;
  issuing_path: string;
  restricted_roles: string[] | null;
  party_unit_id: string;
  party_path: string;
  party_unit_name: string;
  party_unit_kind: string;
  force_code: string;
  force_names: Record<string, string>;
  force_sort_order: number;
  force_builtin: boolean;
  force_body: string;
  period_from: string;
  period_to: string;
  /** Years with a yearly plan, ascending. */
  years: number[];
  updated_at: Date;
  version: number;
};

const PROGRAM_COLUMNS = sql`
  c.document_id::text, d.number, d.symbol, d.issued_on, d.title, d.summary, d.status, d.issuing_path::text, d.restricted_roles,
  c.party_unit_id::text, c.party_path::text, u.name as party_unit_name, u.kind as party_unit_kind,
  c.force_code, f.names as force_names, f.sort_order as force_sort_order, f.builtin as force_builtin,
  c.force_body, c.period_from, c.period_to,
  array(select p.year::int from implementation_plans p where p.document_id = c.document_id and p.year is not null order by p.year) as years,
  c.updated_at, c.version`;

const PROGRAM_FROM = sql`
  coordination_programs c join policy_documents d on d.id = c.document_id
  join units u on u.id = c.party_unit_id join forces f on f.code = c.force_code`;

export async function findProgramById(db: Q, id: string): Promise<ProgramRecord | undefined> {
  const { rows } = await sql<ProgramRecord>`select ${PROGRAM_COLUMNS} from ${PROGRAM_FROM} where c.document_id = ${id}`.execute(db);
  return rows[0];
}

export type ProgramFilter = {
  scope: ReadScope;
  /** Programs of this unit, of units under it and of units above it. */
  nearPath?: string;
  force?: string;
  limit: number;
  offset: number;
};

/** Programs the reader reads, the latest period first, with the total of the filtered set. */
export async function findPrograms(db: Q, f: ProgramFilter): Promise<{ rows: ProgramRecord[]; total: number }> {
  const where: RawBuilder<unknown>[] = [readableBy(f.scope)];
  if (f.nearPath) where.push(sql`(c.party_path <@ ${f.nearPath}::ltree or c.party_path @> ${f.nearPath}::ltree)`);
  if (f.force) where.push(sql`c.force_code = ${f.force}`);
  const cond = sql.join(where, sql` and `);
  const [{ rows }, { rows: c }] = await Promise.all([
    sql<ProgramRecord>`
      select ${PROGRAM_COLUMNS} from ${PROGRAM_FROM} where ${cond}
      order by c.period_from desc, f.sort_order, c.document_id desc
      limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${PROGRAM_FROM} where ${cond}`.execute(db),
  ]);
  return { rows, total: c[0]?.n ?? 0 };
}

export type ProgramValues = { force_body: string; period_from: string; period_to: string };

export async function insertProgram(
  trx: Q,
  p: ProgramValues & { document_id: string; party_unit_id: string; party_path: string; force_code: string; created_by: string | null },
): Promise<void> {
  await trx.insertInto('coordination_programs').values(p).execute();
}

/** The stored row, locked for the rest of the transaction. */
export async function lockProgram(trx: Q, id: string) {
  return trx
    .selectFrom('coordination_programs')
    .select(['document_id', 'party_unit_id', 'party_path', 'force_code', 'force_body', 'period_from', 'period_to', 'version'])
    .where('document_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Applies the changes when the row is still at `version`; false otherwise. */
export async function updateProgram(trx: Q, id: string, version: number, changes: Partial<ProgramValues>): Promise<boolean> {
  const res = await trx
    .updateTable('coordination_programs')
    .set({ ...changes, updated_at: sql`now()`, version: sql`version + 1` })
    .where('document_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** The yearly plans' dates of a program, to keep them inside a changed period. */
export async function findYearlyPlanDates(db: Q, documentId: string): Promise<{ year: number; starts_on: string; ends_on: string }[]> {
  const { rows } = await sql<{ year: number; starts_on: string; ends_on: string }>`
    select year::int, starts_on, ends_on from implementation_plans where document_id = ${documentId} and year is not null order by year`.execute(db);
  return rows;
}

export type ResultRecord = { task_id: string; reported_on: string; text: string; percent: number | null };

/** The latest progress report of each task: the item's result so far. */
export async function findLatestResults(db: Q, taskIds: string[]): Promise<ResultRecord[]> {
  if (!taskIds.length) return [];
  const { rows } = await sql<ResultRecord>`
    select distinct on (r.task_id) r.task_id::text, r.reported_on, r.text, r.percent
    from task_progress_reports r where r.task_id = any(${taskIds}::bigint[])
    order by r.task_id, r.reported_on desc, r.id desc`.execute(db);
  return rows;
}
