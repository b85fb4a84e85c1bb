/**
 * SQL of bulk lifecycle actions: the entries of a batch locked for the transaction (by id, or all
 * matching the list's filters), and the one statement that moves them all.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { EntryLevel, EntryStatus } from '../../db/schema.js';
import { entriesWhere, type ListFilter } from './entries-list.repository.js';

/** What the per-entry checks of a step need, and the title to name a refused entry by. */
export type BulkEntry = {
  id: string;
  title: string;
  unit_path: string;
  current_path: string | null;
  registering_unit_id: string;
  level: EntryLevel;
  status: EntryStatus;
  version: number;
  evaluation_effective: boolean | null;
};

const COLUMNS = sql`e.id::text as id, e.title, e.unit_path::text as unit_path, u.current_path::text as current_path,
  e.registering_unit_id::text as registering_unit_id, e.level, e.status, e.version, e.evaluation_effective`;

/** These entries, locked until the transaction ends (so the checks hold when they move). */
export async function lockEntries(trx: Db, ids: string[]): Promise<BulkEntry[]> {
  const { rows } = await sql<BulkEntry>`select ${COLUMNS} from entries e join units u on u.id = e.registering_unit_id
    where e.id = any(${ids}::bigint[]) order by e.id for update of e`.execute(trx);
  return rows;
}

/** The entries matching the list's filters (at most `limit`), locked until the transaction ends. */
export async function lockMatching(trx: Db, f: ListFilter, limit: number): Promise<BulkEntry[]> {
  const { rows } = await sql<BulkEntry>`select ${COLUMNS} from entries e join units u on u.id = e.registering_unit_id
    where ${entriesWhere(f)} order by e.id limit ${limit} for update of e`.execute(trx);
  return rows;
}

/** What a step sets besides the status: the evaluation, or the recognition. */
export type StepChanges = { to: EntryStatus; from: readonly EntryStatus[]; evaluation?: { effective: boolean; score: string }; recognise?: boolean };

/**
 * Moves the entries in one statement, each only if it still has its version and one of the step's
 * `from` states (a first registration gets today as `registered_on` from the trigger). Returns the
 * ids that moved.
 */
export async function moveEntries(trx: Db, items: { id: string; version: number }[], c: StepChanges): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    update entries e set status = ${c.to}, version = e.version + 1, updated_at = now(),
      evaluation_effective = ${c.evaluation ? sql`${c.evaluation.effective}::boolean` : sql`e.evaluation_effective`},
      evaluation_score = ${c.evaluation ? sql`${c.evaluation.score}::numeric` : sql`e.evaluation_score`},
      recognised_typical = ${c.recognise ? sql`true` : sql`e.recognised_typical`}
    from unnest(${items.map((i) => i.id)}::bigint[], ${items.map((i) => i.version)}::int[]) as x(id, version)
    where e.id = x.id and e.version = x.version and e.status = any(${[...c.from]}::text[])
    returning e.id::text as id`.execute(trx);
  return rows.map((r) => r.id);
}
