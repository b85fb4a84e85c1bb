/**
 * Data versions (migration 20261205300000_report_summaries): a unit's version of kind `f` changes
 * with every committed change of what its reports show, `r` with every entry written under it;
 * unit 0 is the catalogues. A version is the folded count plus the bumps not yet folded, so it is
 * the same whichever process reads it, and folding changes no sum.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';

export type VersionKind = 'f' | 'r';

/**
 * The sum of the versions of `unitIds` (and of the catalogues, unit 0). Read it *before* the data
 * an answer is computed from, on the same database: a change committed in between makes the answer
 * newer than its version says (harmless: the next reader sees a larger version), never older.
 */
export async function readDataVersion(db: Db, unitIds: readonly string[], kind: VersionKind): Promise<bigint> {
  return versionOf(db, sql`${[...new Set(['0', ...unitIds])]}::bigint[]`, kind);
}

/** The sum of the versions of the units in `ids` (a bigint[] expression), in one statement. */
async function versionOf(db: Db, ids: RawBuilder<unknown>, kind: VersionKind): Promise<bigint> {
  const { rows } = await sql<{ v: string }>`
    with ids as materialized (select unnest(${ids}) as id)
    select (coalesce((select sum(version) from data_versions where unit_id in (select id from ids) and kind = ${kind}), 0)
      + (select count(*) from data_version_bumps where unit_id in (select id from ids) and kind = ${kind}))::text as v`.execute(db);
  return BigInt(rows[0]?.v ?? '0');
}

/**
 * The records version (`r`) of a list's area (record-area.ts): the versions of the units at the
 * roots of its subtrees ('' is everything: the root units) and of its single units, with the
 * catalogues'. An entry written anywhere in the area bumps its unit's nodes, among them the root of
 * the subtree it lies in or the unit it was taken alone as; read it before the list, as above.
 */
export async function readAreaVersion(db: Db, area: { subtrees: readonly string[]; units: readonly string[] }): Promise<bigint> {
  const paths = [...area.subtrees.filter((p) => p !== ''), ...area.units];
  const everywhere = area.subtrees.includes('');
  return versionOf(db, sql`array(select 0::bigint union select id from units where path = any (${paths}::ltree[]) or (${everywhere} and parent_id is null))`, 'r');
}

/**
 * Folds the summaries' pending deltas and the pending bumps (`report_compact()`, one transaction);
 * returns how many summary rows it wrote. Safe to run again and alongside writers: it takes only what
 * was committed when it started.
 */
export async function compactSummaries(db: Db): Promise<number> {
  const { rows } = await sql<{ n: string }>`select report_compact()::text as n`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
