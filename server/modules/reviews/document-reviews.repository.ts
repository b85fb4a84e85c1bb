/** All SQL of the document reviews: the document they review, the unit's part in it, the overdue list, the commended units. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** Today in Viet Nam: a deadline passes at midnight there. */
const TODAY = sql`(now() at time zone 'Asia/Ho_Chi_Minh')::date`;

export type ReviewedDocumentRecord = {
  id: string;
  kind: string;
  kind_names: Record<string, string>;
  number: string | null;
  symbol: string;
  issued_on: string | null;
  issuing_body: string;
  title: string;
  issuing_path: string;
  restricted_roles: string[] | null;
};

export async function findReviewedDocument(db: Q, id: string): Promise<ReviewedDocumentRecord | undefined> {
  const { rows } = await sql<ReviewedDocumentRecord>`
    select d.id::text, d.kind, k.names as kind_names, d.number, d.symbol, d.issued_on, d.issuing_body, d.title,
      d.issuing_path::text, d.restricted_roles
    from policy_documents d join policy_document_kinds k on k.code = d.kind
    where d.id = ${id}`.execute(db);
  return rows[0];
}

/** Whether the unit has a plan of the document, or owns one of its tasks (itself or a unit under it). */
export async function unitTakesPart(db: Q, documentId: string, unitId: string, unitPath: string): Promise<boolean> {
  const { rows } = await sql<{ yes: boolean }>`
    select exists (select 1 from implementation_plans p where p.document_id = ${documentId} and p.unit_id = ${unitId})
        or exists (select 1 from tasks t where t.document_id = ${documentId} and t.owner_path <@ ${unitPath}::ltree) as yes`.execute(db);
  return rows[0]?.yes ?? false;
}

export async function findDocumentReview(db: Q, unitId: string, documentId: string, from: string, to: string) {
  return db
    .selectFrom('reviews')
    .select(['id'])
    .where('unit_id', '=', unitId)
    .where('policy_document_id', '=', documentId)
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .executeTakeFirst();
}

export type OverdueTaskRecord = { id: string; content: string; owner_unit_id: string; owner_name: string; owner_kind: string; deadline: string };

/** Open leaf tasks of the document past their deadline, owned under `path`, oldest deadline first, with their total. */
export async function findOverdueTasks(db: Q, documentId: string, path: string, limit: number): Promise<{ rows: OverdueTaskRecord[]; total: number }> {
  const { rows } = await sql<OverdueTaskRecord & { total: number }>`
    select t.id::text, t.content, t.owner_unit_id::text, u.name as owner_name, u.kind as owner_kind, t.deadline, count(*) over ()::int as total
    from tasks t join units u on u.id = t.owner_unit_id
    where t.document_id = ${documentId} and t.child_count = 0 and t.status = 'open' and t.deadline < ${TODAY} and t.owner_path <@ ${path}::ltree
    order by t.deadline, t.id
    limit ${limit}`.execute(db);
  return { rows, total: rows[0]?.total ?? 0 };
}

export type CommendedUnitRecord = { unit_id: string; unit_name: string; unit_kind: string; form: string; commendation_id: string | null };

export async function findCommendedUnits(db: Q, reviewId: string): Promise<CommendedUnitRecord[]> {
  const { rows } = await sql<CommendedUnitRecord>`
    select c.unit_id::text, u.name as unit_name, u.kind as unit_kind, c.form, c.commendation_id::text
    from review_commended_units c join units u on u.id = c.unit_id
    where c.review_id = ${reviewId}
    order by c.sort_order, u.name`.execute(db);
  return rows;
}

/** Units by id with their path (for the subtree check). */
export async function findUnitPaths(db: Q, ids: string[]): Promise<{ id: string; path: string }[]> {
  if (!ids.length) return [];
  return db.selectFrom('units').select(['id', sql<string>`path::text`.as('path')]).where('id', 'in', ids).execute();
}

/** Commendations by id with the unit they were given to (a collective's unit). */
export async function findCommendations(db: Q, ids: string[]): Promise<{ id: string; recipient_unit_id: string | null }[]> {
  if (!ids.length) return [];
  return db.selectFrom('commendations').select(['id', 'recipient_unit_id']).where('id', 'in', ids).execute();
}

/** Replaces the review's commended units by `items`, in their order. */
export async function replaceCommendedUnits(trx: Q, reviewId: string, items: { unitId: string; form: string; commendationId: string | null }[]): Promise<void> {
  await trx.deleteFrom('review_commended_units').where('review_id', '=', reviewId).execute();
  if (!items.length) return;
  await trx
    .insertInto('review_commended_units')
    .values(items.map((i, n) => ({ review_id: reviewId, unit_id: i.unitId, form: i.form, commendation_id: i.commendationId, sort_order: n })))
    .execute();
}

/** Bumps the review's version (a change of its commended units is a change of the review). */
export async function touchReview(trx: Q, id: string, version: number): Promise<boolean> {
  const res = await trx.updateTable('reviews').set({ updated_at: sql`now()`, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

export async function findDocumentFigures(db: Q, id: string): Promise<unknown> {
  const row = await db.selectFrom('reviews').select('document_figures').where('id', '=', id).executeTakeFirst();
  return row?.document_figures ?? null;
}

export async function setDocumentFigures(trx: Q, id: string, version: number, figures: unknown, changes: { narrative?: string | null }): Promise<boolean> {
  const res = await trx
    .updateTable('reviews')
    .set({ ...changes, document_figures: JSON.stringify(figures), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** The force's signing body when the document is a coordination program. */
export async function findProgramForce(db: Q, documentId: string): Promise<{ force_body: string } | undefined> {
  return db.selectFrom('coordination_programs').select(['force_body']).where('document_id', '=', documentId).executeTakeFirst();
}
