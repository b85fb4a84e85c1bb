/**
 * Backup and restore of all danvan data as one portable archive (see backup.format.ts), so a trial
 * on the embedded engine can move to any PostgreSQL ≥ 15, whatever the two major versions are.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { appliedMigrations, type Db, migrateToLatest, migrateUpTo } from '../../db/database.js';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { AppError } from '../../errors.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  type ArchiveHeader,
  type ColumnInfo,
  damaged,
  decodeArchive,
  encodeArchive,
  type RowValues,
  type TableInfo,
} from './backup.format.js';
import { partialPath, removeStalePartials } from './backup-partials.js';
import {
  alignIdentitySequences,
  countRows,
  deferForeignKeys,
  deleteAllRows,
  hasRows,
  insertRows,
  lockTables,
  readCatalog,
  readSequences,
  restoreSequences,
  serverVersion,
  setPortableOutput,
  streamRows,
  suspendInsertTriggers,
  tableExists,
} from './backup.repository.js';

export type BackupStep = 'backup' | 'verify' | 'migrate' | 'clear' | 'load' | 'finish';

/** `done`/`total` count rows over all tables; `table`/`tableRows` name the table in progress. */
export type BackupProgress = { step: BackupStep; done: number; total: number; table?: string; tableRows?: number };
export type ProgressOptions = { onProgress?: (p: BackupProgress) => void };
/** `signal`: aborting it stops the backup, and the partial file is removed (the CLI on SIGINT/SIGTERM). */
export type BackupOptions = ProgressOptions & { signal?: AbortSignal };

export type TableCount = { name: string; rows: number };
export type BackupSummary = {
  tables: TableCount[];
  rows: number;
  bytes: number;
  seconds: number;
  migrations: string[];
  /** Partial files of killed backups found beside the target and removed first. */
  removedPartials: string[];
};
export type RestoreSummary = { tables: TableCount[]; rows: number; seconds: number; migrations: string[]; migratedAfter: string[] };

const FETCH_ROWS = 2000;
const INSERT_ROWS = 1000;

const seconds = (since: number) => (performance.now() - since) / 1000;

function summarize(tables: TableInfo[]): { tables: TableCount[]; rows: number } {
  return { tables: tables.map((t) => ({ name: t.name, rows: t.rows })), rows: tables.reduce((n, t) => n + t.rows, 0) };
}

/** Flushes a file to disk, so the name given to it by a rename never points at missing bytes after a crash. */
async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in `dir` durable. Best effort: not every platform lets a folder be opened. */
async function syncDir(dir: string): Promise<void> {
  await syncFile(dir).catch(() => {});
}

/**
 * Writes every table of the database to an archive: to `out` (a path: written beside it as a
 * partial file, flushed and renamed when complete, readable by the owner only; or a stream).
 * Partial files that killed backups left in the target's folder are removed first
 * (backup-partials.ts). Reads in one REPEATABLE READ, READ ONLY transaction, so the archive is one
 * consistent snapshot while the app keeps running.
 */
