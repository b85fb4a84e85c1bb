import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, type PostgresPool, type PostgresPoolClient, sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

// Dates stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the time zone.
const DATE_OID = 1082;
const typeParsers = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format),
};

/** Connections per pool unless a caller asks otherwise. */
const DEFAULT_POOL_SIZE = 10;

export type DbOptions = {
  max?: number;
  applicationName?: string;
  /** Where a lost connection is reported (default: standard error). */
  log?: (message: string) => void;
};

/** SQLSTATEs of a server that went away or refuses connections, and the socket errors of one that cannot be reached. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres raises these without a code: a socket closed under a client, a client used after
// that, and the pool's connection timeout.
const UNAVAILABLE_MESSAGE = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/;

/**
 * True when `err` means "the database cannot be reached right now" (the server stopped, restarts,
 * terminated our connection, refuses connections) rather than "this query is wrong": the caller
 * answers DATABASE_UNAVAILABLE and the next request, on a new connection, may succeed.
 */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  return UNAVAILABLE_MESSAGE.test(err.message);
}

/**
 * Runs `select 1` and returns once the database answers. A pooled connection whose session the
 * server has just ended (pg_terminate_backend, a failover, a restart) can still be lent before
 * the pool has read the end of its socket: its query fails, and the failed connection is
 * destroyed. That says nothing about the database, so the ping tries again — on another pooled
 * connection or a new one — and fails only when a connection error persists over `attempts`
 * tries (more than the pool holds, so a new connection has been tried) or the error is another.
 */
export async function pingDatabase(db: Db, attempts = DEFAULT_POOL_SIZE + 2): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (err) {
      if (!isConnectionError(err) || attempt >= attempts) throw err;
    }
  }
}

const describeError = (err: Error) => {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${err.message}` : err.message;
};

const lostMessage = (err: Error) => `A database connection was lost (${describeError(err)}); the next query opens a new one`;

/** Each Db's open connections, each with a promise of its socket's end, for closeDb. */
const openClients = new WeakMap<Db, Map<pg.PoolClient, Promise<void>>>();

/**
 * A Kysely instance over a pg pool. bigint ids arrive as strings (no precision loss).
 *
 * A connection the server ends (pg_terminate_backend, PostgreSQL stopping or dying, a network
 * cut) makes node-postgres emit 'error' on the client and, for an idle client, on the pool; an
 * EventEmitter 'error' without a listener ends the process. Both get one here: the pool drops
 * the client and opens a new one for the next query, and the query that was running fails with
 * an error that `isConnectionError` recognises.
 */
export function createDb(url: string, options: DbOptions = {}): Db {
  const log = options.log ?? ((m: string) => console.error(m));
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? DEFAULT_POOL_SIZE,
    application_name: options.applicationName ?? 'danvan',
    types: typeParsers,
    // A server that does not answer (rather than refusing) fails the request instead of hanging it;
    // the same limit bounds the wait for a free connection when all are busy.
    connectionTimeoutMillis: 15_000,
  });
  const clients = new Map<pg.PoolClient, Promise<void>>();
  pool.on('connect', (client) => {
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    clients.set(client, ended);
    void ended.then(() => clients.delete(client));
    // A checked-out client has no pool listener: its running query receives the error instead.
    client.on('error', () => {});
  });
  pool.on('error', (err) => {
    // While the pool ends, PostgreSQL may end the sessions first: expected, not worth a line.
    if (!pool.ending) log(lostMessage(err));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: discardingLostClients(pool, log) }) });
  openClients.set(db, clients);
  return db;
}

/**
 * The pool as Kysely sees it, except that a client whose query failed because its session ended
 * is released with that error, which makes the pool destroy it. Kysely releases clients without
 * the error; the pool would then lend the doomed client again if the next request came before the
 * socket's end was read (a second failed request after a terminated one).
 */
function discardingLostClients(pool: pg.Pool, log: (message: string) => void): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let lost: Error | undefined;
      const query = (text: string, parameters: ReadonlyArray<unknown>) =>
        client.query(text, [...parameters]).catch((err: unknown) => {
          if (isConnectionError(err)) {
            // Lent out, the client's end reaches its query, not the pool's listener: reported here,
            // so that every lost connection is reported once, idle or busy.
            if (!lost && !pool.ending) log(lostMessage(err as Error));
            lost = err as Error;
          }
          throw err;
        });
      // No cursor is configured, so Kysely only calls the (sql, parameters) form of query.
      return { query: query as unknown as PostgresPoolClient['query'], release: () => client.release(lost) };
    },
    end: () => pool.end(),
  };
}

/**
 * Destroys the Kysely instance and waits until every connection's socket is closed. `pool.end()`
 * resolves as soon as the clients are asked to end; PostgreSQL stopped right then would still
 * terminate their sessions (57P01).
 */
export async function closeDb(db: Db, waitMs = 5_000): Promise<void> {
  await db.destroy();
  const ended = Promise.all(openClients.get(db)?.values() ?? []);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

export type MigrationReport = { applied: string[] };

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    // Migrations are written against no table types: they define them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Migrator's own parameter type
    db: db as Kysely<any>,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'danvan_migrations',
    migrationLockTableName: 'danvan_migrations_lock',
  });
}

function report({ error, results }: MigrationResultSet): MigrationReport {
  if (error) {
    // Not a migration's fault: the database could not be reached; callers recognise this one.
    if (isConnectionError(error)) throw error;
    const failed = results?.find((r) => r.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Applies every pending migration in order; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  return report(await migrator(db).migrateToLatest());
}

/** Migrates up to and including `name`, not beyond (a restore first matches the archive's schema). */
export async function migrateUpTo(db: Kysely<Database>, name: string): Promise<MigrationReport> {
  return report(await migrator(db).migrateTo(name));
}

/** Names of the migrations applied to this database, in order. */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from danvan_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Creates a database on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  // A connection ended by the server surfaces through the query or connect() that is waiting.
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
