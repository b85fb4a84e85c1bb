import { type Kysely, sql } from 'kysely';

/**
 * Document reviews (docs/leadership-loop.md §6 "Document reviews", slice 7): a review (sơ kết /
 * tổng kết) of how a unit carried out a policy document, e.g. "tổng kết 10 năm thực hiện Nghị quyết
 * 25-NQ/TW". It is a `reviews` row with the document, its kind, the ordinal years ("N năm thực
 * hiện", computed then editable), the joint flag of a coordination program's review, and a snapshot
 * of the document's roll-up. A unit reviews a period once per document, and once for its periodic
 * review, so the old unique index becomes partial. Commended units are listed with the form of the
 * commendation, optionally linked to a recorded commendation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table reviews
      add column policy_document_id bigint references policy_documents(id),
      add column kind text check (kind in ('so_ket', 'tong_ket')),
      -- "N năm thực hiện": the years from the document's issue year to the period's last year, as typed.
      add column ordinal_years smallint check (ordinal_years between 0 and 200),
      add column joint boolean not null default false,
      -- The roll-up snapshot: { at, totals, children: [...], overdue: [...], overdueTotal }.
      add column document_figures jsonb,
      add constraint reviews_document_kind check ((policy_document_id is null) = (kind is null)),
      add constraint reviews_joint_document check (not joint or policy_document_id is not null)`.execute(db);
  await sql`drop index reviews_unit_period`.execute(db);
  // A unit reviews a period once (periodic reviews) and a document's period once (document reviews).
  await sql`create unique index reviews_unit_period on reviews (unit_id, period_from, period_to) where policy_document_id is null`.execute(db);
  await sql`create unique index reviews_unit_document_period on reviews (unit_id, policy_document_id, period_from, period_to) where policy_document_id is not null`.execute(db);
  await sql`create index reviews_policy_document on reviews (policy_document_id) where policy_document_id is not null`.execute(db);

  await sql`
    create table review_commended_units (
      review_id bigint not null references reviews(id),
      -- The review's unit or a unit under it.
      unit_id bigint not null references units(id),
      -- The form as written in the report, e.g. "Bằng khen của Ban Thường vụ Tỉnh ủy".
      form text not null check (length(btrim(form)) between 1 and 300),
      commendation_id bigint references commendations(id),
      sort_order integer not null default 0,
      primary key (review_id, unit_id)
    )`.execute(db);
  await sql`create index review_commended_units_unit on review_commended_units (unit_id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