export async function createBackup(db: Db, out: Writable | string, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});
  const signal = options.signal;
  const removedPartials = typeof out === 'string' ? await removeStalePartials(path.dirname(out)) : [];
  signal?.throwIfAborted();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const partial = typeof out === 'string' ? partialPath(out) : undefined;
  const target = typeof out === 'string' ? createWriteStream(partial!, { mode: 0o600 }) : out;

  try {
    const header = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // The first statement fixes the snapshot that every later read sees.
        await setPortableOutput(trx);
        if (!(await tableExists(trx, 'danvan_migrations'))) {
          throw new AppError('VALIDATION_FAILED', 'This database holds no danvan data (it was never migrated): nothing to back up.');
        }
        const migrations = await appliedMigrations(trx);
        const catalog = await readCatalog(trx);
        const tables: TableInfo[] = [];
        for (const t of catalog.tables) {
          tables.push({ name: t.name, rows: await countRows(trx, t.name), columns: t.columns, primaryKey: t.primaryKey });
        }
        const header: ArchiveHeader = {
          format: ARCHIVE_FORMAT,
          formatVersion: ARCHIVE_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          source: { serverVersion: await serverVersion(trx) },
          migrations,
          tables,
          sequences: await readSequences(trx),
        };
        const total = summarize(tables).rows;
        let done = 0;
        async function* sections() {
          for (const [i, t] of catalog.tables.entries()) {
            const table = tables[i]!;
            report({ step: 'backup', done, total, table: t.name, tableRows: table.rows });
            yield { table, batches: counted(streamRows(trx, t, FETCH_ROWS)) };
          }
        }
        async function* counted(batches: AsyncGenerator<RowValues[]>) {
          for await (const batch of batches) {
            done += batch.length;
            report({ step: 'backup', done, total });
            yield batch;
          }
        }
        await pipeline(Readable.from(encodeArchive(header, sections())), createGzip(), counter, target, signal ? { signal } : {});
        return header;
      });
    if (partial) {
      await syncFile(partial);
      await rename(partial, out as string);
      await syncDir(path.dirname(partial));
    }
    report({ step: 'finish', done: summarize(header.tables).rows, total: summarize(header.tables).rows });
    return { ...summarize(header.tables), bytes, seconds: seconds(started), migrations: header.migrations, removedPartials };
  } catch (err) {
    if (partial) {
      // Closed before removed: a file still being opened would otherwise appear after the rm.
      const closed = target.closed ? Promise.resolve() : new Promise<void>((resolve) => target.once('close', () => resolve()));
      target.destroy();
      await closed;
      await rm(partial, { force: true });
    }
    throw err;
  }
}

/** The archive's uncompressed bytes; read errors surface while iterating. */
async function* readArchiveBytes(path: string): AsyncGenerator<Buffer> {
  const file = createReadStream(path);
  const gunzip = createGunzip();
  file.on('error', (err) => gunzip.destroy(err));
  file.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    file.destroy();
    gunzip.destroy();
  }
}

/** Reads the whole archive once, checking structure, counts and checksum; returns its header. */
async function verifyArchive(path: string, report: (p: BackupProgress) => void): Promise<ArchiveHeader> {
  let header: ArchiveHeader | undefined;
  let done = 0;
  let total = 0;
  for await (const event of decodeArchive(readArchiveBytes(path), FETCH_ROWS)) {
    if (event.kind === 'header') {
      header = event.header;
      total = summarize(header.tables).rows;
      report({ step: 'verify', done, total });
    } else if (event.kind === 'rows') {
      done += event.rows.length;
      report({ step: 'verify', done, total });
    }
  }
  if (!header) throw damaged('empty file');
  return header;
}

const isPrefix = (prefix: string[], list: string[]) => prefix.length <= list.length && prefix.every((m, i) => list[i] === m);

/** "Empty" means nothing but what migrations create: no account and nothing ever audited. */
async function assertEmptyTarget(db: Db): Promise<void> {
  for (const table of ['users', 'audit_log']) {
    if ((await tableExists(db, table)) && (await hasRows(db, table))) {
      throw new AppError('CONFLICT', 'The target database already holds data; restore into an empty database.', { table });
    }
  }
}

/**
 * Loads an archive into an empty database (freshly created, or only migrated): checks the whole
 * archive first, migrates the database to the archive's level, then in ONE transaction replaces
 * the rows migrations seeded with the archive's rows (ids kept) and sets the sequences; finally
 * applies the migrations this version has beyond the archive's. Any failure leaves no data behind.
 */
