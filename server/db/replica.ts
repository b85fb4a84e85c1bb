/**
 * The report replica (DATABASE_REPLICA_URL): a read-only PostgreSQL kept in step with the primary
 * by streaming replication, which the report engine reads from so that heavy reports do not
 * compete with the officers' writes (docs/scaling.md). Absent, everything reads the primary.
 */
import type { Config } from '../config.js';
import { createDb, type Db } from './database.js';

/**
 * A pool on the replica, or undefined when none is configured. The same pool as the primary's
 * (`createDb`: a lost connection is logged and replaced, a query on it fails as
 * DATABASE_UNAVAILABLE); its sessions are read-only (`default_transaction_read_only`) even when
 * the URL names a writable server, so a write sent there by mistake fails at once instead of
 * landing in the wrong database. Close it with `closeDb` after the HTTP server.
 */
export function openReplica(config: Pick<Config, 'databaseReplicaUrl'>, log?: (message: string) => void): Db | undefined {
  if (!config.databaseReplicaUrl) return undefined;
  return createDb(readOnlyUrl(config.databaseReplicaUrl), { applicationName: 'danvan-replica', log });
}

/** The URL with `-c default_transaction_read_only=on` added to its `options` (libpq's startup options). */
export function readOnlyUrl(url: string): string {
  const u = new URL(url);
  const options = u.searchParams.get('options');
  u.searchParams.set('options', [options, '-c default_transaction_read_only=on'].filter(Boolean).join(' '));
  return u.toString();
}
