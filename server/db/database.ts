import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, sql } from 'kysely';
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

export type DbOptions = { max?: number; applicationName?: string };

/** A Kysely instance over a pg pool. bigint ids arrive as strings (no precision loss). */
export function createDb(url: string, options: DbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'danvan',
    types: typeParsers,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