export async function restoreBackup(db: Db, inPath: string, options: ProgressOptions = {}): Promise<RestoreSummary> {
  const started = performance.now();
  const report = options.onProgress ?? (() => {});

  const header = await verifyArchive(inPath, report);
  const known = Object.keys(MIGRATIONS);
  const unknown = header.migrations.filter((m) => !known.includes(m));
  if (unknown.length) {
    throw new AppError('CONFLICT', `This backup comes from a newer danvan (migrations ${unknown.join(', ')} are unknown here); update danvan, then restore.`, { unknown });
  }
  const level = header.migrations.at(-1);
  if (!level || !isPrefix(header.migrations, known)) throw damaged('its list of migrations does not match this version');

  await assertEmptyTarget(db);
  const targetMigrations = (await tableExists(db, 'danvan_migrations')) ? await appliedMigrations(db) : [];
  if (!isPrefix(targetMigrations, header.migrations)) {
    throw new AppError(
      'CONFLICT',
      `The target database is migrated beyond this backup (${targetMigrations.at(-1)} > ${level}); restore into a new, empty database: restore migrates it itself.`,
    );
  }
  const total = summarize(header.tables).rows;
  report({ step: 'migrate', done: 0, total });
  await migrateUpTo(db, level);

  await db.transaction().execute(async (trx) => {
    await setPortableOutput(trx);
    const catalog = await readCatalog(trx);
    const byName = new Map(catalog.tables.map((t) => [t.name, t]));
    const columnsOf = new Map<string, ColumnInfo[]>();
    for (const t of header.tables) {
      const target = byName.get(t.name);
      if (!target) throw new AppError('CONFLICT', `The target database has no table ${t.name}, although it is at the backup's migration level.`);
      const columns = t.columns.map((c) => target.columns.find((tc) => tc.name === c.name));
      const missing = t.columns.filter((_, i) => !columns[i]).map((c) => c.name);
      if (missing.length) throw new AppError('CONFLICT', `The target table ${t.name} lacks the columns ${missing.join(', ')}.`);
      columnsOf.set(t.name, columns as ColumnInfo[]);
    }
    const names = catalog.tables.map((t) => t.name);
    await lockTables(trx, names);
    await assertEmptyTarget(trx);

    report({ step: 'clear', done: 0, total });
    // The seed rows of migrations (unit kinds, the root unit, …) give way to the archive's own.
    // A delete may fire a trigger that writes another table (a catalogue's delete bumps the data
    // versions, the report summaries take deltas): clear again until every table is empty.
    for (let pass = 0; pass < 3; pass++) {
      let deleted = false;
      for (const name of [...names].reverse()) {
        if (await hasRows(trx, name)) {
          await deleteAllRows(trx, name);
          deleted = true;
        }
      }
      if (!deleted) break;
    }

    const resumeTriggers = await suspendInsertTriggers(trx, names);
    const checkKeys = await deferForeignKeys(trx, catalog.unorderable);
    let done = 0;
    // The next batch is decoded while PostgreSQL inserts the previous one.
    let inserting: Promise<void> | undefined;
    try {
      for await (const event of decodeArchive(readArchiveBytes(inPath), INSERT_ROWS)) {
        if (event.kind === 'table') {
          report({ step: 'load', done, total, table: event.table.name, tableRows: event.table.rows });
        } else if (event.kind === 'rows') {
          await inserting;
          const target = byName.get(event.table.name)!;
          inserting = insertRows(trx, target.name, columnsOf.get(target.name)!, target.hasIdentity, event.rows).then(() => {
            done += event.rows.length;
            report({ step: 'load', done, total });
          });
        }
      }
      await inserting;
    } finally {
      // On a decoding error, let the batch in flight settle before the transaction rolls back.
      await inserting?.catch(() => {});
    }
    await checkKeys();
    await resumeTriggers();
    await restoreSequences(trx, header.sequences);
    await alignIdentitySequences(trx, names);
  });

  const { applied } = await migrateToLatest(db);
  report({ step: 'finish', done: total, total });
  return { ...summarize(header.tables), seconds: seconds(started), migrations: header.migrations, migratedAfter: applied };
}
