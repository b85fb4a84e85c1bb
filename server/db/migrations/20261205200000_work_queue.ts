import { type Kysely, sql } from 'kysely';

/**
 * Indexes of the work queues ("Việc cần làm", docs/work-queue.md), each partial so that it holds
 * only the rows a queue looks for and costs writes nothing for the rest:
 *
 * - registered entries by path (GiST, with the level for the approval test): the entries awaiting
 *   an approver below province level (province and country approvers read the facet summary);
 *   a commune's 900 entries lie on as many heap pages, its 80 registered ones on this index;
 * - drafts and returned entries by registering unit and by creator: an editor's own queues;
 * - open reception commitments by deadline: the commitments due and overdue.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index entries_queue_registered on entries using gist (unit_path) include (level) where status = 'registered'`.execute(db);
  await sql`create index entries_queue_own_unit on entries (registering_unit_id) where status in ('draft', 'returned')`.execute(db);
  await sql`create index entries_queue_own_creator on entries (created_by) where status in ('draft', 'returned')`.execute(db);
  await sql`create index reception_commitments_open_deadline on reception_commitments (deadline) where done_on is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('This migration cannot be reverted; restore a backup instead.');
}
